// The files of a plan year: its folder in sources/ holds the source and the settings, its
// folder in out/ the published annex in every format.

/** The annex's file name without extension, in sources/<plan>/ and in out/<plan>/. */
export const ANNEX_FILE = "allegato-1";
/** The annex data file that `annex init` writes and the office edits. */
export const ANNEX_DATA_FILE = `${ANNEX_FILE}.yaml`;
/** What the table does not print: the body's name, the risk-area legend, the structures. */
export const PLAN_FILE = "plan.yaml";
/** Reviewed corrections to a source the office cannot edit (a published PDF). */
export const CORRECTIONS_FILE = "corrections.yaml";

/**
 * What `annex init` writes for the office to edit: the working copy, one row per activity (xlsx,
 * the default: what an office opens in Excel or LibreOffice Calc; ods, the same as
 * OpenDocument), or annex data (yaml, for those who keep the annex in version control).
 */
export const INIT_FORMATS = ["xlsx", "ods", "yaml"] as const;
export type InitFormat = (typeof INIT_FORMATS)[number];

/** The formats an annex is published in. */
export const FORMATS = ["pdf", "docx", "html", "csv", "json", "xlsx", "ods"] as const;
export type Format = (typeof FORMATS)[number];

/** The published file name of each format. */
export function outputName(format: Format): string {
  return `${ANNEX_FILE}.${format}`;
}

/** The open data's description (Frictionless Data Package), beside the CSV. */
export const DATA_PACKAGE_FILE = "datapackage.json";
/** The risk-area legend as open data, the data package's second table. */
export const LEGEND_CSV_FILE = `${ANNEX_FILE}-aree-di-rischio.csv`;
/** The change report published with an edition that has a previous one: allegato-1-modifiche.html, .csv, .json. */
export const CHANGES_FILE = `${ANNEX_FILE}-modifiche`;
