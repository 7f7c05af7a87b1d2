// The geometry-based PDF reader: rebuilds the annex table from what each page draws (ruling
// lines, filled rectangles, positioned glyphs and the clip they are painted in), not from the
// text order, so merged cells keep their spans and clipped ghost text is left out.
import type { PDFPageProxy } from "./pdfjs.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { FatalError } from "../../diagnostics/fatal.ts";
import { diag } from "../../diagnostics/rules.ts";
import { customLabels, type HeaderKind } from "../../model/header-words.ts";
import { isShading } from "../../model/shading.ts";
import type { ColumnKind, RawRow, RawTable } from "../../model/raw.ts";
import { account, type BoxedCell, type PageUse, type PrintedPage } from "./account.ts";
import { assemble } from "./assemble.ts";
import { readContent, type PageContent } from "./content.ts";
import { at } from "../../lib/at.ts";
import { plainText, toLines, toParagraphs, type Line, type Piece } from "./lines.ts";
import { damaged, loadPage, openPdf, unreadable } from "./open.ts";
import { DamagedContent } from "./operands.ts";
import { readPageTable, type PageTable } from "./page-table.ts";
import { placeText } from "./placement.ts";
import { slot } from "./grid.ts";
import { readTextGrid, textHeader, type TextGridPage } from "./text-grid.ts";
import { assembleTextGrid, type TextGridTable } from "./text-grid-table.ts";
import type { TextRun } from "./text.ts";
import { joinCell } from "./word-breaks.ts";
import { ph } from "../../messages/catalogue.ts";
import { TOLERANCES } from "./tolerances.ts";

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A page's content; a damaged content stream makes the page unreadable. */
function contentOf(page: PDFPageProxy, operators: Parameters<typeof readContent>[1], file: string, n: number): PageContent {
  try {
    return readContent(page, operators);
  } catch (error) {
    if (error instanceof DamagedContent) throw unreadable(error, file, n);
    throw error;
  }
}

/**
 * The header must name each column that holds text, each column once: a label that names no
 * column, or text under no label, refuses the PDF rather than leave its columns to be guessed.
 */
function checkColumns(pages: readonly PageTable[], columns: readonly ColumnKind[], rows: readonly RawRow[], file: string): void {
  const first = pages.find((p) => p.kinds !== null);
  const page = first?.page;
  const label = first?.unnamed[0];
  if (label !== undefined)
    throw new FatalError(
      "pdf/unknown-header",
      "label",
      { label },
      { file, ...(page === undefined ? {} : { page }) },
    );
  const used = new Set(rows.flatMap((r) => r.cells.map((c) => c.col)));
  const blank = columns.findIndex((k, i) => k === "unknown" && used.has(i));
  if (blank >= 0)
    throw new FatalError("pdf/unknown-header", "unlabelled", { column: blank + 1 }, {
      file,
      ...(page === undefined ? {} : { page }),
    });
  const twice = columns.find((k, i) => k !== "unknown" && columns.indexOf(k) !== i);
  if (twice !== undefined)
    throw new FatalError("pdf/unknown-header", "twice", { labels: ph(`column.${twice}`) }, { file, ...(page === undefined ? {} : { page }) });
}

/** The account, its time left as a performance measure ("pdf account") for the benchmark to read. */
function timedAccount(input: Parameters<typeof account>[0]): Diagnostic[] {
  const start = performance.now();
  const result = account(input);
  performance.measure(ACCOUNT_MEASURE, { start, end: performance.now() });
  return result;
}

export const ACCOUNT_MEASURE = "pdf account";

/** A short line with a number under a page's table: a page number, a date (page furniture). */
const FURNITURE = /\d/;

