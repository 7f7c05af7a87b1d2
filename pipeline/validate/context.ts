// What every rule needs besides the annex: where to point a person (file and provenance), and
// how a rule hands back a diagnostic anchored to an activity so that the report reads in
// document order whatever rule produced it.
import type { Diagnostic, Place } from "../diagnostics/diagnostic.ts";
import { at } from "../lib/at.ts";
import type { Activity } from "../model/annex.ts";

export interface RuleContext {
  file?: string;
  /** page/row (or line) of each code in the source, as the load and repair stages recorded it */
  provenance?: Map<string, Place>;
  /** the annex is a sheet the office keeps (the working copy): advice is to fix its cells, and the reader has reported empty titles */
  kept?: boolean;
}

/** A diagnostic plus the index of the activity it belongs to in document order (-1: the annex as a whole). */
export interface Finding {
  at: number;
  diagnostic: Diagnostic;
}

/**
 * Where a diagnostic about `code` points. The provenance gives file/page/row; `code` is always
 * named so that a reader without the page numbers can still find the row. A code the provenance
 * does not know (a sub-process, say) borrows the place of `fallback`, the activity that shows it.
 */
export function placeOf(ctx: RuleContext, code: string | null, fallback?: string | null, column?: string): Place {
  const known = (code !== null ? ctx.provenance?.get(code) : undefined) ?? (fallback ? ctx.provenance?.get(fallback) : undefined);
  const place: Place = { ...(known ?? {}) };
  if (place.file === undefined && ctx.file !== undefined) place.file = ctx.file;
  if (column !== undefined) place.column = column;
  if (code !== null) place.code = code;
  else if (fallback) place.code = fallback;
  return place;
}

/**
 * Where a diagnostic about one field of activity `code` points: the field's own cell when the
 * source records it (the working copy: `CODE#field`), else the activity's place with the column.
 */
export function fieldPlaceOf(ctx: RuleContext, code: string, field: string, column?: string): Place {
  const own = ctx.provenance?.get(`${code}#${field}`);
  return own ? { ...own, code } : placeOf(ctx, code, null, column);
}

/** Where the n-th activity with `code` is (0-based), when the source records each use (the working copy). */
export function usePlaceOf(ctx: RuleContext, code: string, n: number): Place | undefined {
  return ctx.provenance?.get(`${code}@${n}`);
}

/** The code of the activity at `index`, which a finding names. */
export function codeAt(activities: readonly Activity[], index: number): string {
  return at(activities, index, "activity").code;
}

/** "A1.1.1.1, A1.1.1.2": the codes of the activities at `indexes`. */
export function codesOf(activities: readonly Activity[], indexes: readonly number[]): string {
  return indexes.map((i) => codeAt(activities, i)).join(", ");
}
