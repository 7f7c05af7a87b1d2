// Text as drawn: each show-text operator becomes a run of glyphs with their positions in page
// coordinates (y down). Working from the operator list rather than pdfjs' text content keeps
// what the text content merges away: which glyphs were drawn in one operator, the blanks at
// line ends, and the clip in force when each glyph was painted (a glyph outside it is not
// visible: ghost text).
import { isRecord } from "../../lib/record.ts";
import { applyX, applyY, compose, contains, type Box, type Matrix, IDENTITY } from "./matrix.ts";
import { DamagedContent } from "./operands.ts";

export interface Glyph {
  left: number;
  right: number;
  /** the characters it stands for; "" for a blank (space) glyph */
  text: string;
}

export interface TextRun {
  baseline: number;
  /** vertical middle of the letters (between the baseline and the capitals' top) */
  middle: number;
  /** font size on the page, in points */
  size: number;
  glyphs: Glyph[];
  /** drawn inside /Artifact marked content: page furniture in a tagged PDF, not content */
  artifact?: boolean;
}

/** What pdfjs tells about a font, reduced to what positioning needs. */
export interface FontMetrics {
  /** horizontal glyph-space → text-space scale (0.001 for most fonts) */
  scale: number;
  vertical: boolean;
}

export const DEFAULT_FONT: FontMetrics = { scale: 0.001, vertical: false };

/**
 * Height of a line's visual middle above its baseline, in font sizes: halfway up the capitals
 * (cap height is about 0.65 in common fonts, x-height about 0.5). A line cut by a page break is
 * read on the page that shows its middle; fonts' declared ascent and descent, which include
 * accents and descenders, would move that point off the letters.
 */
const MIDDLE = 0.3;

/** PDF text state (ISO 32000 §9.3), plus where the next glyph goes (x, y in text-line space). */
export class TextState {
  font: FontMetrics = DEFAULT_FONT;
  size = 0;
  charSpacing = 0;
  wordSpacing = 0;
  hScale = 1;
  leading = 0;
  rise = 0;
  renderMode = 0;
  matrix: Matrix = IDENTITY;
  lineX = 0;
  lineY = 0;
  x = 0;
  y = 0;

  clone(): TextState {
    return Object.assign(new TextState(), this);
  }

  begin(): void {
    this.matrix = IDENTITY;
    this.lineX = this.lineY = this.x = this.y = 0;
  }

  setMatrix(m: Matrix): void {
    this.matrix = compose(m, IDENTITY);
    this.lineX = this.lineY = this.x = this.y = 0;
  }

  move(tx: number, ty: number): void {
    this.x = this.lineX += tx;
    this.y = this.lineY += ty;
  }
}

/** pdfjs glyph objects carry more; these are the fields used here. */
interface PdfjsGlyph {
  unicode?: unknown;
  width: number;
  isSpace?: unknown;
}

function isGlyph(item: unknown): item is PdfjsGlyph {
  return isRecord(item) && typeof item.width === "number";
}

/** Render modes 3 and 7 paint nothing (OCR layers use them): such text is not printed. */
const INVISIBLE_MODES = new Set([3, 7]);

/** Typographic ligatures that fonts map to one code point; the text means their letters. */
const LIGATURES: Record<string, string> = {
  "\ufb00": "ff",
  "\ufb01": "fi",
  "\ufb02": "fl",
  "\ufb03": "ffi",
  "\ufb04": "ffl",
  "\ufb05": "st",
  "\ufb06": "st",
};

function glyphText(unicode: unknown): string {
  if (typeof unicode !== "string" || unicode.trim() === "") return "";
  return LIGATURES[unicode] ?? unicode;
}

/**
 * Lays out one show-text operator and advances the text position. Visible glyphs (middle inside
 * the clip) are returned as a run; `hidden` counts the glyphs with text that the clip removed.
 */
export function showText(
  items: readonly unknown[],
  state: TextState,
  ctm: Matrix,
  clip: Box,
): { run: TextRun | null; hidden: number } {
  const font = state.font;
  const m = compose(state.matrix, ctm);
  const hScale = state.hScale * (state.size < 0 ? -1 : 1);
  const size = Math.abs(state.size);
  // Only upright, unrotated text takes part in a table; y grows downwards on the page, so d < 0.
  const upright = Math.abs(m[1]) < 1e-6 && Math.abs(m[2]) < 1e-6 && m[0] > 0 && m[3] < 0;
  const pageSize = size * -m[3];
  const baseline = applyY(m, state.x, state.y + state.rise);
  const middle = baseline - MIDDLE * pageSize;
  const visibleMode = !INVISIBLE_MODES.has(state.renderMode) && upright && !font.vertical && size > 0;

  const out: Glyph[] = [];
  let hidden = 0;
  let advance = 0;
  // each item: a glyph, a number (a kerning adjustment, in thousandths of the font size) or null
  for (const glyph of items) {
    if (glyph === null) continue;
    if (typeof glyph === "number") {
      advance -= (glyph * size) / 1000;
      continue;
    }
    if (!isGlyph(glyph)) throw new DamagedContent("show text: an item that is neither a glyph nor a number");
    const width = glyph.width * font.scale * size;
    const spacing = state.charSpacing + (glyph.isSpace === true ? state.wordSpacing : 0);
    if (visibleMode) {
      const left = applyX(m, state.x + advance * hScale, state.y);
      const right = applyX(m, state.x + (advance + width) * hScale, state.y);
      const text = glyphText(glyph.unicode);
      if (contains(clip, (left + right) / 2, middle)) out.push({ left, right, text });
      else if (text !== "") hidden++;
    }
    advance += width + spacing;
  }
  state.x += advance * hScale;
  const run = out.length > 0 ? { baseline, middle, size: pageSize, glyphs: out } : null;
  return { run, hidden };
}
