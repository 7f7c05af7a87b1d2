// The page's PDF worker, its side: the application layer, run in a Web Worker of its own
// (pdf-thread.ts starts it), makes the PDF of the editions it is given with the same renderer as
// the page and the command line (renderGiven, pipeline/render), while the page's thread makes the
// other formats. It answers each request with the PDF's files, or with what stopped it: a fatal
// problem's diagnostic (the page words it from the catalogue), else the error's text.
import { renderGiven, type Publishable, type RenderedFile } from "../app/given.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { FatalError } from "../diagnostics/fatal.ts";
import { loadLabels } from "../app/templates.ts";
import { loadPdfRenderer } from "../render/index.ts";
import { warmUpEdition } from "./warm-up.ts";

/**
 * What the page asks: the PDF of one edition; or, while it waits for the office's files, a
 * warm-up (small PDFs of so many rows each); or, once the office has chosen, that the warm-up end.
 */
export type PdfRequest = { id: number; edition: Publishable } | { warmUp: number[] } | { chosen: true };

/**
 * What the worker answers: that it is ready (once, when its code has run), that a warm-up is over
 * (with how many PDFs it made), then each request's PDF, or its failure.
 */
export type PdfReply = { ready: true } | { warmed: number } | { id: number; files: RenderedFile[] } | { id: number; diagnostic: Diagnostic } | { id: number; error: string };

/** The little of a worker's global scope used here. */
interface WorkerScope {
  addEventListener(type: "message", listener: (event: MessageEvent<PdfRequest>) => void): void;
  postMessage(message: PdfReply, transfer?: Transferable[]): void;
}

/** Makes throwaway PDFs of so many rows each (warm-up.ts), one task each, until `stop` says an edition came; how many it made. */
async function warmUp(rows: readonly number[], stop: () => boolean): Promise<number> {
  let made = 0;
  while (made < rows.length && !stop()) {
    try {
      await renderGiven(warmUpEdition(loadLabels(), rows[made]), ["pdf"]);
    } catch {
      // a renderer that fails fails again for the edition, which says so
      break;
    }
    made++;
    // the event loop's turn: an edition sent meanwhile is seen before the next one is started
    await new Promise((next) => setTimeout(next, 0));
  }
  return made;
}

/**
 * Makes the PDF of each edition the page sends, one after another, as they come. It says it is
 * ready once the renderer's code is loaded; an edition sent before waits for that, as it would.
 * A warm-up asked for stops at the office's choice (the page reads the files meanwhile, and the
 * warm-up would take the processor from it) or at the first edition, which waits at most for one
 * small PDF.
 */
export function servePdf(scope: WorkerScope): void {
  // a failure to load is the first request's to say (the page words it), not an unhandled rejection
  const loaded = loadPdfRenderer().then(
    () => undefined,
    () => undefined,
  );
  let queue: Promise<void> = loaded;
  let chosen = false;
  scope.addEventListener("message", ({ data }) => {
    if ("warmUp" in data) {
      queue = queue
        .then(() => warmUp(data.warmUp, () => chosen))
        .then((made) => {
          scope.postMessage({ warmed: made });
        });
      return;
    }
    chosen = true;
    if ("chosen" in data) return;
    const { id, edition } = data;
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
