// pdf.js, as the reader uses it. Its build for Node 20 (the "legacy" build) carries core-js
// polyfills, and one of them replaces Array.prototype.push, for the whole process, with a
// function written in JavaScript (V8 in Node 20 does not throw when an array whose length is
// read-only is pushed onto, an edge case nothing here meets): every push that follows, in pdf.js
// and in the rest of the pipeline, costs several times more. The engine's own push is put back
// once pdf.js is loaded, with the module that pdf.js runs as its worker in this thread (its
// polyfills are installed as it loads, so it is loaded here, before push is put back).
const push = Array.prototype.push;
const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
Array.prototype.push = push;

export const { AnnotationMode, getDocument, OPS } = pdfjs;
export type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
