// Puts the visible text of a page into the grid's cells. Runs drawn one after another on the
// same baseline form a chunk (producers split a line into several runs: Chromium at kerning
// pairs or glyph by glyph, LibreOffice per cell). A chunk passes into the next cell only across
// a gap or a blank; a word that overflows its cell's border without a gap stays in its cell.
import { bandCount, columnCount, slot, type Grid } from "./grid.ts";
import { WORD_GAP, type Piece } from "./lines.ts";
import type { TextRun } from "./text.ts";

export interface Placed {
  /** pieces per grid cell index */
  cells: Map<number, Piece[]>;
  /** pieces outside the table (title, footnote, or anything else on the page) */
  outside: Piece[];
}

const OUTSIDE = -1;
/** Consecutive runs continue a chunk when the next starts within these fractions of the font size. */
const BACKSTEP = 0.5;
const FORWARD = 1;
const SAME_BASELINE = 0.2;

export function placeText(runs: readonly TextRun[], grid: Grid | null): Placed {
  const cells = new Map<number, Piece[]>();
  const outside: Piece[] = [];
  const columns = grid ? columnCount(grid) : 0;
  const bands = grid ? bandCount(grid) : 0;

  let piece: Piece | null = null;
  let pieceCell = OUTSIDE;
  let lastRight = -Infinity;
  let lastBlank = true;
  let lastBaseline = NaN;

  const open = (cell: number, run: TextRun, left: number): Piece => {
    const p: Piece = { baseline: run.baseline, middle: run.middle, size: run.size, left, right: left, text: "" };
    if (cell === OUTSIDE) outside.push(p);
    else {
      const list = cells.get(cell);
      if (list) list.push(p);
      else cells.set(cell, [p]);
    }
    return p;
  };

  for (const run of runs) {
    const band = grid ? slot(grid.ys, run.middle) : -1;
    const first = run.glyphs[0];
    const continues =
      piece !== null &&
      first !== undefined &&
      Math.abs(run.baseline - lastBaseline) <= SAME_BASELINE * run.size &&
      first.left >= lastRight - BACKSTEP * run.size &&
      first.left <= lastRight + FORWARD * run.size;
    if (!continues) {
      piece = null;
      lastBlank = true;
    }

    for (const g of run.glyphs) {
      if (g.text === "") {
        // A blank belongs to the text before it, even when it sticks out past the cell's
        // border: a line's trailing blank tells how the line break is to be joined.
        if (piece && piece.text !== "" && !piece.text.endsWith(" ")) piece.text += " ";
        lastBlank = true;
        lastRight = g.right;
        continue;
      }
      const col = grid && band >= 0 && band < bands ? slot(grid.xs, (g.left + g.right) / 2) : -1;
      const cell = grid && col >= 0 && col < columns ? (grid.owner[band * columns + col] ?? OUTSIDE) : OUTSIDE;
      const gap = g.left - lastRight > WORD_GAP * run.size;
      if (piece === null || (cell !== pieceCell && (lastBlank || gap))) {
        piece = open(cell, run, g.left);
        pieceCell = cell;
      } else if (gap && piece.text !== "" && !piece.text.endsWith(" ")) piece.text += " ";
      piece.text += g.text;
      piece.right = Math.max(piece.right, g.right);
      lastRight = g.right;
      lastBlank = false;
    }
    lastBaseline = run.baseline;
  }
  return { cells, outside };
}
