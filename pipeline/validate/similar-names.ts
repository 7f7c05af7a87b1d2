// When two office names are probably one office written two ways. The table is typed by hand year
// after year, so the same office turns up as "Risorse umane e patrimonio" and "Risorse umane e
// patrimoniali", or as "Informazione economica, progr. e svil." and "Informazione economica,
// programm. e svil.". Genuinely different offices often share words ("Informazione economica" /
// "Innovazione e sviluppo"), so the tests below are deliberately narrow; each says what kind of
// variant it found, because the kind decides whether it counts across columns (see near-duplicates.ts).
import { distance } from "fastest-levenshtein";
import { at } from "../lib/at.ts";

export type VariantKind =
  /** only capitals, spacing or punctuation between words differ */
  | "spelling"
  /** word for word the same, some words abbreviated ("progr." / "programm." / "programmazione") */
  | "abbreviation"
  /** word for word the same but for final vowels: Italian gender and number ("Tutte" / "Tutti") */
  | "inflection"
  /** one word left out ("Segreteria e URP" / "Segreteria generale e URP") */
  | "dropped-word"
  /** a few letters differ, relative to the length ("patrimonio" / "patrimoniali") */
  | "typo";

/**
 * Edits allowed per character of the longer name. 0.15 is about one slip in seven letters: it
 * takes "risorse umane e patrimoniali"/"…patrimonio" (3 edits in 28) and leaves
 * "promozione economica"/"informazione economica" (5 in 22) apart.
 */
const TYPO_RATIO = 0.15;
/** Names shorter than this are acronyms or single words where one letter makes another office. */
const TYPO_MIN_LENGTH = 4;

/** Lower case, one kind of apostrophe, single spaces, ", " after commas, no space before a full stop. */
export function comparableForm(name: string): string {
  return name
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/\s*,\s*/g, ", ")
    .replace(/\s+\./g, ".")
    .replace(/\s+/g, " ")
    .trim();
}

/** Words of a comparable form: commas and semicolons separate, full stops stay on their word. */
export function words(form: string): string[] {
  return form.split(/[\s,;]+/).filter((w) => w !== "");
}

/** "progr." → "progr"; null for a word that is not abbreviated (or a lone full stop). */
function abbreviationStem(word: string): string | null {
  if (!word.endsWith(".")) return null;
  const stem = word.slice(0, -1);
  return /\p{L}/u.test(stem) ? stem : null;
}

/**
 * An abbreviated word matches any word it is the beginning of: "svil." matches "sviluppo", and
 * two abbreviations match when one is the beginning of the other ("progr." / "programm.", both
 * short for "programmazione").
 */
export function abbreviationMatches(a: string, b: string): boolean {
  const sa = abbreviationStem(a);
  const sb = abbreviationStem(b);
  if (sa === null && sb === null) return false;
  const fullA = sa ?? a;
  const fullB = sb ?? b;
  return (sa !== null && fullB.startsWith(sa)) || (sb !== null && fullA.startsWith(sb));
}

/** Same word but for its final vowels: "tutte"/"tutti", "servizio"/"servizi". */
function sameStem(a: string, b: string): boolean {
  const sa = a.replace(/[aeiou]+$/, "");
  return sa.length >= 3 && sa === b.replace(/[aeiou]+$/, "");
}

function pairwise(a: readonly string[], b: readonly string[], match: (x: string, y: string) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => {
    const y = at(b, i, "word");
    return x === y || match(x, y);
  });
}

function dropsOneWord(longer: readonly string[], shorter: readonly string[]): boolean {
  if (longer.length !== shorter.length + 1 || shorter.length < 2) return false;
  for (let skip = 0; skip < longer.length; skip++) {
    if (shorter.every((w, i) => w === longer[i < skip ? i : i + 1])) return true;
  }
  return false;
}

function digitsOf(form: string): string {
  return (form.match(/\d+/g) ?? []).join(" ");
}

/** A name prepared once for many comparisons. */
export interface PreparedName {
  name: string;
  form: string;
  words: string[];
  digits: string;
}

export function prepareName(name: string): PreparedName {
  const form = comparableForm(name);
  return { name, form, words: words(form), digits: digitsOf(form) };
}

/**
 * What kind of variant of each other two different names look like, or null when they look like
 * two offices. The tests go from the most to the least specific, so a pair gets the kind that
 * best explains it: "Tutte"/"Tutti" is an inflection before it is a one-letter typo.
 */
export function variantKindOf(a: PreparedName, b: PreparedName): VariantKind | null {
  if (a.name === b.name) return null;
  // numbered offices ("Sportello 1" / "Sportello 2") differ by one character and are different
  if (a.digits !== b.digits) return null;
  if (a.form === b.form || a.words.join(" ") === b.words.join(" ")) return "spelling";
  if (pairwise(a.words, b.words, abbreviationMatches)) return "abbreviation";
  if (pairwise(a.words, b.words, sameStem)) return "inflection";
  if (dropsOneWord(a.words, b.words) || dropsOneWord(b.words, a.words)) return "dropped-word";
  const longer = Math.max(a.form.length, b.form.length);
  const shorter = Math.min(a.form.length, b.form.length);
  if (shorter < TYPO_MIN_LENGTH) return null;
  const limit = Math.max(1, Math.floor(longer * TYPO_RATIO));
  // the length difference is a lower bound of the distance: skip the costly part when it is already too far
  if (longer - shorter > limit) return null;
  return distance(a.form, b.form) <= limit ? "typo" : null;
}

export function variantKind(a: string, b: string): VariantKind | null {
  return variantKindOf(prepareName(a), prepareName(b));
}
