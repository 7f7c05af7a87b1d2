// The report on a terminal: overview first, then every change on one line. Word changes are
// marked [-removed-]{+added+} (as wdiff does) whether or not colour is on, so the meaning
// never rests on colour alone; the command asks for colour only on a terminal that wants it.
// Texts from the data never reach the terminal as they are: a control character (an escape
// sequence starts with one) or a bidi override is shown as <U+001B>, so data cannot move the
// cursor, recolour the screen or reorder what is read.
import { showInvisible } from "../lib/characters.ts";
import { currentLang, phrase, t, type Lang } from "../messages/catalogue.ts";
import { groupedByRename } from "./summary.ts";
import { wordDiff } from "./words.ts";
import type { Change, ChangeField, DiffResult, FieldValue, HierarchyLevel } from "./types.ts";

function fieldName(field: ChangeField, lang: Lang): string {
  return phrase(`field.${field}`, undefined, lang);
}

/** "macro-process title": a hierarchy title that changed. */
function levelTitleName(key: HierarchyLevel, lang: Lang): string {
  return t("diff.level-title", { level: phrase(`compound.${key}`, undefined, lang) }, lang);
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

export function formatText(result: DiffResult, opts: { color?: boolean; lang?: Lang } = {}): string {
  const paint = opts.color ? COLOR : PLAIN;
  const lang = opts.lang ?? currentLang();
  const { summary } = result;
  const lines: string[] = [];
  lines.push(paint.heading(t("diff.title", { from: result.from, to: result.to }, lang)));
  lines.push(t("diff.counts", { before: summary.activitiesBefore, after: summary.activitiesAfter }, lang));
  if (summary.total === 0) {
    lines.push(t("diff.none", {}, lang));
    return `${lines.join("\n")}\n`;
  }
  const k = summary.byKind;
  lines.push(t("diff.totals", { total: summary.total, added: k.added, removed: k.removed, moved: k.moved, changed: k.changed }, lang));

  lines.push("", paint.heading(t("diff.per-macro", {}, lang)));
  const codeHeading = t("diff.col.code", {}, lang);
  const codeWidth = Math.max(codeHeading.length, ...summary.byMacro.map((m) => (m.code ?? "—").length));
  const counts = (["added", "removed", "moved", "changed"] as const).map((kind) => ({ kind, heading: t(`diff.col.${kind}`, {}, lang) }));
  lines.push(`  ${codeHeading.padEnd(codeWidth)}  ${counts.map((c) => c.heading).join("  ")}  ${t("diff.col.title", {}, lang)}`);
  for (const m of summary.byMacro) {
    const numbers = counts.map((c) => num(m[c.kind], c.heading.length)).join("  ");
    lines.push(`  ${shown(m.code ?? "—").padEnd(codeWidth)}  ${numbers}  ${m.title !== null ? shown(m.title) : t("diff.no-title", {}, lang)}`);
  }

  if (summary.renames.length > 0) {
    lines.push("", paint.heading(t("diff.renames", {}, lang)));
    for (const r of summary.renames) {
      const params = { field: fieldName(r.field, lang), before: shown(r.before), after: shown(r.after), count: r.codes.length, codes: r.codes.map(shown) };
      lines.push(`  ${t("diff.rename", params, lang)}`);
    }
  }

  const grouped = groupedByRename(summary);
  const listed = result.changes.filter((c) => !grouped(c));
  const hidden = result.changes.length - listed.length;
  lines.push("", paint.heading(hidden ? t("diff.changes-hidden", { to: result.to, hidden }, lang) : t("diff.changes", { to: result.to }, lang)));
  const width = Math.max(...listed.map((c) => c.code.length));
  for (const change of listed) lines.push(`  ${shown(change.code).padEnd(width)}  ${describe(change, paint, lang)}`);
  return `${lines.join("\n")}\n`;
}

/** A text from the data, safe to print: see the comment at the top. */
const shown = showInvisible;

function describe(change: Change, paint: Paint, lang: Lang): string {
  const title = quoted(change.context.title, lang);
  switch (change.kind) {
    case "added":
      return `${paint.added(t("diff.added", {}, lang))}: ${title}`;
    case "removed":
      return `${paint.removed(t("diff.removed", {}, lang))}: ${title}`;
    case "moved":
      return t("diff.moved", { from: shown(change.from), title }, lang);
    case "changed": {
      const label = change.context.level === "activity" ? fieldName(change.field, lang) : levelTitleName(change.context.level, lang);
      return `${label}: ${describeValues(change.field, change.before, change.after, paint, lang)}`;
    }
  }
}

function describeValues(field: ChangeField, before: FieldValue, after: FieldValue, paint: Paint, lang: Lang): string {
  const state = (active: FieldValue) => t(active ? "diff.active" : "diff.not-active", {}, lang);
  if (field === "active") return `${state(before)} → ${state(after)} (${t(after ? "diff.activated" : "diff.deactivated", {}, lang)})`;
  if (field === "riskAreas") {
    const was = Array.isArray(before) ? before : [];
    const now = Array.isArray(after) ? after : [];
    const plus = now.filter((x) => !was.includes(x));
    const minus = was.filter((x) => !now.includes(x));
    const delta = shown([...plus.map((x) => `+${x}`), ...minus.map((x) => `−${x}`)].join(" "));
    return `${areas(was, lang)} → ${areas(now, lang)}${delta ? ` (${delta})` : ""}`;
  }
  // titles are long and change by a word or two: show which; other texts are shown whole
  if (field === "title" && typeof before === "string" && typeof after === "string") {
    return wordDiff(before, after)
      .map((s) => (s.op === "same" ? shown(s.text) : s.op === "removed" ? paint.removed(`[-${shown(s.text)}-]`) : paint.added(`{+${shown(s.text)}+}`)))
      .join("");
  }
  return `${quoted(before, lang)} → ${quoted(after, lang)}`;
}

function areas(list: readonly string[], lang: Lang): string {
  return list.length ? shown(list.join("/")) : t("diff.no-areas", {}, lang);
}

function quoted(value: FieldValue, lang: Lang): string {
  if (value === null) return t("diff.empty", {}, lang);
  if (Array.isArray(value)) return areas(value, lang);
  return typeof value === "string" ? `"${shown(value)}"` : String(value);
}

function num(n: number, width: number): string {
  return String(n).padStart(width);
}
