// Rules on titles: `title/consistent` (a macro process, process or sub-process code has one title
// wherever it appears), `hierarchy/consistent` (a macro process belongs to one function) and
// `title/missing` (a title the source does not carry). Texts are compared exactly: the annex keeps
// them as published, so two spellings are two texts and a person decides which one is right.
// A missing title is reported once per code, not once per activity repeating it.
import { diag } from "../diagnostics/rules.ts";
import type { Activity } from "../model/annex.ts";
import { at } from "../lib/at.ts";
import { codeAt, codesOf, placeOf, type Finding, type RuleContext } from "./context.ts";
import { LEVELS } from "../model/levels.ts";
import { type Param, type Phrase, ph } from "../messages/catalogue.ts";

/** Where a missing title is supplied: in corrections.yaml for a print, in the cells of a sheet the office keeps. */
const supplyHint = (ctx: RuleContext): Phrase => ph(ctx.kept === true ? "titles.hint-sheet" : "titles.hint");

interface Group {
  /** distinct texts in order of first appearance → indexes of the activities giving them */
  texts: Map<string, number[]>;
  /** indexes of the activities without a text */
  missing: number[];
  first: number;
}

function groupBy(activities: readonly Activity[], key: (a: Activity) => string | null, text: (a: Activity) => string | null): Map<string, Group> {
  const groups = new Map<string, Group>();
  activities.forEach((activity, at) => {
    const k = key(activity);
    if (k === null) return;
    let group = groups.get(k);
    if (!group) {
      group = { texts: new Map(), missing: [], first: at };
      groups.set(k, group);
    }
    const t = text(activity);
    if (t === null) group.missing.push(at);
    else {
      const list = group.texts.get(t);
      if (list) list.push(at);
      else group.texts.set(t, [at]);
    }
  });
  return groups;
}

export function checkTitles(activities: readonly Activity[], ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];

  /** `"X" (3 activities) and "Y" (1 activity: A1.3.1.2)`: the codes of all but the most used text */
  const describeTexts = (texts: Map<string, number[]>): Param => {
    const entries = [...texts];
    let top = at(entries, 0, "title of a code");
    for (const entry of entries) if (entry[1].length > top[1].length) top = entry;
    const described = entries.map((entry): Param => {
      const count = entry[1].length;
      return entry === top ? ph("titles.text-count", { text: entry[0], count }) : ph("titles.text-codes", { text: entry[0], count, codes: codesOf(activities, entry[1]) });
    });
    return joined(described, "titles.and");
  };

  const checkGroups = (
    groups: Map<string, Group>,
    level: Phrase | null,
  ) => {
    // level: the coded level whose titles are compared; null for the functions of the macro processes
    // k: the code (of the level, or of the macro process for functions)
    for (const [k, group] of groups) {
      const anchor = codeAt(activities, group.first);
      if (group.texts.size > 1) {
        // anchored where the second text first appears: that is where a reader sees the disagreement
        const second = at(at([...group.texts.values()], 1, "second title"), 0, "activity giving it");
        const place = placeOf(ctx, k, codeAt(activities, second));
        const params = { code: k, count: group.texts.size, texts: describeTexts(group.texts) };
        findings.push({
          at: second,
          diagnostic: level ? diag("title/consistent", "different", { ...params, level }, place) : diag("hierarchy/consistent", "different", params, place),
        });
      }
      if (group.texts.size === 0) {
        findings.push({
          at: group.first,
          diagnostic: level
            ? diag("title/missing", "level", { level, code: k, hint: supplyHint(ctx) }, placeOf(ctx, k, anchor))
            : diag("title/missing", "function", { code: k, hint: supplyHint(ctx) }, placeOf(ctx, k, anchor)),
        });
      } else if (group.missing.length > 0) {
        const first = at(group.missing, 0, "activity without a title");
        const given = joined(
          [...group.texts.keys()].map((t) => `"${t}"`),
          "titles.or",
        );
        const place = placeOf(ctx, k, codeAt(activities, first));
        const params = { code: k, count: group.missing.length, codes: codesOf(activities, group.missing), given };
        findings.push({
          at: first,
          diagnostic: level ? diag("title/missing", "level-some", { ...params, level }, place) : diag("title/missing", "function-some", params, place),
        });
      }
    }
  };

  for (const level of LEVELS) {
    const groups = groupBy(
      activities,
      (a) => a[level.key].code,
      (a) => a[level.key].title,
    );
    checkGroups(groups, ph(`level.${level.key}`));
  }

  const functions = groupBy(
    activities,
    (a) => a.macro.code,
    (a) => a.function,
  );
  checkGroups(functions, null);

  activities.forEach((activity, at) => {
    // in a sheet the office keeps, the reader has reported the empty cell as an error
    if (activity.title === null && ctx.kept !== true) {
      findings.push({
        at,
        diagnostic: diag("title/missing", "activity", { code: activity.code, hint: supplyHint(ctx) }, placeOf(ctx, activity.code)),
      });
    }
  });
  return findings;
}

/** "A and B", "A, B and C" (or "or"), in the person's language. */
function joined(items: readonly Param[], conjunction: "titles.and" | "titles.or"): Param {
  if (items.length < 2) return items[0] ?? "";
  return ph(conjunction, { first: items.slice(0, -1), second: items[items.length - 1] ?? "" });
}
