// The layout model: computed once from a validated annex, it says what every published format
// prints — the rows, the merged hierarchy cells and how many rows each covers, the words around
// the table, and what is printed again when a page breaks. The PDF, DOCX and HTML renderers only
// draw it, so the three outputs cannot disagree on content.
import type { Activity, Annex } from "../model/annex.ts";
import type { StructureField } from "../model/fields.ts";
import { identityOf, type EditionIdentity, type PlanConfig } from "../model/plan.ts";
import { fill, type Labels } from "./labels.ts";
import { MERGED_COLUMNS, printedHeader, screenHeader, tableColumns, type Column, type DataKey, type HeaderRows, type MergedColumn } from "./table-header.ts";

/** A merged hierarchy cell: one label covering consecutive rows. */
export interface Span {
  /** stable, unique in the document (used as an HTML id): f0, m0, p0, s0… in document order */
  id: string;
  level: MergedColumn;
  code: string | null;
  title: string | null;
  /** code and title as printed in the cell ("A1.1 PERFORMANCE CAMERALE"); "" when the source has neither */
  label: string;
  first: number;
  count: number;
  /** every activity it covers is not active: the cell is shaded too, as in the published annex */
  inactive: boolean;
}

export interface Row {
  index: number;
  /** unique in the document (used as an HTML id) */
  id: string;
  activity: Activity;
  /** printed shaded and marked in words; false also when the input cannot tell (active null) */
  inactive: boolean;
  /** the texts of the per-activity cells, as printed ("" for an empty cell) */
  cells: Record<DataKey, string>;
  /** the structure column whose cell carries the activity's note, if any */
  noteColumn: StructureField | null;
  /** the span covering this row at each level */
  spans: Record<MergedColumn, Span>;
}

/** A macro process and its rows: an HTML tbody, an entry of the table of contents. */
export interface Group {
  span: Span;
  first: number;
  count: number;
}

export interface AnnexLayout {
  planYears: string;
  language: string;
  /** an illustrative edition: `exampleMark` on every page, in the title metadata, as a banner */
  example: boolean;
  /** "ESEMPIO — non pubblicare" for an example, else null */
  exampleMark: string | null;
  /** the annex's own title as published (or the template's) */
  title: string;
  /** the title in the documents' properties: the example mark first, for an example */
  metadataTitle: string;
  /** who adopted the edition, by which act, when, which version (null: not in plan.yaml) */
  identity: EditionIdentity;
  /** the identity as printed under the title ("Camera di Commercio … — adottata con … del … — versione 1"), or null when nothing is known */
  identityLine: string | null;
  /** the template's short title (an HTML page title, a window title) */
  shortTitle: string;
  /** the table's caption and its description, for assistive technology (HTML caption, DOCX tblCaption, …) */
  caption: string;
  description: string;
  subject: string;
  /** document author: the body that adopts the plan (null when no plan settings were given) */
  author: string | null;
  footnote: string;
  /** the documents' date: the adoption date, or null when no source gives one (then no date is written) */
  date: Date | null;
  columns: Column[];
  /** the two header rows as printed (PDF, DOCX) */
  headerRows: HeaderRows;
  /** the two header rows on screen (HTML): every column its own heading, each cell naming those above it */
  screenHeaderRows: HeaderRows;
  rows: Row[];
  spans: Record<MergedColumn, Span[]>;
  groups: Group[];
  legend: { title: string; entries: { letter: string; name: string }[] };
  /** unknown: activities whose source cannot tell whether they are active (a text layer) */
  counts: { total: number; inactive: number; unknown: number };
  labels: Labels;
}

export function levelLabel(code: string | null, title: string | null): string {
  return [code, title].filter((part): part is string => part !== null && part !== "").join(" ");
}

function levelKey(activity: Activity, level: MergedColumn): string {
  if (level === "function") return JSON.stringify([activity.function]);
  const value = activity[level];
  return JSON.stringify([value.code, value.title]);
}

