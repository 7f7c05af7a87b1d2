// Diagnostics as a person reads them: one line each, like a compiler's, and counts by severity,
// in the person's language (pipeline/messages). JSON output keeps the English `reason`.
import { showInvisible } from "../lib/characters.ts";
import { currentLang, phrase, ruleMessage, t, type Lang } from "../messages/catalogue.ts";
import { ColumnKind } from "../model/raw.ts";
import type { Diagnostic, Place, Severity } from "./diagnostic.ts";

/** A document's table cell as readers record it ("table 1, row 34, column 5"), in `lang`. */
const TABLE_CELL = /^table (\d+), row (\d+), column (\d+)$/;

function cellText(cell: string, lang: Lang): string {
  const m = TABLE_CELL.exec(cell);
  return m ? phrase("place.table-cell", { table: m[1] ?? "", row: m[2] ?? "", column: m[3] ?? "" }, lang) : cell;
}

/** A column named by a reader's kind ("macro") is shown by the sheet's heading ("Macro processo"). */
function columnText(column: string, lang: Lang): string {
  const kind = ColumnKind.safeParse(column);
  return kind.success ? phrase(`column.${kind.data}`, undefined, lang) : column;
}

/** `file:page 3:row 12:A1.1`, `file:Allegato 1!E27:A1.1` — where a diagnostic points. */
export function formatPlace(place: Place, lang: Lang = currentLang()): string {
  const parts: string[] = [];
  if (place.file) parts.push(place.file);
  if (place.line !== undefined) parts.push(place.col !== undefined ? `${place.line}:${place.col}` : String(place.line));
  if (place.page !== undefined) parts.push(phrase("place.page", { n: place.page }, lang));
  if (place.row !== undefined) parts.push(phrase("place.row", { n: place.row }, lang));
  if (place.cell) parts.push(cellText(place.cell, lang));
  if (place.column) parts.push(columnText(place.column, lang));
  if (place.code) parts.push(place.code);
  return parts.join(":");
}

/** What a diagnostic says, in `lang` (its `reason` is the English). */
export function messageText(d: Diagnostic, lang: Lang = currentLang()): string {
  return lang === "en" ? d.reason : ruleMessage(d.rule, d.message, d.params, lang);
}

export function severityText(severity: Severity, lang: Lang = currentLang()): string {
  return phrase(`severity.${severity}`, undefined, lang);
}

/**
 * `file:page 3:row 12: warning: reason [rule]` — one line, like a compiler, in the run's language.
 * A reason or place quotes the data (a cell's text, a sheet's name): its control and bidi
 * characters are shown as <U+001B>, so that a cell cannot clear the terminal, set its title or
 * break the line in two.
 */
export function formatDiagnostic(d: Diagnostic): string {
  return formatDiagnosticIn(d, currentLang());
}

export function formatDiagnosticIn(d: Diagnostic, lang: Lang): string {
  const where = formatPlace(d.place, lang);
  return showInvisible(`${where ? `${where}: ` : ""}${severityText(d.severity, lang)}: ${messageText(d, lang)} [${d.rule}]`);
}

export function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === "error");
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** "0 errors, 19 warnings". */
export function summary(diagnostics: readonly Diagnostic[], lang: Lang = currentLang()): string {
  const c = countBySeverity(diagnostics);
  return t("summary.counts", { errors: c.error, warnings: c.warning }, lang);
}
