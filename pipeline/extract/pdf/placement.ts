// Puts the visible text of a page into the grid's cells. Producers draw each line of a cell as
// one run (LibreOffice) or as several runs that follow each other without a gap (Chromium
// splits lines at kerning pairs, sometimes glyph by glyph). Such a sequence is one piece of
// text and belongs, whole, to the cell where it starts: text that runs past its cell's border
// (a word too long for the column, a spreadsheet cell spilling into an empty neighbour) stays
// with its cell. A new piece starts after a word gap, or where a column border lies in the gap
// between two runs.
import { at } from "../../lib/at.ts";
import { bandCount, columnCount, slot, type Grid } from "./grid.ts";
import type { Piece } from "./lines.ts";
import type { Glyph, TextRun } from "./text.ts";
import { TOLERANCES } from "./tolerances.ts";

export interface Placed {
  /** pieces per grid cell index */
  cells: Map<number, Piece[]>;
  /** pieces outside the table (title, footnote, or anything else on the page) */
  outside: Piece[];
}

const OUTSIDE = -1;

export function placeText(runs: readonly TextRun[], grid: Grid | null): Placed {
  const cells = new Map<number, Piece[]>();
  const outside: Piece[] = [];
  const columns = grid ? columnCount(grid) : 0;
  const bands = grid ? bandCount(grid) : 0;

  const cellAt = (x: number, band: number): number => {
    if (!grid || band < 0 || band >= bands) return OUTSIDE;
    const col = slot(grid.xs, x);
    return col >= 0 && col < columns ? at(grid.owner, band * columns + col, "cell of a grid slot") : OUTSIDE;
  };
  const open = (cell: number, run: TextRun, left: number): Piece => {
    const p: Piece = { baseline: run.baseline, middle: run.middle, size: run.size, left, right: left, end: left, first: 0, text: "" };
    if (cell === OUTSIDE) outside.push(p);
    else {
      const list = cells.get(cell);
      if (list) list.push(p);
      else cells.set(cell, [p]);
    }
    return p;
  };

  let piece: Piece | null = null;
  let pieceCell = OUTSIDE;
  let lastRight = -Infinity;
  let lastBaseline = NaN;
  // a blank glyph waits for what follows it: a blank that the next glyph does not move past is no
  // space (Chromium draws an unbroken soft hyphen so); one that ends a piece is kept as its
  // trailing space, which tells how a line break is to be joined
  let blank: Glyph | null = null;
  const flush = (): void => {
    if (blank && piece && piece.text !== "" && !piece.text.endsWith(" ")) {
      piece.text += " ";
      piece.end = Math.max(piece.end, blank.right);
    }
    blank = null;
  };

  for (const run of runs) {
    const band = grid ? slot(grid.ys, run.middle) : -1;
    const first = run.glyphs.find((g) => g.text !== "");
    const follows =
      piece !== null &&
      Math.abs(run.baseline - lastBaseline) <= TOLERANCES.followBaselineEm * run.size &&
      (first === undefined ||
        (first.left >= lastRight - TOLERANCES.followBackstepEm * run.size && first.left - lastRight <= TOLERANCES.wordGapEm * run.size));
    if (first === undefined) {
      if (!follows) {
        flush();
        piece = null; // blanks alone, after nothing: they separate, nothing more
      }
    } else {
      const cell = cellAt((first.left + first.right) / 2, band);
      // A column border in the gap between two runs separates cells even when the gap is narrow.
      const border = grid !== null && slot(grid.xs, lastRight) !== slot(grid.xs, first.left);
      if (!follows || (cell !== pieceCell && border)) {
        flush();
        piece = open(cell, run, first.left);
        pieceCell = cell;
      }
    }
    if (piece === null) continue;
    for (const g of run.glyphs) {
      if (g.text === "") {
        // a blank past the cell's border, too, is one space
        blank ??= g;
        lastRight = g.right;
        continue;
      }
      const gap = g.left - lastRight > TOLERANCES.wordGapEm * run.size;
      const spaced = blank !== null && g.left > blank.left + TOLERANCES.noAdvanceEm * run.size;
      blank = null;
      if ((spaced || gap) && piece.text !== "" && !piece.text.endsWith(" ")) piece.text += " ";
      if (piece.text === "") piece.first = g.right - g.left;
      piece.text += g.text;
      piece.right = Math.max(piece.right, g.right);
      piece.end = Math.max(piece.end, g.right);
      lastRight = g.right;
    }
    lastBaseline = run.baseline;
  }
  flush();
  return { cells, outside };
}
