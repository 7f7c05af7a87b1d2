// A1-style cell references, as a spreadsheet shows them to a person.

/** 0 → A, 25 → Z, 26 → AA */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "E27" → { row: 26, col: 4 } (0-based); null if it is not a cell reference. */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.toUpperCase());
  const letters = m?.[1];
  const digits = m?.[2];
  if (letters === undefined || digits === undefined) return null;
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(digits) - 1, col: col - 1 };
}

/** "A2:L247" from 0-based corners. */
export function rangeRef(top: number, left: number, bottom: number, right: number): string {
  return `${columnLetters(left)}${top + 1}:${columnLetters(right)}${bottom + 1}`;
}
