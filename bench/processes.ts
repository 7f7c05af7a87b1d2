// Whole processes, as a person runs them: wall time and peak memory (RSS) of `annex` commands
// beside the pdf.js floor (bench/floor.js) and, where Python has it, pdfplumber. The commands
// take turns (round-robin, each round starting one further along), so that a change in the
// machine's load falls on all of them alike; figures are medians. `annex` runs as it is
// installed: bin/annex.js, the bundle. With `--compare <dir>`, the annex commands of another
// checkout (its own `npm ci` done) take their turns too.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { at } from "../pipeline/lib/at.ts";

const SOURCE = resolve("sources/2020-2022/allegato-1.pdf");
const TIME = "/usr/bin/time";

interface Command {
  label: string;
  argv: string[];
  cwd: string;
  /** the exit status it must end with */
  status: number;
  /** the floor its figures are divided by */
  floor?: string;
  env?: NodeJS.ProcessEnv;
}

interface Sample {
  wall: number;
  rssMiB: number;
}

/** The Python that has pdfplumber (PYTHONPATH honoured), or null. */
function pythonWithPdfplumber(): string | null {
  const candidates = process.env.PYTHON === undefined ? ["python3", "/usr/bin/python3"] : [process.env.PYTHON];
  return candidates.find((python) => spawnSync(python, ["-c", "import pdfplumber"], { stdio: "ignore" }).status === 0) ?? null;
}

/** One run: wall time measured here, peak RSS by GNU time. */
function runOnce(command: Command, out: string): Sample {
  const report = join(out, "time.txt");
  const [program = "", ...args] = command.argv;
  const t0 = performance.now();
  const r = spawnSync(TIME, ["-f", "%M", "-o", report, program, ...args], {
    cwd: command.cwd,
    env: { ...process.env, ...command.env },
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = performance.now() - t0;
  if (r.status !== command.status) throw new Error(`${command.label}: exit status ${String(r.status)}, expected ${command.status}\n${r.stderr.toString()}`);
  const kib = Number(readFileSync(report, "utf8").trim().split("\n").pop());
  return { wall, rssMiB: kib / 1024 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return at(sorted, Math.floor(sorted.length / 2), "sample");
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const times = (n: number) => `${n.toFixed(2)}×`;

export function runProcesses(options: { rounds: number; compare: string | null }): void {
  if (spawnSync(TIME, ["true"]).status !== 0) throw new Error(`${TIME} (GNU time, Debian package "time") is needed to measure peak memory`);
  const out = mkdtempSync(join(tmpdir(), "annex-processes-"));
  const big = join(out, "allegato-1-x10.pdf");
  // ten copies of the 20 pages: 200 pages of the same real geometry
  execFileSync("qpdf", ["--empty", "--pages", ...new Array<string>(10).fill(SOURCE), "--", big]);
  // the plan year `npm start` builds, alone in its sources folder
  cpSync(resolve("sources/2020-2022"), join(out, "sources", "2020-2022"), { recursive: true });
  const node = process.execPath;
  const here = process.cwd();
  // annex runs in the temporary folder, whose sources/ holds 2020-2022 alone: the PDF reader
  // looks there for the body's other annexes, and both checkouts find the same
  const source = join(out, "sources", "2020-2022", "allegato-1.pdf");
  const annexCommands = (tree: string, tag: string): Command[] => {
    const bin = join(tree, "bin", "annex.js");
    return [
      { label: `${tag}annex export (PDF → JSON, 20 pages)`, argv: [node, bin, "export", source, "--format", "json"], cwd: out, status: 0, floor: "floor" },
      { label: `${tag}annex --version`, argv: [node, bin, "--version"], cwd: out, status: 0 },
      { label: `${tag}annex --help`, argv: [node, bin, "--help"], cwd: out, status: 0 },
      {
        label: `${tag}npm start (2020-2022, every format)`,
        argv: ["npm", "start", "--silent", "--", "--sources", join(out, "sources"), "--out", join(out, tag === "" ? "out" : "out-compared")],
        cwd: tree,
        status: 0,
        floor: "floor",
        env: { npm_config_update_notifier: "false" },
      },
      // exit 1: the ten copies repeat their codes
      { label: `${tag}annex export (10×, 200 pages)`, argv: [node, bin, "export", big, "--format", "json"], cwd: out, status: 1, floor: "floor10" },
    ];
  };
  const commands: (Command & { key: string })[] = [
    { key: "floor", label: "pdf.js floor (20 pages)", argv: [node, "bench/floor.js", source], cwd: here, status: 0 },
    { key: "floor10", label: "pdf.js floor (10×, 200 pages)", argv: [node, "bench/floor.js", big], cwd: here, status: 0 },
    ...annexCommands(here, "").map((c, i) => ({ ...c, key: `annex${i}` })),
    ...(options.compare === null ? [] : annexCommands(resolve(options.compare), "compared: ").map((c, i) => ({ ...c, key: `compared${i}` }))),
  ];
  const python = pythonWithPdfplumber();
  if (python !== null)
    commands.push({ key: "plumber", label: "pdfplumber extract_tables (20 pages)", argv: [python, "bench/plumber-tables.py", source], cwd: here, status: 0, floor: "floor" });

  const samples = new Map<string, Sample[]>(commands.map((c) => [c.key, []]));
  const loads = [loadavg()[0] ?? 0];
  // a first round untimed: files in the page cache, the bundle up to date
  for (const command of commands) runOnce(command, out);
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < commands.length; k++) {
      const command = at(commands, (round + k) % commands.length, "command");
      samples.get(command.key)?.push(runOnce(command, out));
    }
    loads.push(loadavg()[0] ?? 0);
  }
  rmSync(out, { recursive: true, force: true });

  const figures = new Map([...samples].map(([key, list]) => [key, { wall: median(list.map((s) => s.wall)), rss: median(list.map((s) => s.rssMiB)) }]));
  const load = loads.map((l) => l.toFixed(1));
  console.log(`whole processes (median of ${options.rounds} rounds, round-robin; load average over the run ${load.join(", ")} on ${String(availableParallelism())} cores)\n`);
  console.log("| command | wall | × floor | peak RSS | × floor |");
  console.log("|---|---|---|---|---|");
  for (const command of commands) {
    const f = figures.get(command.key);
    const floor = command.floor === undefined ? undefined : figures.get(command.floor);
    if (!f) continue;
    const ratio = (a: number, b: number | undefined) => (b === undefined ? "" : times(a / b));
    console.log(`| ${command.label} | ${seconds(f.wall)} | ${ratio(f.wall, floor?.wall)} | ${f.rss.toFixed(0)} MiB | ${ratio(f.rss, floor?.rss)} |`);
  }
  const plumber = figures.get("plumber");
  const annex = figures.get("annex0");
  if (plumber && annex) console.log(`\n\`annex export\` takes ${times(annex.wall / plumber.wall)} pdfplumber's time (${times(plumber.wall / annex.wall)} faster); pdfplumber: ${python ?? ""}`);
  else console.log("\npdfplumber: not found (no Python with pdfplumber; PYTHON and PYTHONPATH are honoured)");
}
