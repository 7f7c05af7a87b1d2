// `annex build`: every plan year in the sources folder published to its own output folder. One
// plan year that cannot be read, or that has errors, does not stop the others.
import { join } from "node:path";
import { FatalError } from "../diagnostics/fatal.ts";
import type { Format } from "../model/files.ts";
import { listPlanYears } from "./inputs.ts";
import { publish, type PublishResult } from "./publish.ts";

export type YearOutcome =
  | { year: string; status: "published" | "refused"; result: PublishResult; seconds: number }
  | { year: string; status: "failed"; error: unknown };

export interface BuildOptions {
  sourcesDir: string;
  /** the output folder; each plan year goes to a subfolder named after it */
  outRoot: string;
  formats: readonly Format[];
  /** a progress line of the plan year `year`, number `index` (0-based) of `total` */
  progress: (line: string, year: string, index: number, total: number) => void;
  /** called as each plan year is done */
  settled: (outcome: YearOutcome, index: number, total: number) => void;
}

export async function buildAll(options: BuildOptions): Promise<YearOutcome[]> {
  const years = await listPlanYears(options.sourcesDir);
  if (years.length === 0) {
    throw new FatalError("plan-year/none", `no plan year in ${options.sourcesDir}/ (expected folders named like 2020-2022)`);
  }
  const outcomes: YearOutcome[] = [];
  for (const [index, year] of years.entries()) {
    const started = performance.now();
    let outcome: YearOutcome;
    try {
      const result = await publish(year, {
        outDir: join(options.outRoot, year),
        formats: options.formats,
        sourcesDir: options.sourcesDir,
        report: true,
        progress: (line) => {
          options.progress(line, year, index, years.length);
        },
      });
      const seconds = (performance.now() - started) / 1000;
      outcome = { year, status: result.published ? "published" : "refused", result, seconds };
    } catch (error) {
      outcome = { year, status: "failed", error };
    }
    outcomes.push(outcome);
    options.settled(outcome, index, years.length);
  }
  return outcomes;
}
