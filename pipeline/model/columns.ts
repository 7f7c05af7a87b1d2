// The annex's fields as a table holds them, in one list: each field's key (the contract's name,
// flattened: a level's code and title are two fields), the Italian column name a person reads
// (the published spreadsheet's header), and its value in an activity. The open data writes these
// columns in this order; the working copy writes the same fields, with each hierarchy level in
// one cell ("A1.1 PERFORMANCE CAMERALE") under its title's column name. Both are read back by
// these names, so a column renamed here is renamed everywhere.
import type { Activity } from "./annex.ts";
import type { LevelKey } from "./levels.ts";

/** A field's value: text, a truth value (`active`), or null for an empty cell. */
export type FieldValue = string | boolean | null;

export interface AnnexColumn<K extends string = string> {
  key: K;
  /** the Italian column name */
  header: string;
  value(activity: Activity): FieldValue;
  /** the hierarchy level whose code or title this is */
  level?: LevelKey;
}

const level = (key: LevelKey, part: "code" | "title") => (a: Activity) => a[key][part];

export const ANNEX_COLUMNS = [
  { key: "code", header: "Codice", value: (a) => a.code },
  { key: "title", header: "Attività", value: (a) => a.title },
  { key: "riskAreas", header: "Area di rischio", value: (a) => a.riskAreas.join("/") },
  { key: "areaDirigenziale", header: "Area dirigenziale", value: (a) => a.areaDirigenziale },
  { key: "servizio", header: "Servizio/Staff", value: (a) => a.servizio },
  { key: "uo", header: "U.O.", value: (a) => a.uo },
  { key: "note", header: "Note", value: (a) => a.note },
  { key: "active", header: "Attiva", value: (a) => a.active },
  { key: "function", header: "Funzione", value: (a) => a.function },
  { key: "macroCode", header: "Codice macro processo", value: level("macro", "code"), level: "macro" },
  { key: "macroTitle", header: "Macro processo", value: level("macro", "title"), level: "macro" },
  { key: "processCode", header: "Codice processo", value: level("process", "code"), level: "process" },
  { key: "processTitle", header: "Processo", value: level("process", "title"), level: "process" },
  { key: "subprocessCode", header: "Codice sotto processo", value: level("subprocess", "code"), level: "subprocess" },
  { key: "subprocessTitle", header: "Sotto processo", value: level("subprocess", "title"), level: "subprocess" },
] as const satisfies readonly AnnexColumn[];

export type AnnexColumnKey = (typeof ANNEX_COLUMNS)[number]["key"];

/** The Italian column name of a field. */
export function headerOf(key: AnnexColumnKey): string {
  const column = ANNEX_COLUMNS.find((c) => c.key === key);
  if (!column) throw new Error(`no column ${key}`);
  return column.header;
}

/** The working copy's columns, in the order `annex init` writes them: a level's code and title share one cell. */
export const WORKING_COPY_KEYS = ["function", "macro", "process", "subprocess", "code", "title", "riskAreas", "areaDirigenziale", "servizio", "uo", "note", "active"] as const;
export type WorkingCopyKey = (typeof WORKING_COPY_KEYS)[number];

const LEVEL_TITLE = { macro: "macroTitle", process: "processTitle", subprocess: "subprocessTitle" } as const satisfies Record<LevelKey, AnnexColumnKey>;

/** The column name of a working-copy column: a level's cell is under its title's name. */
export function workingCopyHeader(key: WorkingCopyKey): string {
  return key === "macro" || key === "process" || key === "subprocess" ? headerOf(LEVEL_TITLE[key]) : headerOf(key);
}

/** The column names only the published spreadsheet has (a level's code in a column of its own): a header with one is a publication's. */
export const PUBLICATION_ONLY_HEADERS: readonly string[] = (ANNEX_COLUMNS as readonly AnnexColumn[]).filter((c) => c.level !== undefined && c.key.endsWith("Code")).map((c) => c.header);
