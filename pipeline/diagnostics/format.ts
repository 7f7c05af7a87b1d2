// Diagnostics as a person reads them: one line each, like a compiler's, and counts by severity.
import { showInvisible } from "../lib/characters.ts";
import { plural } from "../lib/plural.ts";
import type { Diagnostic, Place, Severity } from "./diagnostic.ts";

/** `file:page 3:row 12:A1.1`, `file:Allegato 1!E27:A1.1` — where a diagnostic points. */
export function formatPlace(place: Place): string {
  const parts: string[] = [];
  if (place.file) parts.push(place.file);
  if (place.line !== undefined) parts.push(place.col !== undefined ? `${place.line}:${place.col}` : String(place.line));
  if (place.page !== undefined) parts.push(`page ${place.page}`);
  if (place.row !== undefined) parts.push(`row ${place.row}`);
  if (place.cell) parts.push(place.cell);
  if (place.column) parts.push(place.column);
  if (place.code) parts.push(place.code);
  return parts.join(":");
}

/**
 * `file:page 3:row 12: warning: reason [rule]` — one line, like a compiler. A reason or place
 * quotes the data (a cell's text, a sheet's name): its control and bidi characters are shown as
 * <U+001B>, so that a cell cannot clear the terminal, set its title or break the line in two.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = formatPlace(d.place);
  return showInvisible(`${where ? `${where}: ` : ""}${d.severity}: ${d.reason} [${d.rule}]`);
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
export function summary(diagnostics: readonly Diagnostic[]): string {
  const c = countBySeverity(diagnostics);
  return `${plural(c.error, "error")}, ${plural(c.warning, "warning")}`;
}
