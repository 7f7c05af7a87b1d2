// Headless Chromium for the HTML tests and the fixture scripts: the system's /usr/bin/chromium
// (or $CHROMIUM_PATH), driven by playwright-core or run from the command line, with the switches
// that keep it offline and quiet. One browser per test file (it is slow to start).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Prints an HTML file to PDF with Chromium's own print (no header or footer), in a throwaway profile. */
export function printToPdf(htmlPath: string, pdfPath: string): void {
  const profile = mkdtempSync(join(tmpdir(), "chromium-profile-"));
  try {
    const args = [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, "--no-pdf-header-footer", `--print-to-pdf=${pdfPath}`, `file://${htmlPath}`];
    const result = spawnSync(CHROMIUM, args, { encoding: "utf8", timeout: 120_000 });
    if (result.status !== 0) throw new Error(`chromium failed (${result.status}): ${result.stderr}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export interface OpenedPage {
  page: Page;
  /** every URL the page asked for (other than the page itself) */
  requests: string[];
}

/**
 * Opens HTML pages in one tab per JavaScript setting, reused: each page is loaded from its own
 * file, so it is a new document with a window of its own (no script, listener, focus or scroll
 * left by the page before), without a new browser context and renderer process every time
 * (which cost more than most of the checks).
 */
export class Tabs {
  private readonly dir = mkdtempSync(join(tmpdir(), "annex-pages-"));
  private readonly tabs = new Map<boolean, Promise<Page>>();
  private requests: string[] = [];
  private opened = 0;

  constructor(private readonly browser: Browser) {}

  private tab(javaScript: boolean): Promise<Page> {
    let tab = this.tabs.get(javaScript);
    if (!tab) {
      tab = (async () => {
        const context = await this.browser.newContext({ javaScriptEnabled: javaScript });
        const page = await context.newPage();
        page.on("request", (request) => {
          if (request.url() !== page.url() && !request.url().startsWith("data:") && request.url() !== "about:blank") this.requests.push(request.url());
        });
        return page;
      })();
      this.tabs.set(javaScript, tab);
    }
    return tab;
  }

  /** Opens an HTML string as a page of the given width; records any request it makes. */
  async open(html: string, width = 1280, javaScript = true): Promise<OpenedPage> {
    const page = await this.tab(javaScript);
    const file = join(this.dir, `page-${String(++this.opened)}.html`);
    writeFileSync(file, html);
    await page.setViewportSize({ width, height: 900 });
    const requests: string[] = [];
    this.requests = requests;
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: "load" });
    return { page, requests: requests.filter((r) => r !== url) };
  }

  /** Closes the tabs and removes the pages' files (the browser stays open). */
  async close(): Promise<void> {
    for (const tab of this.tabs.values()) await (await tab).context().close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string | undefined }[];
}

/** Runs axe-core (node_modules/axe-core/axe.min.js) in the page with the given rule tags. */
export async function runAxe(page: Page, tags: readonly string[]): Promise<AxeViolation[]> {
  const require = createRequire(import.meta.url);
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async (values) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, [...tags]);
}
