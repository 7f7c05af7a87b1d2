// The annex as a tagged PDF.
//
// Pagination. pdfmake breaks a table between rows where they no longer fit, but it cannot print
// a merged cell's label again, marked as continued, at the top of the page where the cell goes
// on. So the table is laid out once as a whole, to learn where pages would break; then each page
// is laid out on its own as a table holding just its rows, its merged cells cut at its first and
// last row (a cut label followed by the continued word). A label printed again can make the
// page's first rows taller; if the page then no longer holds its rows, the rows that do not fit
// move to the next page, and that page is laid out with them. The pages so laid out are the
// document: nothing is laid out twice more than needed, and no page is left nearly empty.
import { at } from "../../lib/at.ts";
import { platform } from "../../lib/platform.ts";
import { escapeXml } from "../../lib/xml.ts";
import { fill } from "../labels.ts";
import type { AnnexLayout } from "../layout.ts";
import { pdfDefinition, rowOfCodeKey, type Slice } from "./definition.ts";
import { createDocument, layOut, type LaidOutPage, type PdfKitDocument } from "./engine.ts";
import { fitting, type Fitting } from "./fitting.ts";
import { addOutline } from "./outline.ts";
import { buildStructure } from "./structure.ts";
import { renderTagged } from "./tagged-renderer.ts";

/** For each row, the index of the page its activity code is drawn on (undefined: not drawn). */
function pageOfRows(pages: readonly LaidOutPage[], rowCount: number): (number | undefined)[] {
  const pageOf = new Array<number | undefined>(rowCount);
  pages.forEach((page, p) => {
    for (const { type, item } of page.items) {
      if (type !== "line") continue;
      const tag = item.inlines[0]?._tag;
      const row = tag ? rowOfCodeKey(tag.key) : null;
      if (row !== null && pageOf[row] === undefined) pageOf[row] = p;
    }
  });
  return pageOf;
}

/** Indexes of the rows that start a page (the first row excluded). */
export function pageStarts(pages: readonly LaidOutPage[], rowCount: number): number[] {
  const pageOf = pageOfRows(pages, rowCount);
  const starts: number[] = [];
  for (let row = 1; row < rowCount; row++) if (pageOf[row] !== pageOf[row - 1]) starts.push(row);
  return starts;
}

export interface Pagination {
  pages: LaidOutPage[];
  /** rows that start a page */
  breaks: number[];
  /** how many times pdfmake laid out (a whole table or one page) */
  layouts: number;
}

export function paginate(layout: AnnexLayout, fit: Fitting, doc: PdfKitDocument): Pagination {
  const n = layout.rows.length;
  const slice = (from: number, to: number): Slice => ({ from, to, title: from === 0, closing: to === n });
  let layouts = 0;
  const layOutSlice = (s: Slice): LaidOutPage[] => {
    layouts++;
    return layOut(pdfDefinition(layout, fit, s), doc);
  };
  const whole = layOutSlice(slice(0, n));
  const natural = pageStarts(whole, n);
  // a table without a page break: the whole layout is the document
  if (natural.length === 0 && whole.length === 1) return { pages: whole, breaks: [], layouts };

  const pages: LaidOutPage[] = [];
  const breaks: number[] = [];
  // page p ends where the whole layout ended it; rows that did not fit move to page p + 1,
  // which still ends where it did (so no page is left with only the rows that moved)
  const ends = [...natural, n];
  let from = 0;
  for (let p = 0; from < n; p++) {
    let to = ends[p] ?? n;
    for (;;) {
      const laidOut = layOutSlice(slice(from, to));
      const pageOf = pageOfRows(laidOut, n);
      let fits = from;
      while (fits < to && pageOf[fits] === 0) fits++;
      if (fits === to) {
        if (to === n && laidOut.length > 1) {
          // the footnote and the legend do not fit under the last rows: rather than a page of their
          // own, they take the last rows with them to the next page
          const closing = closingPage(from, n);
          if (closing !== null) {
            pages.push(closing.before, ...closing.last);
            if (closing.start > from) breaks.push(closing.start);
            from = n;
            break;
          }
        }
        pages.push(...(to === n ? laidOut : laidOut.slice(0, 1)));
        break;
      }
      if (fits === from) {
        // not even the first row fits on a page: try it alone, and if it is taller than a page
        // let it continue on the next pages (it is never dropped)
        if (to !== from + 1) {
          to = from + 1;
          continue;
        }
        pages.push(...layOutSlice({ ...slice(from, to), breakRows: true }));
        break;
      }
      to = fits;
    }
    if (to < n && from < n) breaks.push(to);
    from = Math.max(from, to);
  }
  return { pages, breaks, layouts };

  /** The last page made of the fewest last rows that fit on one page with the footnote and legend, and the page before it. */
  function closingPage(from: number, end: number): { before: LaidOutPage; last: LaidOutPage[]; start: number } | null {
    for (let start = end - 1; start > from; start--) {
      const last = layOutSlice(slice(start, end));
      if (last.length !== 1) continue;
      const before = layOutSlice(slice(from, start));
      if (before.length !== 1) return null;
      return { before: at(before, 0, "page"), last, start };
    }
    return null;
  }
}

