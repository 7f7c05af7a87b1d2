// One pass over a page's operator list, keeping the graphics state (transformation matrix, clip,
// colours, text state; saved and restored with q/Q and form XObjects), and collecting ruling
// lines, filled rectangles and text runs in page coordinates with y growing downwards.
import { OPS, type PDFPageProxy } from "./pdfjs.ts";
import { isRecord } from "../../lib/record.ts";
import { paintPath, type Geometry } from "./geometry.ts";
import { compose, IDENTITY, intersect, transformBox, type Box, type Matrix } from "./matrix.ts";
import { DamagedContent, isNumberList, Operands, toMatrix } from "./operands.ts";
import { DEFAULT_FONT, showText, TextState, type FontMetrics, type HiddenRun, type TextRun } from "./text.ts";

export interface PageContent {
  page: number;
  width: number;
  height: number;
  geometry: Geometry;
  runs: TextRun[];
  /** text that was painted outside the clip (invisible): ghost text */
  hidden: HiddenRun[];
  /** glyphs with text painted outside the page's visible box */
  offPage: number;
  /** glyphs with text that are not upright */
  turned: number;
  /** the rotation the page was read with, in degrees (the page's own /Rotate, unless its text reads upright only at another) */
  rotation: number;
}

interface GraphicsState {
  ctm: Matrix;
  clip: Box;
  fill: string | null;
  stroke: string | null;
  text: TextState;
}

function copy(s: GraphicsState): GraphicsState {
  return { ...s, text: s.text.clone() };
}

type FontLookup = (name: string) => FontMetrics;

/**
 * Fonts live in the document's shared objects once the operator list is loaded. pdf.js gives a
 * font it could not load (a damaged font dictionary or font file) as the message of the error,
 * and draws its text as nothing: that page's text would vanish without a word.
 */
export function fontLookup(page: PDFPageProxy): FontLookup {
  const cache = new Map<string, FontMetrics>();
  return (name) => {
    let metrics = cache.get(name);
    if (metrics) return metrics;
    metrics = DEFAULT_FONT;
    let font: unknown = null;
    try {
      font = page.commonObjs.get(name);
    } catch {
      // not resolved: keep the default metrics
    }
    if (typeof font === "string") throw new DamagedContent("a font cannot be read");
    if (isRecord(font)) {
      const scale = isNumberList(font.fontMatrix) ? font.fontMatrix[0] : undefined;
      metrics = { scale: typeof scale === "number" ? scale : DEFAULT_FONT.scale, vertical: font.vertical === true };
    }
    cache.set(name, metrics);
    return metrics;
  };
}

/** Path-painting operators: what each one strokes and fills. */
const PAINT: Record<number, { stroke: boolean; fill: boolean }> = {
  [OPS.stroke]: { stroke: true, fill: false },
  [OPS.closeStroke]: { stroke: true, fill: false },
  [OPS.fill]: { stroke: false, fill: true },
  [OPS.eoFill]: { stroke: false, fill: true },
  [OPS.fillStroke]: { stroke: true, fill: true },
  [OPS.eoFillStroke]: { stroke: true, fill: true },
  [OPS.closeFillStroke]: { stroke: true, fill: true },
  [OPS.closeEOFillStroke]: { stroke: true, fill: true },
};

type Operators = { fnArray: number[]; argsArray: unknown[] };

/**
 * The page's content as printed. A page whose text is not upright as the page is set (one page
 * of a file turned in a viewer) is read again at the rotation that sets its text upright.
 */
export function readContent(page: PDFPageProxy, operators: Operators): PageContent {
  const own = page.rotate;
  const content = readAt(page, operators, own);
  if (content.turned <= glyphCount(content)) return content;
  let best = content;
  for (const turn of [90, 180, 270]) {
    const other = readAt(page, operators, (own + turn) % 360);
    if (glyphCount(other) > glyphCount(best)) best = other;
  }
  return best;
}

function glyphCount(content: PageContent): number {
  let n = 0;
  for (const run of content.runs) n += run.glyphs.length;
  return n;
}

const EVERYWHERE: Box = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };

