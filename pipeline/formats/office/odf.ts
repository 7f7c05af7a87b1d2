// What .ods and .odt share: tables (table:table, with spans, covered cells, repeated rows and
// cells, hidden rows), cell fills from styles (through parent styles and the column's default
// cell style), and the text of a cell (paragraphs, line breaks, spaces as ODF writes them).
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { FatalError } from "../../diagnostics/fatal.ts";
import { diag } from "../../diagnostics/rules.ts";
import { ph, type Param } from "../../messages/catalogue.ts";
import { normalizeText } from "../../lib/text.ts";
import { isWhite } from "../../model/shading.ts";
import { toHex } from "./colour.ts";
import type { GridCell } from "./grid.ts";
import type { Package } from "./package.ts";
import { element, elements, find, numberAttr, type El } from "./xml-tree.ts";

/** Columns past this are not read: no annex has that many, and a sheet repeats empty cells to 1024 and beyond. */
const MAX_COLS = 256;
/** Rows with text a table may have (with its repeats): far past any annex, far below what exhausts memory. */
const MAX_ROWS = 100_000;
/** A run of spaces (text:s) is read as one space, as the text is collapsed anyway: no longer run is built. */
const MAX_SPACES = 1000;

/** What reading an OpenDocument part needs beyond the part: its styles, and where to tell what it met. */
export interface OdfContext {
  file: string;
  fillOf: (style: string | undefined) => string | null;
  /** text, paragraph and section styles that hide what they style (text:display="none") */
  hiddenStyles: ReadonlySet<string>;
  /** table styles of hidden sheets (table:display="false") */
  hiddenTables: ReadonlySet<string>;
  findings: Diagnostic[];
  /** hidden text met, counted once per table or paragraph run */
  hiddenText: number;
}

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

/** Styles that hide: text or paragraph styles with text:display="none", table styles with table:display="false". */
function hidingStyles(roots: readonly El[]): { text: Set<string>; tables: Set<string> } {
  const text = new Set<string>();
  const tables = new Set<string>();
  for (const root of roots) {
    for (const holder of ["office:styles", "office:automatic-styles"]) {
      const list = element(root, holder);
      if (!list) continue;
      for (const s of elements(list, "style:style")) {
        const name = s.attrs["style:name"] ?? "";
        if (element(s, "style:text-properties")?.attrs["text:display"] === "none") text.add(name);
        if (s.attrs["style:family"] === "table" && element(s, "style:table-properties")?.attrs["table:display"] === "false") tables.add(name);
      }
    }
  }
  return { text, tables };
}

/** content.xml, and what its styles (and those of styles.xml) say: each cell style's fill, the styles that hide. */
export function openOdf(pkg: Package): { content: El; context: OdfContext } {
  const content = pkg.xml("content.xml");
  const roots = pkg.has("styles.xml") ? [pkg.xml("styles.xml"), content] : [content];
  const hiding = hidingStyles(roots);
  return { content, context: { file: pkg.file, fillOf: cellFills(roots), hiddenStyles: hiding.text, hiddenTables: hiding.tables, findings: pkg.findings, hiddenText: 0 } };
}

/** One warning per stretch of hidden text met (a hidden run, field, paragraph or section): it is never read. */
export function hiddenTextFinding(context: OdfContext, what: string, cell?: string): void {
  context.hiddenText++;
  context.findings.push(diag("office/hidden-text", "hidden", { what }, cell !== undefined ? { file: context.file, cell } : { file: context.file }));
}

/** An element hidden by its own style (text:display="none" through text:style-name). */
export function isHidden(el: El, context: OdfContext | undefined): boolean {
  const style = el.attrs["text:style-name"];
  return context !== undefined && style !== undefined && context.hiddenStyles.has(style);
}

const SKIPPED = new Set(["office:annotation", "text:note", "text:tracked-changes"]);
const BLOCKS = new Set(["text:p", "text:h"]);
/** Fields that hide text or their paragraph when their condition holds: the word processor shows them hidden by default. */
const HIDING_FIELDS = new Set(["text:hidden-text", "text:hidden-paragraph"]);

/**
 * Text of a cell or paragraph: paragraphs and line breaks become spaces; comments and notes are
 * left out, and so is hidden text (a hidden style, a hidden-text field, a paragraph with a
 * hidden-paragraph field), which is reported once per element read.
 */
