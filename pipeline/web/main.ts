// The web page: a shell over the application layer, as cli/ is, for an office that cannot
// install anything. The office gives a plan year's files (and, if it wants the change report,
// the previous edition's); the page loads them with the same readers, repair, validation and
// renderers as `annex build` and `annex diff`, shows what they say, and offers the files to
// download. Everything runs in the page: no file leaves the computer.
import { zipSync } from "fflate";
import { formatDiff } from "../app/diff.ts";
import { compareGiven, errorsFirst, loadGiven, refuseLarger, renderGiven, type GivenFile, type RenderedFile } from "../app/given.ts";
import type { Loaded } from "../app/load.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { FatalError } from "../diagnostics/fatal.ts";
import { countBySeverity, formatDiagnosticIn, formatPlace, hasErrors, messageText } from "../diagnostics/format.ts";
import { setLang, type Lang } from "../messages/catalogue.ts";
import { ANNEX_FILE } from "../model/files.ts";

/** The page speaks Italian: its diagnostics are the command line's (`annex --lang it`) words. */
const LANG: Lang = "it";
setLang(LANG);

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
const previousInput = element("precedente") as HTMLInputElement;

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

/** A problem shown on the page as the command line says it, in one line; the page stays usable. */
function showError(error: unknown, what: string): void {
  failure.replaceChildren();
  failure.append(make("p", `${what}: impossibile procedere.`));
  // the command line's one line: where, then what
  const where = error instanceof FatalError ? formatPlace(error.place, LANG) : "";
  const line = error instanceof FatalError ? `${where ? `${where}: ` : ""}${messageText(error.diagnostic, LANG)}` : `errore inatteso: ${error instanceof Error ? error.message : String(error)}`;
  failure.append(make("p", line, { class: "diagnostic" }));
  done("Operazione non riuscita: vedere il messaggio qui sotto.");
  // the details for whoever looks into it (the message above is what the office reads)
  if (!(error instanceof FatalError)) console.error(error);
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
  for (const d of errorsFirst(diagnostics)) list.append(make("li", formatDiagnosticIn(d, LANG), { class: d.severity }));
  return list;
}

function preview(html: string, title: string): HTMLIFrameElement {
  // the page as published, its own script (the search) included: our renderer's output, its texts escaped
  return make("iframe", undefined, { title, srcdoc: html });
}

function zip(files: readonly RenderedFile[]): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const file of files) entries[file.name] = [typeof file.data === "string" ? new TextEncoder().encode(file.data) : file.data, { mtime: ZIP_DATE }];
  return zipSync(entries, { level: 6 });
}

async function publishEdition(): Promise<void> {
  const out = element("risultato");
  const findings = element("segnalazioni");
  const downloads = element("pubblicazioni");
  const view = element("anteprima");
  current = undefined;
  out.hidden = true;
  for (const url of offered) URL.revokeObjectURL(url);
  offered = [];
  performance.mark("annex-start");
  const loaded = await loadGiven(edition, (line, fraction) => say(`${line}…`, fraction));
  // timings for the benchmark (bench/app.ts): read and checked, then every publication made
  performance.mark("annex-loaded");
  current = loaded;
  const counts = countBySeverity(loaded.diagnostics);
  findings.replaceChildren(
    make("h3", "Segnalazioni"),
    make("p", `${String(loaded.annex.activities.length)} attività lette da ${loaded.file}: ${String(counts.error)} errori, ${String(counts.warning)} avvisi, ${String(counts.info)} note; ${String(loaded.repairs.length)} riparazioni.`),
    ...(loaded.diagnostics.length > 0 ? [diagnosticsList(loaded.diagnostics)] : []),
  );
  downloads.replaceChildren();
  view.replaceChildren();
  if (hasErrors(loaded.diagnostics)) {
    downloads.append(make("p", "L’allegato ha errori: non viene pubblicato. Correggete la fonte e sceglietela di nuovo."));
    out.hidden = false;
    done(`Allegato ${loaded.annex.planYears}: ${String(counts.error)} errori, nessuna pubblicazione.`);
    return;
  }
  const files = await renderGiven(loaded, (format) => void say(`Preparazione di ${ANNEX_FILE}.${format}…`));
  const list = make("ul", undefined, { class: "downloads" });
  const all = zip(files);
  const allItem = offer(`${ANNEX_FILE}.zip`, all, `Tutti i file (${ANNEX_FILE}.zip, ${kib(all.length)})`);
  allItem.className = "all";
  list.append(allItem);
  for (const file of files) list.append(offer(file.name, file.data, `${file.name} (${kib(sizeOf(file.data))})`));
  downloads.append(make("h3", "Pubblicazioni"), list);
  const html = files.find((f) => f.format === "html" && f.name.endsWith(".html"));
  if (html) view.append(make("h3", "Anteprima dell’allegato in HTML"), preview(String(html.data), `Anteprima: Allegato 1 ${loaded.annex.planYears}`));
  out.hidden = false;
  performance.mark("annex-published");
  done(`Allegato ${loaded.annex.planYears} pronto: ${String(files.length)} file da scaricare.`);
}

