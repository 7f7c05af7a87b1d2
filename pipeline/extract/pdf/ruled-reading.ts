// The ruled path: where pages draw a table's rules, the table is their cells, joined over page
// breaks (assemble.ts); the title is the first paragraph above it, the footnote the first under
// it, and any other text around it is said, not read. What the reader did with each page's text
// is handed on to the account.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { FatalError } from "../../diagnostics/fatal.ts";
import { diag } from "../../diagnostics/rules.ts";
import { isHierarchyColumn, type ColumnKind, type RawRow } from "../../model/raw.ts";
import { ph } from "../../messages/catalogue.ts";
import type { BoxedCell, PageUse } from "./account.ts";
import { assemble } from "./assemble.ts";
import { slot } from "./grid.ts";
import { plainText, toLines, toParagraphs, type Line } from "./lines.ts";
import { damaged } from "./open.ts";
import type { PageTable } from "./page-table.ts";
import type { PagesRead } from "./pages.ts";
import { preview, type Breaks, type Reading } from "./reading.ts";
import { joinCell, type BreakContext } from "./word-breaks.ts";

/**
 * The header must name each column that holds text, each column once: a label that names no
 * column, or text under no label, refuses the PDF rather than leave its columns to be guessed.
 */
function checkColumns(pages: readonly PageTable[], columns: readonly ColumnKind[], rows: readonly RawRow[], file: string): void {
  const first = pages.find((p) => p.kinds !== null);
  const page = first?.page;
  const where = { file, ...(page === undefined ? {} : { page }) };
  const label = first?.unnamed[0];
  if (label !== undefined) throw new FatalError("pdf/unknown-header", "label", { label }, where);
  const used = new Set(rows.flatMap((r) => r.cells.map((c) => c.col)));
  const blank = columns.findIndex((k, i) => k === "unknown" && used.has(i));
  if (blank >= 0) throw new FatalError("pdf/unknown-header", "unlabelled", { column: blank + 1 }, where);
  const twice = columns.find((k, i) => k !== "unknown" && columns.indexOf(k) !== i);
  if (twice !== undefined) throw new FatalError("pdf/unknown-header", "twice", { labels: ph(`column.${twice}`) }, where);
}

/**
 * The data cells of a page wholly on it: not the rest of a cell cut by the page break before (a
 * cell at the top of the table where the page before left one open), not cut by the next (at the
 * table's bottom, open), no text clipped away.
 */
function boxedCells(p: PageTable, before: PageTable | undefined): BoxedCell[] {
  const last = p.grid.ys.length - 2;
  const previous = before?.page === p.page - 1 ? before : undefined;
  const continued = (x: number): boolean => {
    if (!previous) return false;
    const col = slot(previous.grid.xs, x);
    return previous.grid.cells.some((c) => c.openBottom && c.col0 <= col && col <= c.col1);
  };
  return p.grid.cells.flatMap((cell, id) => {
    const lines = p.lines.get(id);
    if (!lines || cell.band0 < p.firstData || cell.band1 >= last || cell.openBottom || p.ghosts.has(id)) return [];
    if (cell.band0 === p.firstData && (previous === undefined || continued((cell.box.left + cell.box.right) / 2))) return [];
    return [{ top: cell.box.top, bottom: cell.box.bottom, lines }];
  });
}

/** What the ruled reader did with each page's text: every piece is in a cell, or above, below or beside the table, and said so. */
function ruledUses(pages: readonly PageTable[], loose: PagesRead["loose"]): PageUse[] {
  return [
    ...pages.map((p, i) => ({ page: p.page, lines: [...[...p.lines.values()].flat(), ...p.above, ...p.below, ...p.beside], bands: [], cells: boxedCells(p, pages[i - 1]) })),
    // a page without a table: a title page, the footnote's end, or one already reported (pdf/page-without-table)
    ...loose.map((l) => ({ page: l.page, lines: [], bands: [], whole: true })),
  ];
}

/** Lines outside the table, their edge where the widest of them ends. */
function paragraphLines(lines: readonly Line[]): Line[] {
  const edge = Math.max(...lines.map((l) => l.right));
  return lines.map((l) => ({ ...l, edge }));
}

