// Pages → one RawTable: columns named from the first header, rows in document order, and what a
// page break cuts joined back: a merged cell that goes on over the break (no rule under it at the
// table's bottom) with its continuation at the top of the next page, and a row that the producer
// let break across pages (Word, Writer) with its rest, printed at the top of the next page in a
// band without a code. Only what lines up is joined: consecutive pages, the same column, a table
// whose columns line up with the previous page's, and, where the producer draws a merged cell's
// whole text on each page it crosses (Calc), the part of the text that follows.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { diag } from "../../diagnostics/rules.ts";
import { at } from "../../lib/at.ts";
import { leadingCode } from "../../model/codes.ts";
import type { ColumnKind, RawCell, RawRow } from "../../model/raw.ts";
import { slot } from "./grid.ts";
import { plainText, type Line } from "./lines.ts";
import type { Ghost, PageTable } from "./page-table.ts";
import { breakContext, joinCell, type BreakContext } from "./word-breaks.ts";
import { type Phrase, ph } from "../../messages/catalogue.ts";
import { TOLERANCES } from "./tolerances.ts";

/** The part of a merged cell, or of a broken row's cell, on one page. */
interface Part {
  page: number;
  lines: Line[];
  ghost: Ghost | undefined;
}

/** A cell being collected, possibly over several pages. */
interface Chain {
  row: number;
  col: number;
  parts: Part[];
  span: number;
  crossed: boolean;
}

/** Columns of a row's own cells (not the hierarchy's merged labels). */
const HIERARCHY: ReadonlySet<ColumnKind> = new Set(["function", "macro", "process", "subprocess"]);

/** Page grid column → table column: by header kinds, else by position under the reference grid. */
function mapColumns(page: PageTable, reference: PageTable, columns: readonly ColumnKind[]): number[] {
  const xs = page.grid.xs;
  const n = xs.length - 1;
  const kinds = page.kinds;
  if (kinds && kinds.length === columns.length && kinds.every((k, i) => k === columns[i]))
    return Array.from({ length: n }, (_, i) => i);
  const used = new Set<number>();
  const result: number[] = [];
  for (let c = 0; c < n; c++) {
    const kind = kinds?.[c];
    let target = -1;
    if (kind && kind !== "unknown") target = columns.findIndex((k, i) => k === kind && !used.has(i));
    if (target < 0) target = slot(reference.grid.xs, (at(xs, c, "column boundary") + at(xs, c + 1, "column boundary")) / 2);
    if (target >= 0) used.add(target);
    result.push(target);
  }
  return result;
}

/** Whether the table's columns on `page` stand where they stood on the page before. */
function linesUp(page: PageTable, previous: PageTable, map: readonly number[], previousMap: readonly number[]): boolean {
  for (let c = 0; c < map.length; c++) {
    const col = map[c] ?? -1;
    const p = previousMap.indexOf(col);
    if (col < 0 || p < 0) continue;
    const left = Math.abs(at(page.grid.xs, c, "column boundary") - at(previous.grid.xs, p, "column boundary"));
    const right = Math.abs(at(page.grid.xs, c + 1, "column boundary") - at(previous.grid.xs, p + 1, "column boundary"));
    if (left > TOLERANCES.columnsAlignedPt || right > TOLERANCES.columnsAlignedPt) return false;
  }
  return true;
}

const lineTexts = (lines: readonly Line[]): string[] => lines.map((l) => plainText([l])).filter((t) => t !== "");

/**
 * Where the producer drew a merged cell's whole text on each page it crosses, the visible parts
 * must follow each other through that text, page after page: the first part starts it, each
 * part goes on where the one before stopped (or repeats its last line, cut by the page break),
 * the last one ends it. The first line of the text where that fails, or null.
 */
function brokenAt(chain: Chain): { page: number; expected: string } | null {
  const drawn = chain.parts.filter((p) => p.ghost !== undefined);
  const first = drawn[0];
  if (!first?.ghost) return null;
  const whole = [...first.ghost.above, ...lineTexts(first.lines), ...first.ghost.below];
  const key = whole.join("\n");
  let next = 0;
  for (const part of chain.parts) {
    const visible = lineTexts(part.lines);
    const expected = whole[next] ?? whole[whole.length - 1] ?? "";
    if (!part.ghost) {
      if (visible.length === 0) continue;
      if (visible.every((t, i) => whole[next + i] === t)) next += visible.length;
      else if (next > 0 && visible.every((t, i) => whole[next - 1 + i] === t)) next += visible.length - 1;
      else return { page: part.page, expected };
      continue;
    }
    if ([...part.ghost.above, ...visible, ...part.ghost.below].join("\n") !== key) return { page: part.page, expected };
    const start = part.ghost.above.length;
    if (start !== next && !(visible.length > 0 && start === next - 1)) return { page: part.page, expected };
    next = start + visible.length;
  }
  return next === whole.length ? null : { page: at(chain.parts, chain.parts.length - 1, "part").page, expected: whole[next] ?? "" };
}

