// Timings of render (per format) and diff, in one process, on the 2020-2022 annex and on 10×.
// usage: tsx bench/stages.ts <runs>
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { annexToYaml } from "../pipeline/formats/annex-data/write.ts";
import { diffAnnexes } from "../pipeline/diff/index.ts";
import { loadInput } from "../pipeline/app/load.ts";
import { htmlTemplates, loadLabels } from "../pipeline/app/templates.ts";
import { FORMATS } from "../pipeline/model/files.ts";
import { renderAll } from "../pipeline/render/index.ts";
import { toContractJson } from "../pipeline/render/open-data/json.ts";
import { at } from "../pipeline/lib/at.ts";
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
console.log(`| all five, one after the other | ${ms(total)} | |`);

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
