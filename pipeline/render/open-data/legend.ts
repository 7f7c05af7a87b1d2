// The risk-area legend as open data: one row per letter of the plan's risk-area annex, the
// second table of the data package (the annex's "Area di rischio" column cites these letters),
// written like the annex's CSV: a BOM, Italian column names.
import { spreadsheetCsv } from "./csv.ts";

export const LEGEND_COLUMNS = ["Lettera", "Area di rischio"] as const;

export function legendCsv(entries: readonly { letter: string; name: string }[]): string {
  return spreadsheetCsv([[...LEGEND_COLUMNS], ...entries.map((e) => [e.letter, e.name])]);
}
