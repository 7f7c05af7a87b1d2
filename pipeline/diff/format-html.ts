// The change report as an accessible, self-contained HTML page in Italian, for an office to
// publish beside the new edition. All wording and arrangement is prepared here; the template
// (templates/diff.html.hbs) only lays it out, and escapes every text from the data.
import Handlebars from "handlebars";
import { ACTIVITY_FIELDS } from "../model/fields.ts";
import { levelOf } from "../model/levels.ts";
import { groupedByRename } from "./summary.ts";
import type { Change, ChangeField, DiffResult, FieldValue, HierarchyLevel } from "./types.ts";
import { wordDiff } from "./words.ts";

/** templates/diff.html.hbs and templates/diff.css. */
export interface DiffTemplates {
  page: string;
  css: string;
}

/** Whose editions are compared, as their documents print it: published beside the new edition, the report says so. */
export interface ReportEditions {
  /** the body that adopts the plan (the new edition's), or null when no plan settings say it */
  body: string | null;
  /** each edition's identity line as printed under its title (act, date, version), or null when plan.yaml gives none */
  from: string | null;
  to: string | null;
  /** "ESEMPIO — non pubblicare" when either edition is an illustrative one */
  exampleMark?: string | null;
}

/** "Area di rischio modificata": the participle agrees with the field's label. */
function fieldChanged(field: ChangeField): string {
  const { label, gender } = ACTIVITY_FIELDS[field];
  return `${label} ${gender === "m" ? "modificato" : "modificata"}`;
}

function levelChanged(level: HierarchyLevel): string {
  return `Titolo del ${levelOf(level).label.toLowerCase()} modificato`;
}

interface ValueView {
  empty?: string;
  segments?: { text: string; del?: boolean; ins?: boolean }[];
}

interface RowView {
  code: string;
  subject: string | null;
  what: string;
  before: ValueView;
  after: ValueView;
}

export function renderHtml(result: DiffResult, templates: DiffTemplates, editions: ReportEditions = { body: null, from: null, to: null }): string {
  // a private instance: helpers or partials registered elsewhere cannot change this page
  const template = Handlebars.create().compile(templates.page, { strict: true });
  return template(view(result, templates.css, editions));
}

/** Every change as a row of text: code, what it is about, what changed, before and after (the CSV's rows). */
export function changeRows(result: DiffResult): { code: string; subject: string; what: string; before: string; after: string }[] {
  const shown = (value: ValueView) => value.empty ?? (value.segments ?? []).map((s) => s.text).join("");
  return result.changes.map(row).map((r) => ({ code: r.code, subject: r.subject ?? "", what: r.what, before: shown(r.before), after: shown(r.after) }));
}

/** What the report says of an edition: its plan years, then its identity, or that plan.yaml gives none. */
function editionLine(planYears: string, identity: string | null): { planYears: string; identity: string } {
  return { planYears, identity: identity ?? "estremi di adozione non indicati" };
}

function view(result: DiffResult, css: string, editions: ReportEditions) {
  const { summary } = result;
  const grouped = groupedByRename(summary);
  const listed = result.changes.filter((c) => !grouped(c));
  const mark = editions.exampleMark ?? null;
  return {
    exampleMark: mark,
    body: editions.body,
    editions: [{ label: "Edizione precedente", ...editionLine(result.from, editions.from) }, { label: "Nuova edizione", ...editionLine(result.to, editions.to) }],
    // the browser tab's title is kept short (under 70 characters); the heading says it in full
    pageTitle: `${mark !== null ? `${mark} – ` : ""}Allegato 1 – modifiche dall’edizione ${result.from} alla ${result.to}`,
    title: `Allegato 1 – Mappatura dei processi: modifiche dall’edizione ${result.from} all’edizione ${result.to}`,
    css: css.trim(),
    from: result.from,
    to: result.to,
    activitiesBefore: summary.activitiesBefore,
    activitiesAfter: summary.activitiesAfter,
    total: summary.total,
    byKind: summary.byKind,
    byMacro: summary.byMacro.map((m) => ({ ...m, code: m.code ?? "—", title: m.title ?? "titolo non presente" })),
    renames: summary.renames.map((r) => ({
      field: ACTIVITY_FIELDS[r.field].label,
      before: r.before,
      after: r.after,
      count: r.codes.length,
      codes: r.codes.join(", "),
    })),
    rows: listed.map(row),
    groupedCount: result.changes.length - listed.length,
  };
}

function row(change: Change): RowView {
  const base = { code: change.code, subject: change.context.title };
  switch (change.kind) {
    case "added":
      return { ...base, what: "Attività aggiunta", before: empty("non presente"), after: text("presente") };
    case "removed":
      return { ...base, what: "Attività eliminata", before: text("presente"), after: empty("non presente") };
    case "moved":
      return { ...base, what: "Codice cambiato (attività spostata)", before: text(change.from), after: text(change.code) };
    case "changed": {
      const level = change.context.level;
      if (change.field === "active") {
        return { ...base, what: change.after ? "Attività attivata" : "Attività disattivata", before: text(activeText(change.before)), after: text(activeText(change.after)) };
      }
      const what = level === "activity" ? fieldChanged(change.field) : levelChanged(level);
      return { ...base, what, ...values(change.field, change.before, change.after) };
    }
  }
}

function values(field: ChangeField, before: FieldValue, after: FieldValue): { before: ValueView; after: ValueView } {
  // titles are long and change by a word or two: mark which; other texts are shown whole
  if (field === "title" && typeof before === "string" && typeof after === "string") {
    const segments = wordDiff(before, after);
    return {
      before: { segments: segments.filter((s) => s.op !== "added").map((s) => ({ text: s.text, del: s.op === "removed" })) },
      after: { segments: segments.filter((s) => s.op !== "removed").map((s) => ({ text: s.text, ins: s.op === "added" })) },
    };
  }
  if (Array.isArray(before) || Array.isArray(after)) {
    const was = Array.isArray(before) ? before : [];
    const now = Array.isArray(after) ? after : [];
    return {
      before: was.length ? { segments: letters(was, (x) => ({ del: !now.includes(x) })) } : empty("nessuna"),
      after: now.length ? { segments: letters(now, (x) => ({ ins: !was.includes(x) })) } : empty("nessuna"),
    };
  }
  return { before: plain(before), after: plain(after) };
}

/** "C/E" with each letter marked on its own, the slashes never. */
function letters(list: readonly string[], mark: (x: string) => { del?: boolean; ins?: boolean }): NonNullable<ValueView["segments"]> {
  return list.flatMap((x, i) => [...(i ? [{ text: "/" }] : []), { text: x, ...mark(x) }]);
}

function plain(value: FieldValue): ValueView {
  return typeof value === "string" && value !== "" ? text(value) : empty("vuoto");
}

function text(value: string): ValueView {
  return { segments: [{ text: value }] };
}

function empty(label: string): ValueView {
  return { empty: label };
}

function activeText(value: FieldValue): string {
  return value ? "attiva" : "non attiva";
}
