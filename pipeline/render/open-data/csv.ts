// Open data as CSV: the rows of DESIGN.md's contract (RFC 4180, UTF-8, header row); the
// hierarchy levels flattened into code and title columns, risk areas joined with "/".
import { stringify } from "csv-stringify/sync";
import type { Annex } from "../../model/annex.ts";
import { OPEN_DATA_COLUMNS, openDataRow } from "./rows.ts";

export const CSV_COLUMNS = OPEN_DATA_COLUMNS.map((c) => c.key);

export function toCsv(annex: Annex): string {
  const rows = annex.activities.map((a) => openDataRow(a).map((value) => (typeof value === "boolean" ? String(value) : value)));
  return stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: "\r\n", cast: { string: (s) => s } });
}
