// Diagnostics are data (like unified's vfile messages): every stage returns them beside its
// output, the CLI prints them like a compiler does, or as JSON.
import { z } from "zod";

export const Place = z
  .object({
    file: z.string().optional(),
    page: z.number().int().positive().optional(),
    row: z.number().int().positive().optional(),
    column: z.string().optional(),
    line: z.number().int().positive().optional(),
    col: z.number().int().positive().optional(),
    code: z.string().optional(),
  })
  .strict();
export type Place = z.infer<typeof Place>;

export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

export const Diagnostic = z
  .object({
    severity: Severity,
    rule: z.string(),
    reason: z.string(),
    place: Place,
  })
  .strict();
export type Diagnostic = z.infer<typeof Diagnostic>;

export function diag(severity: Severity, rule: string, reason: string, place: Place = {}): Diagnostic {
  return { severity, rule, reason, place };
}

/** `file:page 3:row 12: warning: reason [rule]` — one line, like a compiler. */
export function formatPlace(place: Place): string {
  const parts: string[] = [];
  if (place.file) parts.push(place.file);
  if (place.line !== undefined) parts.push(place.col !== undefined ? `${place.line}:${place.col}` : String(place.line));
  if (place.page !== undefined) parts.push(`page ${place.page}`);
  if (place.row !== undefined) parts.push(`row ${place.row}`);
  if (place.column) parts.push(place.column);
  if (place.code) parts.push(place.code);
  return parts.join(":");
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = formatPlace(d.place);
  return `${where ? `${where}: ` : ""}${d.severity}: ${d.reason} [${d.rule}]`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** Thrown for input that cannot be read at all (exit status 2): one line, says what and where. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly place: Place = {},
  ) {
    super(message);
    this.name = "InputError";
  }
}
