// One model for every table an office file holds (a sheet, a document's table): rows of cells
// with their spans, text and fill, and how a person names a cell ("Allegato 1!E27", "table 1,
// row 27, column 5"). The readers of each format produce it; the annex readers work from it.
import type { Diagnostic, Place } from "../../diagnostics/diagnostic.ts";
import { diag } from "../../diagnostics/rules.ts";

export interface GridCell {
  /** 0-based column in the grid */
  col: number;
  colSpan: number;
  rowSpan: number;
  /** lines and paragraphs joined with spaces, whitespace collapsed */
  text: string;
  /** the fill: "#rrggbb", or what it is when it has no one colour ("gradient"); null for none or white */
  fill: string | null;
  /** how the cell holds its value when not as text: a number, a date or time, a truth value, a formula's error */
  type?: "number" | "date" | "boolean" | "error";
  /** what the spreadsheet shows for a value that is not text ("31/01/2021" for a date), when `text` is the stored value */
  shown?: string;
  /** the formula that computes the cell's value, as the file writes it ("B3", "of:=[.B3]") */
  formula?: string;
  /** a formula saved without its value: `text` is the formula ("=A1&B1"), `type` "error" */
  uncomputed?: true;
  /** a document's cell that says it continues a vertical merge from above, with none open in its table */
  continued?: true;
}

export interface Grid {
  /** the sheet's name, or "table N" */
  name: string;
  /** rows in order; each holds the cells that start in it (positions a merge covers are left out) */
  rows: GridCell[][];
  /** rows hidden by hand or by a filter (0-based) */
  hidden: ReadonlySet<number>;
  /** paragraphs before and after a document's table; a sheet keeps them in its rows */
  before: string[];
  after: string[];
  /** where a person finds a cell: "Allegato 1!E27", "table 1, row 27, column 5" */
  locate(row: number, col: number): string;
}

/** The text of a row's cells with text, joined. */
export function rowText(cells: readonly GridCell[]): string {
  return cells
    .map((c) => c.text)
    .filter((t) => t !== "")
    .join(" ");
}

/** "text…" cut to `max` characters, for a message. */
export function preview(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One warning for the rows hidden by hand or by a filter (their cells given), however many. */
export function hiddenRows(cells: readonly string[], file: string): Diagnostic[] {
  const first = cells[0];
  if (first === undefined) return [];
  return [diag("office/hidden-rows", "hidden", { count: cells.length }, { file, cell: first })];
}

/** A cell that shows a formula's error instead of a value, or holds a formula without its value. */
export function formulaError(cell: GridCell, place: Place): Diagnostic {
  if (cell.uncomputed) return diag("office/formula-no-value", "no-value", { formula: preview(cell.text) }, place);
  return diag("office/formula-error", "error", { text: cell.text }, place);
}
