// pdf.js in the web page (extract/pdf/pdfjs.ts's place in the page's build): the same legacy
// build as the command line, so that both read a PDF alike, with its worker run in the page's
// own thread as the command line runs it (a worker file would be a request the page cannot make
// from the disk).
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import * as worker from "pdfjs-dist/legacy/build/pdf.worker.mjs";

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;

export const { AnnotationMode, getDocument, OPS } = pdfjs;
export type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
