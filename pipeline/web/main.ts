// The web page: a shell over the application layer, as cli/ is, for an office that cannot
// install anything. The office gives a plan year's files (and, if it wants the change report,
// the previous edition's); the page loads them with the same readers, repair, validation and
// renderers as `annex build` and `annex diff`, shows what they say, and offers the files to
// download. Everything runs in the page: no file leaves the computer.
import { zipSync } from "fflate";
import type { GivenFile, RenderedFile } from "../app/given.ts";
import type { Loaded } from "../app/load.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { setLang, t, type Lang } from "../messages/catalogue.ts";
import { ANNEX_FILE, CORRECTIONS_FILE, FORMATS, PLAN_FILE } from "../model/files.ts";
import type * as Engine from "./engine.ts";
import { loadPart, partOf } from "./parts.ts";
import { PdfFailure, pdfForChoice, preparePdf, renderPdf, warmUpPdf } from "./pdf-thread.ts";

/** The page speaks Italian: its diagnostics are the command line's (`annex --lang it`) words. */
const LANG: Lang = "it";
setLang(LANG);

/** The application layer (engine.ts), run at the first choice of files: the page opens without it. */
let engine: typeof Engine | undefined;

async function started(): Promise<typeof Engine> {
  if (!engine) {
    await loadPart("engine");
    engine = partOf<typeof Engine>("engine");
    engine.setLang(LANG);
  }
  return engine;
}

/** The application layer, once started (every job starts it first). */
function appLayer(): typeof Engine {
  if (!engine) throw new Error("the page's engine is used before it is started");
  return engine;
}

function isFatal(error: unknown): error is InstanceType<typeof Engine.FatalError> {
  return engine !== undefined && error instanceof engine.FatalError;
}

const MIME: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/html;charset=utf-8",
  csv: "text/csv;charset=utf-8",
  json: "application/json",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  zip: "application/zip",
};
/** The date the zip gives its entries: fixed, so that the same edition gives the same zip. */
const ZIP_DATE = new Date(Date.UTC(1980, 0, 1, 12));

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found;
}

function make<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

const status = element("stato-testo");
const bar = element("avanzamento") as HTMLProgressElement;
const failure = element("errore");
const editionInput = element("edizione") as HTMLInputElement;
const editionFolder = element("edizione-cartella") as HTMLInputElement;
const previousInput = element("precedente") as HTMLInputElement;
const previousFolder = element("precedente-cartella") as HTMLInputElement;

/** Blob URLs of the files offered now, released when new ones replace them. */
let offered: string[] = [];
let edition: GivenFile[] = [];
let previous: GivenFile[] = [];
let current: Loaded | undefined;
let busy = Promise.resolve();

