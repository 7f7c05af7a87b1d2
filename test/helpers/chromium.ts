// Headless Chromium for the HTML tests and the fixture scripts: the system's /usr/bin/chromium
// (or $CHROMIUM_PATH), driven by playwright-core or run from the command line, with the switches
// that keep it offline and quiet. One browser per test file (it is slow to start).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

/** Opens an HTML string as a page of the given width; records any request it makes. */
export async function openHtml(browser: Browser, html: string, width = 1280, javaScript = true): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: javaScript });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith("data:") && request.url() !== "about:blank") requests.push(request.url());
  });
  await page.setContent(html, { waitUntil: "load" });
  return { page, requests };
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
