// The page's part "pdf-reader" (see parts.ts): pdf.js, the same legacy build as the command line's,
// so that both read a PDF alike, with its worker run in the page's own thread as the command line
// runs it (a worker file would be a request the page cannot make from the disk).
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import * as worker from "pdfjs-dist/legacy/build/pdf.worker.mjs";

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;

export { getDocument };
