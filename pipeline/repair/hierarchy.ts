// Rebuilding the hierarchy from the codes. A parent's code is a prefix of its children's, so an
// activity finds its sub-process, process and macro-process by its code alone; labels only
// supply titles. That is what makes a label printed on the wrong line, or after its children,
// land on its own code. The function (a label without a code) is carried by the rows its
// merged cell covers, and shared by every activity of a macro-process.
import type { Diagnostic, Place } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/rules.ts";
import { at } from "../lib/at.ts";
import type { Activity, Level } from "../model/annex.ts";
import { ancestorAt, codeDepth } from "../model/codes.ts";
import { isLevelDepth, LEVEL_KEYS, levelAt } from "../model/levels.ts";
import { isNote, parseRisk } from "./cells.ts";
import type { RowReading } from "./rows.ts";
import { type Phrase, ph } from "../messages/catalogue.ts";

export interface Built {
  activities: Activity[];
  provenance: Map<string, Place>;
  repairs: Diagnostic[];
}

interface TitleSeen {
  title: string;
  place: Place;
}

/** Words a renderer adds to the printed table: not part of any text of the annex. */
export interface PrintedMarks {
  /** appended to a label repeated on a new page ("(segue)") */
  continued: readonly string[];
  /** appended to the title of an activity that is not active ("(non attiva)") */
  notActive: readonly string[];
}

/** The title without a trailing mark, and whether it had one. */
function stripMark(title: string | null, marks: readonly string[]): { title: string | null; marked: boolean } {
  if (title === null) return { title, marked: false };
  for (const mark of marks) {
    if (mark && title.endsWith(mark) && title.length > mark.length) return { title: title.slice(0, -mark.length).trimEnd(), marked: true };
  }
  return { title, marked: false };
}

/**
 * `accounted`: the rows come from a reader that accounts for every printed word (a PDF, an office
 * file), so a second title for a code is printed text the annex would lose, not a text layer's damage.
 */
export function buildActivities(readings: readonly RowReading[], marks: PrintedMarks, accounted = false): Built {
  const continued = marks.continued;
  const repairs: Diagnostic[] = readings.flatMap((r) => r.repairs);
  const titles = collectTitles(readings, repairs, continued, accounted);
  const functions = collectFunctions(readings);

  const activities: Activity[] = [];
  const provenance = new Map<string, Place>();
  const rowOf: number[] = [];
  readings.forEach((r, index) => {
    const a = r.activity;
    if (!a) return;
    const level = (depth: 1 | 2 | 3): Level => {
      const code = ancestorAt(a.code, depth);
      return { code, title: titles.get(`${depth}:${code}`) ?? null };
    };
    const notes = a.structures.filter((s): s is string => s !== null && isNote(s));
    const [area, servizio, uo] = a.structures.map((s) => (s !== null && isNote(s) ? null : s));
    // an inactive activity may be marked in words as well as by shading (our own publications are)
    const { title, marked } = stripMark(a.title, marks.notActive);
    let active = r.shaded === null ? null : !r.shaded;
    if (marked) {
      if (active === true) {
        repairs.push(diag("repair/active-conflict", "conflict", { code: a.code }, { ...r.place, code: a.code }));
      } else if (active === null) {
        repairs.push(diag("repair/active-words", "words", { code: a.code }, { ...r.place, code: a.code }));
      }
      active = false;
    }
    for (const n of notes) {
      repairs.push(diag("repair/note", "note", { code: a.code, text: n }, { ...r.place, code: a.code }));
    }
    activities.push({
      code: a.code,
      title,
      riskAreas: parseRisk(a.risk),
      areaDirigenziale: area ?? null,
      servizio: servizio ?? null,
      uo: uo ?? null,
      note: notes.length ? notes.join(" / ") : null,
      active,
      function: functions.get(index) ?? null,
      macro: level(1),
      process: level(2),
      subprocess: level(3),
    });
    rowOf.push(index);
    if (!provenance.has(a.code)) provenance.set(a.code, { ...r.place, code: a.code });
  });

  shareFunctionsByMacro(activities, readings, rowOf, repairs);
  reportUnplacedText(readings, activities, continued, repairs);
  return { activities, provenance, repairs };
}

/** code → title, per level; labels printed without a code take the code of the activity on their row. */
function collectTitles(readings: readonly RowReading[], repairs: Diagnostic[], continued: readonly string[], accounted: boolean): Map<string, string> {
  const seen = new Map<string, TitleSeen>();
  for (const r of readings) {
    for (const label of r.labels) {
      let code = label.code;
      if (code === null) {
        if (!r.activity || label.title === null) continue;
        code = ancestorAt(r.activity.code, label.depth);
        repairs.push(
          diag("repair/label-code", "taken", { title: label.title, level: levelName(label.depth), code, activity: r.activity.code }, { ...r.place, code }),
        );
      } else if (codeDepth(code) !== 0 && codeDepth(code) !== label.depth) {
        repairs.push(diag("repair/label-level", "placed", { code, printed: levelName(label.depth), level: levelName(codeDepth(code)) }, { ...r.place, code }));
      }
      if (label.title === null) continue;
      const depth = codeDepth(code) === 0 ? label.depth : codeDepth(code);
      const key = `${depth}:${code}`;
      const title = stripContinued(label.title, continued);
      const prior = seen.get(key);
      if (!prior) seen.set(key, { title, place: r.place });
      else if (prior.title !== title) {
        repairs.push(
          diag(accounted ? "repair/two-titles" : "repair/title-conflict", "two", { level: levelName(depth), code, kept: prior.title, other: title }, { ...r.place, code }),
        );
      }
    }
  }
  return new Map([...seen].map(([k, v]) => [k, v.title]));
}

