// Joining a cell's wrapped lines into its text: at each line break, a space or nothing? Where the
// producer broke the line tells it: at a blank it drew (Calc, Writer and pdfmake draw the blank at
// which they break, Chromium does not), after a hyphen it added (U+2010 at a soft hyphen), inside
// a word too long for its cell (CSS `overflow-wrap`, narrow Word cells: "amministrativ" / "i").
// The geometry decides where it can (would a blank, or the next letter, have fitted on the line?),
// then the document's own words: a word cut by the wrap is one the document prints whole elsewhere.
import { isNumberedCode, NUMBERED_CODE_SOURCE } from "../../model/codes.ts";
import type { Line } from "./lines.ts";
import { TOLERANCES } from "./tolerances.ts";

export interface BreakContext {
  /** the producer draws the blank at which it breaks a line (most breaks end with one) */
  marked: boolean;
  /** and draws it even where it does not fit before the cell's edge (Calc, pdfmake; Writer leaves it out
   * there): then a line it ends without one was surely cut inside a word */
  hangs: boolean;
  /** and leaves it out where it does not fit (Writer): lines of several words end without one, which no producer cuts */
  drops: boolean;
  /** a blank's width, in font sizes */
  blank: number;
  /** words the document prints whole (folded, see `word`) */
  words: ReadonlySet<string>;
  /** every line of the document, one per line: where a pair of words is looked for printed on one line */
  printed: string;
  /** the body's own texts, one per line: where a pair is looked for when the document does not tell */
  ownPrinted: string;
}

/** A break the joiner could not settle, kept with a space: both readings, for a person to choose. */
export interface Doubt {
  spaced: string;
  joined: string;
}

