// Pieces of text on one page → lines, the way a reader sees them printed. A line keeps what its
// joining to the next one needs: whether the producer drew a blank at its end, where its text
// ends, how wide its first letter is, and where text in its cell has to stop.
import { TOLERANCES } from "./tolerances.ts";

export interface Piece {
  baseline: number;
  /** vertical middle of the glyph boxes */
  middle: number;
  size: number;
  left: number;
  right: number;
  /** width of its first glyph with text */
  first: number;
  /** where it ends, its trailing blank included */
  end: number;
  /** as drawn: a blank glyph or a visible gap between glyphs became one space, so it may start or end with one */
  text: string;
}

export interface Line {
  /** as drawn: ends with a space when the producer drew a blank at the line's end */
  text: string;
  baseline: number;
  size: number;
  left: number;
  /** where its last glyph ends */
  right: number;
  /** where it ends, a blank drawn at its end included */
  end: number;
  /** width of its first glyph */
  first: number;
  /** where text must stop in the line's cell (its right edge less the padding); null outside a table */
  edge: number | null;
  /** without rules, where the edge is only an estimate: how far text of the line's column is seen to reach, so surely inside the cell */
  reach?: number;
}


/** Groups pieces into lines, top to bottom and left to right. */
export function toLines(pieces: readonly Piece[], edge: number | null = null): Line[] {
  const sorted = [...pieces].sort((a, b) => a.baseline - b.baseline || a.left - b.left);
  const groups: { baseline: number; size: number; parts: Piece[] }[] = [];
  for (const p of sorted) {
    const group = groups[groups.length - 1];
    if (group && Math.abs(p.baseline - group.baseline) <= TOLERANCES.sameLineEm * Math.max(p.size, group.size)) group.parts.push(p);
    else groups.push({ baseline: p.baseline, size: p.size, parts: [p] });
  }
  return groups.map(({ baseline, size, parts }) => {
    parts.sort((a, b) => a.left - b.left);
    let text = "";
    let right = -Infinity;
    let end = -Infinity;
    for (const p of parts) {
      const gap = p.left - right > TOLERANCES.wordGapEm * p.size;
      if (gap && text !== "" && !text.endsWith(" ") && !p.text.startsWith(" ")) text += " ";
      text += p.text;
      right = Math.max(right, p.right);
      end = Math.max(end, p.end);
    }
    const head = parts[0];
    return { text, baseline, size, left: head?.left ?? 0, right, end, first: head?.first ?? 0, edge };
  });
}

/** Lines grouped into paragraphs by the vertical gaps between them (a footnote, then a legend). */
export function toParagraphs(pieces: readonly Piece[]): Line[][] {
  const out: Line[][] = [];
  let paragraph: Line[] = [];
  let previous: Line | null = null;
  for (const line of toLines(pieces)) {
    if (!previous || line.baseline - previous.baseline > TOLERANCES.paragraphGapEm * Math.max(line.size, previous.size)) {
      paragraph = [];
      out.push(paragraph);
    }
    paragraph.push(line);
    previous = line;
  }
  return out;
}

/** The lines' texts joined with single spaces: for header labels and text that is only reported, never data. */
export function plainText(lines: readonly (Line | string)[]): string {
  return lines
    .map((l) => (typeof l === "string" ? l : l.text))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}
