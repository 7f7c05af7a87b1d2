// pdf.js ships no types for its worker module; the reader loads it only for its side effects
// (see extract/pdf/pdfjs.ts).
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: unknown;
}
