// The overview a person reads first: how many changes, where (per macro-process), and the
// structures renamed across many activities — a reorganisation renames an office in dozens of
// rows, and one line "U.O. X → Y in 7 activities" says it better than seven.
import type { Annex } from "../model/annex.ts";
import type { Change, ChangeKind, DiffSummary, MacroSummary, StructureRename } from "./types.ts";

export const DEFAULT_RENAME_GROUP_MIN = 2;

export function summarize(changes: readonly Change[], a: Annex, b: Annex, renameGroupMin = DEFAULT_RENAME_GROUP_MIN): DiffSummary {
  const byKind: Record<ChangeKind, number> = { added: 0, removed: 0, moved: 0, changed: 0 };
  for (const change of changes) byKind[change.kind]++;
  return {
    activitiesBefore: a.activities.length,
    activitiesAfter: b.activities.length,
    total: changes.length,
    byKind,
    byMacro: perMacro(changes, a, b),
    renames: renames(changes, renameGroupMin),
  };
}

function perMacro(changes: readonly Change[], a: Annex, b: Annex): MacroSummary[] {
  // every macro-process of b in document order, then those found only in a: the table then
  // reads like the annex, and a macro-process that disappeared still shows its removals
  const rows = new Map<string, MacroSummary>();
  const add = (code: string | null, title: string | null) => {
    const key = code ?? "";
    if (!rows.has(key)) rows.set(key, { code, title, added: 0, removed: 0, moved: 0, changed: 0 });
  };
  for (const activity of b.activities) add(activity.macro.code, activity.macro.title);
  for (const activity of a.activities) add(activity.macro.code, activity.macro.title);
  for (const change of changes) {
    const row = rows.get(change.context.macro.code ?? "");
    if (row) row[change.kind]++;
  }
  return [...rows.values()].filter((r) => r.added + r.removed + r.moved + r.changed > 0);
}

function renames(changes: readonly Change[], min: number): StructureRename[] {
  const groups = new Map<string, StructureRename>();
  for (const change of changes) {
    if (change.kind !== "changed") continue;
    const { field, before, after } = change;
    if (field !== "areaDirigenziale" && field !== "servizio" && field !== "uo") continue;
    // an office appearing or disappearing is not a rename
    if (typeof before !== "string" || typeof after !== "string") continue;
    const key = JSON.stringify([field, before, after]);
    const group = groups.get(key) ?? { field, before, after, codes: [] };
    group.codes.push(change.code);
    groups.set(key, group);
  }
  // largest first; among equals, the one met first in the document (Map keeps insertion order
  // and the sort is stable)
  return [...groups.values()].filter((g) => g.codes.length >= min).sort((x, y) => y.codes.length - x.codes.length);
}

/**
 * The changes that a rename group already reports: the detailed lists leave them out (the group
 * names every activity), so that one reorganisation does not bury the other changes.
 */
export function groupedByRename(summary: DiffSummary): (change: Change) => boolean {
  const keys = new Set(summary.renames.flatMap((r) => r.codes.map((code) => JSON.stringify([r.field, code, r.before, r.after]))));
  return (change) => change.kind === "changed" && keys.has(JSON.stringify([change.field, change.code, change.before, change.after]));
}
