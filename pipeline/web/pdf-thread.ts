// The page's PDF worker, the page's side: the PDF's layout (pdfmake, pdfkit, fontkit) is most of
// the time an edition takes to publish, so the page makes it in a Web Worker, started as soon as
// the annex is validated, while its own thread makes the other formats. The worker's script is
// the page's own code (the parts "pdf-writer" and "engine", parts.ts), given to it as a blob: URL:
// nothing is fetched. What fails there (a render failure, or the worker itself) rejects the
// request with a PdfFailure, which the page shows as a message; a worker that failed is replaced
// by a new one at the next request.
import type { Publishable, RenderedFile } from "../app/given.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { PdfReply, PdfRequest } from "./pdf-worker.ts";
import { workerUrl } from "./parts.ts";

/** Why the worker gave no PDF: a fatal problem's diagnostic, or the error's text. */
export class PdfFailure extends Error {
  readonly diagnostic: Diagnostic | undefined;

  constructor(why: string, diagnostic?: Diagnostic) {
    super(why);
    this.name = "PdfFailure";
    this.diagnostic = diagnostic;
  }
}

interface Running {
  worker: Worker;
  /** settled once the worker's code has run (it says it is ready) */
  ready: Promise<void>;
}

let running: Promise<Running> | undefined;
let next = 0;
const waiting = new Map<number, { resolve: (files: RenderedFile[]) => void; reject: (failure: PdfFailure) => void }>();
/** who waits for the end of a warm-up (settled too when the worker fails: there is nothing more to wait for) */
const warming: ((made: number) => void)[] = [];

function start(): Promise<Running> {
  running ??= (async () => {
    const worker = new Worker(await workerUrl("servePdf"), { name: "annex-pdf" });
    let readied: () => void = () => undefined;
    let failed: (failure: PdfFailure) => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => {
      readied = resolve;
      failed = reject;
    });
    // a failure before any request is said when a request needs the worker
    ready.catch(() => undefined);
    const broken = (why: string): void => {
      const failure = new PdfFailure(why);
      worker.terminate();
      running = undefined;
      failed(failure);
      for (const warmed of warming.splice(0)) warmed(0);
      for (const [id, request] of waiting) {
        waiting.delete(id);
        request.reject(failure);
      }
    };
    worker.addEventListener("message", ({ data }: MessageEvent<PdfReply>) => {
      if ("ready" in data) {
        readied();
        return;
      }
      if ("warmed" in data) {
        for (const warmed of warming.splice(0)) warmed(data.warmed);
        return;
      }
      const request = waiting.get(data.id);
      waiting.delete(data.id);
      if ("files" in data) request?.resolve(data.files);
      else if ("diagnostic" in data) request?.reject(new PdfFailure(data.diagnostic.reason, data.diagnostic));
      else request?.reject(new PdfFailure(data.error));
    });
    worker.addEventListener("error", (event) => {
      // said on the page by whoever asked for the PDF, not left in the console alone
      event.preventDefault();
      broken(event.message || "the PDF worker stopped");
    });
    worker.addEventListener("messageerror", () => {
      broken("the PDF worker's answer could not be read");
    });
    return { worker, ready };
  })();
  const started = running;
  started.catch(() => {
    if (running === started) running = undefined;
  });
  return started;
}

/**
 * The office has chosen its files: the worker is started if it is not yet (it gets ready while
 * they are read), and makes no more warm-up PDFs (it leaves the processor to their reading).
 */
export function pdfForChoice(): void {
  start().then(
    ({ worker }) => {
      const request: PdfRequest = { chosen: true };
      worker.postMessage(request);
    },
    // a worker that cannot start is said by the PDF's request
    () => undefined,
  );
}

/** Starts the worker and waits until its code has run (the page does it while idle, before the office's choice). */
export async function preparePdf(): Promise<void> {
  await (await start()).ready;
}

/**
 * The small PDFs the worker makes to warm up (warm-up.ts), in rows: more made the next edition's
 * PDF no faster (BENCHMARKS.md). The first ones are the smallest: they are the slowest to make,
 * and an edition given meanwhile waits for the one being made.
 */
const WARM_UP_ROWS = [6, 12, 24, 24];

/**
 * Has the worker make a few throwaway PDFs while the page waits for the office's files, so that
 * the office's PDF runs on warm code; it ends early when an edition is sent. How many it made.
 */
export async function warmUpPdf(): Promise<number> {
  const { worker, ready } = await start();
  await ready;
  return new Promise<number>((warmed) => {
    warming.push(warmed);
    const request: PdfRequest = { warmUp: WARM_UP_ROWS };
    worker.postMessage(request);
  });
}

/** The PDF's files of a validated edition, made in the worker (started now if it is not yet). */
export async function renderPdf(edition: Publishable): Promise<RenderedFile[]> {
  const { worker } = await start();
  const id = next++;
  return new Promise<RenderedFile[]>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    const request: PdfRequest = { id, edition: { annex: edition.annex, plan: edition.plan, example: edition.example } };
    try {
      worker.postMessage(request);
    } catch (error) {
      waiting.delete(id);
      reject(new PdfFailure(error instanceof Error ? error.message : String(error)));
    }
  });
}
