// The report on a terminal: overview first, then every change on one line. Word changes are
// marked [-removed-]{+added+} (as wdiff does) whether or not colour is on, so the meaning
// never rests on colour alone; the command asks for colour only on a terminal that wants it.
// Texts from the data never reach the terminal as they are: a control character (an escape
// sequence starts with one) or a bidi override is shown as <U+001B>, so data cannot move the
// cursor, recolour the screen or reorder what is read.
import { showInvisible } from "../lib/characters.ts";
import { plural } from "../lib/plural.ts";
import { ACTIVITY_FIELDS } from "../model/fields.ts";
import { compoundName, levelOf } from "../model/levels.ts";
import { groupedByRename } from "./summary.ts";
import { wordDiff } from "./words.ts";
import type { Change, ChangeField, DiffResult, FieldValue, HierarchyLevel } from "./types.ts";

function fieldName(field: ChangeField): string {
  return ACTIVITY_FIELDS[field].name;
}

/** "macro-process title": a hierarchy title that changed. */
function levelTitleName(key: HierarchyLevel): string {
  return `${compoundName(levelOf(key))} title`;
}

interface Paint {
  added: (s: string) => string;
  removed: (s: string) => string;
  heading: (s: string) => string;
  dim: (s: string) => string;
}

const ansi = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const COLOR: Paint = { added: ansi(32, 39), removed: ansi(31, 39), heading: ansi(1, 22), dim: ansi(2, 22) };
const PLAIN: Paint = { added: (s) => s, removed: (s) => s, heading: (s) => s, dim: (s) => s };

export function formatText(result: DiffResult, opts: { color?: boolean } = {}): string {
  const paint = opts.color ? COLOR : PLAIN;
  const { summary } = result;
  const lines: string[] = [];
  lines.push(paint.heading(`Allegato 1 — changes from ${result.from} to ${result.to}`));
  lines.push(`${summary.activitiesBefore} activities → ${summary.activitiesAfter} activities`);
  if (summary.total === 0) {
    lines.push("No changes.");
    return `${lines.join("\n")}\n`;
  }
  const k = summary.byKind;
  lines.push(
    `${plural(summary.total, "change")}: ${k.added} added, ${k.removed} removed, ${k.moved} moved, ${plural(k.changed, "field")} changed`,
  );

  lines.push("", paint.heading("Per macro-process"));
  const codeWidth = Math.max(4, ...summary.byMacro.map((m) => (m.code ?? "—").length));
  lines.push(`  ${"code".padEnd(codeWidth)}  added  removed  moved  changed  title`);
  for (const m of summary.byMacro) {
    lines.push(
      `  ${shown(m.code ?? "—").padEnd(codeWidth)}  ${num(m.added, 5)}  ${num(m.removed, 7)}  ${num(m.moved, 5)}  ${num(m.changed, 7)}  ${m.title !== null ? shown(m.title) : "(no title)"}`,
    );
  }

  if (summary.renames.length > 0) {
    lines.push("", paint.heading("Structures renamed in several activities"));
    for (const r of summary.renames) {
      lines.push(`  ${fieldName(r.field)} "${shown(r.before)}" → "${shown(r.after)}" in ${r.codes.length} activities: ${r.codes.map(shown).join(", ")}`);
    }
  }

  const grouped = groupedByRename(summary);
  const listed = result.changes.filter((c) => !grouped(c));
  const hidden = result.changes.length - listed.length;
  lines.push("", paint.heading(`Changes (document order of ${result.to}; removed activities last${hidden ? `; the ${hidden} renames above not repeated` : ""})`));
  const width = Math.max(...listed.map((c) => c.code.length));
  for (const change of listed) lines.push(`  ${shown(change.code).padEnd(width)}  ${describe(change, paint)}`);
  return `${lines.join("\n")}\n`;
}

/** A text from the data, safe to print: see the comment at the top. */
const shown = showInvisible;

function describe(change: Change, paint: Paint): string {
  const title = quoted(change.context.title);
  switch (change.kind) {
    case "added":
      return `${paint.added("added")}: ${title}`;
    case "removed":
      return `${paint.removed("removed")}: ${title}`;
    case "moved":
      return `moved from ${shown(change.from)}: ${title}`;
    case "changed": {
      const label = change.context.level === "activity" ? fieldName(change.field) : levelTitleName(change.context.level);
      return `${label}: ${describeValues(change.field, change.before, change.after, paint)}`;
    }
  }
}

function describeValues(field: ChangeField, before: FieldValue, after: FieldValue, paint: Paint): string {
  if (field === "active") return `${before ? "active" : "not active"} → ${after ? "active" : "not active"} (${after ? "activated" : "deactivated"})`;
  if (field === "riskAreas") {
    const was = Array.isArray(before) ? before : [];
    const now = Array.isArray(after) ? after : [];
    const plus = now.filter((x) => !was.includes(x));
    const minus = was.filter((x) => !now.includes(x));
    const delta = shown([...plus.map((x) => `+${x}`), ...minus.map((x) => `−${x}`)].join(" "));
    return `${areas(was)} → ${areas(now)}${delta ? ` (${delta})` : ""}`;
  }
  // titles are long and change by a word or two: show which; other texts are shown whole
  if (field === "title" && typeof before === "string" && typeof after === "string") {
    return wordDiff(before, after)
      .map((s) => (s.op === "same" ? shown(s.text) : s.op === "removed" ? paint.removed(`[-${shown(s.text)}-]`) : paint.added(`{+${shown(s.text)}+}`)))
      .join("");
  }
  return `${quoted(before)} → ${quoted(after)}`;
}

function areas(list: readonly string[]): string {
  return list.length ? shown(list.join("/")) : "(none)";
}

function quoted(value: FieldValue): string {
  if (value === null) return "(empty)";
  if (Array.isArray(value)) return areas(value);
  return typeof value === "string" ? `"${shown(value)}"` : String(value);
}

function num(n: number, width: number): string {
  return String(n).padStart(width);
}
