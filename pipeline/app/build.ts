// `annex build`: plan years published to their own output folders — every plan year in the
// sources folder, or the plan-year folders named (an example in examples/, say). One plan year
// that cannot be read, or that has errors, does not stop the others; a folder named like a plan
// year that cannot be one (a bad name, a broken link) is reported, never skipped in silence.
import { basename, dirname, join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { FatalError } from "../diagnostics/fatal.ts";
import type { Format } from "../model/files.ts";
import { attentionOf, type Attention } from "./attention.ts";
import { findPlanYears, type PlanYearFolder } from "./inputs.ts";
import { loadInput } from "./load.ts";
import { editionFolder, publish, type PublishResult } from "./publish.ts";

export type YearOutcome =
  | { year: string; status: "published" | "refused"; result: PublishResult; seconds: number; attention: Attention }
  | { year: string; status: "failed"; error: unknown };

export interface BuildOptions {
  sourcesDir: string;
  /** plan-year folders (or plan years of the sources folder) to build; none: every plan year of the sources folder */
  inputs?: readonly string[];
  /** the output folder; each plan year goes to a subfolder named after it (examples under examples/) */
  outRoot: string;
  formats: readonly Format[];
  /** a progress line of the plan year `year`, number `index` (0-based) of `total` */
  progress: (line: string, year: string, index: number, total: number) => void;
  /** called as each plan year is done */
  settled: (outcome: YearOutcome, index: number, total: number) => void;
}

async function targets(options: BuildOptions): Promise<PlanYearFolder[]> {
  if (options.inputs && options.inputs.length > 0) {
    return options.inputs.map((input) => ({ name: basename(input.replace(/[/\\]+$/, "")) || input, path: input }));
  }
  const found = await findPlanYears(options.sourcesDir);
  if (found.length === 0) {
    throw new FatalError("plan-year/none", "none", { dir: options.sourcesDir });
  }
  return found;
}

/**
 * The diagnostics of the edition before `path`'s, in the same folder: the latest plan year before
 * it. Taken from this run when it was built in it, else read (and null when it cannot be).
 */
async function previousEdition(edition: string, year: string, built: ReadonlyMap<string, Diagnostic[]>): Promise<{ planYears: string; diagnostics: Diagnostic[] } | null> {
  const folder = dirname(edition);
  const earlier = (await findPlanYears(folder)).filter((f) => f.problem === undefined && f.name.localeCompare(year) < 0).at(-1);
  if (!earlier) return null;
  const known = built.get(resolve(folder, earlier.name));
  if (known) return { planYears: earlier.name, diagnostics: known };
  try {
    return { planYears: earlier.name, diagnostics: (await loadInput(join(folder, earlier.name), { sourcesDir: folder })).diagnostics };
  } catch {
    return null;
  }
}

export async function buildAll(options: BuildOptions): Promise<YearOutcome[]> {
  const years = await targets(options);
  const outcomes: YearOutcome[] = [];
  /** the diagnostics of each plan-year folder built in this run, by its absolute path */
  const built = new Map<string, Diagnostic[]>();
  for (const [index, { name: year, path, problem }] of years.entries()) {
    const started = performance.now();
    let outcome: YearOutcome;
    try {
      if (problem) throw problem;
      const result = await publish(path, {
        outDir: (planYears, example) => editionFolder(options.outRoot, planYears, example),
        whole: true,
        changes: true,
        formats: options.formats,
        sourcesDir: options.sourcesDir,
        report: true,
        progress: (line) => {
          options.progress(line, year, index, years.length);
        },
      });
      const seconds = (performance.now() - started) / 1000;
      // the plan-year folder is the source file's
      const edition = dirname(resolve(result.loaded.file));
      built.set(edition, result.loaded.diagnostics);
      const attention = attentionOf(result.loaded.diagnostics, await previousEdition(edition, year, built));
      outcome = { year, status: result.published ? "published" : "refused", result, seconds, attention };
    } catch (error) {
      outcome = { year, status: "failed", error };
    }
    outcomes.push(outcome);
    options.settled(outcome, index, years.length);
  }
  return outcomes;
}