/**
 * Where the note is printed: the published annex prints it in the Servizio/Staff cell ("Non
 * presente ufficio legale interno", "In corso di attivazione"); if that cell is taken, the first
 * empty structure cell; if none is empty, under the U.O. (null: no note).
 */
function noteColumnOf(activity: Activity): StructureField | null {
  if (activity.note === null) return null;
  if (activity.servizio === null) return "servizio";
  if (activity.areaDirigenziale === null) return "areaDirigenziale";
  return "uo";
}

function structureText(activity: Activity, field: StructureField, noteColumn: StructureField | null): string {
  const value = activity[field] ?? "";
  if (noteColumn !== field || activity.note === null) return value;
  return value === "" ? activity.note : `${value}\n${activity.note}`;
}

/**
 * The date of the documents: the day the plan was adopted (plan.yaml), or none at all. A date no
 * source gives would be a claim about the edition (a PDF's creation date is read as "made on"),
 * so without one the documents carry no date; their bytes stay the same build after build.
 */
export function documentDate(adopted: string | null): Date | null {
  return adopted !== null ? new Date(`${adopted}T00:00:00Z`) : null;
}

/** "30 marzo 2021": a date as the documents' language writes it. */
export function longDate(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(language, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** The known parts of the identity, worded by labels.yaml and joined; null when nothing is known. */
export function identityLine(identity: EditionIdentity, labels: Labels): string | null {
  const words = labels.identity;
  const date = identity.adopted !== null ? longDate(identity.adopted, labels.language) : null;
  let adoption: string | null = null;
  if (identity.act !== null) adoption = fill(date !== null ? words.actAndDate : words.act, { act: identity.act, date: date ?? "" });
  else if (date !== null) adoption = fill(words.date, { date });
  const parts = [identity.body, adoption, identity.version !== null ? fill(words.version, { version: identity.version }) : null];
  const known = parts.filter((part): part is string => part !== null);
  return known.length > 0 ? known.join(words.separator) : null;
}

export interface LayoutOptions {
  /** an illustrative edition (also when plan.yaml says so) */
  example?: boolean;
}

export function buildLayout(annex: Annex, plan: PlanConfig | null, labels: Labels, options: LayoutOptions = {}): AnnexLayout {
  const values = { planYears: annex.planYears, body: plan?.body ?? "l'ente" };
  const example = options.example === true || plan?.example === true;
  const exampleMark = example ? labels.example : null;
  const identity = identityOf(plan);
  const title = annex.title ?? fill(labels.title, values);

  const spans: Record<MergedColumn, Span[]> = { function: [], macro: [], process: [], subprocess: [] };
  const rows: Row[] = [];
  annex.activities.forEach((activity, index) => {
    const previous = rows[index - 1];
    // a merged cell continues while its label and every outer label stay the same
    let parentContinues = previous !== undefined;
    const spanOf = (level: MergedColumn): Span => {
      const before = previous?.spans[level];
      const continues = parentContinues && previous !== undefined && before !== undefined && levelKey(previous.activity, level) === levelKey(activity, level);
      parentContinues = continues;
      if (continues) {
        before.count++;
        before.inactive &&= activity.active === false;
        return before;
      }
      const code = level === "function" ? null : activity[level].code;
      const title = level === "function" ? activity.function : activity[level].title;
      const span: Span = {
        id: `${level.charAt(0)}${spans[level].length}`,
        level,
        code,
        title,
        label: levelLabel(code, title),
        first: index,
        count: 1,
        inactive: activity.active === false,
      };
      spans[level].push(span);
      return span;
    };
    // outermost first (MERGED_COLUMNS): a level continues only where the levels around it do
    const current: Record<MergedColumn, Span> = { function: spanOf("function"), macro: spanOf("macro"), process: spanOf("process"), subprocess: spanOf("subprocess") };
    const noteColumn = noteColumnOf(activity);
    rows.push({
      index,
      id: `a${index}`,
      activity,
      inactive: activity.active === false,
      noteColumn,
      spans: current,
      cells: {
        activityCode: activity.code,
        activityTitle: activity.title ?? "",
        riskAreas: activity.riskAreas.join("/"),
        areaDirigenziale: structureText(activity, "areaDirigenziale", noteColumn),
        servizio: structureText(activity, "servizio", noteColumn),
        uo: structureText(activity, "uo", noteColumn),
      },
    });
  });

  const columns = tableColumns(labels);

  // The whole list of the plan's risk-area annex, which the "Area di rischio all. 2" column cites.
  const legendEntries = plan
    ? Object.entries(plan.riskAreas)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([letter, name]) => ({ letter, name }))
    : [];

  const line = identityLine(identity, labels);
  const subject = fill(labels.subject, values);
  return {
    planYears: annex.planYears,
    language: labels.language,
    example,
    exampleMark,
    title,
    metadataTitle: exampleMark !== null ? `${exampleMark}${labels.identity.separator}${title}` : title,
    identity,
    identityLine: line,
    shortTitle: fill(labels.title, values),
    caption: fill(labels.html.caption, values),
    description: fill(labels.html.description, { ...values, notActive: labels.notActive }),
    // the properties say which edition this is, as the title block does
    subject: line !== null && identity.act !== null ? `${subject}${labels.identity.separator}${line}` : subject,
    author: plan?.body ?? null,
    footnote: annex.footnote ?? fill(labels.footnote, values),
    date: documentDate(identity.adopted),
    columns,
    headerRows: printedHeader(columns, labels),
    screenHeaderRows: screenHeader(columns, labels),
    rows,
    spans,
    groups: spans.macro.map((span) => ({ span, first: span.first, count: span.count })),
    legend: { title: labels.legend.title, entries: legendEntries },
    counts: { total: rows.length, inactive: rows.filter((r) => r.inactive).length, unknown: annex.activities.filter((a) => a.active === null).length },
    labels,
  };
}

/** A piece of a merged cell between two breaks (page breaks, or HTML row groups). */
export interface SpanPart {
  span: Span;
  first: number;
  count: number;
  /** the part starts after a break that cut its span: its label is printed again, marked */
  continued: boolean;
  /** the label as printed in this part: the span's label, followed by the continued word when marked */
  text: string;
}

/**
 * Cuts every merged cell at the given breaks (indexes of rows that start a page or a group).
 * Returns, for each row, the parts that start there, outermost level first. With `mark`, a part
 * that continues a cut span carries the label followed by the `continued` word ("… (segue)"):
 * the extractor's repair stage recognises exactly that form and drops it.
 */
export function cutSpans(layout: AnnexLayout, breaks: Iterable<number>, mark: boolean): Map<number, SpanPart[]> {
  const cuts = new Set(breaks);
  const starts = new Map<number, SpanPart[]>();
  for (const level of MERGED_COLUMNS) {
    for (const span of layout.spans[level]) {
      let partFirst = span.first;
      const end = span.first + span.count;
      for (let row = span.first + 1; row <= end; row++) {
        if (row === end || cuts.has(row)) {
          const continued = partFirst !== span.first;
          const text = continued && mark && span.label !== "" ? continuedLabel(span.label, layout.labels) : span.label;
          const part: SpanPart = { span, first: partFirst, count: row - partFirst, continued, text };
          const list = starts.get(partFirst) ?? [];
          list.push(part);
          starts.set(partFirst, list);
          partFirst = row;
        }
      }
    }
  }
  for (const list of starts.values()) list.sort((a, b) => MERGED_COLUMNS.indexOf(a.span.level) - MERGED_COLUMNS.indexOf(b.span.level));
  return starts;
}

/** "A1 PIANIFICAZIONE… (segue)": a label printed again where its cell continues on a new page. */
export function continuedLabel(label: string, labels: Labels): string {
  return `${label} ${labels.continued}`;
}
