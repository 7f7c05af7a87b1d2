// The risk-area legend as open data: one row per letter of the plan's risk-area annex, the
// second table of the data package (the annex's "Area di rischio" column cites these letters).
import { stringify } from "csv-stringify/sync";

export const LEGEND_COLUMNS = ["letter", "name"] as const;

export function legendCsv(entries: readonly { letter: string; name: string }[]): string {
  return stringify([[...LEGEND_COLUMNS], ...entries.map((e) => [e.letter, e.name])], { record_delimiter: "\r\n" });
}