async function compareEditions(): Promise<void> {
  const section = element("confronto");
  const content = element("confronto-contenuto");
  section.hidden = true;
  if (!current || previous.length === 0) return;
  const before = await loadGiven(previous, (line, fraction) => say(`Edizione precedente: ${line}…`, fraction));
  await say("Confronto delle due edizioni…");
  const result = compareGiven(before, current);
  const html = await formatDiff(result, "html", false);
  const json = await formatDiff(result, "json", false);
  const list = make("ul", undefined, { class: "downloads" });
  list.append(offer("modifiche.html", html, `modifiche.html (${kib(sizeOf(html))})`), offer("modifiche.json", json, `modifiche.json (${kib(sizeOf(json))})`));
  content.replaceChildren(
    make("p", `Dall’edizione ${result.from} all’edizione ${result.to}: ${String(result.changes.length)} modifiche.`),
    ...(hasErrors(before.diagnostics) ? [make("p", "Attenzione: l’edizione precedente ha errori:"), diagnosticsList(before.diagnostics.filter((d) => d.severity === "error"))] : []),
    list,
    preview(html, `Anteprima: modifiche dall’edizione ${result.from} all’edizione ${result.to}`),
  );
  section.hidden = false;
  done(`Confronto pronto: ${String(result.changes.length)} modifiche dall’edizione ${result.from} all’edizione ${result.to}.`);
}

async function given(list: FileList | readonly File[]): Promise<GivenFile[]> {
  const files: GivenFile[] = [];
  for (const file of Array.from(list)) {
    const path = (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
    refuseLarger(path, file.size);
    files.push({ name: path, bytes: new Uint8Array(await file.arrayBuffer()) });
  }
  return files;
}

/** One job at a time: a choice made while the page works waits for it. */
function run(job: () => Promise<void>, what: string): void {
  // at once, before the files are read: the page says it is at work from the moment of the choice
  status.textContent = "Lettura dei file…";
  bar.hidden = false;
  busy = busy.then(async () => {
    failure.replaceChildren();
    try {
      await job();
    } catch (error) {
      showError(error, what);
    } finally {
      bar.hidden = true;
    }
  });
}

function chooseEdition(files: Promise<GivenFile[]>): void {
  run(async () => {
    edition = await files;
    if (edition.length === 0) {
      done("Nessun file scelto.");
      return;
    }
    await say(`Lettura di ${String(edition.length)} file…`);
    await publishEdition();
    await compareEditions();
  }, "L’edizione");
}

function choosePrevious(files: Promise<GivenFile[]>): void {
  run(async () => {
    previous = await files;
    if (previous.length === 0) {
      done("Nessun file scelto per l’edizione precedente.");
      return;
    }
    if (!current) {
      done("Edizione precedente scelta: scegliete ora l’edizione da pubblicare.");
      return;
    }
    await compareEditions();
  }, "L’edizione precedente");
}

/** The files of a dropped folder (and of its subfolders), each named with its path. */
async function dropped(items: DataTransferItemList): Promise<GivenFile[]> {
  const files: GivenFile[] = [];
  const walk = async (entry: FileSystemEntry | null, path: string): Promise<void> => {
    if (!entry) return;
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => {
        (entry as FileSystemFileEntry).file(resolve, reject);
      });
      refuseLarger(`${path}${file.name}`, file.size);
      files.push({ name: `${path}${file.name}`, bytes: new Uint8Array(await file.arrayBuffer()) });
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

function dropZone(zone: HTMLElement, choose: (files: Promise<GivenFile[]>) => void): void {
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

editionInput.addEventListener("change", () => {
  if (editionInput.files) chooseEdition(given(editionInput.files));
});
previousInput.addEventListener("change", () => {
  if (previousInput.files) choosePrevious(given(previousInput.files));
});
dropZone(element("zona-edizione"), chooseEdition);
dropZone(element("zona-precedente"), choosePrevious);
// a failure outside the jobs above is shown too, never left in the console alone
window.addEventListener("error", (event) => {
  showError(event.error ?? event.message, "La pagina");
});
window.addEventListener("unhandledrejection", (event) => {
  showError(event.reason, "La pagina");
});
document.documentElement.dataset.ready = "true";