export function assemble(
  pages: readonly PageTable[],
  file: string,
  breaks: { blank: number | null; own: readonly string[] },
): { columns: ColumnKind[]; rows: RawRow[]; diagnostics: Diagnostic[]; context: BreakContext } | null {
  const reference = pages.find((p) => p.kinds !== null);
  if (!reference?.kinds) return null;
  const columns = reference.kinds;
  const codeColumns = new Set(columns.flatMap((k, i) => (k === "activityCode" || k === "activity" ? [i] : [])));
  const diagnostics: Diagnostic[] = [];
  const rows: RawRow[] = [];
  const chains: Chain[] = [];
  /** chains open at the bottom of the previous page, by table column */
  let open = new Map<number, Chain>();
  /** by table column, the chain whose cell covers the last row so far */
  const covering = new Map<number, Chain>();
  let previous: { page: PageTable; map: number[] } | null = null;

  const stop = (chain: Chain, page: number, why: Phrase): void => {
    const row = rows[chain.row];
    diagnostics.push(
      diag("pdf/merge-not-continued", "stopped", { text: preview(partsText(chain)), why }, { file, page, row: row?.row, column: columns[chain.col] }),
    );
  };

  for (const page of pages) {
    if (page.page < reference.page) {
      diagnostics.push(diag("pdf/table-before-header", "ignored", {}, { file, page: page.page }));
      continue;
    }
    if (page.kinds === null)
      diagnostics.push(diag("pdf/no-header", "no-header", {}, { file, page: page.page }));
    const map = mapColumns(page, reference, columns);
    let follows = previous !== null && previous.page.page === page.page - 1;
    if (previous && follows && !linesUp(page, previous.page, map, previous.map)) {
      diagnostics.push(
        diag("pdf/page-misaligned", "misaligned", {}, { file, page: page.page }),
      );
      follows = false;
    }
    if (previous && !follows) {
      for (const chain of open.values()) stop(chain, page.page, previous.page.page === page.page - 1 ? ph("pdf.next-misaligned") : ph("pdf.next-no-table"));
      open = new Map();
    }

    const continuation = follows && previous ? continuationBand(page, map, rows, covering, codeColumns, columns) : false;
    const firstRow = rows.length - (continuation ? 1 : 0);
    page.shaded.forEach((shaded, i) => {
      if (!(continuation && i === 0)) rows.push({ page: page.page, row: i + 1, cells: [], shaded });
    });
    if (continuation) {
      const last = at(rows, firstRow, "row continued over the page break");
      diagnostics.push(
        diag("pdf/row-continued", "continued", { first: last.page, next: page.page }, { file, page: last.page, row: last.row }),
      );
    }
    const rowOf = (band: number): number => firstRow + band - page.firstData;
    const continued = new Set<number>();
    const nextOpen = new Map<number, Chain>();

    const cells = page.grid.cells
      .map((cell, id) => ({ cell, id }))
      .filter(({ cell }) => cell.band0 >= page.firstData)
      .sort((a, b) => a.cell.band0 - b.cell.band0 || a.cell.col0 - b.cell.col0);
    for (const { cell, id } of cells) {
      const col = at(map, cell.col0, "column of the page's grid");
      const lines = page.lines.get(id) ?? [];
      const place = { file, page: page.page, row: cell.band0 - page.firstData + 1 };
      if (col < 0) {
        if (lines.length > 0) diagnostics.push(diag("pdf/unknown-column", "ignored", {}, place));
        continue;
      }
      if (cell.col1 > cell.col0 && lines.length > 0)
        diagnostics.push(diag("pdf/merged-columns", "merged", {}, { ...place, column: columns[col] }));
      const span = cell.band1 - cell.band0 + 1;
      const atTop = cell.band0 === page.firstData;
      const pending = atTop ? open.get(col) : undefined;
      const rest = atTop && continuation ? covering.get(col) : undefined;
      let chain: Chain;
      if (pending) {
        // a merged cell open at the bottom of the previous page goes on here
        chain = pending;
        chain.span += span - (continuation ? 1 : 0);
        chain.crossed = true;
        continued.add(col);
      } else if (rest) {
        // the rest of a cell of the row broken over the page break
        chain = rest;
        chain.span += span - 1;
        chain.crossed = true;
      } else {
        if (atTop && continuation && lines.length > 0)
          diagnostics.push(diag("pdf/merge-not-continued", "no-start", {}, { ...place, column: columns[col] }));
        chain = { row: rowOf(cell.band0), col, parts: [], span: span - (atTop && continuation ? 1 : 0), crossed: false };
        if (chain.span <= 0) chain.span = 1;
        chains.push(chain);
      }
      const ghost = page.ghosts.get(id);
      if (lines.length > 0 || ghost) chain.parts.push({ page: page.page, lines, ghost });
      if (cell.openBottom) nextOpen.set(col, chain);
      covering.set(col, chain);
      for (let c = cell.col0 + 1; c <= cell.col1; c++) {
        const other = map[c] ?? -1;
        if (other >= 0) covering.delete(other);
      }
    }
    for (const [col, chain] of open)
      if (!continued.has(col)) stop(chain, page.page, ph("pdf.next-no-cell"));
    // a column whose last cell ended above the page's last row covers it no more
    const lastRow = rows.length - 1;
    for (const [col, chain] of covering) if (chain.row + chain.span - 1 < lastRow) covering.delete(col);
    open = nextOpen;
    previous = { page, map };
  }
  for (const chain of open.values()) {
    const row = rows[chain.row];
    diagnostics.push(
      diag("pdf/merge-open-at-end", "open", { text: preview(partsText(chain)) }, {
        file,
        page: row?.page,
        row: row?.row,
      }),
    );
  }

  // the document's words come from whole cells, their parts over page breaks put together
  const cellLines = chains.map(linesOf);
  const context = breakContext(cellLines, breaks.blank, breaks.own);
  chains.forEach((chain, i) => {
    const cell = finish(chain, at(cellLines, i, "lines of a cell"), context, file, rows, columns, diagnostics);
    if (cell) rows[chain.row]?.cells.push(cell);
  });
  for (const row of rows) row.cells.sort((a, b) => a.col - b.col);
  return { columns, rows, diagnostics, context };
}

