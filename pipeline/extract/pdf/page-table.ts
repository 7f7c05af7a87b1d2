// One page's table: grid, cell texts (as raw lines), header, data bands and their shading, and
// the text around the table.
import { at } from "../../lib/at.ts";
import type { ColumnKind } from "../../model/raw.ts";
import type { PageContent } from "./content.ts";
import type { Fill } from "./geometry.ts";
import { findHeader, splitOutside } from "./furniture.ts";
import { bandCount, buildGrid, type Grid, type GridCell } from "./grid.ts";
import { joinLines, toLines, type Piece } from "./lines.ts";
import { contains } from "./matrix.ts";
import { placeText } from "./placement.ts";

export interface PageTable {
  page: number;
  grid: Grid;
  /** grid column kinds from this page's header; null when the page repeats no header */
  kinds: ColumnKind[] | null;
  wideLabels: string[];
  /** first data band (the one after the header) */
  firstData: number;
  /** raw lines of each non-empty grid cell (see toLines) */
  lines: Map<number, string[]>;
  /** shaded[band - firstData] */
  shaded: boolean[];
  above: Piece[];
  below: Piece[];
  beside: Piece[];
}

/** Fills behind the middle of most of a row's own cells make the row shaded. */
function isShaded(cells: GridCell[], fills: readonly Fill[]): boolean {
  if (cells.length === 0) return false;
  let covered = 0;
  for (const cell of cells) {
    const x = (cell.box.left + cell.box.right) / 2;
    const y = (cell.box.top + cell.box.bottom) / 2;
    if (fills.some((f) => contains(f, x, y))) covered++;
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

function cellLines(placed: ReturnType<typeof placeText>): { lines: Map<number, string[]>; texts: Map<number, string> } {
  const lines = new Map<number, string[]>();
  const texts = new Map<number, string>();
  for (const [id, pieces] of placed.cells) {
    const cell = toLines(pieces);
    const text = joinLines(cell);
    if (text === "") continue;
    lines.set(id, cell);
    texts.set(id, text);
  }
  return { lines, texts };
}

/** Analyses a page; null when the page has no ruled table. */
export function readPageTable(content: PageContent): PageTable | null {
  const grid = buildGrid(content.geometry.segments);
  if (!grid) return null;
  const placed = placeText(content.runs, grid);
  const all = cellLines(placed);
  const header = findHeader(grid, all.texts);
  const firstData = header ? header.lastBand + 1 : 0;
  // In a tagged PDF the header repeated on a page is an artifact but still names the columns;
  // below it, artifacts (a label repeated as "continued", page numbers) are not content.
  const hasArtifacts = content.runs.some((r) => r.artifact);
  const contentOnly = hasArtifacts ? placeText(content.runs.filter((r) => !r.artifact), grid) : placed;
  const data = hasArtifacts ? cellLines(contentOnly) : all;
  const lines = new Map<number, string[]>();
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
    firstData,
    lines,
    shaded: rowShading(grid, firstData, content.geometry.fills),
    ...splitOutside(contentOnly.outside, top, bottom),
  };
}
