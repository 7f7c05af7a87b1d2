// Word document (.docx): the body's tables as grids, the paragraphs around each table kept for
// the title and the footnote. Merges: w:gridSpan across, w:vMerge down (restart, then continue
// cells); fills: the cell's w:shd (a colour, or a dotted pattern seen from afar). Deleted text
// and field instructions are not text; hidden text (w:vanish, directly or by style) is not read
// and said so; rows and cells inside content controls or custom XML are read as Word prints
// them; a text box saved twice (mc:AlternateContent) is read once; a table nested in a cell
// and a span past the table's grid are errors at their cell.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { FatalError } from "../../diagnostics/fatal.ts";
import { diag } from "../../diagnostics/rules.ts";
import { normalizeText } from "../../lib/text.ts";
import { isWhite } from "../../model/shading.ts";
import { mix, toHex } from "../office/colour.ts";
import type { Grid, GridCell } from "../office/grid.ts";
import type { Package } from "../office/package.ts";
import { element, elements, type El } from "../office/xml-tree.ts";

const SKIP = new Set(["w:del", "w:instrText", "w:delText", "w:rPr", "w:pPr", "w:tcPr", "w:fldData", "w:commentReference", "w:footnoteReference"]);
/** Wrappers Word prints the content of as if they were not there: content controls, custom XML, smart tags. */
const WRAPPERS = new Set(["w:sdt", "w:sdtContent", "w:customXml", "w:smartTag"]);
const OFF = new Set(["0", "false", "off"]);

/** What reading the document needs beside its body: the styles that hide text, where to tell what was met. */
interface DocxContext {
  file: string;
  /** character and paragraph styles that hide their text (w:vanish), through their basedOn chain */
  hiddenStyles: ReadonlySet<string>;
  findings: Diagnostic[];
}

/** A w:vanish (or w:specVanish) that is on: absent w:val, or any value but off. */
function vanishOf(rPr: El | undefined): boolean | undefined {
  const v = rPr && element(rPr, "w:vanish");
  if (!v) return undefined;
  return !OFF.has(v.attrs["w:val"] ?? "true");
}

function hiddenStylesOf(pkg: Package): Set<string> {
  const path = "word/styles.xml";
  const hidden = new Set<string>();
  if (!pkg.has(path)) return hidden;
  const styles = new Map<string, { basedOn: string | undefined; vanish: boolean | undefined }>();
  for (const s of elements(pkg.xml(path), "w:style")) {
    const id = s.attrs["w:styleId"] ?? "";
    styles.set(id, { basedOn: element(s, "w:basedOn")?.attrs["w:val"], vanish: vanishOf(element(s, "w:rPr")) });
  }
  for (const id of styles.keys()) {
    let at: string | undefined = id;
    for (let depth = 0; at !== undefined && depth < 20; depth++) {
      const style = styles.get(at);
      if (style?.vanish !== undefined) {
        if (style.vanish) hidden.add(id);
        break;
      }
      at = style?.basedOn;
    }
  }
  return hidden;
}

/** A run Word does not show: w:vanish on it, or on its character style, or on its paragraph's style. */
function isHiddenRun(run: El, paragraphStyle: string | undefined, context: DocxContext): boolean {
  const rPr = element(run, "w:rPr");
  const own = vanishOf(rPr);
  if (own !== undefined) return own;
  const style = rPr && element(rPr, "w:rStyle")?.attrs["w:val"];
  if (style !== undefined && context.hiddenStyles.has(style)) return true;
  return paragraphStyle !== undefined && context.hiddenStyles.has(paragraphStyle);
}

interface TextRead {
  out: string[];
  /** hidden runs were left out */
  hidden: boolean;
  /** a table inside: its text is not read into the cell */
  nested: boolean;
}

function runsText(el: El, read: TextRead, context: DocxContext, paragraphStyle?: string): void {
  for (const c of el.children) {
    if (typeof c === "string" || SKIP.has(c.name)) continue;
    if (c.name === "w:t") read.out.push(c.children.filter((t): t is string => typeof t === "string").join(""));
    else if (c.name === "w:tab" || c.name === "w:br" || c.name === "w:cr") read.out.push(" ");
    else if (c.name === "w:noBreakHyphen") read.out.push("-");
    else if (c.name === "w:r" && isHiddenRun(c, paragraphStyle, context)) read.hidden = true;
    else if (c.name === "mc:AlternateContent") {
      // one content, two renderings (a text box as DrawingML, then as VML): read the first the file offers
      const chosen = element(c, "mc:Choice") ?? element(c, "mc:Fallback");
      if (chosen) runsText(chosen, read, context, paragraphStyle);
    } else if (c.name === "w:p") {
      read.out.push(" ");
      const pPr = element(c, "w:pPr");
      runsText(c, read, context, (pPr && element(pPr, "w:pStyle")?.attrs["w:val"]) ?? undefined);
    } else if (c.name === "w:tbl") read.nested = true;
    else runsText(c, read, context, paragraphStyle);
  }
}

function textOf(el: El, context: DocxContext, cell?: string): { text: string; nested: boolean } {
  const read: TextRead = { out: [], hidden: false, nested: false };
  runsText(el, read, context);
  if (read.hidden) {
    context.findings.push(cell !== undefined ? diag("office/hidden-text", "in-cell", {}, { file: context.file, cell }) : diag("office/hidden-text", "in-paragraph", {}, { file: context.file }));
  }
  return { text: normalizeText(read.out.join("")), nested: read.nested };
}

