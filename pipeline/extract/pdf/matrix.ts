// Affine matrices as PDF writes them: [a b c d e f] maps (x, y) to (a·x + c·y + e, b·x + d·y + f).
import { DamagedContent } from "./operands.ts";

export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** The matrix that applies `inner` first and then `outer` (PDF's `inner × outer`). */
export function compose(inner: Matrix, outer: Matrix): Matrix {
  const [a, b, c, d, e, f] = outer;
  const [a1, b1, c1, d1, e1, f1] = inner;
  return [
    a1 * a + b1 * c,
    a1 * b + b1 * d,
    c1 * a + d1 * c,
    c1 * b + d1 * d,
    e1 * a + f1 * c + e,
    e1 * b + f1 * d + f,
  ];
}

export function applyX(m: Matrix, x: number, y: number): number {
  return m[0] * x + m[2] * y + m[4];
}

export function applyY(m: Matrix, x: number, y: number): number {
  return m[1] * x + m[3] * y + m[5];
}

/** An axis-aligned box, in page coordinates with y growing downwards (top < bottom). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The axis-aligned box around the image of the rectangle [x0, y0, x1, y1] under m. */
export function transformBox(m: Matrix, rectangle: ArrayLike<number>): Box {
  const [x0, y0, x1, y1] = Array.from(rectangle);
  if (rectangle.length !== 4 || x0 === undefined || y0 === undefined || x1 === undefined || y1 === undefined) {
    throw new DamagedContent(`a rectangle of ${rectangle.length} numbers`);
  }
  const xs = [applyX(m, x0, y0), applyX(m, x1, y0), applyX(m, x0, y1), applyX(m, x1, y1)];
  const ys = [applyY(m, x0, y0), applyY(m, x1, y0), applyY(m, x0, y1), applyY(m, x1, y1)];
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

export function intersect(a: Box, b: Box): Box {
  return {
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  };
}

export function contains(box: Box, x: number, y: number): boolean {
  return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
}
