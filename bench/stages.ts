// Timings of render (per format), diff and the working copy, in one process, on the 2020-2022
// annex and on 10×.
// usage: tsx bench/stages.ts <runs>
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { annexToYaml } from "../pipeline/formats/annex-data/write.ts";
import { diffAnnexes } from "../pipeline/diff/index.ts";
import { startPlanYear } from "../pipeline/app/init.ts";
import { loadInput } from "../pipeline/app/load.ts";
import { readOffice } from "../pipeline/formats/office/read.ts";
import { writeWorkingCopy } from "../pipeline/formats/spreadsheet/working-copy/write.ts";
import { htmlTemplates, loadLabels } from "../pipeline/app/templates.ts";
import { FORMATS } from "../pipeline/model/files.ts";
import { renderAll } from "../pipeline/render/index.ts";
import { toContractJson } from "../pipeline/render/open-data/json.ts";
import { at } from "../pipeline/lib/at.ts";
import { longTitleTimings } from "./long-titles.ts";
import { edited, tenfold } from "./tenfold.ts";

const runs = Number(process.argv[2] ?? 5);

async function median(fn: () => unknown): Promise<number> {
  await fn(); // warm-up: the first call pays for loading and compiling code
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return at(times, Math.floor(times.length / 2), "run");
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const loaded = await loadInput("sources/2020-2022");
const small = loaded.annex;
const big = tenfold(small);

console.log(`\nrender, per format (median of ${runs} runs after a warm-up)\n`);
console.log(`| format | 2020-2022 (${small.activities.length} activities) | 10× (${big.activities.length} activities) |`);
console.log("|---|---|---|");
let total = 0;
for (const format of FORMATS) {
  const resources = { plan: loaded.plan, labels: loadLabels(), html: htmlTemplates() };
  const t1 = await median(() => renderAll(small, [format], resources));
  const t10 = await median(() => renderAll(big, [format], resources));
  total += t1;
  console.log(`| ${format} | ${ms(t1)} | ${ms(t10)} |`);
}
console.log(`| all ${FORMATS.length}, one after the other | ${ms(total)} | |`);

const dir = mkdtempSync(join(tmpdir(), "annex-bench-diff-"));
const a = join(dir, "a.json");
const b = join(dir, "b.json");
const bigB = edited(big);
writeFileSync(a, toContractJson(big));
writeFileSync(b, toContractJson(bigB));
const ya = join(dir, "a.yaml");
const yb = join(dir, "b.yaml");
writeFileSync(ya, annexToYaml(big, "# bench\n"));
writeFileSync(yb, annexToYaml(bigB, "# bench\n"));
const pure = await median(() => diffAnnexes(big, bigB));
const whole = await median(async () => diffAnnexes((await loadInput(a)).annex, (await loadInput(b)).annex));
const wholeYaml = await median(async () => diffAnnexes((await loadInput(ya)).annex, (await loadInput(yb)).annex));
const changes = diffAnnexes(big, bigB).changes.length;
console.log(`\ndiff of two 10× annexes given as annex data (${big.activities.length} and ${bigB.activities.length} activities, ${changes} changes)\n`);
console.log("| step | median |");
console.log("|---|---|");
console.log(`| diff alone | ${ms(pure)} |`);
console.log(`| read both JSON files, validate, diff | ${ms(whole)} |`);
console.log(`| read both YAML files, validate, diff | ${ms(wholeYaml)} |`);

// the working copy: what `annex init --format xlsx|ods` writes (and reads back to check it), and
// what reading it costs, on the 2020-2022 annex and on 10×
const date = new Date(Date.UTC(2021, 0, 1));
console.log(`\nthe working copy (median of ${runs} runs after a warm-up)\n`);
console.log(`| step | 2020-2022 (${small.activities.length} activities) | 10× (${big.activities.length} activities) |`);
console.log("|---|---|---|");
for (const format of ["xlsx", "ods"] as const) {
  const bytes = [small, big].map((x) => writeWorkingCopy(x, loaded.plan, format, date));
  const write: number[] = [];
  const read: number[] = [];
  for (const [k, x] of [small, big].entries()) {
    write.push(await median(() => writeWorkingCopy(x, loaded.plan, format, date)));
    read.push(await median(() => readOffice(at(bytes, k, "working copy"), `allegato-1.${format}`, { planYears: "2020-2022" })));
  }
  console.log(`| write .${format} | ${write.map(ms).join(" | ")} |`);
  console.log(`| read .${format} back (to the annex, before validation) | ${read.map(ms).join(" | ")} |`);
}
const yaml = join(dir, "2020-2022.yaml");
writeFileSync(yaml, annexToYaml(small, "# bench\n"));
let run = 0;
const init = await median(async () => {
  const sources = join(dir, `sources-${String(run++)}`);
  mkdirSync(sources);
  await startPlanYear("2021-2023", yaml, sources, "xlsx");
});
console.log(`| \`init --format xlsx\` from annex data (read, validate, write, check that it reads back) | ${ms(init)} | |`);

longTitleTimings(small);
