// Cells from ruling lines. The distinct x of vertical lines are column boundaries, the distinct y
// of horizontal lines row boundaries; a cell is a block of the resulting lattice not crossed by
// any line, so a missing horizontal line inside a column is a vertical merge (row span) and a
// missing vertical line inside a row a horizontal merge (header cells over several columns).
import { at } from "../../lib/at.ts";
import { UnionFind } from "../../lib/union-find.ts";
import type { Box } from "./matrix.ts";
import type { Segment } from "./geometry.ts";
import { TOLERANCES } from "./tolerances.ts";


export interface GridCell {
  /** first and last column / band of the lattice it covers (inclusive) */
  col0: number;
  col1: number;
  band0: number;
  band1: number;
  box: Box;
  /** no rule under it at the table's bottom edge: it goes on over the page break */
  openBottom: boolean;
}

export interface Grid {
  /** column boundaries, left to right */
  xs: number[];
  /** row boundaries, top to bottom */
  ys: number[];
  cells: GridCell[];
  /** cell index for each lattice slot, `band * columns + col` */
  owner: Int32Array;
}

export function columnCount(grid: Grid): number {
  return grid.xs.length - 1;
}

export function bandCount(grid: Grid): number {
  return grid.ys.length - 1;
}

/** Cluster sorted positions into boundaries; each boundary is the mean of its members. */
function boundaries(values: number[]): number[] {
  values.sort((a, b) => a - b);
  const result: number[] = [];
  let sum = 0;
  let n = 0;
  let last = -Infinity;
  for (const v of values) {
    if (n > 0 && v - last > TOLERANCES.sameRulePt) {
      result.push(sum / n);
      sum = 0;
      n = 0;
    }
    sum += v;
    n++;
    last = v;
  }
  if (n > 0) result.push(sum / n);
  return result;
}

/** Binary search in sorted boundaries: the largest i below the last index with bounds[i] <= v, or 0. */
function below(bounds: number[], v: number): number {
  let lo = 0;
  let hi = bounds.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (at(bounds, mid, "boundary") <= v) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Index of the boundary nearest to v (boundaries sorted). */
function nearest(bounds: number[], v: number): number {
  const lo = below(bounds, v);
  const hi = Math.min(lo + 1, bounds.length - 1);
  return Math.abs(at(bounds, hi, "boundary") - v) < Math.abs(at(bounds, lo, "boundary") - v) ? hi : lo;
}

/** Index i with bounds[i] <= v < bounds[i + 1], or -1 outside. */
export function slot(bounds: number[], v: number): number {
  if (bounds.length < 2 || v < at(bounds, 0, "boundary") || v > at(bounds, bounds.length - 1, "boundary")) return -1;
  return below(bounds, v);
}

/** Builds the cell grid of the page's table, or null when the rules do not make a table. */
export function buildGrid(segments: readonly Segment[]): Grid | null {
  const rules = segments.filter((s) => s.to - s.from >= TOLERANCES.shortestRulePt);
  const horizontal = rules.filter((s) => s.horizontal);
  const vertical = rules.filter((s) => !s.horizontal);
  // Vertical rules also mark the table's top and bottom where a merged column has no
  // horizontal rule there (a column open at a page break).
  const xs = boundaries(vertical.map((s) => s.at));
  if (vertical.length === 0) return null;
  let top = Infinity;
  let bottom = -Infinity;
  for (const s of vertical) {
    top = Math.min(top, s.from);
    bottom = Math.max(bottom, s.to);
  }
  // Horizontal rules outside the vertical rules' reach (an underline, a rule under the title)
  // are not part of the table.
  const inside = horizontal.filter((s) => s.at >= top - TOLERANCES.sameRulePt && s.at <= bottom + TOLERANCES.sameRulePt);
  const ys = boundaries([...inside.map((s) => s.at), top, bottom]);
  if (xs.length < 2 || ys.length < 2) return null;
  const columns = xs.length - 1;
  const bands = ys.length - 1;

  // ruled[k * columns + c]: a horizontal rule at boundary k covers column c.
  const ruled = new Uint8Array((bands + 1) * columns);
  for (const s of inside) {
    const k = nearest(ys, s.at);
    for (let c = 0; c < columns; c++) {
      const mid = (at(xs, c, "column boundary") + at(xs, c + 1, "column boundary")) / 2;
      if (s.from <= mid && mid <= s.to) ruled[k * columns + c] = 1;
    }
  }
  // walled[k * (columns + 1) + j]: a vertical rule at boundary j crosses band k.
  const walled = new Uint8Array(bands * (columns + 1));
  for (const s of vertical) {
    const j = nearest(xs, s.at);
    for (let k = 0; k < bands; k++) {
      const mid = (at(ys, k, "row boundary") + at(ys, k + 1, "row boundary")) / 2;
      if (s.from <= mid && mid <= s.to) walled[k * (columns + 1) + j] = 1;
    }
  }

  // Union the lattice slots that no rule separates.
  const slots = new UnionFind(bands * columns);
  for (let k = 0; k < bands; k++)
    for (let c = 0; c < columns; c++) {
      const i = k * columns + c;
      if (k > 0 && !ruled[k * columns + c]) slots.union(i, i - columns);
      if (c > 0 && !walled[k * (columns + 1) + c]) slots.union(i, i - 1);
    }

  const cells: GridCell[] = [];
  const index = new Map<number, number>();
  const owner = new Int32Array(bands * columns);
  for (let k = 0; k < bands; k++)
    for (let c = 0; c < columns; c++) {
      const root = slots.find(k * columns + c);
      let id = index.get(root);
      if (id === undefined) {
        id = cells.length;
        index.set(root, id);
        cells.push({ col0: c, col1: c, band0: k, band1: k, box: { left: 0, top: 0, right: 0, bottom: 0 }, openBottom: false });
      }
      const cell = cells[id];
      if (cell) {
        cell.col0 = Math.min(cell.col0, c);
        cell.col1 = Math.max(cell.col1, c);
        cell.band1 = Math.max(cell.band1, k);
      }
      owner[k * columns + c] = id;
    }
  for (const cell of cells) {
    cell.box = {
      left: at(xs, cell.col0, "column boundary"),
      right: at(xs, cell.col1 + 1, "column boundary"),
      top: at(ys, cell.band0, "row boundary"),
      bottom: at(ys, cell.band1 + 1, "row boundary"),
    };
    if (cell.band1 === bands - 1) {
      cell.openBottom = true;
      for (let c = cell.col0; c <= cell.col1; c++) if (ruled[bands * columns + c]) cell.openBottom = false;
    }
  }
  return { xs, ys, cells, owner };
}
