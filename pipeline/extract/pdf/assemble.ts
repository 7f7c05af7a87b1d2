// Pages → one RawTable: columns named from the first header, rows in document order, and merged
// cells that go on over a page break (no rule under them at the table's bottom) joined with
// their continuation at the top of the next page into one cell spanning rows of both.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { at } from "../../lib/at.ts";
import { diag } from "../../diagnostics/rules.ts";
import type { ColumnKind, RawCell, RawRow } from "../../model/raw.ts";
import { slot } from "./grid.ts";
import { joinLines } from "./lines.ts";
import type { PageTable } from "./page-table.ts";

/** A merged cell being collected, possibly over several pages. */
interface Chain {
  row: number;
  col: number;
  lines: string[];
  pages: number[];
  span: number;
  crossed: boolean;
}

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

export function assemble(
  pages: readonly PageTable[],
  file: string,
  /** see marksBreakSpaces */
  marked: boolean,
): { columns: ColumnKind[]; rows: RawRow[]; diagnostics: Diagnostic[] } | null {
  const reference = pages.find((p) => p.kinds !== null);
  if (!reference?.kinds) return null;
  const columns = reference.kinds;
  const diagnostics: Diagnostic[] = [];
  const rows: RawRow[] = [];
  const open = new Map<number, Chain>();

  const finish = (chain: Chain): void => {
    const text = joinLines(chain.lines, marked);
    if (text === "") return;
    const cell: RawCell = { col: chain.col, text, rowSpan: chain.span };
    if (chain.crossed) cell.pages = chain.pages;
    const row = rows[chain.row];
    row?.cells.push(cell);
    if (chain.pages.length > 1) {
      diagnostics.push(
        diag("pdf/merge-joined", `the merged cell "${text}" crosses a page break: its visible parts on pages ${chain.pages.join(", ")} were joined`, {
          file,
          page: row?.page,
          row: row?.row,
          column: columns[chain.col],
        }),
      );
    }
  };

  for (const page of pages) {
    if (page.page < reference.page) {
      diagnostics.push(diag("pdf/table-before-header", "a ruled table before the annex's header row was ignored", { file, page: page.page }));
      continue;
    }
    if (page.kinds === null)
      diagnostics.push(diag("pdf/no-header", "the page repeats no header row; its columns are matched by position", { file, page: page.page }));
    const map = mapColumns(page, reference, columns);
    const firstRow = rows.length;
    page.shaded.forEach((shaded, i) => rows.push({ page: page.page, row: i + 1, cells: [], shaded }));
    const continued = new Set<number>();

    const cells = page.grid.cells
      .map((cell, id) => ({ cell, id }))
      .filter(({ cell }) => cell.band0 >= page.firstData)
      .sort((a, b) => a.cell.band0 - b.cell.band0 || a.cell.col0 - b.cell.col0);
    for (const { cell, id } of cells) {
      const col = at(map, cell.col0, "column of the page's grid");
      const lines = page.lines.get(id) ?? [];
      const place = { file, page: page.page, row: cell.band0 - page.firstData + 1 };
      if (col < 0) {
        if (lines.length > 0) diagnostics.push(diag("pdf/unknown-column", "text in a column the header does not have was ignored", place));
        continue;
      }
      if (cell.col1 > cell.col0 && lines.length > 0)
        diagnostics.push(diag("pdf/merged-columns", "a cell spans several columns; its text is given to the first of them", { ...place, column: columns[col] }));
      const span = cell.band1 - cell.band0 + 1;
      const pending = open.get(col);
      let chain: Chain;
      if (pending && cell.band0 === page.firstData) {
        chain = pending;
        chain.span += span;
        chain.crossed = true;
        continued.add(col);
      } else {
        chain = { row: firstRow + cell.band0 - page.firstData, col, lines: [], pages: [], span, crossed: false };
      }
      // A line cut exactly at its middle by the page break can show on both pages: keep one.
      const repeated = chain.crossed && lines.length > 0 && lines[0]?.trim() === chain.lines[chain.lines.length - 1]?.trim();
      const added = repeated ? lines.slice(1) : lines;
      if (added.length > 0) {
        chain.lines.push(...added);
        chain.pages.push(page.page);
      }
      if (cell.openBottom) open.set(col, chain);
      else {
        open.delete(col);
        finish(chain);
      }
      if (pending && chain !== pending) {
        diagnostics.push(diag("pdf/merge-not-continued", "a cell open at the bottom of the previous page has no continuation here", place));
        finish(pending);
      }
    }
    for (const [col, chain] of open)
      if (!continued.has(col) && chain.row < firstRow) {
        open.delete(col);
        finish(chain);
      }
  }
  for (const chain of open.values()) {
    const row = rows[chain.row];
    diagnostics.push(diag("pdf/merge-open-at-end", "a merged cell has no bottom rule at the end of the table", { file, page: row?.page, row: row?.row }));
    finish(chain);
  }
  for (const row of rows) row.cells.sort((a, b) => a.col - b.col);
  return { columns, rows, diagnostics };
}
