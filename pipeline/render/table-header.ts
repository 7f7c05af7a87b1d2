// The table's columns and its two header rows, worded by templates/labels.yaml: a row of bands
// ("LIV 1" … "STRUTTURE RESPONSABILI") over the row of column headings. Part of the layout
// model, so that the three renderers print the same header:
// a column without a band has its heading over both rows (no header cell is empty: a screen
// reader names the header cells of every cell); printed (PDF, DOCX), as in the published annex,
// one heading ("Attività") stands over the activity's code and title; on screen (HTML) each
// column has its own heading.
import { LEVEL_KEYS } from "../model/levels.ts";
import type { Labels } from "./labels.ts";

/** The merged (vertically spanning) hierarchy columns, outermost first: the function, then the coded levels. */
export const MERGED_COLUMNS = ["function", ...LEVEL_KEYS] as const;
export type MergedColumn = (typeof MERGED_COLUMNS)[number];

/** The per-activity columns, in table order. */
export const DATA_KEYS = ["activityCode", "activityTitle", "riskAreas", "areaDirigenziale", "servizio", "uo"] as const;
export type DataKey = (typeof DATA_KEYS)[number];

export type ColumnKey = MergedColumn | DataKey;

export interface Column {
  key: ColumnKey;
  /** short and stable: names the column's heading and styles in the HTML (h-code, c-code) */
  name: string;
  /** the column's own heading (on screen; printed, code and title share one) */
  heading: string;
  /** relative width, in the proportions of the published annex */
  width: number;
}

/** A header cell. */
export interface HeaderCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  /** the first column it covers */
  column: ColumnKey;
  /** unique in the header: b-<band> for a band, h-<column> for a heading (an HTML id) */
  id: string;
  /** the ids of the header cells above it */
  headers: string[];
}

export type HeaderRows = [HeaderCell[], HeaderCell[]];

/** The columns in table order, with their relative widths as measured on the published annex (A4 landscape). */
const COLUMNS: readonly { key: ColumnKey; name: string; width: number }[] = [
  { key: "function", name: "function", width: 85 },
  { key: "macro", name: "macro", width: 108 },
  { key: "process", name: "process", width: 108 },
  { key: "subprocess", name: "subprocess", width: 131 },
  { key: "activityCode", name: "code", width: 62 },
  { key: "activityTitle", name: "title", width: 216 },
  { key: "riskAreas", name: "risk", width: 53 },
  { key: "areaDirigenziale", name: "area", width: 100 },
  { key: "servizio", name: "servizio", width: 100 },
  { key: "uo", name: "uo", width: 92 },
];

/** The bands of the first header row: the columns each covers, and its words in labels.yaml. */
const BANDS: readonly { name: string; label: keyof Labels["bands"]; first: ColumnKey; span: number }[] = [
  { name: "function", label: "function", first: "function", span: 1 },
  { name: "macro", label: "macro", first: "macro", span: 1 },
  { name: "process", label: "process", first: "process", span: 1 },
  { name: "subprocess", label: "subprocess", first: "subprocess", span: 1 },
  { name: "activity", label: "activity", first: "activityCode", span: 2 },
  { name: "risk", label: "riskAreas", first: "riskAreas", span: 1 },
  { name: "structures", label: "structures", first: "areaDirigenziale", span: 3 },
];

function heading(key: ColumnKey, labels: Labels): string {
  if (key === "activityTitle") return labels.columns.activity;
  return labels.columns[key];
}

export function tableColumns(labels: Labels): Column[] {
  return COLUMNS.map(({ key, name, width }) => ({ key, name, heading: heading(key, labels), width }));
}

function cell(text: string, column: ColumnKey, id: string, span: { colSpan?: number; rowSpan?: number; headers?: string[] } = {}): HeaderCell {
  return { text, colSpan: span.colSpan ?? 1, rowSpan: span.rowSpan ?? 1, column, id, headers: span.headers ?? [] };
}

/**
 * The two header rows: a band over its columns' headings; where a band has no words, its
 * headings stand over both rows (no header cell is ever empty). Printed, one heading
 * ("Attività") stands over the activity's code and title, as in the published annex; on screen,
 * each column has its own.
 */
function header(columns: readonly Column[], labels: Labels, printed: boolean): HeaderRows {
  const top: HeaderCell[] = [];
  const below: HeaderCell[] = [];
  for (const band of BANDS) {
    const text = labels.bands[band.label];
    const start = columns.findIndex((c) => c.key === band.first);
    const covered = columns.slice(start, start + band.span);
    const id = `b-${band.name}`;
    const headings: HeaderCell[] = [];
    for (const column of covered) {
      if (printed && column.key === "activityTitle") continue;
      const above = text === "" ? { rowSpan: 2 } : { headers: [id] };
      if (printed && column.key === "activityCode") headings.push(cell(labels.columns.activity, column.key, "h-title", { colSpan: 2, ...above }));
      else headings.push(cell(column.heading, column.key, `h-${column.name}`, above));
    }
    if (text === "") {
      top.push(...headings);
      continue;
    }
    top.push(cell(text, band.first, id, { colSpan: band.span }));
    below.push(...headings);
  }
  return [top, below];
}

/** The header as printed (PDF, DOCX): "Attività" over the activity's code and title. */
export function printedHeader(columns: readonly Column[], labels: Labels): HeaderRows {
  return header(columns, labels, true);
}

/** The header on screen (HTML): every column its own heading, under its band, or over both rows where it has none. */
export function screenHeader(columns: readonly Column[], labels: Labels): HeaderRows {
  return header(columns, labels, false);
}

/** The ids of the header cells over a column, top first: what a screen reader announces for its cells. */
export function headersOver(rows: HeaderRows, columns: readonly Column[], key: ColumnKey): string[] {
  const index = (k: ColumnKey) => columns.findIndex((c) => c.key === k);
  const at = index(key);
  return rows.flat().filter((c) => index(c.column) <= at && at < index(c.column) + c.colSpan).map((c) => c.id);
}
