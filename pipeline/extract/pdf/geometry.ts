// Paths painted on a page → ruling lines and filled rectangles, in page coordinates (y down).
// Producers draw cell borders in two ways: LibreOffice strokes lines, Chromium fills thin
// rectangles. Both end up as the same Segment; wider filled rectangles keep their colour
// (cell shading, header background).
import { at } from "../../lib/at.ts";
import { isWhite } from "../../model/shading.ts";
import { applyX, applyY, type Matrix } from "./matrix.ts";
import { TOLERANCES } from "./tolerances.ts";

/** A horizontal or vertical ruling line: `at` is its y (horizontal) or x (vertical). */
export interface Segment {
  horizontal: boolean;
  at: number;
  from: number;
  to: number;
}

export interface Fill {
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** "#rrggbb" */
  color: string;
}

export interface Geometry {
  segments: Segment[];
  fills: Fill[];
}

/** pdfjs' path buffer opcodes (DrawOPS in pdfjs). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const CLOSE = 3;


/** Subpaths of a pdfjs path buffer as flat lists of transformed points; curves mark a subpath unusable. */
function subpaths(buffer: ArrayLike<number>, ctm: Matrix): { points: number[]; closed: boolean; curved: boolean }[] {
  const result: { points: number[]; closed: boolean; curved: boolean }[] = [];
  let current: { points: number[]; closed: boolean; curved: boolean } | null = null;
  for (let i = 0; i < buffer.length; ) {
    const op = buffer[i++];
    if (op === MOVE || op === LINE) {
      const x = at(buffer, i++, "path coordinate");
      const y = at(buffer, i++, "path coordinate");
      if (op === MOVE || current === null) {
        current = { points: [], closed: false, curved: false };
        result.push(current);
      }
      current.points.push(applyX(ctm, x, y), applyY(ctm, x, y));
    } else if (op === CURVE) {
      i += 6;
      if (current) current.curved = true;
    } else if (op === CLOSE) {
      if (current) current.closed = true;
    } else {
      break; // unknown opcode: the rest of the buffer cannot be parsed safely
    }
  }
  return result;
}

function addStroke(points: number[], closed: boolean, out: Segment[]): void {
  const n = points.length / 2;
  const last = closed ? n : n - 1;
  for (let k = 0; k < last; k++) {
    const j = (k + 1) % n;
    const x0 = at(points, 2 * k, "path point");
    const y0 = at(points, 2 * k + 1, "path point");
    const x1 = at(points, 2 * j, "path point");
    const y1 = at(points, 2 * j + 1, "path point");
    if (Math.abs(y1 - y0) <= TOLERANCES.flatPt && Math.abs(x1 - x0) > TOLERANCES.flatPt)
      out.push({ horizontal: true, at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
    else if (Math.abs(x1 - x0) <= TOLERANCES.flatPt && Math.abs(y1 - y0) > TOLERANCES.flatPt)
      out.push({ horizontal: false, at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
  }
}

/** The box of a subpath when it is an axis-aligned rectangle, else null. */
function rectangle(points: number[]): { left: number; top: number; right: number; bottom: number } | null {
  const n = points.length / 2;
  if (n < 4 || n > 5) return null;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < n; k++) {
    xs.push(at(points, 2 * k, "path point"));
    ys.push(at(points, 2 * k + 1, "path point"));
  }
  const left = Math.min(...xs);
  const right = Math.max(...xs);
  const top = Math.min(...ys);
  const bottom = Math.max(...ys);
  // Every corner must sit on the box's edges in both directions, or it is some other polygon.
  for (let k = 0; k < n; k++) {
    const x = at(xs, k, "corner");
    const y = at(ys, k, "corner");
    const onX = Math.abs(x - left) <= TOLERANCES.flatPt || Math.abs(x - right) <= TOLERANCES.flatPt;
    const onY = Math.abs(y - top) <= TOLERANCES.flatPt || Math.abs(y - bottom) <= TOLERANCES.flatPt;
    if (!onX || !onY) return null;
  }
  return { left, top, right, bottom };
}

function addFill(points: number[], color: string, out: Geometry): void {
  const box = rectangle(points);
  if (!box) return;
  const width = box.right - box.left;
  const height = box.bottom - box.top;
  if (height <= TOLERANCES.ruleThicknessPt && width >= TOLERANCES.ruleAspectShare * height && width > TOLERANCES.flatPt)
    out.segments.push({ horizontal: true, at: (box.top + box.bottom) / 2, from: box.left, to: box.right });
  else if (width <= TOLERANCES.ruleThicknessPt && height >= TOLERANCES.ruleAspectShare * width && height > TOLERANCES.flatPt)
    out.segments.push({ horizontal: false, at: (box.left + box.right) / 2, from: box.top, to: box.bottom });
  else if (width > TOLERANCES.flatPt && height > TOLERANCES.flatPt) out.fills.push({ ...box, color });
}

/** Records what one painted path adds to the page's geometry. */
export function paintPath(
  buffer: ArrayLike<number>,
  ctm: Matrix,
  stroke: { color: string | null } | null,
  fill: { color: string | null } | null,
  out: Geometry,
): void {
  for (const path of subpaths(buffer, ctm)) {
    if (path.curved) continue;
    if (stroke && !isWhite(stroke.color)) addStroke(path.points, path.closed, out.segments);
    if (fill && !isWhite(fill.color)) addFill(path.points, fill.color ?? "", out);
  }
}
