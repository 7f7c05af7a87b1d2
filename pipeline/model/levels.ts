// The hierarchy above an activity and the shape of its codes. Codes are a capital letter, digits,
// then dot-separated parts (C1.1.7b.1: a part may carry a local-variant letter); a child's code is
// its parent's plus one part. The row of the body's general management is special: it prints the
// bare letter G at every level, so its codes carry no hierarchy.
import { CODE_PATTERN, type Activity, type Level } from "./annex.ts";

export const SPECIAL_CODE = "G";

export type LevelKey = "macro" | "process" | "subprocess";

export interface LevelInfo {
  key: LevelKey;
  /** how a person names the level in a message */
  label: string;
  /** number of parts in a code of this level: A1 = 1, A1.1 = 2, A1.1.1 = 3 */
  depth: 1 | 2 | 3;
  example: string;
}

export const LEVELS: readonly LevelInfo[] = [
  { key: "macro", label: "macro process", depth: 1, example: "A1" },
  { key: "process", label: "process", depth: 2, example: "A1.1" },
  { key: "subprocess", label: "sub-process", depth: 3, example: "A1.1.1" },
];

export const ACTIVITY_DEPTH = 4;

export function levelOf(activity: Activity, key: LevelKey): Level {
  return activity[key];
}

/** Number of dot-separated parts: A1 → 1, C1.1.7b.1 → 4. */
export function codeDepth(code: string): number {
  let depth = 1;
  for (let i = code.indexOf("."); i !== -1; i = code.indexOf(".", i + 1)) depth++;
  return depth;
}

/** True when `code` has the shape of a code at `depth` (or is the special row's G). */
export function isWellFormedAt(code: string, depth: number): boolean {
  if (code === SPECIAL_CODE) return true;
  return CODE_PATTERN.test(code) && /^[A-Z]\d/.test(code) && codeDepth(code) === depth;
}

/** The code of the ancestor at `depth`: ancestorAt("A1.2.3.4", 2) = "A1.2". */
export function ancestorAt(code: string, depth: number): string {
  let end = -1;
  for (let d = 0; d < depth; d++) {
    end = code.indexOf(".", end + 1);
    if (end === -1) return code;
  }
  return code.slice(0, end);
}
