// Responsible structures: reading a cell into office names, collecting which activities use each
// name in each column, and rules `structure/unknown` (a name missing from the plan's own list of
// structures, when the plan gives one) and `structure/format` (an empty name between '/').
//
// How a cell names offices is in model/structure-names.ts; names are compared without their
// qualifiers.
import { diag } from "../diagnostics/rules.ts";
import type { Activity } from "../model/annex.ts";
import { STRUCTURE_FIELDS, structureLabel, type StructureField } from "../model/fields.ts";
import { splitStructureCell, withoutQualifiers, type StructureName } from "../model/structure-names.ts";
import type { PlanConfig } from "../model/plan.ts";
import { at } from "../lib/at.ts";
import { codeAt, codesOf, fieldPlaceOf, type Finding, type RuleContext } from "./context.ts";
import { variantKind } from "./similar-names.ts";

/** One office name in one column, with the activities (indexes, document order) that name it there. */
export interface NameUse {
  column: StructureField;
  name: string;
  activities: number[];
}

/** splitStructureCell remembering its answers: the same few cells repeat over hundreds of rows. */
export function memoizedSplitter(): (cell: string) => StructureName[] {
  const cache = new Map<string, StructureName[]>();
  return (cell) => {
    let parts = cache.get(cell);
    if (!parts) {
      parts = splitStructureCell(cell);
      cache.set(cell, parts);
    }
    return parts;
  };
}

/** Every (column, name) used by the annex, in order of first use. */
export function collectNameUses(activities: readonly Activity[]): NameUse[] {
  const uses = new Map<string, NameUse>();
  const split = memoizedSplitter();
  activities.forEach((activity, at) => {
    for (const column of STRUCTURE_FIELDS) {
      const cell = activity[column];
      if (cell === null) continue;
      for (const { name } of split(cell)) {
        if (name === "") continue;
        const key = `${column}\u0000${name}`;
        let use = uses.get(key);
        if (!use) {
          use = { column, name, activities: [] };
          uses.set(key, use);
        }
        // a name twice in one cell ("X/ X") is one use by that activity
        if (use.activities[use.activities.length - 1] !== at) use.activities.push(at);
      }
    }
  });
  return [...uses.values()];
}

export function checkStructures(activities: readonly Activity[], plan: PlanConfig | null, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const split = memoizedSplitter();

  activities.forEach((activity, at) => {
    for (const column of STRUCTURE_FIELDS) {
      const cell = activity[column];
      if (cell === null) continue;
      if (split(cell).some((part) => part.name === "")) {
        findings.push({
          at,
          diagnostic: diag(
            "structure/format",
            "empty",
            { code: activity.code, column: structureLabel(column), cell },
            fieldPlaceOf(ctx, activity.code, column, structureLabel(column)),
          ),
        });
      }
    }
  });

  const lists = plan?.structures;
  if (lists) {
    for (const use of collectNameUses(activities)) {
      const list = lists[use.column];
      // no list for this column: the annex's own names are the list
      if (!list) continue;
      const known = list.map(withoutQualifiers);
      if (known.includes(use.name)) continue;
      const suggestion = known.find((n) => variantKind(use.name, n) !== null);
      const first = at(use.activities, 0, "activity of a name");
      const codes = codesOf(activities, use.activities);
      const label = structureLabel(use.column);
      findings.push({
        at: first,
        diagnostic: suggestion
          ? diag("structure/unknown", "did-you-mean", { column: label, name: use.name, count: use.activities.length, codes, suggestion }, fieldPlaceOf(ctx, codeAt(activities, first), use.column, label))
          : diag("structure/unknown", "unknown", { column: label, name: use.name, count: use.activities.length, codes }, fieldPlaceOf(ctx, codeAt(activities, first), use.column, label)),
      });
    }
  }
  return findings;
}