function readAt(page: PDFPageProxy, operators: Operators, rotation: number): PageContent {
  // The viewport transform turns PDF user space (y up, any page box, the rotation) into the page
  // as printed: origin top left, y down.
  const viewport = page.getViewport({ scale: 1, rotation });
  const pageBox: Box = { left: 0, top: 0, right: viewport.width, bottom: viewport.height };
  const font = fontLookup(page);
  const geometry: Geometry = { segments: [], fills: [] };
  const runs: TextRun[] = [];
  const hidden: HiddenRun[] = [];
  let offPage = 0;
  let turned = 0;

  let state: GraphicsState = {
    ctm: compose(toMatrix(viewport.transform, "viewport"), IDENTITY),
    clip: EVERYWHERE,
    fill: "#000000",
    stroke: "#000000",
    text: new TextState(),
  };
  const stack: GraphicsState[] = [];
  let pendingClip = false;
  // Marked content is a stack of its own (it may cross save/restore); a tagged PDF puts page
  // furniture — repeated headers, "continued" labels, page numbers — under the Artifact tag.
  const marked: boolean[] = [];
  let inArtifact = 0;

  const { fnArray, argsArray } = operators;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = new Operands(argsArray[i], fn ?? -1);
    switch (fn) {
      case OPS.save:
        stack.push(copy(state));
        break;
      case OPS.restore:
        state = stack.pop() ?? state;
        break;
      case OPS.transform:
        state.ctm = compose(args.asMatrix(), state.ctm);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push(copy(state));
        const matrix = args.optionalNumbers(0);
        const bbox = args.optionalNumbers(1);
        if (matrix) state.ctm = compose(toMatrix(matrix, "form matrix"), state.ctm);
        if (bbox) state.clip = intersect(state.clip, transformBox(state.ctm, bbox));
        break;
      }
      case OPS.beginGroup: {
        stack.push(copy(state));
        const group = args.any(0);
        const matrix = isRecord(group) ? new Operands([group.matrix], "group").optionalNumbers(0) : null;
        if (matrix) state.ctm = compose(toMatrix(matrix, "group matrix"), state.ctm);
        break;
      }
      case OPS.paintFormXObjectEnd:
      case OPS.endGroup:
        state = stack.pop() ?? state;
        break;
      case OPS.setFillRGBColor:
        state.fill = args.string(0);
        break;
      case OPS.setStrokeRGBColor:
        state.stroke = args.string(0);
        break;
      // What pdfjs leaves as setFillColorN/setStrokeColorN is a pattern or a shading: not a
      // plain colour, so it counts neither as a rule nor as row shading.
      case OPS.setFillTransparent:
      case OPS.setFillColorN:
        state.fill = null;
        break;
      case OPS.setStrokeTransparent:
      case OPS.setStrokeColorN:
        state.stroke = null;
        break;
      case OPS.clip:
      case OPS.eoClip:
        pendingClip = true;
        break;
      case OPS.constructPath: {
        const op = args.number(0);
        const buffer = new Operands(args.list(1), "path").optionalNumbers(0);
        const minMax = args.optionalNumbers(2);
        if (pendingClip && minMax) {
          // Clip paths here are rectangles in practice; their bounding box is the clip.
          state.clip = intersect(state.clip, transformBox(state.ctm, minMax));
        }
        pendingClip = false;
        const paint = PAINT[op];
        if (paint && buffer)
          paintPath(buffer, state.ctm, paint.stroke ? { color: state.stroke } : null, paint.fill ? { color: state.fill } : null, geometry);
        break;
      }
      case OPS.beginText:
        state.text.begin();
        break;
      case OPS.setFont: {
        state.text.font = font(args.string(0));
        state.text.size = args.number(1);
        break;
      }
      case OPS.setGState:
        for (const entry of args.list(0)) {
          const setting = new Operands(entry, "graphics state");
          if (setting.any(0) !== "Font") continue;
          const value = new Operands(setting.list(1), "graphics state font");
          state.text.font = font(value.string(0));
          state.text.size = value.number(1);
        }
        break;
      case OPS.setCharSpacing:
        state.text.charSpacing = args.number(0);
        break;
      case OPS.setWordSpacing:
        state.text.wordSpacing = args.number(0);
        break;
      case OPS.setHScale:
        state.text.hScale = args.number(0) / 100;
        break;
      case OPS.setLeading:
        state.text.leading = -args.number(0);
        break;
      case OPS.setTextRise:
        state.text.rise = args.number(0);
        break;
      case OPS.setTextRenderingMode:
        state.text.renderMode = args.number(0);
        break;
      case OPS.moveText:
        state.text.move(args.number(0), args.number(1));
        break;
      case OPS.setLeadingMoveText:
        state.text.leading = args.number(1);
        state.text.move(args.number(0), args.number(1));
        break;
      case OPS.nextLine:
        state.text.move(0, state.text.leading);
        break;
      case OPS.setTextMatrix:
        state.text.setMatrix(args.matrix(0));
        break;
      case OPS.beginMarkedContent:
      case OPS.beginMarkedContentProps: {
        const artifact = args.any(0) === "Artifact";
        marked.push(artifact);
        if (artifact) inArtifact++;
        break;
      }
      case OPS.endMarkedContent:
        if (marked.pop()) inArtifact--;
        break;
      case OPS.showText: {
        const shown = showText(args.list(0), state.text, state.ctm, state.clip, pageBox);
        if (shown.run) runs.push(inArtifact > 0 ? { ...shown.run, artifact: true } : shown.run);
        if (shown.hidden) hidden.push(shown.hidden);
        offPage += shown.offPage;
        turned += shown.turned;
        break;
      }
    }
  }
  return { page: page.pageNumber, width: viewport.width, height: viewport.height, geometry, runs, hidden, offPage, turned, rotation };
}
