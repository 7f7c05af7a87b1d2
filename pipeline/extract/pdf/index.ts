// The geometry-based PDF reader: rebuilds the annex table from what each page draws (ruling
// lines, filled rectangles, positioned glyphs and the clip they are painted in), not from the
// text order, so merged cells keep their spans and clipped ghost text is left out.
import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { FatalError } from "../../diagnostics/fatal.ts";
import { diag } from "../../diagnostics/rules.ts";
import type { RawTable } from "../../model/raw.ts";
import { assemble } from "./assemble.ts";
import { readContent, type PageContent } from "./content.ts";
import { joinLines, marksBreakSpaces, toLines, toParagraphs, type Piece } from "./lines.ts";
import { loadPage, openPdf, unreadable } from "./open.ts";
import { DamagedContent } from "./operands.ts";
import { readPageTable, type PageTable } from "./page-table.ts";
import { placeText } from "./placement.ts";

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

export async function extractPdf(data: Uint8Array, file: string): Promise<{ table: RawTable; diagnostics: Diagnostic[] }> {
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
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const { page, operators } = await loadPage(doc, n, file);
      const content = contentOf(page, operators, file, n);
      // Free the page's parsed resources now: only the extracted geometry is kept.
      page.cleanup();
      glyphs += content.runs.length;
      if (content.hiddenGlyphs > 0) {
        hidden += content.hiddenGlyphs;
        hiddenPages.push(n);
      }
      const table = readPageTable(content);
      if (table) pages.push(table);
      else if (content.runs.length > 0) loose.push({ page: n, pieces: placeText(content.runs, null).outside });
    }
  } finally {
    await doc.destroy();
  }

  if (glyphs === 0)
    throw new FatalError("pdf/no-text", "The PDF has no text, only images (a scan?): the table cannot be read from it. Use the original PDF exported from the spreadsheet or word processor.", { file });
  const marked = marksBreakSpaces(pages.flatMap((p) => [...p.lines.values()]));
  const assembled = assemble(pages, file, marked);
  if (!assembled)
    throw new FatalError(
      "input/no-table",
      "The PDF does not contain the annex table: no header row with the columns Funzione, Macro Processi, Processi, Sotto Processi, Attività was found.",
      { file },
    );
  if (hidden > 0)
    diagnostics.push(
      diag("pdf/ghost-text", `${hidden} characters drawn outside the visible part of their cells were ignored (pages ${hiddenPages.join(", ")})`, { file }),
    );
  diagnostics.push(...assembled.diagnostics);

  const first = pages.find((p) => p.kinds !== null);
  const last = pages[pages.length - 1];
  const linesOf = (which: typeof loose) => which.flatMap((l) => toLines(l.pieces));
  const before = loose.filter((l) => first && l.page < first.page);
  const after = loose.filter((l) => last && l.page > last.page);
  const title = first ? joinLines([...linesOf(before), ...toLines(first.above)], marked) : "";
  // the footnote is the first paragraph under the table; what follows it (a legend, say) is not
  const below = last ? toParagraphs([...last.below, ...after.flatMap((l) => l.pieces)]) : [];
  const footnote = joinLines(below[0] ?? [], marked);
  const rest = below.slice(1).map((p) => joinLines(p, marked)).filter((t) => t !== "");
  if (rest.length > 0 && last)
    diagnostics.push(diag("pdf/text-after-footnote", `text after the footnote was ignored: "${preview(rest.join(" "))}"`, { file, page: last.page }));
  for (const l of loose)
    if (first && last && l.page > first.page && l.page < last.page)
      diagnostics.push(diag("pdf/page-without-table", "the page has text but no ruled table; it was ignored", { file, page: l.page }));
  for (const p of pages) {
    const stray = [...p.beside, ...(p === first ? [] : p.above), ...(p === last ? [] : p.below)];
    const text = joinLines(toLines(stray));
    if (text !== "") diagnostics.push(diag("pdf/text-outside-table", `text outside the table was ignored: "${preview(text)}"`, { file, page: p.page }));
  }
  for (const label of first?.wideLabels ?? [])
    diagnostics.push(diag("pdf/wide-header", `the header "${label}" spans several columns; only the first is named after it`, { file, page: first?.page }));

  const table: RawTable = {
    file,
    format: "pdf",
    title: title === "" ? null : title,
    footnote: footnote === "" ? null : footnote,
    columns: assembled.columns,
    rows: assembled.rows,
  };
  return { table, diagnostics };
}