/**
 * The first data band of a page is the rest of the previous page's last row when the producer let
 * that row break over the page (Word, Writer): it has no code and no cell that starts with one,
 * the previous page ends with an activity, and each of its activity cells is in a column where
 * that row has text (a row starts all its cells on one line, so none can begin after the break).
 */
function continuationBand(
  page: PageTable,
  map: readonly number[],
  rows: readonly RawRow[],
  covering: ReadonlyMap<number, Chain>,
  codeColumns: ReadonlySet<number>,
  columns: readonly ColumnKind[],
): boolean {
  const lastRow = rows.length - 1;
  if (lastRow < 0 || page.shaded.length === 0) return false;
  const hasText = (chain: Chain | undefined): chain is Chain => chain !== undefined && chain.parts.some((p) => p.lines.length > 0);
  const hasCode = [...codeColumns].some((col) => {
    const chain = covering.get(col);
    return hasText(chain) && chain.row === lastRow;
  });
  if (!hasCode) return false;
  let any = false;
  for (const [id, cell] of page.grid.cells.entries()) {
    if (cell.band0 !== page.firstData) continue;
    const lines = page.lines.get(id);
    if (!lines || lines.length === 0) continue;
    const col = map[cell.col0] ?? -1;
    if (col < 0) return false;
    if (leadingCode(plainText(lines)) !== null) return false;
    const chain = covering.get(col);
    if (!hasText(chain) || chain.row + chain.span - 1 !== lastRow) return false;
    if (!HIERARCHY.has(columns[col] ?? "unknown") && (chain.row !== lastRow || cell.band1 !== cell.band0)) return false;
    any = true;
  }
  return any;
}

function partsText(chain: Chain): string {
  return plainText(chain.parts.flatMap((p) => p.lines));
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A chain's lines, part after part. */
function linesOf(chain: Chain): Line[] {
  const lines: Line[] = [];
  chain.parts.forEach((part, i) => {
    // A line cut exactly at its middle by the page break can show on both pages: keep one.
    const last = lines[lines.length - 1];
    const head = part.lines[0];
    const repeated = i > 0 && last && head && plainText([head]) === plainText([last]);
    lines.push(...(repeated ? part.lines.slice(1) : part.lines));
  });
  return lines;
}

/** A chain's text, its parts joined by the line-break rules where they line up, with what it could not settle. */
function finish(
  chain: Chain,
  lines: readonly Line[],
  context: BreakContext,
  file: string,
  rows: readonly RawRow[],
  columns: readonly ColumnKind[],
  diagnostics: Diagnostic[],
): RawCell | null {
  const row = rows[chain.row];
  const place = { file, page: row?.page, row: row?.row, column: columns[chain.col] };
  const broken = chain.parts.length > 1 ? brokenAt(chain) : null;
  let text: string;
  if (broken) {
    diagnostics.push(
      diag(
        "pdf/merge-broken",
        "broken",
        { text: preview(partsText(chain)), page: broken.page, expected: broken.expected },
        { ...place, page: broken.page },
      ),
    );
    text = chain.parts.map((p) => joinCell(p.lines, context).text).filter((t) => t !== "").join(" ");
  } else {
    const joined = joinCell(lines, context);
    text = joined.text;
    for (const doubt of joined.doubts)
      diagnostics.push(diag("pdf/word-break", "doubt", { joined: doubt.joined.trim(), spaced: doubt.spaced.trim() }, place));
  }
  if (text === "") return null;
  const pages = [...new Set(chain.parts.filter((p) => p.lines.length > 0).map((p) => p.page))];
  const cell: RawCell = { col: chain.col, text, rowSpan: chain.span };
  if (chain.crossed) cell.pages = pages;
  if (pages.length > 1 && !broken)
    diagnostics.push(diag("pdf/merge-joined", "joined", { text: preview(text), pages }, place));
  return cell;
}
