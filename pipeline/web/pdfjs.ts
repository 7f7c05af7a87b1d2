// pdf.js in the web page (extract/pdf/pdfjs.ts's place in the page's build): the page's part
// "pdf-reader" (see parts.ts), run when the first PDF is opened (extract/pdf/open.ts asks the
// platform for it first). Its constants, which the reader's modules use as they load, are pdf.js's
// own, copied into the page by its build (scripts/bundle-app.js) from the same package.
import type * as Pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import { partOf } from "./parts.ts";

declare const __ANNEX_PDFJS_CONSTANTS__: { OPS: typeof Pdfjs.OPS; AnnotationMode: typeof Pdfjs.AnnotationMode };

export const { OPS, AnnotationMode } = __ANNEX_PDFJS_CONSTANTS__;

export const getDocument: typeof Pdfjs.getDocument = (source) => partOf<typeof Pdfjs>("pdf-reader").getDocument(source);

export type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
