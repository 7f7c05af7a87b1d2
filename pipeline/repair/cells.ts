// Reading the content of one cell: codes, risk letters, notes. Domain knowledge lives here.
import { isBareLetter, splitCoded } from "../model/codes.ts";

export interface CodedText {
  code: string;
  title: string | null;
}

/** Splits a leading code from its title; single-letter codes only when `letters` allows that letter. */
export function parseCoded(text: string, letters: ReadonlySet<string> = new Set()): CodedText | null {
  const coded = splitCoded(text);
  // a bare letter is a code only where the row uses it as one (the special rows print "G" at every level)
  return coded && (!isBareLetter(coded.code) || letters.has(coded.code)) ? coded : null;
}

const RISK = /^[A-Z](?:\s*\/\s*[A-Z])*$/;

export function isRiskCell(text: string): boolean {
  return RISK.test(text);
}

export function parseRisk(text: string | null): string[] {
  if (!text) return [];
  return text.split("/").map((s) => s.trim()).filter(Boolean);
}

/**
 * A remark printed in a structure column instead of an office. The published annexes use a few
 * stock phrases; these openings recognise them and their likely variants.
 */
const NOTE_OPENINGS = [/^in corso di /i, /^non presente /i, /^di competenza /i, /^non attiv/i, /^non previst/i];

export function isNote(text: string): boolean {
  return NOTE_OPENINGS.some((re) => re.test(text));
}
