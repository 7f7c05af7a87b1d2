// pdf.js, as the reader uses it. Its build for Node 20 (the "legacy" build) carries core-js
// polyfills, and one of them replaces Array.prototype.push, for the whole process, with a
// function written in JavaScript (V8 in Node 20 does not throw when an array whose length is
// read-only is pushed onto, an edge case nothing here meets): every push that follows, in pdf.js
// and in the rest of the pipeline, costs several times more. The engine's own push is put back
// once pdf.js is loaded, with the module that pdf.js runs as its worker in this thread (its
// polyfills are installed as it loads, so it is loaded here, before push is put back).
//
// An install without pdf.js's optional canvas package (`npm install --omit=optional`) cannot load
// it in Node: pdf.js warns on the console while it loads, before any verbosity can be set, then
// fails. Its warnings are dropped and one line says what to do.
//
// Run from the bundle, pdf.js is the bundler's CommonJS copy of the same two modules, with V8's
// code cache (lib/compiled-module.ts): it is not compiled again at every start.
import { fileURLToPath } from "node:url";
import { FatalError } from "../../diagnostics/fatal.ts";
import { runCompiled } from "../../lib/compiled-module.ts";

type Pdfjs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

/** Set by the bundler: its copies of pdf.js (relative to this file) and the modules they copy. */
declare const __ANNEX_PDFJS__: { main: string; mainModule: string; worker: string; workerModule: string } | undefined;

async function load(): Promise<Pdfjs> {
  if (typeof __ANNEX_PDFJS__ === "undefined") {
    const main = await import("pdfjs-dist/legacy/build/pdf.mjs");
    await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    return main;
  }
  const compiled = __ANNEX_PDFJS__;
  const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  // resolved from the bundle's own place, where Node finds pdfjs-dist for the bundle's imports
  const main = runCompiled(at(compiled.main), import.meta.resolve(compiled.mainModule)) as Pdfjs;
  runCompiled(at(compiled.worker), import.meta.resolve(compiled.workerModule));
  return main;
}

const push = Array.prototype.push;
const warn = console.warn;
console.warn = () => undefined;
let pdfjs: Pdfjs;
try {
  pdfjs = await load();
} catch (error) {
  const why = error instanceof Error ? error.message : String(error);
  throw new FatalError("pdf/engine", "engine", { why });
} finally {
  console.warn = warn;
  Array.prototype.push = push;
}

export const { AnnotationMode, getDocument, OPS } = pdfjs;
export type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
