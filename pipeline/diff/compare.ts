// Field-by-field comparison of one activity across two editions, and of the hierarchy titles.
// Texts are compared exactly as published (the annex is already normalized for spacing), so a
// corrected typo is a change worth seeing.
import type { Activity, Annex } from "../model/annex.ts";
import { CHANGE_FIELDS } from "../model/fields.ts";
import { LEVEL_KEYS } from "../model/levels.ts";
import type { ChangeField, FieldValue, HierarchyLevel } from "./types.ts";

export interface FieldChange {
  field: ChangeField;
  before: FieldValue;
  after: FieldValue;
}

/** The fields that differ, in CHANGE_FIELDS order. */
export function compareActivity(a: Activity, b: Activity): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of CHANGE_FIELDS) {
    const before = a[field];
    const after = b[field];
    if (field === "active") {
      // null: the input (a text layer) cannot tell shading, so it says nothing about activation
      if (before === null || after === null) continue;
    }
    if (!sameValue(field, before, after)) changes.push({ field, before, after });
  }
  return changes;
}

function sameValue(field: ChangeField, x: FieldValue, y: FieldValue): boolean {
  if (field === "riskAreas" && Array.isArray(x) && Array.isArray(y)) {
    // risk areas are a set: "C/E" and "E/C" name the same areas
    const xs = [...new Set(x)].sort();
    const ys = [...new Set(y)].sort();
    return xs.length === ys.length && xs.every((v, i) => v === ys[i]);
  }
  return x === y;
}

export interface LevelTitle {
  level: HierarchyLevel;
  title: string | null;
}

/**
 * levelKey → title of every macro-process, process and sub-process. Every activity repeats its
 * levels; the first non-missing title of a code stands for it (validation reports a code
 * printed with two titles).
 */
export function levelTitles(annex: Annex): Map<string, LevelTitle> {
  const titles = new Map<string, LevelTitle>();
  for (const activity of annex.activities) {
    for (const level of LEVEL_KEYS) {
      const { code, title } = activity[level];
      if (code === null) continue;
      const key = levelKey(level, code);
      const known = titles.get(key);
      if (!known) titles.set(key, { level, title });
      else if (known.title === null && title !== null) known.title = title;
    }
  }
  return titles;
}

/** Levels are keyed by level and code together: the special row G is its own macro-process,
 * process and sub-process, three titles under one code. */
export function levelKey(level: HierarchyLevel, code: string): string {
  return `${level}:${code}`;
}
