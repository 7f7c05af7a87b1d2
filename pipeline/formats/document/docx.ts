// Word document (.docx): the body's tables as grids, the paragraphs around each table kept for
// the title and the footnote. Merges: w:gridSpan across, w:vMerge down (restart, then continue
// cells); fills: the cell's w:shd (a colour, or a dotted pattern seen from afar). Deleted text
// and field instructions are not text.
import { normalizeText } from "../../lib/text.ts";
import { isWhite, mix, toHex } from "../office/colour.ts";
import type { Grid, GridCell } from "../office/grid.ts";
import type { Package } from "../office/package.ts";
import { element, elements, numberAttr, type El } from "../office/xml-tree.ts";

const SKIP = new Set(["w:del", "w:instrText", "w:delText", "w:rPr", "w:pPr", "w:tcPr", "w:fldData", "w:commentReference", "w:footnoteReference"]);

function runsText(el: El, out: string[]): void {
  for (const c of el.children) {
    if (typeof c === "string" || SKIP.has(c.name)) continue;
    if (c.name === "w:t") out.push(c.children.filter((t): t is string => typeof t === "string").join(""));
    else if (c.name === "w:tab" || c.name === "w:br" || c.name === "w:cr") out.push(" ");
    else if (c.name === "w:noBreakHyphen") out.push("-");
    else if (c.name === "w:p") {
      out.push(" ");
      runsText(c, out);
    } else if (c.name !== "w:tbl") runsText(c, out);
  }
}

function textOf(el: El): string {
  const out: string[] = [];
  runsText(el, out);
  return normalizeText(out.join(""));
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

function tableGrid(tbl: El, n: number): Omit<Grid, "before" | "after"> {
  const rows: GridCell[][] = [];
  /** the cell a vertical merge started in, by grid column */
  const open = new Map<number, GridCell>();
  for (const tr of elements(tbl, "w:tr")) {
    const cells: GridCell[] = [];
    const trPr = element(tr, "w:trPr");
    let col = numberAttr(trPr && element(trPr, "w:gridBefore"), "w:val", 0);
    for (const tc of elements(tr, "w:tc")) {
      const tcPr = element(tc, "w:tcPr");
      const span = numberAttr(tcPr && element(tcPr, "w:gridSpan"), "w:val", 1);
      const vMerge = tcPr ? element(tcPr, "w:vMerge") : undefined;
      const continues = vMerge !== undefined && (vMerge.attrs["w:val"] ?? "continue") === "continue";
      const above = open.get(col);
      if (continues && above) above.rowSpan++;
      else {
        const cell: GridCell = { col, colSpan: span, rowSpan: 1, text: textOf(tc), fill: shading(tcPr) };
        cells.push(cell);
        for (let k = 0; k < span; k++) open.delete(col + k);
        if (vMerge !== undefined) open.set(col, cell);
      }
      col += span;
    }
    rows.push(cells);
  }
  return { name: `table ${n}`, rows, hidden: new Set(), locate: (row, c) => `table ${n}, row ${row + 1}, column ${c + 1}` };
}

/** Block-level content in order: paragraphs (as text) and tables; content controls are looked into. */
function blocks(el: El, out: (string | El)[] = []): (string | El)[] {
  for (const c of elements(el)) {
    if (c.name === "w:p") out.push(textOf(c));
    else if (c.name === "w:tbl") out.push(c);
    else if (c.name === "w:sdt") {
      const content = element(c, "w:sdtContent");
      if (content) blocks(content, out);
    }
  }
  return out;
}

export function docxGrids(pkg: Package): Grid[] {
  const body = element(pkg.xml("word/document.xml"), "w:body");
  return body ? groupAround(blocks(body), tableGrid) : [];
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