/** The title above the table and the footnote under it; what else stands there is said. */
function titleAndFootnote(read: PagesRead, file: string, context: BreakContext, diagnostics: Diagnostic[]): { title: string; footnote: string } {
  const pages = read.ruled;
  const first = pages.find((p) => p.kinds !== null);
  const last = pages[pages.length - 1];
  const linesOf = (which: PagesRead["loose"]) => which.flatMap((l) => toLines(l.pieces));
  const before = read.loose.filter((l) => first && l.page < first.page);
  const after = read.loose.filter((l) => last && l.page > last.page);
  // lines under the title (a subtitle: the edition's identity in our own PDF) are not the title
  const [firstParagraph = [], ...underTitle] = first ? toParagraphs(first.above) : [];
  const titleLines = first ? [...linesOf(before), ...firstParagraph] : [];
  const title = titleLines.length > 0 ? joinCell(paragraphLines(titleLines), context).text : "";
  const subtitle = plainText(underTitle.flat());
  if (subtitle !== "" && first) diagnostics.push(diag("pdf/text-outside-table", "subtitle", { text: preview(subtitle) }, { file, page: first.page }));
  // what follows the footnote (a legend, say) is not the footnote
  const below = last ? toParagraphs([...last.below, ...after.flatMap((l) => l.pieces)]) : [];
  const footnoteLines = below[0] ?? [];
  const footnote = footnoteLines.length > 0 ? joinCell(paragraphLines(footnoteLines), context).text : "";
  const rest = below.slice(1).map((p) => plainText(p)).filter((t) => t !== "");
  if (rest.length > 0 && last) diagnostics.push(diag("pdf/text-after-footnote", "ignored", { text: preview(rest.join(" ")) }, { file, page: last.page }));
  return { title, footnote };
}

/** Pages without a table among the table's pages, and text beside the table or above or under it where no title or footnote stands. */
function strayText(read: PagesRead, file: string, diagnostics: Diagnostic[]): void {
  const pages = read.ruled;
  const first = pages.find((p) => p.kinds !== null);
  const last = pages[pages.length - 1];
  for (const l of read.loose)
    if (first && last && l.page > first.page && l.page < last.page) diagnostics.push(diag("pdf/page-without-table", "no-table", {}, { file, page: l.page }));
  for (const p of pages) {
    const stray = [...p.beside, ...(p === first ? [] : p.above), ...(p === last ? [] : p.below)];
    const text = plainText(toLines(stray));
    if (text !== "") diagnostics.push(diag("pdf/text-outside-table", "outside", { text: preview(text) }, { file, page: p.page }));
  }
  for (const label of first?.wideLabels ?? []) diagnostics.push(diag("pdf/wide-header", "wide", { label }, { file, page: first?.page }));
}

/** The table of the pages with rules, or null where no page has a ruled table with a header. */
export function ruledReading(read: PagesRead, file: string, breaks: Breaks): Reading | null {
  const assembled = assemble(read.ruled, file, breaks);
  if (!assembled) return null;
  checkColumns(read.ruled, assembled.columns, assembled.rows, file);
  const diagnostics: Diagnostic[] = [];
  // clipped text is expected from spreadsheet exports: one note for the whole file is enough
  if (read.hidden.glyphs > 0) diagnostics.push(diag("pdf/ghost-text", "ghost", { count: read.hidden.glyphs, pages: read.hidden.pages }, { file }));
  diagnostics.push(...assembled.diagnostics);
  const rows = assembled.rows;
  if (rows.length > 0 && rows.every((r) => r.cells.length === 0)) throw damaged(`its table has ${rows.length} rows but no text in any of them`, { file });
  // a row with nothing but hierarchy labels that go on into the rows below has no text of its own
  // either: its activity's cells are empty (an activity row whose text is gone), and the labels
  // would be taken by the next activity as if they had started on its row
  const labelOnly = (row: RawRow) => row.cells.length > 0 && assembled.columns.includes("activityCode") && row.cells.every((c) => isHierarchyColumn(assembled.columns[c.col] ?? "unknown") && c.rowSpan > 1);
  for (const row of rows) if (row.cells.length === 0 || labelOnly(row)) diagnostics.push(diag("pdf/empty-row", "empty", {}, { file, page: row.page, row: row.row }));
  const { title, footnote } = titleAndFootnote(read, file, assembled.context, diagnostics);
  strayText(read, file, diagnostics);
  return {
    table: { file, format: "pdf", title: title === "" ? null : title, footnote: footnote === "" ? null : footnote, columns: assembled.columns, rows },
    diagnostics,
    uses: ruledUses(read.ruled, read.loose),
  };
}
