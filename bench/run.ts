// npm run bench: whole processes as a person runs them (bench/processes.ts), then how long the
// stages take inside one process, beside the floor that pdf.js itself costs, and how time and
// memory grow with a 10× larger annex. Figures go to BENCHMARKS.md by hand.
// usage: npm run bench [-- --processes] [-- --compare <another checkout>]
//   --processes: the whole processes alone; --compare: that checkout's commands take turns too
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runProcesses } from "./processes.ts";

const SOURCE = "sources/2020-2022/allegato-1.pdf";
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const { values: flags } = parseArgs({ options: { processes: { type: "boolean", default: false }, compare: { type: "string" } } });
runProcesses({ rounds: RUNS, compare: flags.compare ?? null });
if (flags.processes) process.exit(0);

interface Measure {
  median: number;
  first: number;
  times: number[];
  activities: number;
  maxRssMiB: number;
}

function measure(what: string, file: string, runs = RUNS): Measure {
  const out = execFileSync(process.execPath, ["--import", "tsx", "bench/measure.ts", what, file, String(runs)], { encoding: "utf8" });
  return JSON.parse(out) as Measure;
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

const dir = mkdtempSync(join(tmpdir(), "annex-bench-"));
const big = join(dir, "allegato-1-x10.pdf");
// ten copies of the 20 pages, one after the other: 200 pages of the same real geometry
execFileSync("qpdf", ["--empty", "--pages", ...new Array<string>(10).fill(SOURCE), "--", big]);

console.log(`\nextract + repair + validate, in one process (median of ${RUNS} runs, each size in a fresh process)\n`);
console.log("| input | pdf.js floor | pipeline | ratio | first run: floor / pipeline | activities | peak RSS (pipeline process) |");
console.log("|---|---|---|---|---|---|---|");
for (const [label, file, runs] of [
  ["2020-2022 (20 pages)", SOURCE, RUNS],
  ["10× (200 pages)", big, Math.max(3, Math.ceil(RUNS / 2))],
  // the same annex printed by other producers (test/fixtures/producers/)
  ["no-rules: Calc, no rules (16 pages)", "test/fixtures/producers/no-rules.pdf", RUNS],
  ["word-table: Writer, rows broken (24 pages)", "test/fixtures/producers/word-table.pdf", RUNS],
  ["narrow-columns: Chromium (24 pages)", "test/fixtures/producers/narrow-columns.pdf", RUNS],
  ["national-headers: pdfmake (13 pages)", "test/fixtures/producers/national-headers.pdf", RUNS],
] as const) {
  const floor = measure("floor", file, runs);
  const pipeline = measure("pipeline", file, runs);
  console.log(
    `| ${label} | ${ms(floor.median)} | ${ms(pipeline.median)} | ${(pipeline.median / floor.median).toFixed(2)}× | ${ms(floor.first)} / ${ms(pipeline.first)} | ${pipeline.activities} | ${pipeline.maxRssMiB.toFixed(0)} MiB |`,
  );
}

console.log(`\nthe same annex read from the office's files (LibreOffice-made, test/fixtures/office; median of ${RUNS} runs, each file in a fresh process)\n`);
console.log("| input | read + repair + validate | first run in a process | activities | peak RSS |");
console.log("|---|---|---|---|---|");
for (const [label, what, file] of [
  ["PDF (20 pages)", "pipeline", SOURCE],
  ["xlsx", "office", "test/fixtures/office/allegato-1.xlsx"],
  ["ods", "office", "test/fixtures/office/allegato-1.ods"],
  ["docx", "office", "test/fixtures/office/allegato-1.docx"],
  ["odt", "office", "test/fixtures/office/allegato-1.odt"],
] as const) {
  const m = measure(what, file);
  console.log(`| ${label} | ${ms(m.median)} | ${ms(m.first)} | ${m.activities} | ${m.maxRssMiB.toFixed(0)} MiB |`);
}

execFileSync(process.execPath, ["--import", "tsx", "bench/stages.ts", String(RUNS)], { stdio: "inherit" });
execFileSync(process.execPath, ["--import", "tsx", "bench/account.ts", String(RUNS)], { stdio: "inherit" });
