// A table laid out as the annex is printed (title row, header rows, hierarchy cells merged down,
// inactive rows filled grey, the footnote under it), read from an office file's grid into the raw
// table the PDF reader produces: the header row names the columns, the rows above it give the
// title, the first text below the table is the footnote, a grey fill behind most of a row's own
// cells makes it shaded. Nothing here knows the annex's content; repair does.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { FatalError } from "../../diagnostics/fatal.ts";
import { diag } from "../../diagnostics/rules.ts";
import { at } from "../../lib/at.ts";
import { isHeaderRow, type CustomLabels } from "../../model/header-words.ts";
import type { RawCell, RawRow, RawTable } from "../../model/raw.ts";
import { isShading } from "../../model/shading.ts";
import { formulaError, hiddenRows, preview, rowText, type Grid, type GridCell } from "./grid.ts";
import { findHeaderRow, nameColumns, type Columns } from "./header.ts";
import { type Param, ph } from "../../messages/catalogue.ts";

export type OfficeFormat = "xlsx" | "ods" | "docx" | "odt";

const isDocument = (format: OfficeFormat) => format === "docx" || format === "odt";

interface Extent {
  /** first row after the table */
  end: number;
  /** empty rows that no merge covers, inside the table (before its last activity code) */
  blank: Set<number>;
}

/**
 * The table's rows: from the one after the header block to the first empty row that no merge
 * covers once the last activity code is passed; empty rows before that are skipped, not taken
 * for the table's end, so that no activity is lost to a blank row left inside the table.
 */
function tableExtent(grid: Grid, first: number, inTable: (col: number) => boolean, codeCols: readonly number[]): Extent {
  let lastCoded = first - 1;
  grid.rows.forEach((cells, r) => {
    if (r >= first && cells.some((c) => codeCols.includes(c.col) && c.text !== "")) lastCoded = r;
  });
  const blank = new Set<number>();
  let coveredUntil = -1;
  for (let r = first; r < grid.rows.length; r++) {
    const cells = (grid.rows[r] ?? []).filter((c) => inTable(c.col));
    if (r > coveredUntil && cells.every((c) => c.text === "")) {
      if (r > lastCoded) return { end: r, blank };
      blank.add(r);
    }
    for (const c of cells) if (c.rowSpan > 1) coveredUntil = Math.max(coveredUntil, r + c.rowSpan - 1);
  }
  return { end: grid.rows.length, blank };
}

function width(grid: Grid): number {
  return Math.max(0, ...grid.rows.flatMap((cells) => cells.map((c) => c.col + c.colSpan)));
}

/** The texts of a row, for comparing a repeated header row with the original. */
const rowKey = (cells: readonly GridCell[]) => JSON.stringify(cells.map((c) => [c.col, c.colSpan, c.text]));

/**
 * A document's annex table split in two or more (a page or section break put between its parts),
 * each part repeating the header rows: Word and Writer print one table, so it is read as one.
 * A part joins when nothing is printed between it and the table above and its first rows are
 * the annex's header rows again; those repeated rows are left out. A vertical merge that goes
 * on into the part extends the cell above.
 */
export function joinSplitTable(grids: readonly Grid[], found: { grid: Grid; header: number }, file: string, custom?: CustomLabels): { grids: Grid[]; found: { grid: Grid; header: number }; diagnostics: Diagnostic[] } {
  const { grid, header } = found;
  let top = header;
  while (top > 0 && isHeaderRow(rowTexts(grid.rows[top - 1] ?? []))) top--;
  const first = Math.max(header, ...(grid.rows[header] ?? []).map((c) => header + c.rowSpan - 1)) + 1;
  const block = grid.rows.slice(top, first).map(rowKey);
  const index = grids.indexOf(grid);
  const rows = grid.rows.map((cells) => cells.map((c) => ({ ...c })));
  const origin: { part: Grid; row: number }[] = grid.rows.map((_, r) => ({ part: grid, row: r }));
  const hidden = new Set(grid.hidden);
  const diagnostics: Diagnostic[] = [];
  let after = grid.after;
  let next = index + 1;
  for (; next < grids.length; next++) {
    const part = grids[next];
    if (!part || part.before.length > 0 || grids[next - 1]?.after.length !== 0) break;
    const partHeader = findHeaderRow(part, custom);
    const skip = partHeader - (header - top);
    const repeats = partHeader >= 0 && skip === 0 && part.rows.slice(0, block.length).map(rowKey).join("\n") === block.join("\n");
    if (!repeats) break;
    for (let r = block.length; r < part.rows.length; r++) {
      const cells: GridCell[] = [];
      for (const c of part.rows[r] ?? []) {
        if (c.continued && c.text === "") {
          // the cell above that is open at the bottom of what is joined so far takes the rows
          const bottom = rows.length;
          const above = rows.flatMap((cs, k) => cs.filter((x) => x.col === c.col && k + x.rowSpan === bottom).map((x) => x))[0];
          if (above) {
            above.rowSpan += c.rowSpan;
            continue;
          }
        }
        cells.push({ ...c });
      }
      if (part.hidden.has(r)) hidden.add(rows.length);
      rows.push(cells);
      origin.push({ part, row: r });
    }
    diagnostics.push(diag("office/table-continued", "joined", { part: gridName(part), grid: gridName(grid) }, { file }));
    after = part.after;
  }
  if (next === index + 1) return { grids: [...grids], found, diagnostics };
  const joined: Grid = {
    name: grid.name,
    rows,
    hidden,
    before: grid.before,
    after,
    locate: (row, col) => {
      const o = origin[row];
      return o ? o.part.locate(o.row, col) : grid.locate(row, col);
    },
  };
  return { grids: [...grids.slice(0, index), joined, ...grids.slice(next)], found: { grid: joined, header }, diagnostics };
}

