// Text as drawn: each show-text operator becomes a run of glyphs with their positions in page
// coordinates (y down). Working from the operator list rather than pdfjs' text content keeps
// what the text content merges away: which glyphs were drawn in one operator, the blanks at
// line ends, and the clip in force when each glyph was painted (a glyph outside it is not
// visible: ghost text).
import { isRecord } from "../../lib/record.ts";
import { applyX, applyY, compose, contains, type Box, type Matrix, IDENTITY } from "./matrix.ts";
import { DamagedContent } from "./operands.ts";
import { TOLERANCES } from "./tolerances.ts";

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
  const bad = impossible(unicode);
  if (bad !== null) throw new DamagedContent(`its text has a character that no font draws as text (U+${bad.toString(16).toUpperCase().padStart(4, "0")})`);
  return LIGATURES[unicode] ?? unicode;
}

/**
 * A character that printed text cannot hold: a control character, the replacement character
 * (a glyph whose Unicode value is lost), a non-character, half of a surrogate pair. A damaged
 * font or text mapping gives these; never real text.
 */
function impossible(text: string): number | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfffd || c === 0xfffe || c === 0xffff) return c;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return c;
    } else if (c >= 0xdc00 && c <= 0xdfff) return c;
  }
  return null;
}

/** What one show-text operator drew. */
export interface Shown {
  /** the glyphs inside the clip and the page */
  run: TextRun | null;
  /** the glyphs with text that the clip removed (ghost text), with the clip they were painted in */
  hidden: HiddenRun | null;
  /** glyphs with text inside the clip but outside the page's visible box */
  offPage: number;
  /** glyphs with text that are not upright (a page turned, or text set sideways) */
  turned: number;
}

/** Glyphs a clip removed: a merged cell's text drawn whole on every page it crosses, clipped to its part there. */
export interface HiddenRun extends TextRun {
  clip: Box;
}

/**
 * Lays out one show-text operator and advances the text position. Visible glyphs (middle inside
 * the clip and the page) are returned as a run, those the clip removed as a hidden run.
 */
export function showText(items: readonly unknown[], state: TextState, ctm: Matrix, clip: Box, page: Box): Shown {
  const font = state.font;
  const m = compose(state.matrix, ctm);
  const hScale = state.hScale * (state.size < 0 ? -1 : 1);
  const size = Math.abs(state.size);
  // Only upright, unrotated text takes part in a table; y grows downwards on the page, so d < 0.
  const upright = Math.abs(m[1]) < 1e-6 && Math.abs(m[2]) < 1e-6 && m[0] > 0 && m[3] < 0;
  const pageSize = size * -m[3];
  const baseline = applyY(m, state.x, state.y + state.rise);
  const middle = baseline - TOLERANCES.middleEm * pageSize;
  const painted = !INVISIBLE_MODES.has(state.renderMode) && !font.vertical && size > 0;
  const visibleMode = painted && upright;

  const out: Glyph[] = [];
  const clipped: Glyph[] = [];
  let offPage = 0;
  let turned = 0;
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
      const x = (left + right) / 2;
      if (!contains(clip, x, middle)) {
        if (text !== "") clipped.push({ left, right, text });
      } else if (contains(page, x, middle)) out.push({ left, right, text });
      else if (text !== "") offPage++;
    } else if (painted && glyphText(glyph.unicode) !== "") turned++;
    advance += width + spacing;
  }
  state.x += advance * hScale;
  const run = out.length > 0 ? { baseline, middle, size: pageSize, glyphs: out } : null;
  const hidden = clipped.length > 0 ? { baseline, middle, size: pageSize, glyphs: clipped, clip } : null;
  return { run, hidden, offPage, turned };
}
