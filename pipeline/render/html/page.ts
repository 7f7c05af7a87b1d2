// The annex as one accessible, self-contained HTML page (templates/annex.html.hbs with
// templates/annex.css and templates/annex-search.js inlined: no network request). The view model
// below gives every cell its `headers`: the column headings above it and the hierarchy cells
// (function, macro process, process, sub process, activity code) to its left, so a screen reader
// announces where each activity sits. One tbody per macro process, so merged cells are cut at
// each group's first row (the label is simply repeated there: a group is not a continuation).
import Handlebars from "handlebars";
import { fill } from "../labels.ts";
import { COLOURS } from "../print-style.ts";
import { cutSpans, type AnnexLayout, type Row, type SpanPart } from "../layout.ts";
import { headersOver, MERGED_COLUMNS, type ColumnKey } from "../table-header.ts";

/** A cell for the template; an attribute left undefined is not written. */
interface CellView {
  th: boolean;
  id?: string | undefined;
  rowspan?: number | undefined;
  scope?: string | undefined;
  headers: string;
  /** hierarchy level (0 = function): the search script moves these cells when it hides rows */
  level?: number;
  classes: string;
  lines: string[][];
  notActive?: string | undefined;
}

interface RowView {
  classes: string;
  cells: CellView[];
}

interface HeaderCellView {
  id: string;
  scope: "col" | "colgroup";
  rowspan?: number;
  colspan?: number;
  headers?: string;
  text: string;
}

interface GroupView {
  id: string;
  anchor: string;
  label: string;
  count: number;
  rows: RowView[];
}

/**
 * A cell's text as lines, each cut after every "/" ("Predisposizione/aggiornamento"): browsers do
 * not break a line there by themselves, and such words would widen the table past the screen.
 * The template joins the pieces with <wbr>, which adds no text.
 */
function lines(text: string): string[][] {
  return text === "" ? [] : text.split("\n").map((line) => line.split(/(?<=\/)(?=\S)/));
}

/** The id of a part of a merged cell: the span's id, then -1, -2… for the parts in later groups. */
function partId(part: SpanPart, index: number): string {
  return index === 0 ? part.span.id : `${part.span.id}-${index}`;
}

/** The thead: the layout's header rows on screen, each cell with its id and the header cells above it. */
function headerView(layout: AnnexLayout): HeaderCellView[][] {
  return layout.screenHeaderRows.map((row) =>
    row.map((cell) => ({
      id: cell.id,
      scope: cell.colSpan > 1 ? "colgroup" : "col",
      ...(cell.rowSpan > 1 ? { rowspan: cell.rowSpan } : {}),
      ...(cell.colSpan > 1 ? { colspan: cell.colSpan } : {}),
      ...(cell.headers.length > 0 ? { headers: cell.headers.join(" ") } : {}),
      text: cell.text,
    })),
  );
}

/** A column's short name (code, title, risk, area…): the class of its cells, named by the styles. */
function columnName(layout: AnnexLayout, key: ColumnKey): string {
  return layout.columns.find((c) => c.key === key)?.name ?? key;
}

/** A text inside a CSS string: quotes and backslashes escaped, "<" written so that it cannot close the style element. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, "\\$&").replace(/</g, "\\3C ").replace(/\n/g, "\\A ")}"`;
}

/**
 * The styles worded by labels.yaml: on a narrow screen each cell names its column before its
 * text (hidden from screen readers, which announce the headers instead); printed, every page
 * carries its number, and an example's mark.
 */
function pageCss(layout: AnnexLayout): string {
  const named = layout.columns
    .filter((c) => !["function", "macro", "process", "subprocess"].includes(c.key))
    .map((c) => `  #tabella tbody .${c.name}::before { content: ${cssString(c.heading)} / ""; }`);
  const [before = "", after = ""] = layout.labels.page.split("{page}");
  const [middle = "", end = ""] = after.split("{pages}");
  const pageNumber = `${cssString(before)} counter(page) ${cssString(middle)} counter(pages) ${cssString(end)}`;
  const example = layout.exampleMark !== null ? `\n  @top-left { content: ${cssString(layout.exampleMark)}; color: ${COLOURS.example}; font-weight: 700; font-size: 9pt; }` : "";
  return [
    `@media screen and (max-width: 64rem) {`,
    ...named,
    `}`,
    `@media print {`,
    `  @page {\n    @bottom-right { content: ${pageNumber}; font-size: 7pt; }${example}\n  }`,
    `}`,
  ].join("\n");
}

