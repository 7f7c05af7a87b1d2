// A workbook to write, as data: sheets of typed cells with a few named styles, column widths,
// a frozen header, a filter, data validation (drop-down lists, input messages) and rows shaded
// by a condition. Nothing here knows the annex; xlsx.ts and ods.ts write it in each format.

export interface CellStyle {
  bold?: true;
  italic?: true;
  /** points */
  size?: number;
  wrap?: true;
  /** "#rrggbb" */
  fill?: string;
  /** a thin line under the cell (a header row) */
  underline?: true;
  /** what a person types in the cell stays text ("1.10" is not turned into a number) */
  textFormat?: true;
}

/** A value as the spreadsheet stores it: text is always text (never a formula, never a number), a truth value is one. */
export type CellValue = string | boolean | number | null;

export interface Cell {
  value: CellValue;
  /** a key of Workbook.styles */
  style?: string;
}

/** 0-based, inclusive. */
export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Validation {
  range: Range;
  /** the allowed values: given here, or the cells of a range of another sheet */
  list?: readonly string[] | { sheet: string; range: Range };
  /** shown when a cell of the range is selected */
  prompt?: { title: string; message: string };
  /** what a value outside the list gets: refused (stop) or let through after a warning */
  error?: { style: "stop" | "warning"; title: string; message: string };
}

/** Rows of `range` filled with `fill` while the cell of column `column` in the same row reads `equals` (trimmed, in any case). */
export interface RowShading {
  range: Range;
  column: number;
  equals: string;
  fill: string;
}

export interface Sheet {
  name: string;
  /** widths in characters, by column */
  widths: readonly number[];
  /** the style of the columns' cells that hold nothing yet (what a person types there later) */
  columnStyle?: string;
  rows: readonly (readonly Cell[])[];
  /** rows kept in view at the top while scrolling */
  freezeRows?: number;
  /** the range with filter buttons on its first row */
  filter?: Range;
  validations?: readonly Validation[];
  shading?: readonly RowShading[];
  /** printed on landscape pages as wide as the table, the first `repeatRows` rows repeated on each page; `area`: only that range is printed */
  print?: { repeatRows?: number; area?: Range };
}

export interface Workbook {
  sheets: readonly Sheet[];
  styles: Readonly<Record<string, CellStyle>>;
  /** document properties; `date` (null: the document has none, none is written) is also every zip entry's date, so that the bytes are reproducible */
  properties: { title: string; author?: string; language: string; date: Date | null };
}

/** Each sheet's cells of `style` text. */
export function textCells(values: readonly CellValue[], style?: string): Cell[] {
  return values.map((value) => (style === undefined ? { value } : { value, style }));
}
