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
import type { ColumnKind, RawRow } from "../../model/raw.ts";
import { type Phrase, ph } from "../../messages/catalogue.ts";
import { finishChain, linesOf, partsText, type Chain } from "./chains.ts";
import type { GridCell } from "./grid.ts";
import { continuationBand, linesUp, mapColumns } from "./page-breaks.ts";
import type { PageTable } from "./page-table.ts";
import { preview, type Breaks } from "./reading.ts";
import { breakContext, type BreakContext } from "./word-breaks.ts";

/** Where a page's rows start in the table, and whether its first band goes on with the row before. */
interface PageStart {
  firstRow: number;
  continuation: boolean;
}

/** The pages walked in order: rows pushed, each cell's text collected into a chain that may go on over page breaks. */
class TableWalk {
  readonly rows: RawRow[] = [];
  readonly chains: Chain[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** chains open at the bottom of the previous page, by table column */
  private open = new Map<number, Chain>();
  /** by table column, the chain whose cell covers the last row so far */
  private readonly covering = new Map<number, Chain>();
  private previous: { page: PageTable; map: number[] } | null = null;
  private readonly codeColumns: ReadonlySet<number>;

  constructor(
    private readonly reference: PageTable,
    readonly columns: ColumnKind[],
    private readonly file: string,
  ) {
    this.codeColumns = new Set(columns.flatMap((k, i) => (k === "activityCode" || k === "activity" ? [i] : [])));
  }

  page(page: PageTable): void {
    const file = this.file;
    if (page.page < this.reference.page) {
      this.diagnostics.push(diag("pdf/table-before-header", "ignored", {}, { file, page: page.page }));
      return;
    }
    if (page.kinds === null) this.diagnostics.push(diag("pdf/no-header", "no-header", {}, { file, page: page.page }));
    const map = mapColumns(page, this.reference, this.columns);
    const start = this.startRows(page, map, this.follows(page, map));
    this.takeCells(page, map, start);
    this.previous = { page, map };
  }

  /** Whether the page goes on from the one before: the next page, its columns where they stood; else what was open there stops. */
  private follows(page: PageTable, map: readonly number[]): boolean {
    const previous = this.previous;
    if (!previous) return false;
    const next = previous.page.page === page.page - 1;
    let follows = next;
    if (next && !linesUp(page, previous.page, map, previous.map)) {
      this.diagnostics.push(diag("pdf/page-misaligned", "misaligned", {}, { file: this.file, page: page.page }));
      follows = false;
    }
    if (!follows) {
      for (const chain of this.open.values()) this.stop(chain, page.page, next ? ph("pdf.next-misaligned") : ph("pdf.next-no-table"));
      this.open = new Map();
    }
    return follows;
  }

  /** The page's rows, one per data band; a first band that is the rest of the row before adds none. */
  private startRows(page: PageTable, map: readonly number[], follows: boolean): PageStart {
    const continuation = follows && continuationBand(page, map, this.rows, this.covering, this.codeColumns, this.columns);
    const firstRow = this.rows.length - (continuation ? 1 : 0);
    page.shaded.forEach((shaded, i) => {
      if (!(continuation && i === 0)) this.rows.push({ page: page.page, row: i + 1, cells: [], shaded });
    });
    if (continuation) {
      const last = at(this.rows, firstRow, "row continued over the page break");
      this.diagnostics.push(diag("pdf/row-continued", "continued", { first: last.page, next: page.page }, { file: this.file, page: last.page, row: last.row }));
    }
    return { firstRow, continuation };
  }

  /** Each data cell of the page into its chain, top to bottom and left to right. */
  private takeCells(page: PageTable, map: readonly number[], start: PageStart): void {
    const continued = new Set<number>();
    const nextOpen = new Map<number, Chain>();
    const cells = page.grid.cells
      .map((cell, id) => ({ cell, id }))
      .filter(({ cell }) => cell.band0 >= page.firstData)
      .sort((a, b) => a.cell.band0 - b.cell.band0 || a.cell.col0 - b.cell.col0);
    for (const { cell, id } of cells) {
      const col = at(map, cell.col0, "column of the page's grid");
      const lines = page.lines.get(id) ?? [];
      const place = { file: this.file, page: page.page, row: cell.band0 - page.firstData + 1 };
      if (col < 0) {
        if (lines.length > 0) this.diagnostics.push(diag("pdf/unknown-column", "ignored", {}, place));
        continue;
      }
      if (cell.col1 > cell.col0 && lines.length > 0) this.diagnostics.push(diag("pdf/merged-columns", "merged", {}, { ...place, column: this.columns[col] }));
      const chain = this.chainFor(page, cell, col, start, continued, lines.length > 0);
      const ghost = page.ghosts.get(id);
      if (lines.length > 0 || ghost) chain.parts.push({ page: page.page, lines, ghost });
      if (cell.openBottom) nextOpen.set(col, chain);
      this.covering.set(col, chain);
      for (let c = cell.col0 + 1; c <= cell.col1; c++) {
        const other = map[c] ?? -1;
        if (other >= 0) this.covering.delete(other);
      }
    }
    for (const [col, chain] of this.open) if (!continued.has(col)) this.stop(chain, page.page, ph("pdf.next-no-cell"));
    // a column whose last cell ended above the page's last row covers it no more
    const lastRow = this.rows.length - 1;
    for (const [col, chain] of this.covering) if (chain.row + chain.span - 1 < lastRow) this.covering.delete(col);
    this.open = nextOpen;
  }

  /** The chain a cell's text goes into: one open on the page before, the rest of a broken row's cell, or a new one. */
  private chainFor(page: PageTable, cell: GridCell, col: number, start: PageStart, continued: Set<number>, hasText: boolean): Chain {
    const span = cell.band1 - cell.band0 + 1;
    const atTop = cell.band0 === page.firstData;
    const pending = atTop ? this.open.get(col) : undefined;
    if (pending) {
      pending.span += span - (start.continuation ? 1 : 0);
      pending.crossed = true;
      continued.add(col);
      return pending;
    }
    const rest = atTop && start.continuation ? this.covering.get(col) : undefined;
    if (rest) {
      rest.span += span - 1;
      rest.crossed = true;
      return rest;
    }
    if (atTop && start.continuation && hasText)
      this.diagnostics.push(diag("pdf/merge-not-continued", "no-start", {}, { file: this.file, page: page.page, row: cell.band0 - page.firstData + 1, column: this.columns[col] }));
    const chain: Chain = { row: start.firstRow + cell.band0 - page.firstData, col, parts: [], span: span - (atTop && start.continuation ? 1 : 0), crossed: false };
    if (chain.span <= 0) chain.span = 1;
    this.chains.push(chain);
    return chain;
  }

  private stop(chain: Chain, page: number, why: Phrase): void {
    const row = this.rows[chain.row];
    this.diagnostics.push(
      diag("pdf/merge-not-continued", "stopped", { text: preview(partsText(chain)), why }, { file: this.file, page, row: row?.row, column: this.columns[chain.col] }),
    );
  }

  /** A cell still open after the last page: the table's end is missing. */
  end(): void {
    for (const chain of this.open.values()) {
      const row = this.rows[chain.row];
      this.diagnostics.push(diag("pdf/merge-open-at-end", "open", { text: preview(partsText(chain)) }, { file: this.file, page: row?.page, row: row?.row }));
    }
  }
}

export function assemble(
  pages: readonly PageTable[],
  file: string,
  breaks: Breaks,
): { columns: ColumnKind[]; rows: RawRow[]; diagnostics: Diagnostic[]; context: BreakContext } | null {
  const reference = pages.find((p) => p.kinds !== null);
  if (!reference?.kinds) return null;
  const walk = new TableWalk(reference, reference.kinds, file);
  for (const page of pages) walk.page(page);
  walk.end();
  const { rows, chains, columns, diagnostics } = walk;
  // the document's words come from whole cells, their parts over page breaks put together
  const cellLines = chains.map(linesOf);
  const context = breakContext(cellLines, breaks.blank, breaks.own);
  chains.forEach((chain, i) => {
    const cell = finishChain(chain, at(cellLines, i, "lines of a cell"), context, file, rows, columns, diagnostics);
    if (cell) rows[chain.row]?.cells.push(cell);
  });
  for (const row of rows) row.cells.sort((a, b) => a.col - b.col);
  return { columns, rows, diagnostics, context };
}