/** What the text grid did with each page's text: lines in cells, header rows, title, footnote; pages it did not read, nothing. */
function textGridUses(textPages: readonly TextGridPage[], loose: readonly { page: number }[]): PageUse[] {
  const first = textPages[0]?.page ?? Infinity;
  const last = textPages.at(-1);
  const read = new Set(textPages.map((p) => p.page));
  return [
    ...textPages.map((p) => ({
      page: p.page,
      lines: [...p.used, ...p.above, ...(p === last ? p.below : p.below.filter((b) => FURNITURE.test(b.text) && b.text.trim().length <= TOLERANCES.furnitureCharsCount))],
      bands: [{ top: p.headerTop, bottom: p.headerBottom }],
    })),
    // a page before the table (a title page) or after it (a legend) is not the table's; one among its pages is
    ...loose.filter((l) => !read.has(l.page)).map((l) => ({ page: l.page, lines: [], bands: [], whole: l.page < first || l.page > (last?.page ?? -Infinity) })),
  ];
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
function ruledUses(pages: readonly PageTable[], loose: readonly { page: number }[]): PageUse[] {
  return [
    ...pages.map((p) => ({ page: p.page, lines: [...[...p.lines.values()].flat(), ...p.above, ...p.below, ...p.beside], bands: [], cells: boxedCells(p, pages[pages.indexOf(p) - 1]) })),
    // a page without a table: a title page, the footnote's end, or one already reported (pdf/page-without-table)
    ...loose.map((l) => ({ page: l.page, lines: [], bands: [], whole: true })),
  ];
}

/** The raw table of a table without rules. */
function textGridTable(grid: TextGridTable, file: string, diagnostics: Diagnostic[]): { table: RawTable; diagnostics: Diagnostic[] } {
  const table: RawTable = {
    file,
    format: "pdf",
    title: grid.title === "" ? null : grid.title,
    footnote: grid.footnote === "" ? null : grid.footnote,
    columns: grid.columns,
    rows: grid.rows,
  };
  return { table, diagnostics: [...diagnostics, ...grid.diagnostics] };
}

/** A blank's width in font sizes: the median of the blanks drawn that advance (a few pages' worth is enough). */
function blankWidth(runs: readonly TextRun[], widths: number[]): void {
  for (const run of runs) {
    const glyphs = run.glyphs;
    for (let i = 0; i < glyphs.length && widths.length < TOLERANCES.blankSampleCount; i++) {
      const g = at(glyphs, i, "glyph");
      const next = glyphs[i + 1];
      if (g.text !== "" || g.right <= g.left) continue;
      if (next && next.left < g.right - TOLERANCES.noAdvanceEm * run.size) continue;
      widths.push((g.right - g.left) / run.size);
    }
  }
}


function median(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  return at(values, Math.floor(values.length / 2), "value");
}

/** Lines outside the table, their edge where the widest of them ends. */
function paragraphLines(lines: readonly Line[]): Line[] {
  const edge = Math.max(...lines.map((l) => l.right));
  return lines.map((l) => ({ ...l, edge }));
}

export interface PdfOptions {
  /** the body's own words (texts of its other annexes): they settle line breaks the file alone cannot */
  words?: readonly string[];
  /** header labels the plan names in its own words → the column each names */
  columns?: Readonly<Record<string, HeaderKind>>;
  /** told as each page is read (the web page shows it, and lets the browser draw it) */
  onPage?: (page: number, pages: number) => Promise<void>;
}

export async function extractPdf(data: Uint8Array, file: string, options: PdfOptions = {}): Promise<{ table: RawTable; diagnostics: Diagnostic[] }> {
  const custom = customLabels(options.columns);
  const doc = await openPdf(data, file);
  const diagnostics: Diagnostic[] = [];
  const pages: PageTable[] = [];
  /** text of pages without a table: a title page before it, the footnote's end after it */
  const loose: { page: number; pieces: Piece[] }[] = [];
  let glyphs = 0;
  // Clipped text (the part of a merged cell's label that falls on the other side of a page
  // break) is expected from spreadsheet exports: one note for the whole file is enough.
  let hidden = 0;
  const hiddenPages: number[] = [];
  const blanks: number[] = [];
  /** pages without a ruled table, read from the positions of their text alone */
  const textPages: TextGridPage[] = [];
  /** every page's visible text, for the account */
  const printed: PrintedPage[] = [];
  let headerWithoutGrid = false;
  /** fills neither white nor grey, by colour: the first page with each */
  const otherFills = new Map<string, number>();
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      if (options.onPage) await options.onPage(n, doc.numPages);
      const { page, operators } = await loadPage(doc, n, file);
      const content = contentOf(page, operators, file, n);
      // Free the page's parsed resources now: only the extracted geometry is kept.
      page.cleanup();
      glyphs += content.runs.length;
      printed.push({ page: n, runs: content.runs.filter((r) => !r.artifact) });
      const ghosts = content.hidden.reduce((sum, run) => sum + run.glyphs.length, 0);
      if (ghosts > 0) {
        hidden += ghosts;
        hiddenPages.push(n);
      }
      if (content.offPage > 0)
        diagnostics.push(
          diag("pdf/text-off-page", "off-page", { count: content.offPage }, { file, page: n }),
        );
      if (content.rotation !== page.rotate)
        diagnostics.push(diag("pdf/page-turned", "turned", { degrees: (content.rotation - page.rotate + 360) % 360 }, { file, page: n }));
      if (blanks.length < TOLERANCES.blankSampleCount) blankWidth(content.runs, blanks);
      for (const fill of content.geometry.fills) if (!isShading(fill.color) && !otherFills.has(fill.color)) otherFills.set(fill.color, n);
      const table = readPageTable(content, custom);
      if (table) pages.push(table);
      else if (content.runs.length > 0) {
        loose.push({ page: n, pieces: placeText(content.runs, null).outside });
        const grid = readTextGrid(content, custom);
        if (grid) textPages.push(grid);
        else if (textHeader(content, custom).length > 0) headerWithoutGrid = true;
      }
    }
  } finally {
    await doc.destroy();
  }

  if (glyphs === 0)
    throw new FatalError("pdf/no-text", "no-text", {}, { file });
  // as in an office file: a fill that is not grey is not taken for shading, and said so
  for (const [colour, page] of otherFills) diagnostics.push(diag("pdf/fill", "fill", { colour }, { file, page }));
  const breaks = { blank: median(blanks), own: options.words ?? [] };
  const assembled = assemble(pages, file, breaks);
  if (!assembled) {
    // as on a ruled page: a header label that names no column refuses the PDF rather than have its text given to a neighbour
    const unnamed = textPages.find((p) => p.unnamed.length > 0);
    if (unnamed) throw new FatalError("pdf/unknown-header", "label", { label: unnamed.unnamed[0] ?? "" }, { file, page: unnamed.page });
    const grid = assembleTextGrid(textPages, file, breaks);
    if (grid) {
      const counted = timedAccount({ file, printed, uses: textGridUses(textPages, loose), rows: grid.rows, columns: grid.columns });
      return textGridTable(grid, file, [...diagnostics, ...counted]);
    }
    if (headerWithoutGrid)
      throw new FatalError(
        "pdf/cells-unplaced",
        "unplaced",
        {},
        { file },
      );
    throw new FatalError(
      "input/no-table",
      "pdf",
      {},
      { file },
    );
  }
  checkColumns(pages, assembled.columns, assembled.rows, file);
  const context = assembled.context;
  if (hidden > 0)
    diagnostics.push(
      diag("pdf/ghost-text", "ghost", { count: hidden, pages: hiddenPages }, { file }),
    );
  diagnostics.push(...assembled.diagnostics);
  const rows = assembled.rows;
  if (rows.length > 0 && rows.every((r) => r.cells.length === 0))
    throw damaged(`its table has ${rows.length} rows but no text in any of them`, { file });
  for (const row of rows)
    if (row.cells.length === 0)
      diagnostics.push(diag("pdf/empty-row", "empty", {}, { file, page: row.page, row: row.row }));

  const first = pages.find((p) => p.kinds !== null);
  const last = pages[pages.length - 1];
  const linesOf = (which: typeof loose) => which.flatMap((l) => toLines(l.pieces));
  const before = loose.filter((l) => first && l.page < first.page);
  const after = loose.filter((l) => last && l.page > last.page);
  // the title is the first paragraph above the table; lines under it (a subtitle: the edition's
  // identity in our own PDF) are not the title
  const [firstParagraph = [], ...underTitle] = first ? toParagraphs(first.above) : [];
  const titleLines = first ? [...linesOf(before), ...firstParagraph] : [];
  const title = titleLines.length > 0 ? joinCell(paragraphLines(titleLines), context).text : "";
  const subtitle = plainText(underTitle.flat());
  if (subtitle !== "" && first)
    diagnostics.push(diag("pdf/text-outside-table", "subtitle", { text: preview(subtitle) }, { file, page: first.page }));
  // the footnote is the first paragraph under the table; what follows it (a legend, say) is not
  const below = last ? toParagraphs([...last.below, ...after.flatMap((l) => l.pieces)]) : [];
  const footnoteLines = below[0] ?? [];
  const footnote = footnoteLines.length > 0 ? joinCell(paragraphLines(footnoteLines), context).text : "";
  const rest = below.slice(1).map((p) => plainText(p)).filter((t) => t !== "");
  if (rest.length > 0 && last)
    diagnostics.push(diag("pdf/text-after-footnote", "ignored", { text: preview(rest.join(" ")) }, { file, page: last.page }));
  for (const l of loose)
    if (first && last && l.page > first.page && l.page < last.page)
      diagnostics.push(diag("pdf/page-without-table", "no-table", {}, { file, page: l.page }));
  for (const p of pages) {
    const stray = [...p.beside, ...(p === first ? [] : p.above), ...(p === last ? [] : p.below)];
    const text = plainText(toLines(stray));
    if (text !== "") diagnostics.push(diag("pdf/text-outside-table", "outside", { text: preview(text) }, { file, page: p.page }));
  }
  for (const label of first?.wideLabels ?? [])
    diagnostics.push(diag("pdf/wide-header", "wide", { label }, { file, page: first?.page }));

  diagnostics.push(...timedAccount({ file, printed, uses: ruledUses(pages, loose), rows, columns: assembled.columns }));

  const table: RawTable = {
    file,
    format: "pdf",
    title: title === "" ? null : title,
    footnote: footnote === "" ? null : footnote,
    columns: assembled.columns,
    rows,
  };
  return { table, diagnostics };
}
