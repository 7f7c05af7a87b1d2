// Pieces of text on one page → lines → one string, the way a reader sees them printed.

export interface Piece {
  baseline: number;
  /** vertical middle of the glyph boxes */
  middle: number;
  size: number;
  left: number;
  right: number;
  /** as drawn: a blank glyph or a visible gap between glyphs became one space, so it may start or end with one */
  text: string;
}

/** Pieces whose baselines differ by less than this fraction of the font size are on one line. */
const SAME_LINE = 0.35;
/** A horizontal gap wider than this fraction of the font size separates words. */
export const WORD_GAP = 0.2;

/**
 * Groups pieces into lines, top to bottom and left to right. A line keeps a trailing space when
 * the producer drew one (a blank glyph before the line break): that tells a break at a space
 * from a break after a hyphen inside a word.
 */
export function toLines(pieces: Piece[]): string[] {
  return placedLines(pieces).map((l) => l.text);
}

/** Lines closer than this many font sizes (baseline to baseline) belong to one paragraph. */
const PARAGRAPH_GAP = 1.6;

/** Lines grouped into paragraphs by the vertical gaps between them (a footnote, then a legend). */
export function toParagraphs(pieces: Piece[]): string[][] {
  const out: string[][] = [];
  let paragraph: string[] = [];
  let previous: { baseline: number; size: number } | null = null;
  for (const line of placedLines(pieces)) {
    if (!previous || line.baseline - previous.baseline > PARAGRAPH_GAP * Math.max(line.size, previous.size)) {
      paragraph = [];
      out.push(paragraph);
    }
    paragraph.push(line.text);
    previous = line;
  }
  return out;
}

function placedLines(pieces: Piece[]): { baseline: number; size: number; text: string }[] {
  const sorted = [...pieces].sort((a, b) => a.baseline - b.baseline || a.left - b.left);
  const lines: { baseline: number; size: number; parts: Piece[] }[] = [];
  for (const p of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(p.baseline - line.baseline) <= SAME_LINE * Math.max(p.size, line.size)) line.parts.push(p);
    else lines.push({ baseline: p.baseline, size: p.size, parts: [p] });
  }
  return lines.map(({ baseline, size, parts }) => {
    parts.sort((a, b) => a.left - b.left);
    let text = "";
    let right = -Infinity;
    for (const p of parts) {
      const gap = p.left - right > WORD_GAP * p.size;
      if (gap && text !== "" && !text.endsWith(" ") && !p.text.startsWith(" ")) text += " ";
      text += p.text;
      right = Math.max(right, p.right);
    }
    return { baseline, size, text };
  });
}

/** Hyphen-like characters after which a line break adds no space (U+00AD: soft hyphen). */
const HYPHENS = /[-\u2010\u2011\u00ad]$/;

/**
 * Whether the producer draws the blank at which it broke a line (LibreOffice does, Chromium
 * does not): true when most wrapped lines end with one. Then a line ending without a blank was
 * broken inside a word that did not fit ("INTERNAZIONALIZZAZI" + "ONE").
 */
export function marksBreakSpaces(cells: Iterable<readonly string[]>): boolean {
  let blank = 0;
  let total = 0;
  for (const lines of cells)
    for (let i = 0; i < lines.length - 1; i++) {
      total++;
      if (lines[i]?.endsWith(" ")) blank++;
    }
  return total > 0 && blank * 2 >= total;
}

/**
 * Joins wrapped lines into one string, whitespace collapsed and trimmed. A break at a blank
 * becomes a single space; a break inside a word joins directly: after a hyphen with no blank
 * drawn after it ("università-" + "lavoro" is "università-lavoro", while "viticinolo- " + "olio"
 * was printed from "viticinolo- olio"), and, when the producer marks its breaks at blanks
 * (`marked`), after any line that ends without one.
 */
export function joinLines(lines: readonly string[], marked = false): string {
  let out = "";
  for (const line of lines) {
    if (line.trim() === "") continue;
    const inWord = out !== "" && (HYPHENS.test(out) || (marked && !out.endsWith(" ")));
    if (out === "" || inWord) out += line.trimStart();
    else out += ` ${line.trimStart()}`;
  }
  return out.replace(/\s+/g, " ").trim();
}
