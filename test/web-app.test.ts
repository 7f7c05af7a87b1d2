// The web page (out/app/index.html) as an office uses it: opened from the disk in Chromium with
// every request that would leave the machine refused, given a plan year's files, then a working
// copy made by `annex init` with the previous edition beside it. What it offers to download is
// compared with what the command line writes from the same files; axe checks the page at a
// desktop's and a phone's width.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleApp } from "../scripts/bundle-app.js";
import { launchChromium, runAxe } from "./helpers/chromium.ts";
import { annex } from "./helpers/cli.ts";

const SOURCE = resolve("sources/2020-2022");
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

let browser: Browser;
let page: Page;
let work: string;
/** every request the page made that is not file:, data: or blob: (all refused) */
const leaving: string[] = [];
const pageErrors: string[] = [];

/** The files the page offers: download name → bytes, read from the links' blobs. */
async function downloads(scope: string): Promise<Map<string, Uint8Array>> {
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

async function settled(): Promise<string> {
  // the page shows its progress from the moment files are given until it is done
  await page.waitForFunction(() => document.getElementById("avanzamento")?.hidden === true, undefined, { timeout: 300_000 });
  return (await page.locator("#stato-testo").textContent()) ?? "";
}

function pdfText(bytes: Uint8Array, name: string): string {
  const file = join(work, name);
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

async function axeAtBothWidths(): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await runAxe(page, WCAG), `axe at ${String(width)} px`).toEqual([]);
    // nothing wider than the window: no sideways scrolling on a phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "annex-web-"));
  const { file } = await bundleApp();
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (/^(file|data|blob):/.test(url)) return route.continue();
    leaving.push(url);
    return route.abort();
  });
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector("html[data-ready]");
});

afterAll(async () => {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
});

// reading the 20-page PDF in the page and making every publication takes seconds on a loaded machine
describe("the web page, opened from the disk with no network", { timeout: 300_000 }, () => {
  it("refuses a damaged PDF with the command line's message and stays usable", async () => {
    const damaged = join(work, "allegato-1.pdf");
    writeFileSync(damaged, readFileSync(join(SOURCE, "allegato-1.pdf")).subarray(0, 20_000));
    // the page speaks Italian: the command line in Italian says the same
    const cli = await annex(["validate", damaged, "--lang", "it"]);
    expect(cli.status).toBe(2);
    await page.setInputFiles("#edizione", [damaged]);
    expect(await settled()).toMatch(/non riuscita/);
    const shown = (await page.locator("#errore").textContent()) ?? "";
    // the same one line as the command line, naming the file
    const line = cli.stderr.trim().replace(/^annex: /, "").replace(damaged, "allegato-1.pdf");
    expect(line).toMatch(/^allegato-1\.pdf: /);
    expect(shown).toContain(line);
  });

  it("publishes the 2020-2022 plan year as the command line does", async () => {
    // every line the status shows while the page works
    await page.evaluate(() => {
      const status = document.getElementById("stato-testo");
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      if (status) new MutationObserver(() => seen.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await page.setInputFiles("#edizione", ["allegato-1.pdf", "plan.yaml", "corrections.yaml"].map((f) => join(SOURCE, f)));
    // reading a PDF takes seconds: the page says it is at work meanwhile, page by page
    expect(await page.locator("#avanzamento").isVisible()).toBe(true);
    expect(await settled()).toMatch(/^Allegato 2020-2022 pronto/);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen).toContain("lettura di allegato-1.pdf: pagina 20 di 20…");
    expect(await page.locator("#errore").textContent()).toBe("");

    const out = join(work, "cli");
    // in Italian, as the page: the build report lists the diagnostics in the page's words
    const built = await annex(["build", "2020-2022", "--out", out, "--lang", "it"]);
    expect(built.status, built.stderr).toBe(0);
    const cliDir = join(out, "2020-2022");
    const files = await downloads("#pubblicazioni");
    const published = readdirSync(cliDir).filter((f) => !f.startsWith("build-report"));
    expect([...files.keys()].sort()).toEqual([...published, "allegato-1.zip"].sort());
    // JSON: equal to `annex export`
    const exported = await annex(["export", "2020-2022", "--format", "json"]);
    expect(Buffer.from(files.get("allegato-1.json") ?? []).toString("utf8")).toBe(exported.stdout);
    // the text formats and the spreadsheets, byte for byte
    for (const name of ["allegato-1.html", "allegato-1.csv", "allegato-1-aree-di-rischio.csv", "datapackage.json", "allegato-1.docx", "allegato-1.xlsx", "allegato-1.ods"]) {
      expect(Buffer.from(files.get(name) ?? []).equals(readFileSync(join(cliDir, name))), name).toBe(true);
    }
    // the PDF: the same text, page by page and line by line
    expect(pdfText(files.get("allegato-1.pdf") ?? new Uint8Array(), "web.pdf")).toBe(pdfText(readFileSync(join(cliDir, "allegato-1.pdf")), "cli.pdf"));
    // the zip holds every file
    const zipped = unzipSync(files.get("allegato-1.zip") ?? new Uint8Array());
    expect(Object.keys(zipped).sort()).toEqual([...published].sort());

    // the diagnostics, as the command line's build report lists them (errors first), the file named as given
    const report = readFileSync(join(cliDir, "build-report.txt"), "utf8");
    const section = report.slice(report.indexOf("== segnalazioni =="), report.indexOf("== riparazioni applicate =="));
    const cliLines = section.split("\n").filter((l) => /: (errore|avviso|info): /.test(l)).map((l) => l.replaceAll("sources/2020-2022/", ""));
    const shown = await page.locator("#segnalazioni li").allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    expect([...shown].sort()).toEqual([...cliLines].sort());
    const severities = shown.map((l) => (/: (errore|avviso|info): /.exec(l)?.[1] === "errore" ? 0 : 1));
    expect(severities).toEqual([...severities].sort());
    expect(await page.locator("#anteprima iframe").count()).toBe(1);
    await axeAtBothWidths();
  });

  it("publishes a working copy made by annex init and shows the changes from the previous edition", async () => {
    const sources = join(work, "sources");
    cpSync(SOURCE, join(sources, "2020-2022"), { recursive: true });
    const init = await annex(["init", "2021-2023", "--from", "2020-2022", "--sources", sources]);
    expect(init.status, init.stderr).toBe(0);
    const next = join(sources, "2021-2023");
    await page.setInputFiles("#edizione", [join(next, "allegato-1.xlsx"), join(next, "plan.yaml")]);
    await page.setInputFiles("#precedente", ["allegato-1.pdf", "plan.yaml", "corrections.yaml"].map((f) => join(SOURCE, f)));
    await page.waitForFunction(() => /^Confronto pronto.*all’edizione 2021-2023/.test(document.getElementById("stato-testo")?.textContent ?? ""), undefined, { timeout: 300_000 });

    const files = await downloads("#pubblicazioni");
    const exported = await annex(["export", join(next, "allegato-1.xlsx"), "--format", "json"]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(Buffer.from(files.get("allegato-1.json") ?? []).toString("utf8")).toBe(exported.stdout);

    const report = await downloads("#confronto");
    const diff = await annex(["diff", join(sources, "2020-2022"), next, "--format", "json"]);
    expect(Buffer.from(report.get("modifiche.json") ?? []).toString("utf8")).toBe(diff.stdout);
    expect(report.has("modifiche.html")).toBe(true);
    await axeAtBothWidths();
  });

  it("never asks the network for anything and leaves no error in the console alone", () => {
    expect(leaving).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
