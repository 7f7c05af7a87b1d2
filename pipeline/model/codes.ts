// Activity codes. A code is a capital letter, digits, then dot-separated parts (C1.1.7b.1: a part
// may carry a local-variant letter); a child's code is its parent's plus one part, so a code
// alone says where it sits. The row of the body's general management is special: it prints the
// bare letter G at every level, so a bare letter names no level (its depth is 0).

/** A numbered code, as a pattern source: letter, digits, then dot-separated parts. */
export const NUMBERED_CODE_SOURCE = String.raw`[A-Z]\d+(?:\.\d+[a-z]?)*`;
const NUMBERED_CODE = new RegExp(`^${NUMBERED_CODE_SOURCE}$`);
/** Any code the annex may carry: a numbered code, or a bare letter (the special row's G). */
export const CODE_PATTERN = new RegExp(`^(?:[A-Z]|${NUMBERED_CODE_SOURCE})$`);

/** The code of the special row of general management, at every level. */
export const SPECIAL_CODE = "G";
/** Parts of an activity code: A1.1.1.1. */
export const ACTIVITY_DEPTH = 4;

export function isBareLetter(code: string): boolean {
  return /^[A-Z]$/.test(code);
}

export function isNumberedCode(code: string): boolean {
  return NUMBERED_CODE.test(code);
}

/** A numbered code at an activity's depth (A1.1.1.1, C1.1.7b.1); the special row's G is not one by its shape alone. */
export function isActivityCode(code: string): boolean {
  return isNumberedCode(code) && codeDepth(code) === ACTIVITY_DEPTH;
}

// A code opens a cell when a blank or the cell's end follows it: "A1.1 PERFORMANCE" opens with
// A1.1, "A1.1/A1.2" opens with no code, "G GESTIONE GENERALE" with the special row's letter.
const LEADING_CODE = new RegExp(`^(${NUMBERED_CODE_SOURCE}|[A-Z])(?:\\s|$)`);
const CODED_TEXT = new RegExp(String.raw`^(${NUMBERED_CODE_SOURCE}|[A-Z])(?:\s+([\s\S]+))?$`);

/** The code a text opens with (a numbered code, or a bare letter), or null. */
export function leadingCode(text: string): string | null {
  return LEADING_CODE.exec(text)?.[1] ?? null;
}

/** A code and the title printed after it in one cell ("A1.1 PERFORMANCE CAMERALE"; "A1.1.1.1" alone: no title), or null. */
export function splitCoded(text: string): { code: string; title: string | null } | null {
  const m = CODED_TEXT.exec(text);
  const code = m?.[1];
  return code === undefined ? null : { code, title: m?.[2] ?? null };
}

/** Number of dot-separated parts: A1 → 1, C1.1.7b.1 → 4; a bare letter (G) → 0. */
export function codeDepth(code: string): number {
  if (isBareLetter(code)) return 0;
  let depth = 1;
  for (let i = code.indexOf("."); i !== -1; i = code.indexOf(".", i + 1)) depth++;
  return depth;
}

/** True when `code` has the shape of a code at `depth` (or is the special row's G). */
export function isWellFormedAt(code: string, depth: number): boolean {
  if (code === SPECIAL_CODE) return true;
  return isNumberedCode(code) && codeDepth(code) === depth;
}

/** The code of the ancestor at `depth`: ancestorAt("A1.2.3.4", 2) = "A1.2"; a code no deeper than `depth` (or G) is its own. */
export function ancestorAt(code: string, depth: number): string {
  let end = -1;
  for (let d = 0; d < depth; d++) {
    end = code.indexOf(".", end + 1);
    if (end === -1) return code;
  }
  return code.slice(0, end);
}

/** One part of a code as it sorts: its number, then its local-variant letter (7 < 7b < 8). */
function partKey(part: string): [number, string] {
  const m = /^(\d+)([a-z]*)$/.exec(part);
  return m ? [Number(m[1]), m[2] ?? ""] : [Number.MAX_SAFE_INTEGER, part];
}

/**
 * The annex's order: by letter, then part by part by number (A1.2 before A1.10), a parent
 * before its children; the special rows' bare letters (G) after every numbered code, where the
 * annex prints them.
 */
export function compareCodes(a: string, b: string): number {
  const bareA = isBareLetter(a);
  const bareB = isBareLetter(b);
  if (bareA !== bareB) return bareA ? 1 : -1;
  if (a[0] !== b[0]) return (a[0] ?? "").localeCompare(b[0] ?? "");
  const pa = a.slice(1).split(".");
  const pb = b.slice(1).split(".");
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const [na, la] = partKey(pa[i] ?? "");
    const [nb, lb] = partKey(pb[i] ?? "");
    if (na !== nb) return na - nb;
    if (la !== lb) return la < lb ? -1 : 1;
  }
  return pa.length - pb.length;
}
