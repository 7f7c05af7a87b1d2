// One page's table: grid, cell texts (as raw lines), header, data bands and their shading, and
// the text around the table.
import { at } from "../../lib/at.ts";
import type { CustomLabels } from "../../model/header-words.ts";
import { isShading } from "../../model/shading.ts";
import type { ColumnKind } from "../../model/raw.ts";
import type { PageContent } from "./content.ts";
import type { Fill } from "./geometry.ts";
import { findHeader, splitOutside } from "./furniture.ts";
import { bandCount, buildGrid, columnCount, slot, type Grid, type GridCell } from "./grid.ts";
import { plainText, toLines, type Line, type Piece } from "./lines.ts";
import { contains } from "./matrix.ts";
import { placeText, type Placed } from "./placement.ts";
import type { HiddenRun } from "./text.ts";
import { TOLERANCES } from "./tolerances.ts";

export interface PageTable {
  page: number;
  grid: Grid;
  /** grid column kinds from this page's header; null when the page repeats no header */
  kinds: ColumnKind[] | null;
  wideLabels: string[];
  /** labels of the column-name row that name no column */
  unnamed: string[];
  /** first data band (the one after the header) */
  firstData: number;
  /** lines of each non-empty grid cell, their edge set (see toLines) */
  lines: Map<number, Line[]>;
  /** shaded[band - firstData] */
  shaded: boolean[];
  above: Piece[];
  below: Piece[];
  beside: Piece[];
  /** text a cell's clip hid (the producer drew the cell's whole text and clipped it to its part on the page), per grid cell */
  ghosts: Map<number, Ghost>;
}

/** The lines of a cell's text drawn on this page but hidden above its part here, and below it. */
export interface Ghost {
  above: string[];
  below: string[];
}

/** Shading fills behind the middle of most of a row's own cells make the row shaded. */
function isShaded(cells: GridCell[], fills: readonly Fill[]): boolean {
  if (cells.length === 0) return false;
  let covered = 0;
  for (const cell of cells) {
    const x = (cell.box.left + cell.box.right) / 2;
    const y = (cell.box.top + cell.box.bottom) / 2;
    if (fills.some((f) => isShading(f.color) && contains(f, x, y))) covered++;
  }
  return covered * 2 > cells.length;
}

function rowShading(grid: Grid, firstData: number, fills: readonly Fill[]): boolean[] {
  const columns = grid.xs.length - 1;
  const shaded: boolean[] = [];
  for (let band = firstData; band < bandCount(grid); band++) {
    const inBand: GridCell[] = [];
    const seen = new Set<number>();
    for (let c = 0; c < columns; c++) {
      const id = at(grid.owner, band * columns + c, "cell of a grid slot");
      const cell = grid.cells[id];
      if (cell && !seen.has(id)) {
        seen.add(id);
        inBand.push(cell);
      }
    }
    // A row is judged by the cells it owns alone; a merged cell's fill speaks for all its rows.
    const own = inBand.filter((c) => c.band0 === band && c.band1 === band);
    shaded.push(isShaded(own.length > 0 ? own : inBand, fills));
  }
  return shaded;
}

/** Text starts this far right of its cell's left edge: the producer's padding, on both sides. */
function padding(grid: Grid, cells: ReadonlyMap<number, Piece[]>): number {
  const offsets: number[] = [];
  for (const [id, pieces] of cells) {
    const left = at(grid.cells, id, "grid cell").box.left;
    for (const p of pieces) if (p.left >= left) offsets.push(p.left - left);
  }
  offsets.sort((a, b) => a - b);
  return offsets[Math.floor(offsets.length * TOLERANCES.paddingShare)] ?? 0;
}

function cellLines(placed: Placed, grid: Grid, pad: number): { lines: Map<number, Line[]>; texts: Map<number, string> } {
  const lines = new Map<number, Line[]>();
  const texts = new Map<number, string>();
  for (const [id, pieces] of placed.cells) {
    const cell = toLines(pieces, at(grid.cells, id, "grid cell").box.right - pad);
    const text = plainText(cell);
    if (text === "") continue;
    lines.set(id, cell);
    texts.set(id, text);
  }
  return { lines, texts };
}

/** Hidden text, given to the grid cell its clip is the part of. */
function ghostsOf(hidden: readonly HiddenRun[], grid: Grid): Map<number, Ghost> {
  const byCell = new Map<number, HiddenRun[]>();
  const columns = columnCount(grid);
  for (const run of hidden) {
    const col = slot(grid.xs, (run.clip.left + run.clip.right) / 2);
    const band = slot(grid.ys, (run.clip.top + run.clip.bottom) / 2);
    if (col < 0 || band < 0) continue;
    const id = at(grid.owner, band * columns + col, "cell of a grid slot");
    const list = byCell.get(id);
    if (list) list.push(run);
    else byCell.set(id, [run]);
  }
  const ghosts = new Map<number, Ghost>();
  for (const [id, runs] of byCell) {
    const box = at(grid.cells, id, "grid cell").box;
    const ghost: Ghost = { above: [], below: [] };
    for (const line of toLines(placeText(runs, null).outside)) {
      const text = plainText([line]);
      if (text === "") continue;
      // hidden lines lie outside the cell's part: above its middle means above it
      if (line.baseline < (box.top + box.bottom) / 2) ghost.above.push(text);
      else ghost.below.push(text);
    }
    ghosts.set(id, ghost);
  }
  return ghosts;
}

/** Analyses a page; null when the page has no ruled table. */
export function readPageTable(content: PageContent, custom?: CustomLabels): PageTable | null {
  const grid = buildGrid(content.geometry.segments);
  if (!grid) return null;
  const placed = placeText(content.runs, grid);
  const pad = padding(grid, placed.cells);
  const all = cellLines(placed, grid, pad);
  const header = findHeader(grid, all.texts, custom);
  const firstData = header ? header.lastBand + 1 : 0;
  // In a tagged PDF the header repeated on a page is an artifact but still names the columns;
  // below it, artifacts (a label repeated as "continued", page numbers) are not content.
  const hasArtifacts = content.runs.some((r) => r.artifact);
  const contentOnly = hasArtifacts ? placeText(content.runs.filter((r) => !r.artifact), grid) : placed;
  const data = hasArtifacts ? cellLines(contentOnly, grid, pad) : all;
  const lines = new Map<number, Line[]>();
  const bandOf = (id: number) => at(grid.cells, id, "grid cell").band0;
  for (const [id, cell] of all.lines) if (bandOf(id) < firstData) lines.set(id, cell);
  for (const [id, cell] of data.lines) if (bandOf(id) >= firstData) lines.set(id, cell);
  const top = at(grid.ys, 0, "row boundary");
  const bottom = at(grid.ys, grid.ys.length - 1, "row boundary");
  return {
    page: content.page,
    grid,
    kinds: header?.kinds ?? null,
    wideLabels: header?.wideLabels ?? [],
    unnamed: header?.unnamed ?? [],
    firstData,
    lines,
    shaded: rowShading(grid, firstData, content.geometry.fills),
    ...splitOutside(contentOnly.outside, top, bottom),
    ghosts: ghostsOf(content.hidden, grid),
  };
}
