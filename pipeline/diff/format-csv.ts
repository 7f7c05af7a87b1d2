// The change report's rows as CSV, for an Italian spreadsheet as the annex's CSV is written:
// RFC 4180, UTF-8 with a byte-order mark, Italian column names, one row per change (a structure
// renamed in many activities included, row by row), the same words as the HTML report.
import { stringify } from "csv-stringify/sync";
import { changeRows } from "./format-html.ts";
import type { DiffResult } from "./types.ts";

export const CHANGE_COLUMNS = ["Codice", "Attività o livello", "Modifica", "Prima", "Dopo"] as const;

export function diffToCsv(result: DiffResult): string {
  const rows = changeRows(result).map((r) => [r.code, r.subject, r.what, r.before, r.after]);
  return `\uFEFF${stringify([[...CHANGE_COLUMNS], ...rows], { record_delimiter: "\r\n", cast: { string: (s) => s } })}`;
}
