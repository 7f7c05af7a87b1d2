// The annex as a tagged PDF. Pagination is found by laying out: first the whole table flowing
// freely (pdfmake breaks it between rows), then again with the table cut into one table per page
// at those breaks, so that each merged cell cut by a break starts its page with its label marked
// as continued. A label printed again can make a page's first rows taller; when that pushes rows
// onto another page, the breaks are taken from the new layout and it is laid out once more.
import type { AnnexLayout } from "../layout.ts";
import { pdfDefinition, rowOfCodeKey } from "./definition.ts";
import { createDocument, layOut, type LaidOutPage, type PdfKitDocument } from "./engine.ts";
import { buildStructure } from "./structure.ts";
import { renderTagged } from "./tagged-renderer.ts";

const MAX_PASSES = 8;

/** Indexes of the rows that start a page (the first row excluded), from a layout. */
export function pageStarts(pages: readonly LaidOutPage[], rowCount: number): number[] {
  const pageOfRow = new Array<number | undefined>(rowCount);
  pages.forEach((page, p) => {
    for (const { type, item } of page.items) {
      if (type !== "line") continue;
      const tag = item.inlines[0]?._tag;
      const row = tag ? rowOfCodeKey(tag.key) : null;
      if (row !== null && pageOfRow[row] === undefined) pageOfRow[row] = p;
    }
  });
  const starts: number[] = [];
  for (let row = 1; row < rowCount; row++) if (pageOfRow[row] !== pageOfRow[row - 1]) starts.push(row);
  return starts;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * pdfkit copies the document properties into the XMP metadata without escaping them: a title
 * with "<" or "&" would make the XML invalid. Escaped copies go to the XMP only.
 */
function escapeXmpInfo(doc: PdfKitDocument): void {
  const addInfo = doc._addInfo.bind(doc);
  doc._addInfo = () => {
    const info = doc.info;
    doc.info = Object.fromEntries(Object.entries(info).map(([k, v]) => [k, typeof v === "string" ? escapeXml(v) : v]));
    try {
      addInfo();
    } finally {
      doc.info = info;
    }
  };
}

function collect(doc: PdfKitDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
}

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
  passes: number;
  /** rows that start a page */
  breaks: number[];
}

export async function renderPdfDetailed(layout: AnnexLayout): Promise<PdfResult> {
  const info = {
    Title: layout.title,
    Subject: layout.subject,
    ...(layout.author ? { Author: layout.author } : {}),
    Creator: "ptpct-annex",
    Producer: "pdfmake/pdfkit",
    CreationDate: layout.date,
  };
  let breaks: number[] = [];
  for (let pass = 1; ; pass++) {
    const definition = pdfDefinition(layout, breaks);
    const doc = createDocument(definition, { info, lang: layout.language });
    const pages = layOut(definition, doc);
    const starts = pageStarts(pages, layout.rows.length);
    const settled = starts.length === breaks.length && starts.every((row, i) => row === breaks[i]);
    if (settled || pass === MAX_PASSES) {
      escapeXmpInfo(doc);
      const bytes = collect(doc);
      renderTagged(doc, pages, buildStructure(doc, layout));
      doc.end();
      return { bytes: await bytes, pages: pages.length, passes: pass, breaks: starts };
    }
    breaks = starts;
  }
}

export async function renderPdf(layout: AnnexLayout): Promise<Uint8Array> {
  return (await renderPdfDetailed(layout)).bytes;
}
