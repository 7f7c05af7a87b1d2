// The web page's figures for BENCHMARKS.md: its size (and that of the parts it carries deflated),
// how long it takes to open from the disk (navigation to ready, in Chromium), and how long the
// 2020-2022 plan year takes in it (read and checked; every publication made) beside `annex
// export` and `annex render` (every format) of the same folder as processes, in the same turns.
// `npx tsx bench/app.ts [runs]`; builds out/app/index.html first.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
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
/** the same, given once the page has made the code an edition needs ready (an office choosing its files) */
const loadedPrepared: number[] = [];
/** from navigation to the code an edition needs made ready, while the page is idle */
const ready: number[] = [];
const publishedPrepared: number[] = [];
/** from navigation to the PDF's worker warmed up (a few throwaway PDFs, pipeline/web/warm-up.ts), while the page is idle */
const warmedBy: number[] = [];
/** every publication, given once the worker has warmed up (an office that took a few seconds to choose) */
const loadedWarmed: number[] = [];
const publishedWarmed: number[] = [];
/** every publication, given 1 s and 2 s after the page is ready (a folder dropped on it at once) */
const publishedAfter = { 1000: [] as number[], 2000: [] as number[] };
const exported: number[] = [];
const rendered: number[] = [];
const out = mkdtempSync(join(tmpdir(), "annex-bench-app-"));
try {
  for (let run = 0; run < runs; run++) {
    for (const mode of ["at once", 1000, 2000, "prepared", "warmed"] as const) {
      const context = await browser.newContext();
      await context.route("**/*", (route) => (/^(file|data|blob):/.test(route.request().url()) ? route.continue() : route.abort()));
      const page = await context.newPage();
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector("html[data-ready]");
      // the page's script done (the page is shown and answers; it then makes its code ready while idle)
      if (mode === "at once") open.push(await page.evaluate(() => performance.getEntriesByName("annex-ready")[0]?.startTime ?? NaN));
      else if (typeof mode === "number") await page.waitForTimeout(mode);
      else if (mode === "prepared") {
        await page.waitForFunction(() => performance.getEntriesByName("annex-prepared").length > 0, undefined, { timeout: 300_000 });
        ready.push(await page.evaluate(() => performance.getEntriesByName("annex-prepared")[0]?.startTime ?? NaN));
      } else {
        await page.waitForFunction(() => performance.getEntriesByName("annex-warmed").length > 0, undefined, { timeout: 300_000 });
        warmedBy.push(await page.evaluate(() => performance.getEntriesByName("annex-warmed")[0]?.startTime ?? NaN));
      }
      await page.setInputFiles("#edizione", ["allegato-1.pdf", "plan.yaml", "corrections.yaml"].map((f) => join(source, f)));
      await page.waitForFunction(() => performance.getEntriesByName("annex-published").length > 0, undefined, { timeout: 300_000 });
      const [start, read, done] = await page.evaluate(() => ["annex-chosen", "annex-loaded", "annex-published"].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN));
      if (typeof mode === "number") publishedAfter[mode].push((done ?? NaN) - (start ?? NaN));
      else {
        ({ "at once": loaded, prepared: loadedPrepared, warmed: loadedWarmed })[mode].push((read ?? NaN) - (start ?? NaN));
        ({ "at once": published, prepared: publishedPrepared, warmed: publishedWarmed })[mode].push((done ?? NaN) - (start ?? NaN));
      }
      await context.close();
    }
    const t = performance.now();
    const cli = spawnSync(process.execPath, ["bin/annex.js", "export", "sources/2020-2022", "--format", "json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (cli.status !== 0) throw new Error(cli.stderr);
    exported.push(performance.now() - t);
    const r = performance.now();
    const all = spawnSync(process.execPath, ["bin/annex.js", "render", "sources/2020-2022", "--out", join(out, String(run))], { encoding: "utf8" });
    if (all.status !== 0) throw new Error(all.stderr);
    rendered.push(performance.now() - r);
  }
} finally {
  await browser.close();
  rmSync(out, { recursive: true, force: true });
}
const html = readFileSync(file, "latin1");
const parts = [...html.matchAll(/<script type="application\/octet-stream" id="part-([^"]+)">([^<]*)<\/script>/g)].map(([, name, base64]) => `${name ?? ""} ${((base64 ?? "").length / 1024).toFixed(0)} KiB`);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
process.stdout.write(
  [
    `page: ${(statSync(file).size / 1024 / 1024).toFixed(2)} MiB (${String(statSync(file).size)} bytes; parts carried deflated in base64: ${parts.join(", ")}), medians of ${String(runs)} runs`,
    `open from file:// to ready: ${s(median(open))}; its code for an edition made ready, while idle, by ${s(median(ready))}`,
    `2020-2022 read and checked in the page: ${s(median(loaded))} (${(median(loaded) / median(exported)).toFixed(2)}× annex export)`,
    `2020-2022 every publication made in the page: ${s(median(published))} (${(median(published) / median(exported)).toFixed(2)}× annex export)`,
    `the same, given 1 s after the page is ready: every publication ${s(median(publishedAfter[1000]))} (${(median(publishedAfter[1000]) / median(exported)).toFixed(2)}×); 2 s after: ${s(median(publishedAfter[2000]))} (${(median(publishedAfter[2000]) / median(exported)).toFixed(2)}×)`,
    `the same, given once the page is idle and has made its code ready: read and checked ${s(median(loadedPrepared))} (${(median(loadedPrepared) / median(exported)).toFixed(2)}×), every publication ${s(median(publishedPrepared))} (${(median(publishedPrepared) / median(exported)).toFixed(2)}×)`,
    `the same, given once its PDF worker has warmed up (by ${s(median(warmedBy))} from navigation): read and checked ${s(median(loadedWarmed))} (${(median(loadedWarmed) / median(exported)).toFixed(2)}×), every publication ${s(median(publishedWarmed))} (${(median(publishedWarmed) / median(exported)).toFixed(2)}×)`,
    `annex export sources/2020-2022 (process): ${s(median(exported))}`,
    `annex render sources/2020-2022, every format (process): ${s(median(rendered))}; the page's every publication is ${(median(published) / median(rendered)).toFixed(2)}× it`,
  ].join("\n") + "\n",
);
