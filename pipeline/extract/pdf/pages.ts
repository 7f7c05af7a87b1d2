// The first stage of reading a PDF: every page once, in order, kept as what the later stages
// need (a ruled table, or the text a table without rules is read from, and every page's visible
// text for the account), so that a page's parsed resources can be freed as soon as it is read.
import type { PDFPageProxy } from "./pdfjs.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { FatalError } from "../../diagnostics/fatal.ts";
import { diag } from "../../diagnostics/rules.ts";
import { at } from "../../lib/at.ts";
import type { CustomLabels } from "../../model/header-words.ts";
import { isShading } from "../../model/shading.ts";
import type { PrintedPage } from "./account.ts";
import { readContent, type PageContent } from "./content.ts";
import type { Piece } from "./lines.ts";
import { loadPage, openPdf, unreadable } from "./open.ts";
import { DamagedContent } from "./operands.ts";
import { readPageTable, type PageTable } from "./page-table.ts";
import { placeText } from "./placement.ts";
import { readTextGrid, textHeader, type TextGridPage } from "./text-grid.ts";
import type { TextRun } from "./text.ts";
import { TOLERANCES } from "./tolerances.ts";

export interface PagesRead {
  /** pages with a ruled table */
  ruled: PageTable[];
  /** pages without a ruled table, read from the positions of their text alone */
  textPages: TextGridPage[];
  /** text of pages without a ruled table: a title page before it, the footnote's end after it */
  loose: { page: number; pieces: Piece[] }[];
  /** every page's visible text, for the account */
  printed: PrintedPage[];
  /** a page without rules has the header's words but no table the text grid can read under them */
  headerWithoutGrid: boolean;
  /** a blank's width in font sizes, as the document draws it; null where it draws none */
  blank: number | null;
  /** glyphs drawn outside the visible part of their cells (clipped ghost text), and their pages */
  hidden: { glyphs: number; pages: number[] };
  diagnostics: Diagnostic[];
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

/** Widths in font sizes of the blanks drawn that advance, up to the sample's size. */
function blankWidths(runs: readonly TextRun[], widths: number[]): void {
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

/** What one page says of itself, whichever reader reads its table: text off the page, a page turned. */
function pageFindings(content: PageContent, page: PDFPageProxy, file: string, n: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (content.offPage > 0) out.push(diag("pdf/text-off-page", "off-page", { count: content.offPage }, { file, page: n }));
  if (content.rotation !== page.rotate)
    out.push(diag("pdf/page-turned", "turned", { degrees: (content.rotation - page.rotate + 360) % 360 }, { file, page: n }));
  return out;
}

export async function readPages(
  data: Uint8Array,
  file: string,
  custom: CustomLabels | undefined,
  onPage?: (page: number, pages: number) => Promise<void>,
): Promise<PagesRead> {
  const doc = await openPdf(data, file);
  const read: PagesRead = { ruled: [], textPages: [], loose: [], printed: [], headerWithoutGrid: false, blank: null, hidden: { glyphs: 0, pages: [] }, diagnostics: [] };
  let runs = 0;
  const blanks: number[] = [];
  /** fills neither white nor grey, by colour: the first page with each */
  const otherFills = new Map<string, number>();
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      if (onPage) await onPage(n, doc.numPages);
      const { page, operators } = await loadPage(doc, n, file);
      const content = contentOf(page, operators, file, n);
      // only the extracted geometry is kept
      page.cleanup();
      runs += content.runs.length;
      read.printed.push({ page: n, runs: content.runs.filter((r) => !r.artifact) });
      const ghosts = content.hidden.reduce((sum, run) => sum + run.glyphs.length, 0);
      if (ghosts > 0) {
        read.hidden.glyphs += ghosts;
        read.hidden.pages.push(n);
      }
      read.diagnostics.push(...pageFindings(content, page, file, n));
      if (blanks.length < TOLERANCES.blankSampleCount) blankWidths(content.runs, blanks);
      for (const fill of content.geometry.fills) if (!isShading(fill.color) && !otherFills.has(fill.color)) otherFills.set(fill.color, n);
      const table = readPageTable(content, custom);
      if (table) read.ruled.push(table);
      else if (content.runs.length > 0) {
        read.loose.push({ page: n, pieces: placeText(content.runs, null).outside });
        const grid = readTextGrid(content, custom);
        if (grid) read.textPages.push(grid);
        else if (textHeader(content, custom).length > 0) read.headerWithoutGrid = true;
      }
    }
  } finally {
    await doc.destroy();
  }
  if (runs === 0) throw new FatalError("pdf/no-text", "no-text", {}, { file });
  // as in an office file: a fill that is not grey is not taken for shading, and said so
  for (const [colour, page] of otherFills) read.diagnostics.push(diag("pdf/fill", "fill", { colour }, { file, page }));
  read.blank = median(blanks);
  return read;
}
