// The web page's figures for BENCHMARKS.md: its size, how long it takes to open from the disk
// (navigation to ready, in Chromium), and how long the 2020-2022 plan year takes in it (read and
// checked; every publication made) beside `annex export` of the same folder as a process.
// `npx tsx bench/app.ts [runs]`; builds out/app/index.html first.
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { bundleApp } from "../scripts/bundle-app.js";
import { launchChromium } from "../test/helpers/chromium.ts";

const runs = Number(process.argv[2] ?? 5);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const { file } = await bundleApp();
const source = resolve("sources/2020-2022");
const browser = await launchChromium();
const open: number[] = [];
const loaded: number[] = [];
const published: number[] = [];
const exported: number[] = [];
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    await context.route("**/*", (route) => (/^(file|data|blob):/.test(route.request().url()) ? route.continue() : route.abort()));
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector("html[data-ready]");
    open.push(await page.evaluate(() => performance.now()));
    await page.setInputFiles("#edizione", ["allegato-1.pdf", "plan.yaml", "corrections.yaml"].map((f) => join(source, f)));
    await page.waitForFunction(() => performance.getEntriesByName("annex-published").length > 0, undefined, { timeout: 300_000 });
    const [start, read, done] = await page.evaluate(() => ["annex-start", "annex-loaded", "annex-published"].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN));
    loaded.push((read ?? NaN) - (start ?? NaN));
    published.push((done ?? NaN) - (start ?? NaN));
    await context.close();
    const t = performance.now();
    const cli = spawnSync(process.execPath, ["bin/annex.js", "export", "sources/2020-2022", "--format", "json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (cli.status !== 0) throw new Error(cli.stderr);
    exported.push(performance.now() - t);
  }
} finally {
  await browser.close();
}
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
process.stdout.write(
  [
    `page: ${(statSync(file).size / 1024 / 1024).toFixed(2)} MiB (${String(statSync(file).size)} bytes), medians of ${String(runs)} runs`,
    `open from file:// to ready: ${s(median(open))}`,
    `2020-2022 read and checked in the page: ${s(median(loaded))} (${(median(loaded) / median(exported)).toFixed(2)}× annex export)`,
    `2020-2022 every publication made in the page: ${s(median(published))} (${(median(published) / median(exported)).toFixed(2)}× annex export)`,
    `annex export sources/2020-2022 (process): ${s(median(exported))}`,
  ].join("\n") + "\n",
);
