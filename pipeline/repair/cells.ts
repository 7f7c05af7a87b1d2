// Reading the content of one cell: codes, risk letters, notes. Domain knowledge lives here.
import { at } from "../lib/at.ts";
import { NUMBERED_CODE_SOURCE } from "../model/codes.ts";

/** A code then, optionally, its title in the same cell: "A1.1 PERFORMANCE CAMERALE". */
const CODED = new RegExp(String.raw`^(${NUMBERED_CODE_SOURCE})(?:\s+([\s\S]+))?$`);
/** The special rows' single-letter code ("G GESTIONE GENERALE DELL'ENTE", "G"). */
const LETTER = /^([A-Z])(?:\s+([\s\S]+))?$/;

export interface CodedText {
  code: string;
  title: string | null;
}

/** Splits a leading code from its title; single-letter codes only when `letters` allows that letter. */
export function parseCoded(text: string, letters: ReadonlySet<string> = new Set()): CodedText | null {
  const m = CODED.exec(text);
  if (m) return { code: at(m, 1, "code of a coded cell"), title: m[2] ?? null };
  const l = LETTER.exec(text);
  const letter = l?.[1];
  if (l && letter !== undefined && letters.has(letter)) return { code: letter, title: l[2] ?? null };
  return null;
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
