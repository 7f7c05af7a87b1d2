// Rule `structure/near-duplicate`: office names that are probably one office written two ways,
// a likely typo for a person to settle (the tool never rewrites a name on its own).
//
// Names are compared per column and across columns, but not every kind of variant counts across
// columns: each column names a different kind of structure, and Italian agreement follows it —
// "Tutte" in Area dirigenziale (le aree) beside "Tutti" in Servizio/Staff and U.O. (i servizi,
// gli uffici) is correct, not a typo; and a service and its own unit are often named alike
// ("Segreteria generale e URP" beside a U.O. that drops a word). So inflection and dropped-word
// variants are flagged only inside one column, while typos, abbreviations and differences of
// capitals or spacing are flagged wherever they are.
//
// Speed: the distinct names of an annex are a few dozen even for thousands of activities, so
// names are grouped first and only distinct names are compared, pair by pair.
import { diag } from "../diagnostics/rules.ts";
import { UnionFind } from "../lib/union-find.ts";
import type { Activity } from "../model/annex.ts";
import { at } from "../lib/at.ts";
import { codeAt, codesOf, fieldPlaceOf, placeOf, type Finding, type RuleContext } from "./context.ts";
import { prepareName, variantKindOf, type PreparedName, type VariantKind } from "./similar-names.ts";
import { structureLabel } from "../model/fields.ts";
import { collectNameUses, type NameUse } from "./structures.ts";
import { type Param, type Phrase, ph } from "../messages/catalogue.ts";

const CROSS_COLUMN: ReadonlySet<VariantKind> = new Set(["spelling", "abbreviation", "typo"]);

const KIND_WORDS: Record<VariantKind, Phrase> = {
  spelling: ph("variant.spelling"),
  abbreviation: ph("variant.abbreviation"),
  inflection: ph("variant.inflection"),
  "dropped-word": ph("variant.dropped-word"),
  typo: ph("variant.typo"),
};

export interface VariantGroup {
  /** the (column, name) uses linked together */
  uses: NameUse[];
  kinds: Set<VariantKind>;
}

/** Groups of name uses that look like one office written in different ways. */
export function findVariantGroups(uses: readonly NameUse[]): VariantGroup[] {
  // each distinct name, prepared once, with the uses that give it (in order of first use)
  const byName = new Map<string, { prepared: PreparedName; uses: number[] }>();
  uses.forEach((u, i) => {
    const entry = byName.get(u.name);
    if (entry) entry.uses.push(i);
    else byName.set(u.name, { prepared: prepareName(u.name), uses: [i] });
  });
  const names = [...byName.values()];

  // sets of linked uses, and the kinds of variant that linked each set
  const linked = new UnionFind(uses.length);
  const kindsOf = new Map<number, Set<VariantKind>>();
  const link = (i: number, j: number, kind: VariantKind): void => {
    const kinds = new Set([...(kindsOf.get(linked.find(i)) ?? []), ...(kindsOf.get(linked.find(j)) ?? []), kind]);
    kindsOf.set(linked.union(j, i), kinds);
  };

  const columnOf = (i: number) => at(uses, i, "name use").column;
  names.forEach((x, a) => {
    for (const y of names.slice(a + 1)) {
      const kind = variantKindOf(x.prepared, y.prepared);
      if (kind === null) continue;
      for (const i of x.uses) for (const j of y.uses) if (columnOf(i) === columnOf(j) || CROSS_COLUMN.has(kind)) link(i, j, kind);
    }
  });

  const groups = new Map<number, VariantGroup>();
  uses.forEach((use, i) => {
    const root = linked.find(i);
    const kinds = kindsOf.get(root);
    if (!kinds) return; // linked to nothing
    let group = groups.get(root);
    if (!group) {
      group = { uses: [], kinds };
      groups.set(root, group);
    }
    group.uses.push(use);
  });
  return [...groups.values()];
}

interface Spelling {
  name: string;
  activities: number[];
  columns: string[];
}

export function checkNearDuplicates(activities: readonly Activity[], ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const group of findVariantGroups(collectNameUses(activities))) {
    // one entry per spelling: the same name used in two columns of the group counts once per activity
    const spellings = new Map<string, Spelling>();
    for (const use of group.uses) {
      let s = spellings.get(use.name);
      if (!s) {
        s = { name: use.name, activities: [], columns: [] };
        spellings.set(use.name, s);
      }
      s.activities = [...new Set([...s.activities, ...use.activities])].sort((x, y) => x - y);
      s.columns.push(structureLabel(use.column));
    }
    // the most used spelling is the reference; ties go to the one printed first
    const first = (s: Spelling) => at(s.activities, 0, "activity of a spelling");
    const ordered = [...spellings.values()].sort((x, y) => y.activities.length - x.activities.length || first(x) - first(y));
    const [reference, ...rarer] = ordered;
    if (!reference || rarer.length === 0) continue;

    const both = (items: readonly Param[]): Param => (items.length < 2 ? (items[0] ?? "") : ph("titles.and", { first: items.slice(0, -1), second: items[items.length - 1] ?? "" }));
    const describe = (s: Spelling, withCodes: boolean): Phrase =>
      withCodes
        ? ph("variant.spelling-codes", { name: s.name, columns: both(s.columns), count: s.activities.length, codes: codesOf(activities, s.activities) })
        : ph("variant.spelling-of", { name: s.name, columns: both(s.columns), count: s.activities.length });
    const rarerText = both(rarer.map((s) => describe(s, true)));
    const why = [...group.kinds].map((k): Param => KIND_WORDS[k]).reduce((first, second) => ph("variant.then", { first, second }));
    // with a tie no spelling is the usual one: the person chooses
    const tie = rarer.some((s) => s.activities.length === reference.activities.length);
    const advice = tie ? ph("variant.choose") : ph("variant.correct", { count: rarer.length });
    const params = { rarer: rarerText, count: rarer.length, reference: describe(reference, false), why, advice };

    // anchored at the first activity that uses a rarer spelling, in the column where it does
    const index = Math.min(...rarer.map(first));
    const use = group.uses.find((u) => u.name !== reference.name && u.activities.includes(index));
    const column = use ? structureLabel(use.column) : undefined;
    const place = use ? fieldPlaceOf(ctx, codeAt(activities, index), use.column, column) : placeOf(ctx, codeAt(activities, index), null, column);
    findings.push({ at: index, diagnostic: diag("structure/near-duplicate", ctx.kept === true ? "variant-sheet" : "variant", params, place) });
  }
  return findings;
}
