// Where a page's table goes on from the page before: its columns mapped to the table's, whether
// they stand where they stood, and whether its first band is the rest of a row the producer let
// break over the page.
import { at } from "../../lib/at.ts";
import { leadingCode } from "../../model/codes.ts";
import { isHierarchyColumn, type ColumnKind, type RawRow } from "../../model/raw.ts";
import type { Chain } from "./chains.ts";
import { slot } from "./grid.ts";
import { plainText } from "./lines.ts";
import type { PageTable } from "./page-table.ts";
import { TOLERANCES } from "./tolerances.ts";

/** The hierarchy's columns: their merged labels may cover a row broken over the page as well as the rows before it. */

/** Page grid column → table column: by header kinds, else by position under the reference grid. */
export function mapColumns(page: PageTable, reference: PageTable, columns: readonly ColumnKind[]): number[] {
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
export function linesUp(page: PageTable, previous: PageTable, map: readonly number[], previousMap: readonly number[]): boolean {
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

/**
 * The first data band of a page is the rest of the previous page's last row when the producer let
 * that row break over the page (Word, Writer): it has no code and no cell that starts with one,
 * the previous page ends with an activity, and each of its activity cells is in a column where
 * that row has text (a row starts all its cells on one line, so none can begin after the break).
 */
export function continuationBand(
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
    if (!isHierarchyColumn(columns[col] ?? "unknown") && (chain.row !== lastRow || cell.band1 !== cell.band0)) return false;
    any = true;
  }
  return any;
}