function stripContinued(title: string, continued: readonly string[]): string {
  for (const word of continued) {
    if (word && title.endsWith(` ${word}`)) return title.slice(0, -word.length - 1);
  }
  return title;
}

/** reading index → function label, from the rows each function cell covers. */
function collectFunctions(readings: readonly RowReading[]): Map<number, string> {
  const out = new Map<number, string>();
  readings.forEach((r, index) => {
    if (!r.functionLabel) return;
    for (let k = index; k < Math.min(index + r.functionLabel.rowSpan, readings.length); k++) out.set(k, r.functionLabel.text);
  });
  return out;
}

/**
 * A function covers whole macro-processes, and the macro-processes of one function share their
 * letter (A1–A3 "Governo Camerale", B1–B3 "Processi di supporto"). Where the source prints the
 * label once for a group of rows (a text layer prints it on the group's first row), the other
 * activities take it from their macro-process, or from the macro-process above with the same
 * letter. A letter with no label at all (the Z1 "EXTRA" rows) stays without a function.
 */
function shareFunctionsByMacro(activities: Activity[], readings: readonly RowReading[], rowOf: readonly number[], repairs: Diagnostic[]): void {
  const byMacro = new Map<string, string>();
  for (const a of activities) if (a.function !== null && a.macro.code && !byMacro.has(a.macro.code)) byMacro.set(a.macro.code, a.function);
  const byLetter = new Map<string, string>();
  const reported = new Set<string>();
  activities.forEach((a, k) => {
    const macro = a.macro.code ?? "";
    const letter = macro.slice(0, 1);
    const place = { ...at(readings, at(rowOf, k, "row of an activity"), "row reading").place, code: a.code };
    if (a.function === null) {
      const own = byMacro.get(macro);
      const carried = own ?? byLetter.get(letter) ?? null;
      if (carried !== null) {
        a.function = carried;
        if (!reported.has(macro)) {
          repairs.push(
            own ? diag("repair/function", "own-label", { function: carried, macro }, place) : diag("repair/function", "above", { function: carried, macro, letter }, place),
          );
        }
      }
      reported.add(macro);
    }
    if (a.function !== null) byLetter.set(letter, a.function);
  });
}

/**
 * What no activity takes would be lost. A coded label gives its code's title to the activities
 * under it, wherever it is printed: a code no activity has is reported. A row without an activity
 * code prints nothing of its own either: an uncoded label or a function cell that covers no
 * activity row is reported with its row (for a text layer, the line), as an error when the
 * annex does not have its text anywhere, as a warning when it does (a label printed again).
 */
function reportUnplacedText(readings: readonly RowReading[], activities: readonly Activity[], continued: readonly string[], repairs: Diagnostic[]): void {
  const used = new Set<string>();
  const known = new Set<string>();
  for (const a of activities) {
    if (a.title !== null) known.add(a.title);
    if (a.function !== null) known.add(a.function);
    for (const key of LEVEL_KEYS) {
      const { code, title } = a[key];
      if (code) used.add(code);
      if (title !== null) known.add(title);
    }
  }
  const quoted = (texts: readonly string[]) => texts.map((t) => `"${t}"`);
  readings.forEach((r, index) => {
    for (const l of r.labels) {
      if (l.code === null || used.has(l.code)) continue;
      used.add(l.code); // reported once
      const title = l.title === null ? "" : ph("repair.title-of", { title: l.title });
      repairs.push(diag("repair/orphan-label", "label", { level: levelName(codeDepth(l.code)), code: l.code, title }, { ...r.place, code: l.code }));
    }
    if (r.activity) return;
    const lost: string[] = [];
    const repeated: string[] = [];
    const unplaced = (text: string) => (known.has(stripContinued(text, continued)) ? repeated : lost).push(text);
    const fn = r.functionLabel;
    if (fn && !readings.slice(index, index + fn.rowSpan).some((covered) => covered.activity)) unplaced(fn.text);
    for (const l of r.labels) if (l.code === null && l.title !== null) unplaced(l.title);
    if (lost.length) {
      repairs.push(diag("repair/orphan-label", "row", { texts: quoted(lost) }, r.place));
    }
    if (repeated.length) {
      repairs.push(diag("repair/repeated-label", "repeated", { texts: quoted(repeated) }, r.place));
    }
  });
}

/** How the repair log names what a code of `depth` parts is: "macro-process", "activity"; 0, a bare letter, is the special code. */
function levelName(depth: number): Phrase {
  if (depth === 0) return ph("level.special");
  if (isLevelDepth(depth)) return ph(`compound.${levelAt(depth).key}`);
  return ph(depth === 4 ? "level.activity" : "level.code");
}