/**
 * Other sheets and tables are not read. One that holds the annex header too (another edition in
 * the same workbook) is worth a warning; in a document, a table with the annex's number of
 * columns is likely the annex split in two, which must not pass as a shorter annex.
 */
function otherTables(grids: readonly Grid[], annex: Grid, file: string, format: OfficeFormat, custom?: CustomLabels): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const other of grids) {
    if (other === annex || !other.rows.some((cells) => cells.some((c) => c.text !== ""))) continue;
    if (findHeaderRow(other, custom) >= 0) {
      // a document's second table with the annex header, text printed between: the annex split, or another one; never a shorter annex
      if (isDocument(format)) out.push(diag("office/split-table", "split-between", { other: gridName(other), annex: gridName(annex) }, { file }));
      else out.push(diag("office/other-table", "other", { other: gridName(other), annex: gridName(annex) }, { file }));
    }
    else if (isDocument(format) && width(other) === width(annex))
      out.push(diag("office/split-table", "split", { other: gridName(other), annex: gridName(annex) }, { file }));
  }
  return out;
}

/** A sheet by its name; a document's table as "table N" in the person's language. */
function gridName(grid: Grid): Param {
  const table = /^table (\d+)$/.exec(grid.name);
  return table ? ph("office.table", { n: Number(table[1]) }) : grid.name;
}

/** The grid holding the annex's header row, and that row; a fatal error when there is none. */
export function findAnnexGrid(grids: readonly Grid[], file: string, format: OfficeFormat, custom?: CustomLabels, findings: readonly Diagnostic[] = []): { grid: Grid; header: number } {
  for (const grid of grids) {
    const header = findHeaderRow(grid, custom);
    if (header >= 0) return { grid, header };
  }
  const sheets = grids.map((g) => g.name);
  const where = isDocument(format)
    ? grids.length === 0
      ? ph("office.no-table-in-document")
      : ph("office.tables", { count: grids.length })
    : ph("office.sheets", { names: sheets.length > 0 ? sheets : ph("plan-years.none") });
  // the annex may be what is hidden: say so, so that a person looks there
  const hidden = findings.filter((d) => d.rule === "office/hidden-sheet" || d.rule === "office/hidden-text").length;
  if (hidden > 0) throw new FatalError("input/no-table", "office-hidden", { where, hidden }, { file });
  throw new FatalError("input/no-table", "office", { where }, { file });
}