function rowView(layout: AnnexLayout, row: Row, starting: SpanPart[], owners: Map<string, string>, partIndex: Map<string, number>): RowView {
  const columnHeaders = (key: ColumnKey): string[] => headersOver(layout.screenHeaderRows, layout.columns, key);
  const cells: CellView[] = [];
  const rowHeaders: string[] = [];
  MERGED_COLUMNS.forEach((level, depth) => {
    const span = row.spans[level];
    const part = starting.find((p) => p.span.level === level);
    if (part) {
      const n = partIndex.get(span.id) ?? 0;
      partIndex.set(span.id, n + 1);
      const id = partId(part, n);
      owners.set(span.id, id);
      const labelled = part.text !== "";
      cells.push({
        th: labelled,
        id: labelled ? id : undefined,
        rowspan: part.count > 1 ? part.count : undefined,
        scope: labelled ? "row" : undefined,
        headers: [...columnHeaders(level), ...rowHeaders].join(" "),
        level: depth,
        classes: ["level", `level-${level}`, span.inactive ? "inactive" : ""].filter(Boolean).join(" "),
        lines: lines(part.text),
      });
    }
    // an empty hierarchy cell is no header: nothing to announce
    if (span.label !== "") rowHeaders.push(owners.get(span.id) ?? span.id);
  });
  const shade = row.inactive ? "inactive" : "";
  cells.push({
    th: true,
    id: row.id,
    scope: "row",
    headers: [...columnHeaders("activityCode"), ...rowHeaders].join(" "),
    classes: [columnName(layout, "activityCode"), shade].filter(Boolean).join(" "),
    lines: lines(row.cells.activityCode),
  });
  const withCode = [...rowHeaders, row.id];
  for (const key of ["activityTitle", "riskAreas", "areaDirigenziale", "servizio", "uo"] as const) {
    cells.push({
      th: false,
      headers: [...columnHeaders(key), ...withCode].join(" "),
      classes: [key === "riskAreas" || key === "activityTitle" ? "" : "structure", columnName(layout, key), shade].filter(Boolean).join(" "),
      lines: lines(row.cells[key]),
      notActive: key === "activityTitle" && row.inactive ? layout.labels.notActive : undefined,
    });
  }
  return { classes: row.inactive ? "inactive" : "", cells };
}

export function htmlView(layout: AnnexLayout) {
  const groupStarts = layout.groups.map((g) => g.first);
  const parts = cutSpans(layout, groupStarts, false);
  const owners = new Map<string, string>();
  const partIndex = new Map<string, number>();
  const groups: GroupView[] = layout.groups.map((group, g) => ({
    id: `gruppo-${g + 1}`,
    anchor: group.span.label !== "" ? group.span.id : `gruppo-${g + 1}`,
    label: group.span.label !== "" ? group.span.label : group.span.code ?? `${g + 1}`,
    count: group.count,
    rows: layout.rows.slice(group.first, group.first + group.count).map((row) => rowView(layout, row, parts.get(row.index) ?? [], owners, partIndex)),
  }));
  const html = layout.labels.html;
  const values = { planYears: layout.planYears, body: layout.author ?? "", total: layout.counts.total, inactive: layout.counts.inactive, notActive: layout.labels.notActive };
  return {
    lang: layout.language.split("-")[0],
    title: layout.title,
    // an example's mark first, before the table's caption (a window title is kept short)
    pageTitle: layout.exampleMark !== null ? `${layout.exampleMark}${layout.labels.identity.separator}${layout.caption}` : layout.shortTitle,
    exampleMark: layout.exampleMark,
    identityLine: layout.identityLine,
    continued: layout.labels.continued,
    pageCss: pageCss(layout),
    shortTitle: layout.shortTitle,
    subject: layout.subject,
    author: layout.author,
    caption: layout.caption,
    description: layout.description,
    // never "0 non attive" when the source could not tell (a text layer has no shading)
    counts: fill(layout.counts.unknown > 0 ? html.activityCountUnknown : html.activityCount, values),
    columns: layout.columns.map((c) => c.name),
    header: headerView(layout),
    labels: { ...html, generated: layout.author ? fill(html.generated, values) : null },
    groups,
    footnote: layout.footnote,
    legend: layout.legend,
    search: {
      resultOne: html.search.resultOne.replace("{total}", String(layout.counts.total)),
      result: html.search.result.replace("{total}", String(layout.counts.total)),
      none: html.search.none,
    },
  };
}

/** templates/annex.html.hbs, and the styles and scripts it inlines. */
export interface HtmlTemplates {
  page: string;
  css: string;
  /** the search */
  script: string;
  /** the printed page: merged labels repeated after a page break */
  printScript: string;
}

const compiled = new Map<string, Handlebars.TemplateDelegate>();

function template(source: string): Handlebars.TemplateDelegate {
  let delegate = compiled.get(source);
  if (!delegate) {
    // {{ }} escapes every value: a "<script>" or "{{" in the data comes out as text
    delegate = Handlebars.create().compile(source);
    compiled.set(source, delegate);
  }
  return delegate;
}

export function renderHtml(layout: AnnexLayout, templates: HtmlTemplates): string {
  // "</" cannot appear inside an inline script or style: the files are ours, but make sure
  const css = templates.css.replace(/<\//g, "<\\/");
  const script = templates.script.replace(/<\//g, "<\\/");
  const printScript = templates.printScript.replace(/<\//g, "<\\/");
  return template(templates.page)({ ...htmlView(layout), css, script, printScript });
}
