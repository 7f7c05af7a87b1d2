// The working copy: the annex as a sheet an office edits, one row per activity (DESIGN.md,
// `annex init … --format xlsx`). Its columns, in order, with the headings a clerk sees; how a
// hierarchy cell holds a level ("A1.1 PERFORMANCE CAMERALE"); how `Attiva` says yes or no.
import { foldLabel } from "../../../model/header-words.ts";
import type { Level } from "../../../model/annex.ts";
import { isBareLetter, isNumberedCode } from "../../../model/codes.ts";

export type ColumnKey = "function" | "macro" | "process" | "subprocess" | "code" | "title" | "riskAreas" | "areaDirigenziale" | "servizio" | "uo" | "note" | "active";

/** The columns, in the order init writes them; widths in characters. */
export const COLUMNS: readonly { key: ColumnKey; heading: string; width: number }[] = [
  { key: "function", heading: "Funzione", width: 16 },
  { key: "macro", heading: "Macro processo", width: 26 },
  { key: "process", heading: "Processo", width: 26 },
  { key: "subprocess", heading: "Sotto processo", width: 26 },
  { key: "code", heading: "Codice", width: 10 },
  { key: "title", heading: "Attività", width: 46 },
  { key: "riskAreas", heading: "Area di rischio", width: 9 },
  { key: "areaDirigenziale", heading: "Area dirigenziale", width: 18 },
  { key: "servizio", heading: "Servizio/Staff", width: 22 },
  { key: "uo", heading: "U.O.", width: 22 },
  { key: "note", heading: "Note", width: 20 },
  { key: "active", heading: "Attiva", width: 7 },
];

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
