// Open data as CSV: the rows of DESIGN.md's contract (RFC 4180, UTF-8, header row); the
// hierarchy levels flattened into code and title columns, risk areas joined with "/".
import { stringify } from "csv-stringify/sync";
import type { Annex } from "../../model/annex.ts";

export const CSV_COLUMNS = [
  "code",
  "title",
  "riskAreas",
  "areaDirigenziale",
  "servizio",
  "uo",
  "note",
  "active",
  "function",
  "macroCode",
  "macroTitle",
  "processCode",
  "processTitle",
  "subprocessCode",
  "subprocessTitle",
] as const;

export function toCsv(annex: Annex): string {
  const rows = annex.activities.map((a) => [
    a.code,
    a.title,
    a.riskAreas.join("/"),
    a.areaDirigenziale,
    a.servizio,
    a.uo,
    a.note,
    a.active === null ? "" : String(a.active),
    a.function,
    a.macro.code,
    a.macro.title,
    a.process.code,
    a.process.title,
    a.subprocess.code,
    a.subprocess.title,
  ]);
  return stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: "\r\n", cast: { string: (s) => s } });
}
