// What the account of a reading costs (extract/pdf/account.ts): its time beside the whole
// extraction and beside the whole export (read, extract, repair, validate: what `annex export`
// does before it writes), for the ruled source, its 10× copy, and the prints without rules.
// usage: tsx bench/account.ts <runs>
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadInput } from "../pipeline/app/load.ts";
import { ACCOUNT_MEASURE, extractPdf } from "../pipeline/extract/pdf/index.ts";
import { at } from "../pipeline/lib/at.ts";

const runs = Number(process.argv[2] ?? 5);
const SOURCE = "sources/2020-2022/allegato-1.pdf";
const tenfold = join(mkdtempSync(join(tmpdir(), "annex-bench-account-")), "tenfold.pdf");
execFileSync("qpdf", ["--empty", "--pages", ...Array<string>(10).fill(SOURCE), "--", tenfold]);
const inputs: [string, string][] = [
  ["2020-2022 (20 pages, Calc, ruled)", SOURCE],
  ["10× (200 pages)", tenfold],
  ...["no-rules", "calc-portrait", "chromium-no-borders-a4", "chromium-no-borders-a3", "word-table", "word-no-borders", "narrow-columns", "national-headers"].map(
    (n): [string, string] => [n, `test/fixtures/producers/${n}.pdf`],
  ),
];

const med = (values: number[]): number => at([...values].sort((a, b) => a - b), Math.floor(values.length / 2), "run");

console.log(`\nthe account of a reading (median of ${runs} runs after a warm-up)\n`);
console.log("| input | export | extract, account included | account | share of the extract | share of the export |");
console.log("|---|---|---|---|---|---|");
for (const [name, file] of inputs) {
  if (!existsSync(file)) continue;
  const data = new Uint8Array(readFileSync(file));
  const whole: number[] = [];
  const account: number[] = [];
  const exports: number[] = [];
  for (let i = 0; i <= runs; i++) {
    performance.clearMeasures(ACCOUNT_MEASURE);
    const t0 = performance.now();
    await extractPdf(data, file).catch(() => undefined);
    const t = performance.now() - t0;
    const a = performance.getEntriesByName(ACCOUNT_MEASURE).reduce((sum, e) => sum + e.duration, 0);
    const t1 = performance.now();
    await loadInput(file).catch(() => undefined);
    const e = performance.now() - t1;
    if (i === 0) continue;
    whole.push(t);
    account.push(a);
    exports.push(e);
  }
  const w = med(whole);
  const a = med(account);
  const e = med(exports);
  console.log(`| ${name} | ${e.toFixed(0)} ms | ${w.toFixed(0)} ms | ${a.toFixed(1)} ms | ${((100 * a) / w).toFixed(1)} % | ${((100 * a) / e).toFixed(1)} % |`);
}
