// Headless Chromium for the HTML tests: the system's /usr/bin/chromium driven by playwright-core,
// with the switches that keep it offline and quiet. One browser per test file (it is slow to start).
import { chromium, type Browser, type Page } from "playwright-core";
import { createRequire } from "node:module";

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
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
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
  nodes: { target: string[]; failureSummary?: string }[];
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