/** w:shd as the colour a person sees: the fill, with a pattern (pct15, …) drawn over it in its colour. */
function shading(tcPr: El | undefined): string | null {
  const shd = tcPr ? element(tcPr, "w:shd") : undefined;
  if (!shd) return null;
  const fill = toHex(shd.attrs["w:fill"]) ?? "#ffffff";
  const pattern = shd.attrs["w:val"] ?? "clear";
  const ink = toHex(shd.attrs["w:color"]) ?? "#000000";
  const pct = /^pct(\d+)$/.exec(pattern)?.[1];
  const seen = pattern === "solid" ? ink : pct !== undefined ? mix(ink, fill, Number(pct) / 100) : fill;
  return isWhite(seen) ? null : seen;
}

/** Elements of `name` under `el`, looking through the wrappers Word prints as if absent (content controls, custom XML). */
function unwrapped(el: El, name: string, out: El[] = []): El[] {
  for (const c of elements(el)) {
    if (c.name === name) out.push(c);
    else if (WRAPPERS.has(c.name)) unwrapped(c, name, out);
  }
  return out;
}

/** A count Word reads (a span, cells skipped): a positive whole number that keeps the row inside the table's grid. */
function span(el: El | undefined, name: string, fallback: number, context: DocxContext, cell: string, room: number): number {
  const raw = el?.attrs[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || n < (fallback === 0 ? 0 : 1) || n > room) {
    throw new FatalError("office/damaged", "grid-span", { span: raw.slice(0, 20), room }, { file: context.file, cell });
  }
  return n;
}

/** Columns past the table's own grid are refused: Word's tables have at most 63. */
const MAX_GRID = 63;

function tableGrid(tbl: El, n: number, context: DocxContext): Omit<Grid, "before" | "after"> {
  const rows: GridCell[][] = [];
  const locate = (row: number, c: number) => `table ${n}, row ${row + 1}, column ${c + 1}`;
  const declared = elements(element(tbl, "w:tblGrid") ?? tbl, "w:gridCol").length;
  // a table whose grid is not declared is as wide as its widest row, up to Word's own limit
  const gridWidth = declared > 0 ? Math.min(declared, MAX_GRID) : MAX_GRID;
  /** the cell a vertical merge started in, by grid column */
  const open = new Map<number, GridCell>();
  for (const tr of unwrapped(tbl, "w:tr")) {
    const r = rows.length;
    const cells: GridCell[] = [];
    const trPr = element(tr, "w:trPr");
    let col = span(trPr && element(trPr, "w:gridBefore"), "w:val", 0, context, locate(r, 0), gridWidth - 1);
    for (const tc of unwrapped(tr, "w:tc")) {
      const tcPr = element(tc, "w:tcPr");
      const place = locate(r, col);
      const width = span(tcPr && element(tcPr, "w:gridSpan"), "w:val", 1, context, place, gridWidth - col);
      // a row with more cells than the table's grid: Word and Writer lay it out differently, neither as a column of the table
      if (col + width > gridWidth) throw new FatalError("office/damaged", "row-too-long", { columns: gridWidth }, { file: context.file, cell: place });
      const vMerge = tcPr ? element(tcPr, "w:vMerge") : undefined;
      const continues = vMerge !== undefined && (vMerge.attrs["w:val"] ?? "continue") === "continue";
      const above = open.get(col);
      const { text, nested } = textOf(tc, context, place);
      if (nested) context.findings.push(diag("office/nested-table", "nested", {}, { file: context.file, cell: place }));
      if (continues && above) above.rowSpan++;
      else {
        // a merge that goes on from a table above (the table was split through it)
        const cell: GridCell = { col, colSpan: width, rowSpan: 1, text, fill: shading(tcPr), ...(continues ? { continued: true as const } : {}) };
        cells.push(cell);
        for (let k = 0; k < width; k++) open.delete(col + k);
        if (vMerge !== undefined) open.set(col, cell);
      }
      col += width;
    }
    rows.push(cells);
  }
  return { name: `table ${n}`, rows, hidden: new Set(), locate };
}

/** Block-level content in order: paragraphs (as text) and tables; content controls and custom XML are looked into. */
function blocks(el: El, context: DocxContext, out: (string | El)[] = []): (string | El)[] {
  for (const c of elements(el)) {
    if (c.name === "w:p") out.push(textOf(c, context).text);
    else if (c.name === "w:tbl") out.push(c);
    else if (WRAPPERS.has(c.name)) blocks(c, context, out);
  }
  return out;
}

export function docxGrids(pkg: Package): Grid[] {
  const body = element(pkg.xml("word/document.xml"), "w:body");
  const context: DocxContext = { file: pkg.file, hiddenStyles: hiddenStylesOf(pkg), findings: pkg.findings };
  return body ? groupAround(blocks(body, context), (table, n) => tableGrid(table, n, context)) : [];
}

/** Tables with the paragraphs between the previous table and the next. */
export function groupAround(items: readonly (string | El)[], toGrid: (table: El, n: number) => Omit<Grid, "before" | "after">): Grid[] {
  const grids: Grid[] = [];
  let pending: string[] = [];
  for (const item of items) {
    if (typeof item === "string") {
      if (item !== "") pending.push(item);
      continue;
    }
    const previous = grids[grids.length - 1];
    if (previous) previous.after = pending;
    grids.push({ ...toGrid(item, grids.length + 1), before: pending, after: [] });
    pending = [];
  }
  const last = grids[grids.length - 1];
  if (last) last.after = pending;
  return grids;
}