/** Hyphens a producer adds at a soft-hyphen break (the annexes' own hyphens are U+002D). */
const ADDED_HYPHEN = /\u2010$/;
/** Characters that stay in the text at a line end and may join a word or end one. */
const JOINER = /[-/]$/;
/** A code cut after one of its dots, alone on its line ("A1.1.1." / "1" in a narrow Codice column). */
const CODE_CUT = new RegExp(`^${NUMBERED_CODE_SOURCE}\\.$`);
/** Closing punctuation a producer may carry alone to the next line ("PIANIFICAZIONE" / ","). */
const CLOSING = /^[),.;:]/;
const EDGE_LEADING = /^[("'/]+/;
const EDGE_TRAILING = /[)"',.;:/]+$/;

/** A word as compared with the document's vocabulary: lower case, without the punctuation around it. */
export function word(token: string): string {
  return token.toLowerCase().replace(EDGE_LEADING, "").replace(EDGE_TRAILING, "");
}

const tokens = (text: string): string[] => text.trim().split(/\s+/).filter((t) => t !== "");
/** Where a token holds several words ("Internazionalizzazione/", "l'internazionalizzazione", "socio-economico"). */
const SEPARATOR = /[/'\u2019-]/;
const segments = (token: string): string[] => token.split(SEPARATOR).filter((t) => t !== "");

/** How the break after `line` (before `next`) joins: "" (inside a word) or " ", and a doubt when it could not be told. */
export function breakAfter(line: Line, next: Line, context: BreakContext): { join: "" | " "; doubt?: Doubt } {
  const drawnBlank = line.text.endsWith(" ");
  const text = line.text.trimEnd();
  const following = next.text.trimStart();
  const lastToken = tokens(text).at(-1) ?? "";
  const firstToken = tokens(following)[0] ?? "";
  // what surely fits: inside the cell's edge, or, where only the text shows it (no rules), inside what its column's text reaches
  const room = line.reach ?? line.edge;
  // a producer that leaves the blank out where it does not fit cut a word only where a blank surely fits
  const blankRoom = context.drops ? room : line.edge;
  const blankFits = blankRoom !== null && line.right + (context.blank + TOLERANCES.edgeMarginEm) * line.size <= blankRoom;
  const alone = tokens(text).length === 1;
  const letterFits = room !== null && line.right + next.first + TOLERANCES.edgeMarginEm * line.size <= room;
  // ...and, for one that leaves blanks out (its lines of several words end without one), only where
  // a cut is seen: a word too long for its cell starts a line of its own and fills it (the next
  // letter would not have fitted), never a short line after other words ("e" / "utilizzo")
  const cut = context.marked && (context.hangs || blankFits) && (!context.drops || (alone && !letterFits));

  // 1. a hyphen the producer added at a soft hyphen: the word goes on
  if (ADDED_HYPHEN.test(text)) return { join: "" };
  // 2. a hyphen or slash of the text itself: spaced or joined, as drawn or as the document prints it
  if (JOINER.test(text)) {
    if (drawnBlank) return { join: " " };
    if (cut) return { join: "" };
    // the pair as printed on one line, with more of the line before it while both forms are printed
    // ("/modifica" and "/ modifica" both are; "iscrizione / modifica" tells)
    const before = tokens(text);
    for (let k = 1; k <= Math.min(CONTEXT_TOKENS, before.length); k++) {
      const left = before.slice(-k).join(" ");
      const joined = `${left}${firstToken}`;
      const spaced = `${left} ${firstToken}`;
      for (const printed of [context.printed, context.ownPrinted]) {
        const joinedSeen = printed.includes(joined);
        const spacedSeen = printed.includes(spaced);
        if (joinedSeen !== spacedSeen) return { join: joinedSeen ? "" : " " };
      }
    }
    // a dash standing alone between words ("utenza - gestione") is spaced on both sides
    if (lastToken === "-") return { join: " " };
    return { join: " ", doubt: { spaced: `${text} ${following}`, joined: `${text}${following}` } };
  }
  // 3. a code cut after one of its dots, alone on its line, and completed by the next line's first
  // token: a code holds no blank, whatever the producer drew ("A1.1.1." / "1" is A1.1.1.1)
  if (alone && CODE_CUT.test(text) && isNumberedCode(`${text}${firstToken}`)) return { join: "" };
  // 4. a blank drawn at the line's end: a break between words
  if (drawnBlank) return { join: " " };
  // 5. a producer that marks its breaks drew none where it would have (where one fits, or anywhere): the word was cut
  if (cut) return { join: "" };
  // 6. a word is cut only when it stands alone on its line and the next letter would not have fitted there
  if (!alone || line.edge === null || letterFits) return { join: " " };
  if (CLOSING.test(following)) return { join: "" };
  // compared word by word: the word the break is in, whole and cut
  const fragment = segments(lastToken).at(-1) ?? lastToken;
  const rest = segments(firstToken)[0] ?? firstToken;
  const known = context.words.has(word(`${fragment}${rest}`));
  const whole = context.words.has(word(fragment));
  if (known !== whole) return { join: known ? "" : " " };
  return { join: " ", doubt: { spaced: `${text} ${following}`, joined: `${text}${following}` } };
}

/** A cell's lines as one string, whitespace collapsed and trimmed, with the breaks it could not settle. */
export function joinCell(lines: readonly Line[], context: BreakContext): { text: string; doubts: Doubt[] } {
  const kept = lines.filter((l) => l.text.trim() !== "");
  let out = "";
  const doubts: Doubt[] = [];
  kept.forEach((line, i) => {
    const next = kept[i + 1];
    if (!next) {
      out += line.text;
      return;
    }
    const { join, doubt } = breakAfter(line, next, context);
    let text = line.text.trimEnd();
    if (join === "" && ADDED_HYPHEN.test(text)) text = text.slice(0, -1);
    out += text + join;
    if (doubt) doubts.push(doubt);
  });
  return { text: out.replace(/\s+/g, " ").trim(), doubts };
}

/** Whether most line breaks of the document end with a drawn blank. */
export function marksBreakSpaces(cells: Iterable<readonly Line[]>): boolean {
  let blank = 0;
  let total = 0;
  for (const lines of cells)
    for (let i = 0; i < lines.length - 1; i++) {
      total++;
      if (lines[i]?.text.endsWith(" ")) blank++;
    }
  return total > 0 && blank * 2 >= total;
}

/** How many tokens before a break after `-` or `/` are looked for, with the pair, among the printed texts. */
const CONTEXT_TOKENS = 3;

/**
 * What the document tells about its own breaks: whether it marks them, and the words it prints
 * whole: every token that touches no line break, and those next to a break that is surely
 * between words (a drawn blank, or a line of several words, which no producer cuts).
 */
export function breakContext(cells: readonly (readonly Line[])[], blank: number | null, own: readonly string[] = []): BreakContext {
  const marked = marksBreakSpaces(cells);
  const words = new Set<string>();
  const printed: string[] = [];
  let drawn = 0;
  let hanging = 0;
  let dropped = 0;
  for (const lines of cells) {
    const kept = lines.filter((l) => l.text.trim() !== "");
    kept.forEach((line, i) => {
      if (i < kept.length - 1 && line.text.endsWith(" ") && line.edge !== null) {
        drawn++;
        if (line.end > line.edge + TOLERANCES.edgeMarginEm * line.size) hanging++;
      }
      const parts = tokens(line.text);
      if (i < kept.length - 1 && !line.text.endsWith(" ") && parts.length > 1 && !/[-/\u2010]$/.test(line.text)) dropped++;
      printed.push(parts.join(" "));
      const previous = kept[i - 1];
      const startSure =
        !previous || (!ADDED_HYPHEN.test(previous.text.trimEnd()) && (previous.text.endsWith(" ") || tokens(previous.text).length > 1));
      const endSure = i === kept.length - 1 || line.text.endsWith(" ") || parts.length > 1;
      parts.forEach((token, k) => {
        const sure = (k > 0 || startSure) && (k < parts.length - 1 || endSure) && !/[-/\u2010]$/.test(token);
        if (!sure) return;
        words.add(word(token));
        for (const part of segments(token)) words.add(word(part));
      });
    });
  }
  // the body's own texts: every word whole, every pair of words as printed
  for (const text of own) {
    for (const token of tokens(text)) {
      words.add(word(token));
      for (const part of segments(token)) words.add(word(part));
    }
  }
  const hangs = marked && hanging >= Math.max(TOLERANCES.hangingLeastCount, TOLERANCES.hangingShare * drawn);
  const drops = marked && !hangs && dropped >= Math.max(TOLERANCES.hangingLeastCount, TOLERANCES.hangingShare * drawn);
  return { marked, hangs, drops, blank: blank ?? TOLERANCES.defaultBlankEm, words, printed: printed.join("\n"), ownPrinted: own.join("\n") };
}
