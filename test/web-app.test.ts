// The web page (out/app/index.html) as an office uses it, in one Chromium: opened from the disk
// and from a plain static web server, with every request that would leave the machine refused.
// From the disk it is given damaged, huge and hostile files first (each refused with the command
// line's line, nothing offered), then the 2020-2022 folder through its folder picker, then a
// working copy made by `annex init` with the previous edition beside it; from the server, the
// same plan year's files one by one, then a long PDF whose reading it shows page by page. What it
// offers to download is compared with what the command line writes from the same files (the
// command line's outputs are made once, in child processes, while the page works); axe checks
// the page at a desktop's and a phone's width.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleApp } from "../scripts/bundle-app.js";
import { launchChromium, runAxe } from "./helpers/chromium.ts";
import { annex, annexChild, type Run } from "./helpers/cli.ts";

const SOURCE = resolve("sources/2020-2022");
const PLAN_YEAR_FILES = ["allegato-1.pdf", "plan.yaml", "corrections.yaml"].map((f) => join(SOURCE, f));
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const MINUTES = 300_000;

let browser: Browser;
let server: Server;
let work: string;
/** the page opened from the disk, and the same page served over http */
let disk: Page;
let served: Page;
/** every request a page made that is not file:, data:, blob: or the static server (all refused) */
const leaving: string[] = [];
const pageErrors: string[] = [];

/** The files the page offers now: download name → bytes, read from the links' blobs. */
async function downloads(page: Page, scope: string): Promise<Map<string, Uint8Array>> {
  const files = await page.evaluate(async (selector) => {
    const out: [string, string][] = [];
    for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>(`${selector} a[download]`))) {
      const bytes = new Uint8Array(await (await fetch(link.href)).arrayBuffer());
      let text = "";
      for (const byte of bytes) text += String.fromCharCode(byte);
      out.push([link.download, btoa(text)]);
    }
    return out;
  }, scope);
  return new Map(files.map(([name, base64]) => [name, new Uint8Array(Buffer.from(base64, "base64"))]));
}

/** Records every line the status shows from now on (window.seen). */
async function watchStatus(page: Page): Promise<void> {
  await page.evaluate(() => {
    const status = document.getElementById("stato-testo");
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    if (status) new MutationObserver(() => seen.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
  });
}

async function seenLines(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { seen: string[] }).seen);
}

/** The status once the page is done: it shows its progress from the moment files are given until then. */
async function settled(page: Page): Promise<string> {
  await page.waitForFunction(() => document.getElementById("avanzamento")?.hidden === true, undefined, { timeout: MINUTES });
  return (await page.locator("#stato-testo").textContent()) ?? "";
}

/** What the page offers and says once an edition is published. */
interface Published {
  status: string;
  files: Map<string, Uint8Array>;
  diagnostics: string[];
  seen: string[];
}

async function publish(page: Page, give: () => Promise<void>): Promise<Published> {
  await watchStatus(page);
  await give();
  // the page says it is at work from the moment files are given
  expect(await page.locator("#avanzamento").isVisible()).toBe(true);
  const status = await settled(page);
  expect(await page.locator("#errore").textContent()).toBe("");
  return { status, files: await downloads(page, "#pubblicazioni"), diagnostics: await page.locator("#segnalazioni li").allTextContents(), seen: await seenLines(page) };
}

/** The command line's outputs, made once, one command after another, in child processes while the pages work. */
interface CommandLine {
  /** `annex build 2020-2022 --lang it`: its folder */
  built: string;
  /** `annex export 2020-2022 --format json` */
  exported: string;
  /** the working copy `annex init 2021-2023 --from 2020-2022` made, and the folders of both plan years */
  next: string;
  previous: string;
  /** `annex export` of the working copy, `annex diff` from 2020-2022 to it */
  nextExported: string;
  diff: string;
}

function succeeded(run: Run, ...ok: number[]): Run {
  if (![0, ...ok].includes(run.status ?? -1)) throw new Error(`annex failed (${String(run.status)}): ${run.stderr}`);
  return run;
}

async function commandLine(): Promise<CommandLine> {
  const out = join(work, "cli");
  succeeded(await annexChild(["build", "2020-2022", "--out", out, "--lang", "it"]));
  const exported = succeeded(await annexChild(["export", "2020-2022", "--format", "json"])).stdout;
  const sources = join(work, "sources");
  const previous = join(sources, "2020-2022");
  cpSync(SOURCE, previous, { recursive: true });
  succeeded(await annexChild(["init", "2021-2023", "--from", "2020-2022", "--sources", sources]));
  const next = join(sources, "2021-2023");
  const nextExported = succeeded(await annexChild(["export", join(next, "allegato-1.xlsx"), "--format", "json"])).stdout;
  const diff = succeeded(await annexChild(["diff", previous, next, "--format", "json"]), 1).stdout;
  return { built: join(out, "2020-2022"), exported, next, previous, nextExported, diff };
}