/**
 * pdfkit copies the document properties into the XMP metadata without escaping them: a title
 * with "<" or "&" would make the XML invalid. Escaped copies go to the XMP only.
 */
function escapeXmpInfo(doc: PdfKitDocument): void {
  const addInfo = doc._addInfo.bind(doc);
  const appendXML = doc.appendXML.bind(doc);
  doc._addInfo = () => {
    const info = doc.info;
    const dated = info.CreationDate !== undefined;
    doc.info = Object.fromEntries(Object.entries(info).map(([k, v]) => [k, typeof v === "string" ? escapeXml(v) : v]));
    // pdfkit writes an xmp:CreateDate whatever the properties say: a document without a date gets none
    if (!dated) {
      doc.info.CreationDate = new Date(0);
      doc.appendXML = (xml: string, newline?: boolean) => {
        appendXML(xml.replace(/\s*<xmp:CreateDate>[^<]*<\/xmp:CreateDate>/, ""), newline);
      };
    }
    try {
      addInfo();
    } finally {
      doc.info = info;
      doc.appendXML = appendXML;
    }
  };
}

/**
 * A document without a date: pdfkit stamps the clock into the properties and the file
 * identifier; both are taken back, the identifier derived from the properties alone.
 */
function undated(doc: PdfKitDocument): void {
  delete doc.info.CreationDate;
  const properties = Object.entries(doc.info).map(([k, v]) => `${k}: ${String(v)}\n`).join("");
  // in the document's own Buffer class (in the page, the one pdfkit carries inside): pdfkit writes
  // the identifier as bytes only when its Buffer recognises them
  const OwnBuffer = doc._id.constructor as typeof Buffer;
  doc._id = OwnBuffer.from(platform.md5(properties));
}

function collect(doc: PdfKitDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on("data", (chunk: Uint8Array) => {
      chunks.push(chunk);
    });
    doc.on("end", () => {
      const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
      let at = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, at);
        at += chunk.length;
      }
      resolve(bytes);
    });
    doc.on("error", reject);
  });
}

/** The PDF/A part and conformance level the PDF declares. */
export const PDF_A = "PDF/A-2a";
/** The PDF/UA part it declares too (ISO 14289-1): test/render-pdf-ua.test.ts checks what a machine can check of it. */
export const PDF_UA_PART = 1;

/** Adds the PDF/UA identification to the XMP metadata, beside PDF/A's (pdfkit writes one or the other). */
function declarePdfUa(doc: PdfKitDocument): void {
  const endSubset = doc.endSubset.bind(doc);
  doc.endSubset = () => {
    endSubset();
    doc.appendXML(`
        <rdf:Description xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" rdf:about="">
            <pdfuaid:part>${PDF_UA_PART}</pdfuaid:part>
        </rdf:Description>
        `);
  };
}

export interface PdfResult extends Omit<Pagination, "pages"> {
  bytes: Uint8Array;
  pages: number;
}

export async function renderPdfDetailed(layout: AnnexLayout): Promise<PdfResult> {
  const info = {
    Title: layout.metadataTitle,
    Subject: layout.subject,
    ...(layout.author ? { Author: layout.author } : {}),
    Creator: "ptpct-annex",
    Producer: "pdfmake/pdfkit",
    ...(layout.date !== null ? { CreationDate: layout.date } : {}),
  };
  // One pdfkit document measures every layout and then receives the pages. PDF/A-2a: pdfkit
  // adds the identification, the sRGB output intent and the XMP metadata; level "a" asks for
  // what this renderer gives — every content marked, a structure tree, Unicode text, a language.
  const doc = createDocument({ info, lang: layout.language, subset: PDF_A });
  if (layout.date === null) undated(doc);
  declarePdfUa(doc);
  const { pages, breaks, layouts } = paginate(layout, fitting(layout, doc), doc);
  escapeXmpInfo(doc);
  const bytes = collect(doc);
  renderTagged(doc, pages, buildStructure(doc, layout), {
    footer: (page, count) => fill(layout.labels.page, { page, pages: count }),
    mark: layout.exampleMark,
  });
  addOutline(doc, layout, pages);
  doc.end();
  return { bytes: await bytes, pages: pages.length, breaks, layouts };
}

export async function renderPdf(layout: AnnexLayout): Promise<Uint8Array> {
  return (await renderPdfDetailed(layout)).bytes;
}
