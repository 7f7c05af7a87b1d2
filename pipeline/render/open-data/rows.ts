// The rows of the open data, one per activity, and their columns: the fields of model/columns.ts
// in its order, each with the contract's name (the JSON's keys) and the Italian title a person
// reads in the spreadsheet.
import type { Activity } from "../../model/annex.ts";
import { ANNEX_COLUMNS, type FieldValue } from "../../model/columns.ts";

export const OPEN_DATA_COLUMNS = ANNEX_COLUMNS.map((c) => ({ key: c.key, title: c.header }));

/** A field's value: text, a truth value (`active`), or null for an empty cell. */
export type OpenDataValue = FieldValue;

/** Yes and no as the published spreadsheet and CSV write them. */
export const TRUTH = { yes: "sì", no: "no" } as const;

/** A value as a person reads it in the spreadsheet and the CSV: `sì`/`no`, an empty cell for null. */
export function shownValue(value: OpenDataValue): string {
  if (typeof value === "boolean") return value ? TRUTH.yes : TRUTH.no;
  return value ?? "";
}

/** One activity's values, in the columns' order; risk areas joined with "/". */
export function openDataRow(a: Activity): OpenDataValue[] {
  return ANNEX_COLUMNS.map((c) => c.value(a));
}
