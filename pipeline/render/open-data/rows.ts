// The rows of the open data, one per activity, and their columns: the contract's names (the
// CSV's header, the JSON's keys) with the Italian title a person reads in the spreadsheet.
import type { Activity } from "../../model/annex.ts";

export const OPEN_DATA_COLUMNS = [
  { key: "code", title: "Codice" },
  { key: "title", title: "Attività" },
  { key: "riskAreas", title: "Area di rischio" },
  { key: "areaDirigenziale", title: "Area dirigenziale" },
  { key: "servizio", title: "Servizio/Staff" },
  { key: "uo", title: "U.O." },
  { key: "note", title: "Note" },
  { key: "active", title: "Attiva" },
  { key: "function", title: "Funzione" },
  { key: "macroCode", title: "Codice macro processo" },
  { key: "macroTitle", title: "Macro processo" },
  { key: "processCode", title: "Codice processo" },
  { key: "processTitle", title: "Processo" },
  { key: "subprocessCode", title: "Codice sotto processo" },
  { key: "subprocessTitle", title: "Sotto processo" },
] as const;

/** A field's value: text, a truth value (`active`), or null for an empty cell. */
export type OpenDataValue = string | boolean | null;

/** Yes and no as the published spreadsheet and CSV write them. */
export const TRUTH = { yes: "sì", no: "no" } as const;

/** A value as a person reads it in the spreadsheet and the CSV: `sì`/`no`, an empty cell for null. */
export function shownValue(value: OpenDataValue): string {
  if (typeof value === "boolean") return value ? TRUTH.yes : TRUTH.no;
  return value ?? "";
}

/** One activity's values, in the columns' order; risk areas joined with "/". */
export function openDataRow(a: Activity): OpenDataValue[] {
  return [
    a.code,
    a.title,
    a.riskAreas.join("/"),
    a.areaDirigenziale,
    a.servizio,
    a.uo,
    a.note,
    a.active,
    a.function,
    a.macro.code,
    a.macro.title,
    a.process.code,
    a.process.title,
    a.subprocess.code,
    a.subprocess.title,
  ];
}
