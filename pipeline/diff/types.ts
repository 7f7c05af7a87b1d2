// The result of comparing two editions of the annex. The `changes` follow the JSON contract of
// DESIGN.md ("annex diff ... --format json"); each also carries `context` — what the formatters
// need to explain a change to a person (titles, macro-process) — which the JSON leaves out.
import type { Activity, Level } from "../model/annex.ts";
import type { ChangeField, StructureField } from "../model/fields.ts";
import type { LevelKey } from "../model/levels.ts";

export type { ChangeField } from "../model/fields.ts";

/** The value of a compared field, as the annex holds it. */
export type FieldValue = Activity[ChangeField];

/** The hierarchy levels that carry a code; the function (Funzione) has none. */
export type HierarchyLevel = LevelKey;

export interface ChangeContext {
  /** what `code` names: an activity, or a macro/process/sub-process whose title changed */
  level: "activity" | HierarchyLevel;
  /** the activity's title (in b; in a for `removed`), or the level's title */
  title: string | null;
  /** code and title of the macro-process the change belongs to, for the summary */
  macro: Level;
  /** for `moved`: how alike the two titles are, 0..1 (1: identical once normalized) */
  similarity?: number;
}

export type Change =
  | { kind: "added"; code: string; context: ChangeContext }
  | { kind: "removed"; code: string; context: ChangeContext }
  | { kind: "moved"; code: string; from: string; context: ChangeContext }
  | { kind: "changed"; code: string; field: ChangeField; before: FieldValue; after: FieldValue; context: ChangeContext };

export type ChangeKind = Change["kind"];

export interface MacroSummary {
  code: string | null;
  title: string | null;
  added: number;
  removed: number;
  moved: number;
  /** `changed` entries: one per field of an activity, or per hierarchy title */
  changed: number;
}

/** The same structure renamed the same way in several activities, reported once. */
export interface StructureRename {
  field: StructureField;
  before: string;
  after: string;
  /** activity codes (in b), in document order */
  codes: string[];
}

export interface DiffSummary {
  activitiesBefore: number;
  activitiesAfter: number;
  total: number;
  byKind: Record<ChangeKind, number>;
  /** per macro-process, in document order of b, then macro-processes found only in a */
  byMacro: MacroSummary[];
  renames: StructureRename[];
}

export interface DiffResult {
  /** plan years of a and b */
  from: string;
  to: string;
  changes: Change[];
  summary: DiffSummary;
}

/** One change in the JSON of DESIGN.md (`annex diff --format json`). */
export interface JsonChange {
  kind: ChangeKind;
  code: string;
  from?: string;
  field?: ChangeField;
  before?: FieldValue;
  after?: FieldValue;
}

export interface DiffJson {
  from: string;
  to: string;
  changes: JsonChange[];
}

export interface DiffOptions {
  /** least title similarity (0..1) for a removed and an added activity to count as one moved activity */
  moveThreshold?: number;
  /** least number of activities with the same structure renamed the same way to group them */
  renameGroupMin?: number;
}
