// The working copy: the annex as a sheet an office edits, one row per activity (DESIGN.md,
// `annex init … --format xlsx`). Its columns, in order, with the headings a clerk sees; how a
// hierarchy cell holds a level ("A1.1 PERFORMANCE CAMERALE"); how `Attiva` says yes or no.
import { foldLabel } from "../../../model/header-words.ts";
import type { Level } from "../../../model/annex.ts";
import { isBareLetter, isNumberedCode } from "../../../model/codes.ts";
import { WORKING_COPY_KEYS, workingCopyHeader, type WorkingCopyKey } from "../../../model/columns.ts";

export type ColumnKey = WorkingCopyKey;

/** Widths in characters, by column. */
const WIDTHS: Record<ColumnKey, number> = { function: 16, macro: 26, process: 26, subprocess: 26, code: 10, title: 46, riskAreas: 9, areaDirigenziale: 18, servizio: 22, uo: 22, note: 20, active: 7 };

/** The columns, in the order init writes them, with the column names of model/columns.ts. */
export const COLUMNS: readonly { key: ColumnKey; heading: string; width: number }[] = WORKING_COPY_KEYS.map((key) => ({ key, heading: workingCopyHeader(key), width: WIDTHS[key] }));

export const SHEET = "Allegato 1";
export const LEGEND_SHEET = "Legenda";
/** The label, on the legend sheet, of the row that holds the footnote printed under the table. */
export const FOOTNOTE_LABEL = "Nota in calce";
export const YES = "sì";
export const NO = "no";

/** The column a heading names, compared as the printed headers are (case and spaces aside). */
export function columnOf(heading: string): ColumnKey | undefined {
  const folded = foldLabel(heading);
  return COLUMNS.find((c) => foldLabel(c.heading) === folded)?.key;
}

/** A header row is the working copy's when it has the columns a printed annex lacks. */
export function isWorkingCopyHeader(headings: readonly string[]): boolean {
  return headings.some((h) => columnOf(h) === "note" || columnOf(h) === "active");
}

/** A hierarchy cell: "A1.1 PERFORMANCE CAMERALE", the code alone when there is no title, the title alone when there is no code. */
export function levelText(level: Level): string {
  return [level.code, level.title].filter((part) => part !== null).join(" ");
}

/**
 * A hierarchy cell read back. A numbered code at its start is the level's code (a wrong one is
 * validation's to report); a bare letter only when it is the activity's own (the G row prints
 * G at every level), so that a title that starts with a one-letter word stays a title.
 */
export function parseLevel(text: string, activityCode: string): Level {
  if (text === "") return { code: null, title: null };
  const space = text.indexOf(" ");
  const first = space < 0 ? text : text.slice(0, space);
  const rest = space < 0 ? null : text.slice(space + 1);
  if (isNumberedCode(first) || (isBareLetter(first) && first === activityCode)) return { code: first, title: rest };
  return { code: null, title: text };
}

/** `sì`/`no` as an office types them: any case, with or without the accent; a spreadsheet's own TRUE/FALSE too. */
export function parseActive(text: string, isTruthValue: boolean): boolean | null | undefined {
  const folded = text.normalize("NFD").replace(/\p{M}/gu, "").trim().toLowerCase();
  if (folded === "") return null;
  if (folded === "si" || (isTruthValue && folded === "true")) return true;
  if (folded === "no" || (isTruthValue && folded === "false")) return false;
  return undefined;
}