/** Lets the browser paint the progress before the next long step. */
function paint(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A step of the work, and how far it has gone when that is known (the bar moves, else it only says the page is at work). */
async function say(line: string, fraction?: number): Promise<void> {
  status.textContent = line;
  bar.hidden = false;
  if (fraction === undefined) bar.removeAttribute("value");
  else bar.setAttribute("value", String(fraction));
  await paint();
}

function done(line: string): void {
  status.textContent = line;
  bar.hidden = true;
}

/** A problem in the command line's one line: where, then what (the PDF worker's, said of the PDF). */
function problemLine(error: unknown): string {
  const diagnostic = isFatal(error) || error instanceof PdfFailure ? error.diagnostic : undefined;
  const where = diagnostic ? (engine?.formatPlace(diagnostic.place, LANG) ?? "") : "";
  const line = diagnostic ? `${where ? `${where}: ` : ""}${engine?.messageText(diagnostic, LANG) ?? ""}` : t("web.unexpected", { why: error instanceof Error ? error.message : String(error) });
  return error instanceof PdfFailure ? t("web.pdf-failed", { file: `${ANNEX_FILE}.pdf`, why: line }) : line;
}

/** A problem shown on the page as the command line says it, in one line; the page stays usable. */
function showError(error: unknown, what: string): void {
  failure.replaceChildren();
  failure.append(make("p", t("web.cannot-go-on", { what })));
  failure.append(make("p", problemLine(error), { class: "diagnostic" }));
  done(t("web.failed"));
  // the details for whoever looks into it (the message above is what the office reads)
  if (!isFatal(error)) console.error(error);
}

function offer(name: string, data: Uint8Array | string, label: string): HTMLLIElement {
  const type = MIME[name.slice(name.lastIndexOf(".") + 1)] ?? "application/octet-stream";
  const blob = new Blob([typeof data === "string" ? data : new Uint8Array(data)], { type });
  const url = URL.createObjectURL(blob);
  offered.push(url);
  const item = make("li");
  item.append(make("a", label, { href: url, download: name }));
  return item;
}

function kib(bytes: number): string {
  return bytes < 1024 * 1024 ? `${String(Math.max(1, Math.round(bytes / 1024)))} kB` : `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
}

function sizeOf(data: Uint8Array | string): number {
  return typeof data === "string" ? new TextEncoder().encode(data).length : data.length;
}

function diagnosticsList(diagnostics: readonly Diagnostic[]): HTMLElement {
  const list = make("ul", undefined, { class: "diagnostics" });
  for (const d of appLayer().errorsFirst(diagnostics)) list.append(make("li", appLayer().formatDiagnosticIn(d, LANG), { class: d.severity }));
  return list;
}

function preview(html: string, title: string): HTMLIFrameElement {
  // the page as published, its own script (the search) included: our renderer's output, its texts escaped
  return make("iframe", undefined, { title, srcdoc: html });
}

/** Formats whose files are compressed already (PDF streams, zip packages): stored in the zip as they are, not deflated again for nothing. */
const COMPRESSED = new Set(["pdf", "docx", "xlsx", "ods"]);

function zip(files: readonly RenderedFile[]): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date; level: 0 | 6 }]> = {};
  for (const file of files) {
    const data = typeof file.data === "string" ? new TextEncoder().encode(file.data) : file.data;
    entries[file.name] = [data, { mtime: ZIP_DATE, level: COMPRESSED.has(file.name.slice(file.name.lastIndexOf(".") + 1)) ? 0 : 6 }];
  }
  return zipSync(entries);
}

/** What the page showed and offered for the edition before: gone from the moment new files are chosen, whatever becomes of them. */
function clearEdition(): void {
  current = undefined;
  element("risultato").hidden = true;
  element("confronto").hidden = true;
  for (const id of ["segnalazioni", "pubblicazioni", "anteprima", "confronto-contenuto"]) element(id).replaceChildren();
  for (const url of offered) URL.revokeObjectURL(url);
  offered = [];
}

async function publishEdition(): Promise<void> {
  const out = element("risultato");
  const findings = element("segnalazioni");
  const downloads = element("pubblicazioni");
  const view = element("anteprima");
  const loaded = await appLayer().loadGiven(edition, (step, fraction) => say(t("web.step", { step }), fraction));
  // timings for the benchmark (bench/app.ts), from the choice: read and checked, then every publication made
  performance.mark("annex-loaded");
  current = loaded;
  const counts = appLayer().countBySeverity(loaded.diagnostics);
  findings.replaceChildren(
    make("h3", t("web.findings")),
    make("p", t("web.read-summary", { count: loaded.annex.activities.length, file: loaded.file, errors: counts.error, warnings: counts.warning, infos: counts.info, repairs: loaded.repairs.length })),
    ...(loaded.diagnostics.length > 0 ? [diagnosticsList(loaded.diagnostics)] : []),
  );
  downloads.replaceChildren();
  view.replaceChildren();
  if (appLayer().hasErrors(loaded.diagnostics)) {
    downloads.append(make("p", t("web.not-published")));
    out.hidden = false;
    done(t("web.errors-done", { planYears: loaded.annex.planYears, errors: counts.error }));
    return;
  }
  // the PDF in its worker, started now; meanwhile the other formats here
  const pdf = renderPdf(loaded);
  // (a failure here is said once, by whichever of the two is awaited first)
  pdf.catch(() => undefined);
  const pdfName = `${ANNEX_FILE}.pdf`;
  const others = await appLayer().renderGiven(
    loaded,
    FORMATS.filter((format) => format !== "pdf"),
    (format) => void say(t("web.preparing-beside", { file: `${ANNEX_FILE}.${format}`, pdf: pdfName })),
  );
  await say(t("web.preparing", { file: pdfName }));
  const files = [...(await pdf), ...others];
  const list = make("ul", undefined, { class: "downloads" });
  const all = zip(files);
  const allItem = offer(`${ANNEX_FILE}.zip`, all, t("web.all-files", { file: `${ANNEX_FILE}.zip`, size: kib(all.length) }));
  allItem.className = "all";
  list.append(allItem);
  for (const file of files) list.append(offer(file.name, file.data, t("web.file", { file: file.name, size: kib(sizeOf(file.data)) })));
  downloads.append(make("h3", t("web.publications")), list);
  const html = files.find((f) => f.format === "html" && f.name.endsWith(".html"));
  if (html) view.append(make("h3", t("web.preview-heading")), preview(String(html.data), t("web.preview-title", { planYears: loaded.annex.planYears })));
  out.hidden = false;
  performance.mark("annex-published");
  done(t("web.ready", { planYears: loaded.annex.planYears, count: files.length }));
}

async function compareEditions(): Promise<void> {
  const section = element("confronto");
  const content = element("confronto-contenuto");
  section.hidden = true;
  if (!current || previous.length === 0) return;
  const before = await appLayer().loadGiven(previous, (step, fraction) => say(t("web.previous-step", { step }), fraction));
  await say(t("web.comparing"));
  const result = appLayer().compareGiven(before, current);
  const html = await appLayer().formatDiff(result, "html", false);
  const json = await appLayer().formatDiff(result, "json", false);
  const list = make("ul", undefined, { class: "downloads" });
  list.append(...["modifiche.html", "modifiche.json"].map((name, i) => {
    const data = i === 0 ? html : json;
    return offer(name, data, t("web.file", { file: name, size: kib(sizeOf(data)) }));
  }));
  const changes = { from: result.from, to: result.to, count: result.changes.length };
  content.replaceChildren(
    make("p", t("web.changes", changes)),
    ...(appLayer().hasErrors(before.diagnostics) ? [make("p", t("web.previous-errors")), diagnosticsList(before.diagnostics.filter((d) => d.severity === "error"))] : []),
    list,
    preview(html, t("web.changes-preview-title", { from: result.from, to: result.to })),
  );
  section.hidden = false;
  done(t("web.changes-ready", changes));
}

/** A file the office chose, with its path from the folder it chose or dropped (its name alone when it chose files). */
interface Chosen {
  path: string;
  file: File;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1).toLowerCase();
}

/**
 * The files to read of what was chosen. Files chosen one by one are all read. From a folder, only
 * the files in the folder itself (not in its subfolders) named as a plan year's files are (the
 * source, plan.yaml, corrections.yaml): whatever else the folder holds is never read, as the
 * command line reads a plan-year folder; a folder without any of them gives all its files, so that
 * the message names what it holds.
 */
function planYearFiles(chosen: readonly Chosen[]): Chosen[] {
  const inFolder = chosen.filter((c) => c.path.split("/").length === 2);
  if (inFolder.length === 0) return [...chosen];
  const known = new Set<string>([...appLayer().SOURCE_NAMES, PLAN_FILE, CORRECTIONS_FILE]);
  const named = inFolder.filter((c) => known.has(baseName(c.path)));
  return named.length > 0 ? named : inFolder;
}

/** The bytes of the files to read; one larger than any input is refused from its size, before it is read. */
async function given(chosen: Promise<readonly Chosen[]>): Promise<GivenFile[]> {
  const files = planYearFiles(await chosen);
  for (const { path, file } of files) appLayer().refuseLarger(path, file.size);
  return Promise.all(files.map(async ({ path, file }) => ({ name: path, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

function picked(input: HTMLInputElement): Promise<Chosen[]> {
  // a folder's files carry their path from it (webkitRelativePath); files chosen one by one, their name
  return Promise.resolve(Array.from(input.files ?? []).map((file) => ({ path: file.webkitRelativePath || file.name, file })));
}

/** One job at a time: a choice made while the page works waits for it. */
function run(job: () => Promise<void>, what: string): void {
  // at once, before the files are read: the page says it is at work from the moment of the choice
  status.textContent = t("web.reading-files");
  bar.hidden = false;
  busy = busy.then(async () => {
    failure.replaceChildren();
    try {
      await started();
      await job();
    } catch (error) {
      showError(error, what);
    } finally {
      bar.hidden = true;
    }
  });
}

function chooseEdition(chosen: Promise<readonly Chosen[]>): void {
  // timings for the benchmark (bench/app.ts): from the office's choice
  performance.mark("annex-chosen");
  // the PDF's worker started at the choice (if the page has not done it while idle), on its own
  // thread, while this one starts the application layer and reads the files; no more warm-up
  pdfForChoice();
  // pdf.js too, when a PDF is among the files: made ready by the application layer (whose copy
  // of the parts the reading uses) while the files' bytes are read, not after (a failure to load
  // is said by the reading, which waits for the same loading)
  chosen
    .then(async (files) => {
      if (files.some(({ path }) => /\.pdf$/i.test(path))) await (await started()).platform.prepare("pdf-reader");
    })
    .catch(() => undefined);
  run(async () => {
    clearEdition();
    edition = await given(chosen);
    if (edition.length === 0) {
      done(t("web.none-chosen"));
      return;
    }
    await say(t("web.reading-count", { count: edition.length }));
    await publishEdition();
    await compareEditions();
  }, t("web.what.edition"));
}

function choosePrevious(chosen: Promise<readonly Chosen[]>): void {
  run(async () => {
    element("confronto").hidden = true;
    previous = await given(chosen);
    if (previous.length === 0) {
      done(t("web.none-chosen-previous"));
      return;
    }
    if (!current) {
      done(t("web.previous-first"));
      return;
    }
    await compareEditions();
  }, t("web.what.previous"));
}

/** The files of a dropped folder (and of its subfolders), each with its path. */
async function dropped(items: DataTransferItemList): Promise<Chosen[]> {
  const files: Chosen[] = [];
  const walk = async (entry: FileSystemEntry | null, path: string): Promise<void> => {
    if (!entry) return;
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => {
        (entry as FileSystemFileEntry).file(resolve, reject);
      });
      files.push({ path: `${path}${file.name}`, file });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => {
          reader.readEntries(resolve, reject);
        });
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, `${path}${entry.name}/`);
      }
    }
  };
  const entries = Array.from(items).map((item) => item.webkitGetAsEntry());
  for (const entry of entries) await walk(entry, "");
  return files;
}

function dropZone(zone: HTMLElement, choose: (chosen: Promise<readonly Chosen[]>) => void): void {
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => {
    zone.classList.remove("over");
  });
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    if (event.dataTransfer) choose(dropped(event.dataTransfer.items));
  });
}

for (const [input, choose] of [
  [editionInput, chooseEdition],
  [editionFolder, chooseEdition],
  [previousInput, choosePrevious],
  [previousFolder, choosePrevious],
] as const) {
  input.addEventListener("change", () => {
    choose(picked(input));
    // the same files or folder chosen again are a new choice (the office fixed them meanwhile)
    input.value = "";
  });
}
dropZone(element("zona-edizione"), chooseEdition);
dropZone(element("zona-precedente"), choosePrevious);
// a failure outside the jobs above is shown too, never left in the console alone
window.addEventListener("error", (event) => {
  showError(event.error ?? event.message, t("web.what.page"));
});
window.addEventListener("unhandledrejection", (event) => {
  showError(event.reason, t("web.what.page"));
});
document.documentElement.dataset.ready = "true";
performance.mark("annex-ready");
// Once the page is shown and the browser idle, the code an edition needs is made ready: the PDF's
// worker with pdfmake on its own thread, and meanwhile on this one the application layer, then
// pdf.js, each when the browser is idle (the page answers the keyboard, the mouse, a dropped
// folder between them); the worker then warms up on a few throwaway PDFs (warm-up.ts). So the
// office's first choice, made in the file dialog meanwhile, does not wait for it. A choice made
// before waits for the same loading, never for a second one; what fails here fails again, and is
// shown, when a job needs it.
const idle = (): Promise<void> =>
  new Promise((then) => {
    if (typeof requestIdleCallback === "function") {
      requestIdleCallback(
        () => {
          then();
        },
        { timeout: 2000 },
      );
    }
    else setTimeout(then, 200);
  });
void (async () => {
  await idle();
  const worker = preparePdf();
  // (its failure is said by the job that needs it, not as the page's own)
  worker.catch(() => undefined);
  const layer = await started();
  await idle();
  await layer.platform.prepare("pdf-reader");
  await worker;
  performance.mark("annex-prepared");
  await idle();
  // how many throwaway PDFs it made (none once the office has chosen), for the tests
  performance.mark("annex-warmed", { detail: await warmUpPdf() });
})().catch(() => undefined);
