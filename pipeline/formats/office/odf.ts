// What .ods and .odt share: tables (table:table, with spans, covered cells, repeated rows and
// cells, hidden rows), cell fills from styles (through parent styles and the column's default
// cell style), and the text of a cell (paragraphs, line breaks, spaces as ODF writes them).
import { normalizeText } from "../../lib/text.ts";
import { isWhite, toHex } from "./colour.ts";
import type { GridCell } from "./grid.ts";
import type { Package } from "./package.ts";
import { element, elements, numberAttr, type El } from "./xml-tree.ts";

/** Columns past this are not read: no annex has that many, and a sheet repeats empty cells to 1024 and beyond. */
const MAX_COLS = 256;

interface CellStyle {
  parent: string | undefined;
  /** undefined: the style says nothing of its fill (its parent's applies) */
  fill: string | null | undefined;
}

function fillOfProps(style: El): string | null | undefined {
  const bg = element(style, "style:table-cell-properties")?.attrs["fo:background-color"];
  if (bg === undefined) return undefined;
  const hex = toHex(bg);
  return hex === null || isWhite(hex) ? null : hex;
}

/** Style name → its fill (null: none), following parent styles, for table cells. */
export function cellFills(roots: readonly El[]): (name: string | undefined) => string | null {
  const styles = new Map<string, CellStyle>();
  let fallback: string | null = null;
  for (const root of roots) {
    for (const holder of ["office:styles", "office:automatic-styles"]) {
      const list = element(root, holder);
      if (!list) continue;
      for (const s of elements(list, "style:style")) {
        if (s.attrs["style:family"] === "table-cell") styles.set(s.attrs["style:name"] ?? "", { parent: s.attrs["style:parent-style-name"], fill: fillOfProps(s) });
      }
      for (const d of elements(list, "style:default-style")) if (d.attrs["style:family"] === "table-cell") fallback = fillOfProps(d) ?? null;
    }
  }
  const resolved = new Map<string, string | null>();
  const resolve = (name: string | undefined, depth = 0): string | null => {
    if (name === undefined || depth > 20) return fallback;
    const known = resolved.get(name);
    if (known !== undefined) return known;
    const style = styles.get(name);
    const fill = style === undefined ? fallback : style.fill !== undefined ? style.fill : resolve(style.parent, depth + 1);
    resolved.set(name, fill);
    return fill;
  };
  return resolve;
}

/** content.xml, and the fill of each cell style from it and styles.xml. */
export function openOdf(pkg: Package): { content: El; fillOf: (style: string | undefined) => string | null } {
  const content = pkg.xml("content.xml");
  const roots = pkg.has("styles.xml") ? [pkg.xml("styles.xml"), content] : [content];
  return { content, fillOf: cellFills(roots) };
}

const SKIPPED = new Set(["office:annotation", "text:note", "text:tracked-changes"]);
const BLOCKS = new Set(["text:p", "text:h"]);

/** Text of a cell or paragraph: paragraphs and line breaks become spaces; comments and notes are left out. */
export function odfText(el: El): string {
  const out: string[] = [];
  const walk = (node: El): void => {
    for (const c of node.children) {
      if (typeof c === "string") out.push(c);
      else if (c.name === "text:s") out.push(" ".repeat(numberAttr(c, "text:c", 1)));
      else if (c.name === "text:tab" || c.name === "text:line-break") out.push(" ");
      else if (!SKIPPED.has(c.name)) {
        if (BLOCKS.has(c.name)) out.push(" ");
        walk(c);
      }
    }
  };
  walk(el);
  return normalizeText(out.join(""));
}

export interface OdfTable {
  name: string;
  rows: GridCell[][];
  /** the row number a person sees, for each grid row (thousands of repeated empty rows are kept as two) */
  numbers: number[];
  hidden: Set<number>;
}

const ROW_HOLDERS = new Set(["table:table-header-rows", "table:table-rows", "table:table-row-group"]);
const COLUMN_HOLDERS = new Set(["table:table-columns", "table:table-column-group", "table:table-header-columns"]);

function rowsOf(el: El, out: El[] = []): El[] {
  for (const c of elements(el)) {
    if (c.name === "table:table-row") out.push(c);
    else if (ROW_HOLDERS.has(c.name)) rowsOf(c, out);
  }
  return out;
}

function columnStyles(table: El): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  const walk = (el: El): void => {
    for (const c of elements(el)) {
      if (c.name === "table:table-column") {
        const n = Math.min(numberAttr(c, "table:number-columns-repeated", 1), MAX_COLS - out.length);
        for (let i = 0; i < n; i++) out.push(c.attrs["table:default-cell-style-name"]);
      } else if (COLUMN_HOLDERS.has(c.name)) walk(c);
    }
  };
  walk(table);
  return out;
}

function cellType(c: El): GridCell["type"] {
  if (c.attrs["calcext:value-type"] === "error") return "error";
  const type = c.attrs["office:value-type"];
  if (type === "boolean") return "boolean";
  if (type === "float" || type === "percentage" || type === "currency") return "number";
  if (type === "date" || type === "time") return "date";
  return undefined;
}

function cellOf(c: El, col: number, fill: string | null): GridCell {
  const type = cellType(c);
  // a truth value reads the same whatever the language of the program that saved it
  const text = type === "boolean" ? (c.attrs["office:boolean-value"] === "true" ? "TRUE" : "FALSE") : odfText(c);
  return {
    col,
    colSpan: numberAttr(c, "table:number-columns-spanned", 1),
    rowSpan: numberAttr(c, "table:number-rows-spanned", 1),
    text,
    fill,
    ...(type !== undefined ? { type } : {}),
    ...(c.attrs["table:formula"] !== undefined ? { formula: c.attrs["table:formula"] } : {}),
  };
}

/** A table:table as grid rows: merges as spans, covered cells left out, every other position a cell (empty if need be). */
export function odfTable(table: El, fillOf: (style: string | undefined) => string | null): OdfTable {
  const colStyles = columnStyles(table);
  const rows: GridCell[][] = [];
  const numbers: number[] = [];
  const hidden = new Set<number>();
  let number = 0;
  for (const row of rowsOf(table)) {
    const cells: GridCell[] = [];
    let col = 0;
    for (const c of elements(row)) {
      if (c.name !== "table:table-cell" && c.name !== "table:covered-table-cell") continue;
      const repeat = numberAttr(c, "table:number-columns-repeated", 1);
      for (let k = 0; k < repeat && col < MAX_COLS; k++, col++) {
        if (c.name === "table:covered-table-cell") continue;
        cells.push(cellOf(c, col, fillOf(c.attrs["table:style-name"] ?? row.attrs["table:default-cell-style-name"] ?? colStyles[col])));
      }
    }
    const repeat = numberAttr(row, "table:number-rows-repeated", 1);
    const empty = cells.every((c) => c.text === "");
    const isHidden = (row.attrs["table:visibility"] ?? "visible") !== "visible";
    // thousands of repeated empty rows pad a sheet to its end: two of them say as much
    const copies = empty ? Math.min(repeat, 2) : repeat;
    for (let k = 0; k < copies; k++) {
      if (isHidden && !empty) hidden.add(rows.length);
      rows.push(k === 0 ? cells : cells.map((c) => ({ ...c })));
      numbers.push(number + k + 1);
    }
    number += repeat;
  }
  return { name: table.attrs["table:name"] ?? "", rows, numbers, hidden };
}

