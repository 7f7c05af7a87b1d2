// Open data as CSV, for the spreadsheets an Italian office opens it in: RFC 4180, UTF-8 with a
// byte-order mark (without it, Excel reads "attività" as "attivitÃ "), the published
// spreadsheet's Italian column names and `sì`/`no`, the hierarchy levels flattened into code and
// title columns, risk areas joined with "/". JSON stays the machine-facing, English-keyed format.
import { stringify } from "csv-stringify/sync";
import type { Annex } from "../../model/annex.ts";
import { OPEN_DATA_COLUMNS, openDataRow, shownValue } from "./rows.ts";

/** The byte-order mark every CSV we write starts with. */
export const BOM = "\uFEFF";

/** The CSV's header: the published spreadsheet's column titles. */
export const CSV_COLUMNS = OPEN_DATA_COLUMNS.map((c) => c.title);

/** A CSV for a spreadsheet: the BOM, a header row, CRLF, every field as text. */
export function spreadsheetCsv(rows: readonly (readonly string[])[]): string {
  return BOM + stringify(rows as string[][], { record_delimiter: "\r\n", cast: { string: (s) => s } });
}

export function toCsv(annex: Annex): string {
  return spreadsheetCsv([[...CSV_COLUMNS], ...annex.activities.map((a) => openDataRow(a).map(shownValue))]);
}
