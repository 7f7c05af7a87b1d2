// The parts of the page's code that it does not need to open: the application layer ("engine",
// engine.ts), needed once files are given; pdf.js to read a PDF ("pdf-reader"); pdfmake, pdfkit
// and the Roboto fonts to make one ("pdf-writer"). They are nearly all of the page's script;
// scripts/bundle-app.js builds each on its own and carries it inside the page compressed, as data
// (a <script> of an inert type, in base64), so that the browser neither parses nor compiles it as
// the page opens. The first work that needs a part inflates it and runs it, once; nothing is
// fetched. The PDF's worker (pdf-thread.ts) runs two of them, from a blob: URL made of their text. A part is a build of its own: what it shares with another (the message catalogue) is
// a copy of its own there, so the page hands no object of one part's classes to another's code.
import { inflateSync } from "fflate";
import type { PlatformPart } from "../lib/platform.ts";

/** The page's parts: the platform's, and the application layer itself (engine.ts). */
export type PagePart = PlatformPart | "engine";

const loaded = new Map<PagePart, unknown>();

/** The browser's own base64 decoder where it has one (Chromium 140, Firefox 133), else atob. */
const fromBase64 = (Uint8Array as { fromBase64?: (base64: string) => Uint8Array }).fromBase64;

function bytesOf(base64: string): Uint8Array {
  if (fromBase64) return fromBase64(base64);
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Deflated bytes inflated by the browser's own decompressor where it has one (Chromium 113, Firefox 113), else by fflate. */
async function inflated(bytes: Uint8Array): Promise<Uint8Array> {
  if (typeof DecompressionStream !== "function") return inflateSync(bytes);
  const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const scripts = new Map<PagePart, Promise<string>>();

/** A part's script, inflated from what the page carries (once: its text is then no longer kept in the page). */
function scriptOf(part: PagePart): Promise<string> {
  let script = scripts.get(part);
  if (!script) {
    script = (async () => {
      const carried = document.getElementById(`part-${part}`);
      if (!carried?.textContent) throw new Error(`the page does not carry its part ${part}`);
      performance.mark(`annex-part-${part}`);
      const text = new TextDecoder().decode(await inflated(bytesOf(carried.textContent.trim())));
      carried.textContent = "";
      performance.mark(`annex-part-${part}-inflated`);
      return text;
    })();
    scripts.set(part, script);
  }
  return script;
}

/**
 * Parts already run where this code runs, by name: in the page's PDF worker (pdf-thread.ts), the
 * worker's script runs the part "pdf-writer" before the application layer and names it here.
 */
const CARRIED = "__annexCarried";

const loading = new Map<PagePart, Promise<void>>();

/** Runs a part's script (its build assigns its exports to `__annexPart`), unless it has run already. */
export function loadPart(part: PagePart): Promise<void> {
  let load = loading.get(part);
  if (!load) {
    const ran = (globalThis as { [CARRIED]?: Partial<Record<PagePart, unknown>> })[CARRIED]?.[part];
    load = (async () => {
      if (ran !== undefined) {
        loaded.set(part, ran);
        return;
      }
      const script = await scriptOf(part);
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the page's own code, carried compressed inside it (the page's policy allows it)
      const run = new Function(`${script}\nreturn __annexPart;`) as () => unknown;
      loaded.set(part, run());
      // run: its text is no longer needed, unless the PDF worker's script is still to be made of it
      if (part !== "engine" || workerScript !== undefined) scripts.delete(part);
      performance.mark(`annex-part-${part}-run`);
    })();
    loading.set(part, load);
  }
  return load;
}

let workerScript: Promise<string> | undefined;

/**
 * The script of the page's PDF worker (pdf-thread.ts), as a blob: URL made once: the part
 * "pdf-writer", then the application layer ("engine"), then a call of the layer's export `entry`,
 * given the worker's scope: the same code as the page's, in the worker's own thread. Nothing is
 * fetched.
 */
export function workerUrl(entry: string): Promise<string> {
  workerScript ??= (async () => {
    const [writer, engine] = await Promise.all([scriptOf("pdf-writer"), scriptOf("engine")]);
    const script = [writer, `var ${CARRIED} = { "pdf-writer": __annexPart };`, engine, `__annexPart[${JSON.stringify(entry)}](self);`].join("\n");
    // the worker's script holds the texts from now on: the page keeps only the engine's, until it has run it
    scripts.delete("pdf-writer");
    if (loading.has("engine")) scripts.delete("engine");
    return URL.createObjectURL(new Blob([script], { type: "text/javascript" }));
  })();
  return workerScript;
}

/** A part's exports, once loadPart has run it. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the type of the part it asks for
export function partOf<T>(part: PagePart): T {
  if (!loaded.has(part)) throw new Error(`the page's part ${part} is used before it is loaded`);
  return loaded.get(part) as T;
}
