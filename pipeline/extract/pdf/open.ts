// Opening a PDF with pdfjs, turning every way it can fail into one FatalError line that a
// person who does not program can act on. pdfjs itself is kept silent (verbosity 0). The platform
// makes pdf.js ready first (the web page runs it only when a PDF is opened).
import { AnnotationMode, getDocument, type PDFDocumentProxy, type PDFPageProxy } from "./pdfjs.ts";
import { FatalError } from "../../diagnostics/fatal.ts";
import type { Place } from "../../diagnostics/diagnostic.ts";
import { platform } from "../../lib/platform.ts";
import { DamagedContent } from "./operands.ts";
import { findDamagedStream } from "./streams.ts";
import { type Param, ph } from "../../messages/catalogue.ts";

/** pdfjs' "errors only" level: it reports errors by throwing, which we turn into FatalError. */
const SILENT = 0;

/** A PDF must start with this marker within its first kilobyte (the standard allows some junk before it). */
const HEADER = "%PDF-";
/** And end with this one; readers tolerate some trailing bytes, so look at the last few kilobytes. */
const TRAILER = "%%EOF";
const TRAILER_WINDOW = 4096;

function findAscii(data: Uint8Array, needle: string, from: number, to: number): boolean {
  const first = needle.charCodeAt(0);
  const end = Math.min(to, data.length) - needle.length;
  outer: for (let i = Math.max(0, from); i <= end; i++) {
    if (data[i] !== first) continue;
    for (let k = 1; k < needle.length; k++) if (data[i + k] !== needle.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

/** Checks that pdfjs would either miss or "repair" silently, losing pages without a word. */
function checkEnvelope(data: Uint8Array, file: string): void {
  if (data.length === 0) throw new FatalError("input/empty", "empty-pdf", {}, { file });
  if (!findAscii(data, HEADER, 0, 1024))
    throw new FatalError("input/not-pdf", "not-pdf", {}, { file });
  if (!findAscii(data, TRAILER, data.length - TRAILER_WINDOW, data.length))
    throw new FatalError(
      "pdf/incomplete",
      "incomplete",
      {},
      { file },
    );
}

/**
 * A failure to read the PDF (or one of its pages) as a fatal problem that says what a person can
 * do about it: "The PDF is damaged: <what>".
 */
export function unreadable(error: unknown, file: string, page?: number): FatalError {
  const place = page === undefined ? { file } : { file, page };
  if (error instanceof Error && error.name === "PasswordException")
    return new FatalError("pdf/password", "password", {}, place);
  const what =
    error instanceof DamagedContent
      ? error.message
      : error instanceof Error && (error.name === "InvalidPDFException" || error.name === "FormatError")
        ? ph("pdf.structure")
        : page === undefined
          ? ph("pdf.unreadable")
          : ph("pdf.page-unreadable");
  return damaged(what, place);
}

/** "The PDF is damaged: …", exit 2: the file cannot be trusted to give the annex as printed. */
export function damaged(what: Param, place: Place): FatalError {
  return new FatalError("pdf/damaged", "damaged", { what }, place);
}

export async function openPdf(data: Uint8Array, file: string): Promise<PDFDocumentProxy> {
  checkEnvelope(data, file);
  const stream = findDamagedStream(data);
  if (stream) throw damaged(stream.object === null ? stream.reason : ph("pdf.stream", { what: stream.reason, object: stream.object }), { file });
  await platform.prepare("pdf-reader");
  // pdfjs takes ownership of (and may detach) the buffer it is given: hand it a copy.
  const task = getDocument({
    data: data.slice(),
    verbosity: SILENT,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    // By default pdf.js reads past what it cannot parse (a font, a colour space, an XObject) and
    // draws without it: a page of a damaged file would lose text without a word.
    stopAtErrors: true,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw unreadable(error, file);
  }
}

/** Loads one page and its operator list; a failure here means a damaged page. */
export async function loadPage(
  doc: PDFDocumentProxy,
  pageNumber: number,
  file: string,
): Promise<{ page: PDFPageProxy; operators: { fnArray: number[]; argsArray: unknown[] } }> {
  try {
    const page = await doc.getPage(pageNumber);
    // Annotations (form fields, comments) are not part of the printed table.
    const operators = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
    return { page, operators };
  } catch (error) {
    throw unreadable(error, file, pageNumber);
  }
}