export function odfText(el: El, context?: OdfContext, cell?: string): string {
  const out: string[] = [];
  let hidden = false;
  const walk = (node: El): void => {
    for (const c of node.children) {
      if (typeof c === "string") out.push(c);
      else if (c.name === "text:s") out.push(" ".repeat(Math.min(Math.max(1, numberAttr(c, "text:c", 1)), MAX_SPACES)));
      else if (c.name === "text:tab" || c.name === "text:line-break") out.push(" ");
      else if (HIDING_FIELDS.has(c.name) || isHidden(c, context) || (BLOCKS.has(c.name) && find(c, "text:hidden-paragraph") !== undefined)) hidden = true;
      else if (!SKIPPED.has(c.name)) {
        if (BLOCKS.has(c.name)) out.push(" ");
        walk(c);
      }
    }
  };
  if (HIDING_FIELDS.has(el.name) || isHidden(el, context) || (BLOCKS.has(el.name) && find(el, "text:hidden-paragraph") !== undefined)) hidden = true;
  else walk(el);
  if (hidden && context) hiddenTextFinding(context, "text in a paragraph or cell", cell);
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

const VALUES = ["office:value", "office:string-value", "office:boolean-value", "office:date-value", "office:time-value"];

/** A count (a repeat, a span): a positive whole number, 1 when absent; anything else is damage. */
function countAttr(el: El, name: string, context: OdfContext, cell: string): number {
  const raw = el.attrs[name];
  if (raw === undefined) return 1;
  if (!/^\s*\d+\s*$/.test(raw) || Number(raw) < 1) {
    throw new FatalError("office/damaged", "not-count", { name: name.replace(/^table:/, ""), value: raw.slice(0, 20) }, { file: context.file, cell });
  }
  return Number(raw);
}

function tooLarge(context: OdfContext, cell: string, what: Param): FatalError {
  return new FatalError("office/too-large", "limit", { what, rows: MAX_ROWS.toLocaleString("en"), columns: MAX_COLS }, { file: context.file, cell });
}

function cellOf(c: El, col: number, fill: string | null, context: OdfContext, cell: string): GridCell {
  const type = cellType(c);
  const rowSpan = countAttr(c, "table:number-rows-spanned", context, cell);
  const colSpan = countAttr(c, "table:number-columns-spanned", context, cell);
  if (rowSpan > MAX_ROWS || colSpan > MAX_COLS) throw tooLarge(context, cell, ph("limit.merged-over", { rows: rowSpan, columns: colSpan }));
  if (find(c, "table:table")) context.findings.push(diag("office/nested-table", "nested", {}, { file: context.file, cell }));
  const formula = c.attrs["table:formula"];
  const text = odfText(c, context, cell);
  // a formula saved without its value (scripts write them so): the application would compute one, the file holds none
  if (formula !== undefined && text === "" && !VALUES.some((v) => c.attrs[v] !== undefined)) {
    return { col, colSpan, rowSpan, text: formula.replace(/^of:/, ""), fill, type: "error", uncomputed: true };
  }
  return {
    col,
    colSpan,
    rowSpan,
    // a truth value reads the same whatever the language of the program that saved it
    text: type === "boolean" ? (c.attrs["office:boolean-value"] === "true" ? "TRUE" : "FALSE") : text,
    fill,
    ...(type !== undefined ? { type } : {}),
    ...(c.attrs["table:formula"] !== undefined ? { formula: c.attrs["table:formula"] } : {}),
  };
}

/**
 * A table:table as grid rows: merges as spans, covered cells left out, every other position a
 * cell (empty if need be). `locate` names a cell from the row number a person sees.
 */
export function odfTable(table: El, context: OdfContext, locate: (number: number, col: number) => string): OdfTable {
  const { fillOf } = context;
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
      const place = locate(number + 1, col);
      const repeat = countAttr(c, "table:number-columns-repeated", context, place);
      if (col >= MAX_COLS) {
        if (c.name === "table:table-cell" && odfText(c) !== "") throw tooLarge(context, place, ph("limit.past-columns"));
        continue;
      }
      const first = c.name === "table:covered-table-cell" ? null : cellOf(c, col, fillOf(c.attrs["table:style-name"] ?? row.attrs["table:default-cell-style-name"] ?? colStyles[col]), context, place);
      // a text repeated past the columns read would be cut short without a word
      if (first !== null && first.text !== "" && col + repeat > MAX_COLS) throw tooLarge(context, place, ph("limit.cell-repeated", { count: repeat }));
      for (let k = 0; k < repeat && col < MAX_COLS; k++, col++) {
        if (first === null) continue;
        cells.push(k === 0 ? first : { ...first, col, fill: fillOf(c.attrs["table:style-name"] ?? row.attrs["table:default-cell-style-name"] ?? colStyles[col]) });
      }
    }
    const repeat = countAttr(row, "table:number-rows-repeated", context, locate(number + 1, 0));
    const empty = cells.every((c) => c.text === "");
    const isHidden = (row.attrs["table:visibility"] ?? "visible") !== "visible";
    // thousands of repeated empty rows pad a sheet to its end: two of them say as much
    const copies = empty ? Math.min(repeat, 2) : repeat;
    if (rows.length + copies > MAX_ROWS) throw tooLarge(context, locate(number + 1, 0), ph("limit.row-repeated", { count: repeat.toLocaleString("en") }));
    for (let k = 0; k < copies; k++) {
      if (isHidden && !empty) hidden.add(rows.length);
      rows.push(k === 0 ? cells : cells.map((c) => ({ ...c })));
      numbers.push(number + k + 1);
    }
    number += repeat;
  }
  return { name: table.attrs["table:name"] ?? "", rows, numbers, hidden };
}

