// Fitting text into the printed table's columns without cutting words. A line may break only
// where the Unicode line-breaking rules allow (UAX #14, as the PDF renderer applies them: after a
// space, after "/" or "-"), so each column is made at least as wide as the widest piece of text
// between two such places; the rest of the width is shared in the proportions of the published
// annex. A piece that cannot fit any reasonable width (a very long string without spaces) is
// broken here, with a visible hyphen at the end of each line: linearly, where the PDF library
// would search every prefix of it for the longest that fits (seconds, then out of memory).
import LineBreaker from "linebreak";

/** The width of a text as printed, in points. */
export type Measure = (text: string) => number;

/** The pieces of `text` between two places where a line may break (each with the spaces after it). */
export function unbreakablePieces(text: string): string[] {
  const pieces: string[] = [];
  const breaker = new LineBreaker(text);
  let last = 0;
  for (let found = breaker.nextBreak(); found !== null; found = breaker.nextBreak()) {
    pieces.push(text.slice(last, found.position));
    last = found.position;
  }
  return pieces;
}

/** The width of the widest piece of `text`, its trailing spaces and line ends left out. */
export function widestPiece(text: string, measure: Measure): number {
  let widest = 0;
  for (const piece of unbreakablePieces(text)) widest = Math.max(widest, measure(piece.trimEnd()));
  return widest;
}

export interface ColumnNeed {
  /** relative width, as in the published annex */
  base: number;
  /** the width its widest piece of text needs */
  widest: number;
}

/**
 * Column widths summing to `available`: every column at least as wide as its widest piece (up to
 * `cap`, beyond which a piece is broken instead), the rest shared in the base proportions.
 */
export function fitColumns(columns: readonly ColumnNeed[], available: number, cap: number): number[] {
  const need = columns.map((c) => Math.min(c.widest, cap));
  if (need.reduce((sum, n) => sum + n, 0) > available) return columns.map((c) => (c.base * available) / columns.reduce((s, x) => s + x.base, 0));
  const fixed = new Set<number>();
  let widths: number[] = [];
  for (;;) {
    const left = available - [...fixed].reduce((sum, i) => sum + (need[i] ?? 0), 0);
    const baseLeft = columns.reduce((sum, c, i) => (fixed.has(i) ? sum : sum + c.base), 0);
    widths = columns.map((c, i) => (fixed.has(i) ? (need[i] ?? 0) : (c.base * left) / baseLeft));
    const short = widths.findIndex((w, i) => !fixed.has(i) && w < (need[i] ?? 0));
    if (short === -1) return widths;
    // the column that falls shortest takes what it needs; the others share what is left
    let worst = short;
    widths.forEach((w, i) => {
      if (!fixed.has(i) && (need[i] ?? 0) - w > (need[worst] ?? 0) - (widths[worst] ?? 0)) worst = i;
    });
    fixed.add(worst);
  }
}

/**
 * `text` with every piece wider than `width` broken into lines that fit, each ending with a
 * visible hyphen. Character widths are summed (kerning aside, with a margin for it), so a piece of
 * any length costs time in proportion to its length.
 */
export function breakLongWords(text: string, width: number, measure: Measure): string {
  const hyphen = measure("-");
  const limit = width * 0.97 - hyphen;
  const charWidth = new Map<string, number>();
  const widthOf = (char: string): number => {
    let w = charWidth.get(char);
    if (w === undefined) {
      w = measure(char);
      charWidth.set(char, w);
    }
    return w;
  };
  let out = "";
  for (const piece of unbreakablePieces(text)) {
    const word = piece.trimEnd();
    if (measure(word) <= width) {
      out += piece;
      continue;
    }
    let line = "";
    let used = 0;
    for (const char of word) {
      const w = widthOf(char);
      if (used + w > limit && line !== "") {
        out += `${line}-\n`;
        line = "";
        used = 0;
      }
      line += char;
      used += w;
    }
    out += line + piece.slice(word.length);
  }
  return out;
}

/** How many lines `text` takes in `width` when broken only where a line may break (an estimate: pieces packed greedily). */
export function lineCount(text: string, width: number, measure: Measure): number {
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines++;
    let used = 0;
    for (const piece of unbreakablePieces(paragraph)) {
      const w = measure(piece.trimEnd());
      if (used > 0 && used + w > width) {
        lines++;
        used = 0;
      }
      used += measure(piece);
    }
  }
  return lines;
}
