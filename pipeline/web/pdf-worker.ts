// The page's PDF worker, its side: the application layer, run in a Web Worker of its own
// (pdf-thread.ts starts it), makes the PDF of the editions it is given with the same renderer as
// the page and the command line (renderGiven, pipeline/render), while the page's thread makes the
// other formats. It answers each request with the PDF's files, or with what stopped it: a fatal
// problem's diagnostic (the page words it from the catalogue), else the error's text.
import { renderGiven, type Publishable, type RenderedFile } from "../app/given.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { FatalError } from "../diagnostics/fatal.ts";
import { loadPdfRenderer } from "../render/index.ts";

/** What the page asks: the PDF of one edition. */
export interface PdfRequest {
  id: number;
  edition: Publishable;
}

/** What the worker answers: that it is ready (once, when its code has run), then each request's PDF, or its failure. */
export type PdfReply = { ready: true } | { id: number; files: RenderedFile[] } | { id: number; diagnostic: Diagnostic } | { id: number; error: string };

/** The little of a worker's global scope used here. */
interface WorkerScope {
  addEventListener(type: "message", listener: (event: MessageEvent<PdfRequest>) => void): void;
  postMessage(message: PdfReply, transfer?: Transferable[]): void;
}

/**
 * Makes the PDF of each edition the page sends, one after another, as they come. It says it is
 * ready once the renderer's code is loaded; an edition sent before waits for that, as it would.
 */
export function servePdf(scope: WorkerScope): void {
  // a failure to load is the first request's to say (the page words it), not an unhandled rejection
  const loaded = loadPdfRenderer().then(
    () => undefined,
    () => undefined,
  );
  let queue: Promise<void> = loaded;
  scope.addEventListener("message", ({ data: { id, edition } }) => {
    queue = queue.then(async () => {
      try {
        const files = await renderGiven(edition, ["pdf"]);
        // the PDF's bytes are handed over, not copied
        scope.postMessage({ id, files }, [...new Set(files.flatMap((file) => (typeof file.data === "string" ? [] : [file.data.buffer as ArrayBuffer])))]);
      } catch (error) {
        scope.postMessage(error instanceof FatalError ? { id, diagnostic: error.diagnostic } : { id, error: error instanceof Error ? error.message : String(error) });
      }
    });
  });
  void loaded.then(() => {
    scope.postMessage({ ready: true });
  });
}
