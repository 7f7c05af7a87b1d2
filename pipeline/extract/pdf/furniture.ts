// Page furniture: the header rows repeated on every page (named into column kinds), the title
// above the table and the footnote below it. Only the header's own vocabulary (model/header-words.ts)
// is known here.
import { at } from "../../lib/at.ts";
import { kindOf, MIN_NAMED, type CustomLabels } from "../../model/header-words.ts";
import type { ColumnKind } from "../../model/raw.ts";
import { bandCount, type Grid } from "./grid.ts";

export interface Header {
  /** last band of the header (the bands above belong to it too: the "LIV 1 …" band) */
  lastBand: number;
  /** kind of each grid column */
  kinds: ColumnKind[];
  /** header cells spanning several columns that are not "Attività": only the first is named */
  wideLabels: string[];
  /** labels of the column-name row that name no column */
  unnamed: string[];
}

/**
 * Finds the column-name row: the first band whose cells name at least MIN_NAMED columns.
 * `texts` gives each grid cell's text.
 */
export function findHeader(grid: Grid, texts: ReadonlyMap<number, string>, custom?: CustomLabels): Header | null {
  const columns = grid.xs.length - 1;
  for (let band = 0; band < bandCount(grid); band++) {
    const seen = new Set<number>();
    let named = 0;
    for (let c = 0; c < columns; c++) {
      const id = at(grid.owner, band * columns + c, "cell of a grid slot");
      if (seen.has(id)) continue;
      seen.add(id);
      if (kindOf(texts.get(id) ?? "", custom) !== null) named++;
    }
    if (named < MIN_NAMED) continue;

    const kinds: ColumnKind[] = new Array<ColumnKind>(columns).fill("unknown");
    const wideLabels: string[] = [];
    const unnamed: string[] = [];
    let lastBand = band;
    for (const id of seen) {
      const cell = grid.cells[id];
      if (!cell) continue;
      lastBand = Math.max(lastBand, cell.band1);
      const label = texts.get(id) ?? "";
      const kind = kindOf(label, custom);
      const span = cell.col1 - cell.col0 + 1;
      if (kind === null && label !== "") unnamed.push(label);
      if (kind === "activities") {
        if (span === 2) {
          kinds[cell.col0] = "activityCode";
          kinds[cell.col1] = "activityTitle";
        } else {
          kinds[cell.col0] = "activity";
          if (span > 2) wideLabels.push(label);
        }
      } else if (kind !== null) {
        kinds[cell.col0] = kind;
        if (span > 1) wideLabels.push(label);
      }
    }
    return { lastBand, kinds, wideLabels, unnamed };
  }
  return null;
}

/** Text outside the table, by where it lies: above it (a title), below it (a footnote), or beside it. */
export function splitOutside<T extends { middle: number }>(
  pieces: readonly T[],
  top: number,
  bottom: number,
): { above: T[]; below: T[]; beside: T[] } {
  const above: T[] = [];
  const below: T[] = [];
  const beside: T[] = [];
  for (const p of pieces) {
    if (p.middle < top) above.push(p);
    else if (p.middle > bottom) below.push(p);
    else beside.push(p);
  }
  return { above, below, beside };
}