let cli: Promise<CommandLine>;
/** the 2020-2022 files given one by one to the served page, started as soon as it is open */
let servedFiles: Promise<Published>;
/** what the page from the disk published from the 2020-2022 folder */
let fromFolder: Published | undefined;

function pdfText(bytes: Uint8Array, name: string): string {
  const file = join(work, name);
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

/**
 * The page's publications against the command line's: the same files, the same bytes (the PDF:
 * the same text), the same diagnostics, each file named as the page was given it (`folder`: the
 * folder it was chosen in, "" when it was chosen alone).
 */
async function sameAsCommandLine(published: Published, folder: string): Promise<void> {
  const { built, exported } = await cli;
  const { files, diagnostics } = published;
  const made = readdirSync(built).filter((f) => !f.startsWith("build-report"));
  expect([...files.keys()].sort()).toEqual([...made, "allegato-1.zip"].sort());
  // JSON: equal to `annex export`
  expect(Buffer.from(files.get("allegato-1.json") ?? []).toString("utf8")).toBe(exported);
  // the text formats and the spreadsheets, byte for byte
  for (const name of ["allegato-1.html", "allegato-1.csv", "allegato-1-aree-di-rischio.csv", "datapackage.json", "allegato-1.docx", "allegato-1.xlsx", "allegato-1.ods"]) {
    expect(Buffer.from(files.get(name) ?? []).equals(readFileSync(join(built, name))), name).toBe(true);
  }
  // the PDF: the same text, page by page and line by line
  expect(pdfText(files.get("allegato-1.pdf") ?? new Uint8Array(), "web.pdf")).toBe(pdfText(readFileSync(join(built, "allegato-1.pdf")), "cli.pdf"));
  // the zip holds every file
  expect(Object.keys(unzipSync(files.get("allegato-1.zip") ?? new Uint8Array())).sort()).toEqual([...made].sort());
  // the diagnostics, as the command line's build report lists them (errors first)
  const report = readFileSync(join(built, "build-report.txt"), "utf8");
  const section = report.slice(report.indexOf("== segnalazioni =="), report.indexOf("== riparazioni applicate =="));
  const cliLines = section
    .split("\n")
    .filter((l) => /: (errore|avviso|info): /.test(l))
    .map((l) => l.replaceAll("sources/2020-2022/", folder));
  expect(diagnostics.length).toBeGreaterThan(0);
  expect([...diagnostics].sort()).toEqual([...cliLines].sort());
  const severities = diagnostics.map((l) => (/: (errore|avviso|info): /.exec(l)?.[1] === "errore" ? 0 : 1));
  expect(severities).toEqual([...severities].sort());
}

async function axeAtBothWidths(page: Page): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await runAxe(page, WCAG), `axe at ${String(width)} px`).toEqual([]);
    // nothing wider than the window: no sideways scrolling on a phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A plain static server of a folder, as any intranet's: files by their path, nothing else. */
