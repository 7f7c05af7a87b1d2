// Which file an input names, and what lies beside it. An input is a plan year in sources/
// (2020-2022), a plan-year folder, or a file; a plan-year folder also holds the plan settings
// and the corrections that go with its source.
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { FatalError } from "../diagnostics/fatal.ts";
import { CORRECTIONS_FILE, PLAN_FILE } from "../model/files.ts";
import { checkPlanYears, looksLikePlanYears, PLAN_YEARS } from "../model/plan-years.ts";
import { exists } from "./files.ts";
import { readerFor, SOURCE_NAMES, type Reader } from "./readers.ts";
import { ph } from "../messages/catalogue.ts";

export interface ResolvedSource {
  file: string;
  reader: Reader;
  /** the plan-year folder name when the source sits in one */
  planYears?: string;
  planFile?: string;
  correctionsFile?: string;
}

/** A folder of the sources folder named like a plan year, and why it cannot be built, if it cannot. */
export interface PlanYearFolder {
  name: string;
  path: string;
  problem?: FatalError;
}

/**
 * Every entry of the sources folder named like a plan year ("2020-2022", but also "21-23" or
 * "2021-2022", which are refused as `init` refuses them), in name order; a link to a folder is a
 * folder. Entries named otherwise (notes, hidden files) are not plan years and are left alone.
 */
export async function findPlanYears(sourcesDir = "sources"): Promise<PlanYearFolder[]> {
  const entries = await readdir(sourcesDir, { withFileTypes: true }).catch(() => []);
  const found: PlanYearFolder[] = [];
  for (const entry of entries) {
    if (!looksLikePlanYears(entry.name)) continue;
    const path = join(sourcesDir, entry.name);
    const misnamed = checkPlanYears(entry.name);
    const kind = await stat(path).then(
      (s) => (s.isDirectory() ? "folder" : "file"),
      () => "broken link",
    );
    let problem: FatalError | undefined;
    if (misnamed) problem = new FatalError("plan-year/name", "folder", { problem: misnamed }, { file: path });
    else if (kind === "broken link") problem = new FatalError("input/not-found", "broken-link", {}, { file: path });
    else if (kind === "file") problem = new FatalError("input/no-source", "not-folder", {}, { file: path });
    found.push({ name: entry.name, path, ...(problem ? { problem } : {}) });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** The plan years of the sources folder that can be built (links to folders included). */
export async function listPlanYears(sourcesDir = "sources"): Promise<string[]> {
  return (await findPlanYears(sourcesDir)).filter((f) => f.problem === undefined).map((f) => f.name);
}

/** The source file of an input, its reader, and the plan and corrections files beside it. */
export async function resolveSource(input: string, sourcesDir = "sources"): Promise<ResolvedSource> {
  let path = input;
  if (!(await exists(path)) && PLAN_YEARS.test(input)) path = join(sourcesDir, input);
  if (!(await exists(path))) {
    // "21-23" or "2021-2022" deserve a word on how plan years are named, not a bare "no such file"
    const misnamed = looksLikePlanYears(input) ? checkPlanYears(input) : null;
    if (misnamed) throw new FatalError("plan-year/name", "name", { problem: misnamed });
    if (PLAN_YEARS.test(input)) {
      const years = await listPlanYears(sourcesDir);
      throw new FatalError(
        "plan-year/not-found",
        "not-found",
        { name: input, dir: sourcesDir, count: years.length, years: years.length > 0 ? years : ph("plan-years.none") },
      );
    }
    throw new FatalError("input/not-found", "no-such", {}, { file: input });
  }
  let dir: string;
  let file: string;
  if ((await stat(path)).isDirectory()) {
    dir = path;
    let found: string | undefined;
    for (const name of SOURCE_NAMES) if (found === undefined && (await exists(join(dir, name)))) found = name;
    if (found === undefined) throw new FatalError("input/no-source", "expected", { names: SOURCE_NAMES }, { file: dir });
    file = join(dir, found);
  } else {
    file = path;
    dir = dirname(path);
  }
  const reader = await readerFor(file);
  const folder = basename(dir);
  const planFile = join(dir, PLAN_FILE);
  const correctionsFile = join(dir, CORRECTIONS_FILE);
  return {
    file,
    reader,
    ...(PLAN_YEARS.test(folder) ? { planYears: folder } : {}),
    ...((await exists(planFile)) ? { planFile } : {}),
    ...((await exists(correctionsFile)) ? { correctionsFile } : {}),
  };
}