/** The grid with the annex header (`findAnnexGrid`), read into a raw table; `custom`: the plan's own header labels. */
export function gridsToRawTable(
  allGrids: readonly Grid[],
  annex: { grid: Grid; header: number },
  file: string,
  format: OfficeFormat,
  custom?: CustomLabels,
): { table: RawTable; diagnostics: Diagnostic[] } {
  const joined = isDocument(format) ? joinSplitTable(allGrids, annex, file, custom) : { grids: [...allGrids], found: annex, diagnostics: [] };
  const { grids, found } = joined;
  const { grid, header } = found;
  const diagnostics: Diagnostic[] = [...joined.diagnostics, ...otherTables(grids, grid, file, format, custom)];
  const columns = nameColumns(grid, header, file, diagnostics, custom);
  const inTable = (col: number) => columns.map.has(col);
  const codeCol = at(columns.codeCols, 0, "code column");
  const first = Math.max(header, ...(grid.rows[header] ?? []).map((c) => header + c.rowSpan - 1)) + 1;

  // above the header: the band row ("LIV 1 … STRUTTURE RESPONSABILI") belongs to it, the rest is the title
  let top = header;
  while (top > 0 && isHeaderRow(rowTexts(grid.rows[top - 1] ?? []))) top--;
  const title = [...grid.before, ...grid.rows.slice(0, top).map(rowText)].filter((t) => t !== "").join(" ");

  const extent = tableExtent(grid, first, inTable, columns.codeCols);
  const end = footnoteRowAbove(grid, first, extent.end, columns, inTable);
  const below = [...grid.rows.slice(end).map(rowText), ...grid.after].filter((t) => t !== "");
  const footnote = below[0] ?? "";
  if (below.length > 1) diagnostics.push(diag("office/text-outside-table", "after-footnote", { text: preview(below.slice(1).join(" ")) }, { file }));

  const rows: RawRow[] = [];
  const marks = new Marks(grid, file);
  for (let r = first; r < end; r++) {
    if (extent.blank.has(r)) {
      diagnostics.push(diag("office/empty-row", "empty", {}, { file, cell: grid.locate(r, codeCol) }));
      continue;
    }
    const cells: RawCell[] = [];
    for (const c of grid.rows[r] ?? []) {
      const col = columns.map.get(c.col);
      const place = { file, cell: grid.locate(r, c.col) };
      if (col === undefined) {
        marks.outside(c, columns, place);
        continue;
      }
      if (c.type === "error") diagnostics.push(formulaError(c, place));
      if (c.colSpan > 1 && c.text !== "") diagnostics.push(diag("office/merged-columns", "merged", {}, place));
      if (c.text !== "") cells.push({ col, text: c.text, rowSpan: Math.min(c.rowSpan, end - r) });
    }
    cells.sort((a, b) => a.col - b.col);
    if (grid.hidden.has(r)) marks.hidden(r, codeCol);
    rows.push({ page: 1, row: r + 1, cells, shaded: marks.shaded(r, inTable, codeCol), cell: grid.locate(r, codeCol) });
  }
  diagnostics.push(...marks.diagnostics());
  return {
    table: { file, format, title: title === "" ? null : title, footnote: footnote === "" ? null : footnote, columns: columns.kinds, rows },
    diagnostics,
  };
}

function rowTexts(cells: readonly GridCell[]): string[] {
  return cells.map((c) => c.text).filter((t) => t !== "");
}

/** A footnote typed in the row right under the table, with no empty row between: the table ends above it. */
function footnoteRowAbove(grid: Grid, first: number, end: number, columns: Columns, inTable: (col: number) => boolean): number {
  const last = grid.rows[end - 1] ?? [];
  const texts = last.filter((c) => c.text !== "");
  const lone = texts.length === 1 ? texts[0] : undefined;
  const covered = grid.rows.slice(first, end - 1).some((cells, k) => cells.some((c) => inTable(c.col) && first + k + c.rowSpan - 1 >= end - 1));
  return end - 1 > first && lone !== undefined && !columns.codeCols.includes(lone.col) && !covered ? end - 1 : end;
}

/** What the rows' look says (fills, hidden rows) and what it does not: one finding each, however many rows. */
class Marks {
  private readonly hiddenRows: string[] = [];
  private readonly otherFills = new Map<string, string>();
  private readonly unknownColumns = new Set<number>();
  private readonly found: Diagnostic[] = [];

  constructor(
    private readonly grid: Grid,
    private readonly file: string,
  ) {}

  hidden(row: number, codeCol: number): void {
    this.hiddenRows.push(this.grid.locate(row, codeCol));
  }

  outside(cell: GridCell, columns: Columns, place: { file: string; cell: string }): void {
    if (cell.text === "" || this.unknownColumns.has(cell.col)) return;
    this.unknownColumns.add(cell.col);
    const heading = columns.unnamed.find((u) => u.col === cell.col);
    this.found.push(heading ? diag("office/unknown-column", "heading", { heading: heading.label }, place) : diag("office/unknown-column", "outside", {}, place));
  }

  /** A grey fill behind most of the row's own cells (not merged down); merged cells speak only for a row without own cells. */
  shaded(row: number, inTable: (col: number) => boolean, codeCol: number): boolean {
    let judged = (this.grid.rows[row] ?? []).filter((c) => inTable(c.col) && c.rowSpan === 1);
    if (judged.length === 0) {
      judged = this.grid.rows.slice(0, row + 1).flatMap((cells, r) => cells.filter((c) => inTable(c.col) && r + c.rowSpan > row));
    }
    for (const c of judged) if (c.fill !== null && !isShading(c.fill) && !this.otherFills.has(c.fill)) this.otherFills.set(c.fill, this.grid.locate(row, codeCol));
    return judged.length > 0 && judged.filter((c) => c.fill !== null && isShading(c.fill)).length * 2 > judged.length;
  }

  diagnostics(): Diagnostic[] {
    const out = [...this.found, ...hiddenRows(this.hiddenRows, this.file)];
    for (const [fill, cell] of this.otherFills) {
      out.push(diag("office/fill", "fill", { colour: fill }, { file: this.file, cell }));
    }
    return out;
  }
}