function staticServer(root: string): Promise<Server> {
  const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".json": "application/json" };
  const serving = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = join(root, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(root + "/") || request.method !== "GET") {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream", "content-length": body.length }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((ready) => {
    serving.listen(0, "127.0.0.1", () => {
      ready(serving);
    });
  });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "annex-web-"));
  const [{ file }, launched] = await Promise.all([bundleApp(), launchChromium()]);
  browser = launched;
  cli = commandLine();
  // awaited by the tests that use it; a failure is theirs, never an unhandled rejection here
  cli.catch(() => undefined);
  server = await staticServer(dirname(file));
  const origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`;
  // each page in a context (a window) of its own: both are in front, as a folder picker needs, and work side by side
  const open = async (url: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (/^(file|data|blob):/.test(url) || url.startsWith(origin)) return route.continue();
      leaving.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(url);
    await page.waitForSelector("html[data-ready]");
    return page;
  };
  [disk, served] = await Promise.all([open(pathToFileURL(file).href), open(origin)]);
  servedFiles = publish(served, () => served.setInputFiles("#edizione", PLAN_YEAR_FILES));
  servedFiles.catch(() => undefined);
}, MINUTES);

afterAll(async () => {
  await browser.close();
  await new Promise((closed) => server.close(closed));
  rmSync(work, { recursive: true, force: true });
});

/** Gives the page one file that the command line refuses, and checks that the page refuses it with the same line and offers nothing. */
async function refused(page: Page, path: string, name = basename(path)): Promise<void> {
  // the page speaks Italian: the command line in Italian says the same
  const cli = await annex(["validate", path, "--lang", "it"]);
  expect(cli.status, cli.stderr).toBe(2);
  const line = cli.stderr.trim().replace(/^annex: /, "").replace(path, name);
  expect(line).toMatch(new RegExp(`^${name.replace(".", "\\.")}[:]`));
  await page.setInputFiles("#edizione", [path]);
  expect(await settled(page)).toBe("Operazione non riuscita: vedere il messaggio qui sotto.");
  expect(await page.locator("#errore p").allTextContents()).toEqual(["L’edizione: impossibile procedere.", line]);
  expect(await page.locator("#risultato").isHidden()).toBe(true);
  expect(await page.locator("a[download]").count()).toBe(0);
}

// reading a PDF in the page and making every publication takes seconds on a loaded machine
describe("the web page, opened from the disk and from a static server, with no network", { timeout: MINUTES }, () => {
  it("refuses damaged, huge and hostile files as the command line does, and offers nothing", async () => {
    // first, the page left alone warms up its PDF worker on its four throwaway PDFs (pipeline/web/warm-up.ts)
    await disk.waitForFunction(() => performance.getEntriesByName("annex-warmed").length > 0, undefined, { timeout: MINUTES });
    expect(await disk.evaluate(() => (performance.getEntriesByName("annex-warmed")[0] as PerformanceMark).detail as unknown)).toBe(4);
    const damaged = join(work, "damaged", "allegato-1.pdf");
    mkdirSync(dirname(damaged));
    writeFileSync(damaged, readFileSync(join(SOURCE, "allegato-1.pdf")).subarray(0, 20_000));
    const notPdf = join(work, "not-pdf", "allegato-1.pdf");
    mkdirSync(dirname(notPdf));
    writeFileSync(notPdf, "Verbale della riunione del 3 marzo\n");
    // larger than any input: refused from its size, never read (the file is sparse)
    const huge = join(work, "huge", "allegato-1.pdf");
    mkdirSync(dirname(huge));
    writeFileSync(huge, "%PDF-1.7\n");
    truncateSync(huge, 300 * 1024 * 1024);
    for (const file of [
      damaged,
      notPdf,
      huge,
      "test/fixtures/office/hostile/zip-bomb.xlsx",
      "test/fixtures/office/hostile/zip-bomb-lying-sizes.xlsx",
      "test/fixtures/office/bad/truncated.xlsx",
      "test/fixtures/office/hostile/row-repeated-1e9.ods",
      "test/fixtures/bad/password.pdf",
    ]) {
      await refused(disk, resolve(file));
    }
  });

  it("publishes the 2020-2022 folder chosen with its folder picker as the command line does", async () => {
    // the page that has just refused those files publishes a good folder, with the PDF worker that
    // warmed up before them (the page served over http was given its files at once: no warm-up)
    fromFolder = await publish(disk, () => disk.setInputFiles("#edizione-cartella", SOURCE));
    expect(fromFolder.status).toBe("Allegato 2020-2022 pronto: 9 file da scaricare.");
    // reading a PDF takes seconds: the page says where it is, page by page
    expect(fromFolder.seen).toContain("lettura di 2020-2022/allegato-1.pdf: pagina 20 di 20…");
    // the PDF is made in its worker while the page makes the other formats, and the status says so
    expect(fromFolder.seen).toContain("Preparazione di allegato-1.docx, e intanto di allegato-1.pdf…");
    expect(fromFolder.seen.indexOf("Preparazione di allegato-1.pdf…")).toBeGreaterThan(fromFolder.seen.indexOf("Preparazione di allegato-1.ods, e intanto di allegato-1.pdf…"));
    await sameAsCommandLine(fromFolder, "2020-2022/");
    expect(await disk.locator("#anteprima iframe").count()).toBe(1);
    await axeAtBothWidths(disk);
  });

  it("served over http, publishes the plan year's files as the command line does, the same edition as from its folder", async () => {
    const published = await servedFiles;
    expect(published.status).toBe("Allegato 2020-2022 pronto: 9 file da scaricare.");
    expect(published.seen).toContain("lettura di allegato-1.pdf: pagina 20 di 20…");
    await sameAsCommandLine(published, "");
    // given its files the instant it was ready, the page made no throwaway PDF: its reading had the processor
    await served.waitForFunction(() => performance.getEntriesByName("annex-warmed").length > 0, undefined, { timeout: MINUTES });
    expect(await served.evaluate(() => (performance.getEntriesByName("annex-warmed")[0] as PerformanceMark).detail as unknown)).toBe(0);
    // the files chosen one by one and their folder chosen whole: the same edition, byte for byte,
    // the PDF of a worker that warmed up as that of one that did not
    expect(fromFolder?.files.size).toBe(published.files.size);
    for (const [name, bytes] of published.files) expect(Buffer.from(bytes).equals(fromFolder?.files.get(name) ?? new Uint8Array()), name).toBe(true);
  });

  it("shows its progress page by page while it reads a long PDF, before the result", async () => {
    // two copies of the 20 pages, one after the other: 40 pages of the real geometry, whose codes repeat (errors, nothing published)
    const long = join(work, "long", "allegato-1.pdf");
    mkdirSync(dirname(long));
    execFileSync("qpdf", ["--empty", "--pages", ...new Array<string>(2).fill(join(SOURCE, "allegato-1.pdf")), "--", long]);
    await watchStatus(served);
    await served.setInputFiles("#edizione", [long]);
    const status = await settled(served);
    expect(status).toMatch(/^Allegato 2020-2022: \d+ errori, nessuna pubblicazione\.$/);
    const seen = await seenLines(served);
    const pages = seen.map((line) => /^lettura di allegato-1\.pdf: pagina (\d+) di 40…$/.exec(line)?.[1]).filter((n) => n !== undefined).map(Number);
    // every page told, in order, all of them before the result
    expect(pages).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(seen.at(-1)).toBe(status);
    expect(seen.findLastIndex((line) => line.includes("pagina"))).toBeLessThan(seen.indexOf(status));
    expect(await served.locator("a[download]").count()).toBe(0);
  });

  it("offers nothing more once a file given after a publication is refused", async () => {
    expect(await disk.locator("#pubblicazioni a[download]").count()).toBeGreaterThan(0);
    await refused(disk, resolve("test/fixtures/office/hostile/zip-bomb.xlsx"));
  });

  it("says on the page when its PDF worker fails, in a render or as a whole, and publishes the next choice with a new worker", async () => {
    const { next, nextExported } = await cli;
    const files = [join(next, "allegato-1.xlsx"), join(next, "plan.yaml")];
    const failed = async (): Promise<string[]> => {
      await served.setInputFiles("#edizione", files);
      expect(await settled(served)).toBe("Operazione non riuscita: vedere il messaggio qui sotto.");
      expect(await served.locator("a[download]").count()).toBe(0);
      return served.locator("#errore p").allTextContents();
    };
    // a render that fails in the worker: its next edition carries an annex without activities
    // (what else the page tells the worker, that the office has chosen, goes as it is)
    await served.evaluate(() => {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the worker it was called on, and put back as it was
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: { edition?: { annex: object } }) {
        if (message.edition === undefined) {
          post.call(this, message);
          return;
        }
        Worker.prototype.postMessage = post;
        post.call(this, { ...message, edition: { ...message.edition, annex: { ...message.edition.annex, activities: null } } });
      } as typeof post;
    });
    const [what, why] = await failed();
    expect(what).toBe("L’edizione: impossibile procedere.");
    expect(why).toMatch(/^impossibile preparare allegato-1\.pdf: errore inatteso: ./);
    // the worker itself stops while it works on the next edition
    await served.evaluate(() => {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the worker it was called on, and put back as it was
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: { edition?: object }) {
        if (message.edition === undefined) {
          post.call(this, message);
          return;
        }
        Worker.prototype.postMessage = post;
        this.dispatchEvent(new ErrorEvent("error", { message: "Uncaught RangeError: out of memory", cancelable: true }));
      } as typeof post;
    });
    expect(await failed()).toEqual(["L’edizione: impossibile procedere.", "impossibile preparare allegato-1.pdf: errore inatteso: Uncaught RangeError: out of memory"]);
    // the page stays usable: the same files again are published, the PDF made by a new worker
    const published = await publish(served, () => served.setInputFiles("#edizione", files));
    expect(published.status).toBe("Allegato 2021-2023 pronto: 9 file da scaricare.");
    expect(Buffer.from(published.files.get("allegato-1.json") ?? []).toString("utf8")).toBe(nextExported);
    expect(Buffer.from(published.files.get("allegato-1.pdf") ?? []).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("publishes a working copy made by annex init and shows the changes from the previous edition's folder", async () => {
    const { next, previous, nextExported, diff } = await cli;
    await disk.setInputFiles("#edizione", [join(next, "allegato-1.xlsx"), join(next, "plan.yaml")]);
    await disk.setInputFiles("#precedente-cartella", previous);
    await disk.waitForFunction(() => /^Confronto pronto.*all’edizione 2021-2023/.test(document.getElementById("stato-testo")?.textContent ?? ""), undefined, { timeout: MINUTES });

    const files = await downloads(disk, "#pubblicazioni");
    expect(Buffer.from(files.get("allegato-1.json") ?? []).toString("utf8")).toBe(nextExported);
    const report = await downloads(disk, "#confronto");
    expect(Buffer.from(report.get("modifiche.json") ?? []).toString("utf8")).toBe(diff);
    expect(report.has("modifiche.html")).toBe(true);
    await axeAtBothWidths(disk);
  });

  it("never asks the network for anything and leaves no error in the console alone", () => {
    expect(leaving).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
