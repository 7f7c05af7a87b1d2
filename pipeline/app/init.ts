// Starting the next plan year: the previous edition's annex, as read and validated, becomes the
// source the office edits for the new one: the working copy (a spreadsheet, .xlsx or .ods) or
// annex data (YAML). The new plan-year folder appears whole or not at all (it is assembled
// beside sources/ and renamed into place), and an existing plan year is never overwritten: it
// may hold a person's edits.
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { FatalError } from "../diagnostics/fatal.ts";
import { t } from "../messages/catalogue.ts";
import { errorsOf } from "../diagnostics/format.ts";
import { editionYaml } from "../formats/annex-data/write.ts";
import type { Annex } from "../model/annex.ts";
import { normalizeText } from "../lib/text.ts";
import { toContract } from "../model/contract.ts";
import { ANNEX_FILE, PLAN_FILE, type InitFormat } from "../model/files.ts";
import { IDENTITY_FIELDS, type PlanConfig } from "../model/plan.ts";
import { checkPlanYears, replacePlanYears } from "../model/plan-years.ts";
import { documentDate } from "../render/layout.ts";
import { loadInput, type Loaded } from "./load.ts";
import { planForNextEdition } from "./settings.ts";

/** The annex of the next edition: same content, new plan years, the title's years replaced. */
export function nextEdition(annex: Annex, planYears: string): { annex: Annex; titleUpdated: boolean } {
  let title = annex.title;
  let titleUpdated = false;
  if (title !== null) {
    const replaced = replacePlanYears(title, annex.planYears, planYears);
    title = replaced.text;
    titleUpdated = replaced.count > 0;
  }
  return { annex: { ...annex, planYears, title }, titleUpdated };
}

export interface InitRequest {
  planYears: string;
  /** the loaded previous edition */
  previous: Annex;
  /** the file it was loaded from: its folder's plan.yaml is copied */
  previousFile: string;
  /** its plan settings: the working copy's legend and structure lists */
  plan?: PlanConfig | null;
  sourcesDir: string;
  format?: InitFormat;
}

export interface InitOutcome {
  dir: string;
  files: string[];
  warnings: string[];
}

/** Refuses a bad name or an existing plan year (FatalError) before any work is done. */
export function checkNewPlanYear(planYears: string, sourcesDir: string): string {
  const problem = checkPlanYears(planYears);
  if (problem) throw new FatalError("plan-year/name", "name", { problem });
  const dir = join(sourcesDir, planYears);
  if (existsSync(dir)) {
    throw new FatalError("plan-year/exists", "exists", { name: planYears, dir });
  }
  return dir;
}

export async function initPlanYear(request: InitRequest): Promise<InitOutcome> {
  const { planYears, previous, sourcesDir } = request;
  const dir = checkNewPlanYear(planYears, sourcesDir);
  if (previous.planYears === planYears) throw new FatalError("plan-year/same", "same", { name: planYears });
  const warnings: string[] = [];

  const format = request.format ?? "xlsx";
  const source = `${ANNEX_FILE}.${format}`;
  const next = nextEdition(previous, planYears);
  if (!next.titleUpdated) {
    warnings.push(t("init.title-not-updated", { previous: previous.planYears, file: join(dir, source) }));
  }
  // the act, its date and the version are the new edition's to write: the Edizione sheet leaves them empty
  const plan = request.plan ? withoutIdentity(request.plan) : null;
  const files = new Map<string, string | Uint8Array>([[source, format === "yaml" ? editionYaml(next.annex, previous.planYears) : await workingCopy(next.annex, plan, format)]]);

  const planPath = join(dirname(request.previousFile), PLAN_FILE);
  if (existsSync(planPath)) {
    const plan = planForNextEdition(await readFile(planPath, "utf8"), planPath, previous.planYears, format !== "yaml");
    files.set(PLAN_FILE, replacePlanYears(plan.text, previous.planYears, planYears).text);
    if (plan.dropped.length > 0) {
      warnings.push(t("init.identity-dropped", { fields: plan.dropped, previous: previous.planYears, file: join(dir, PLAN_FILE) }));
    }
  } else {
    warnings.push(t("init.no-plan", { plan: PLAN_FILE, file: request.previousFile, target: join(dir, PLAN_FILE) }));
  }

  await mkdir(sourcesDir, { recursive: true });
  const staging = join(sourcesDir, `.${planYears}.${process.pid}.tmp`);
  try {
    await mkdir(staging);
    for (const [name, text] of files) await writeFile(join(staging, name), text);
    // checked again right before the rename: another run may have created it meanwhile
    if (existsSync(dir)) throw new FatalError("plan-year/exists", "exists-now", { name: planYears, dir });
    await rename(staging, dir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return { dir, files: [...files.keys()].map((name) => join(dir, name)), warnings };
}

function withoutIdentity(plan: PlanConfig): PlanConfig {
  return Object.fromEntries(Object.entries(plan).filter(([key]) => !(IDENTITY_FIELDS as readonly string[]).includes(key))) as PlanConfig;
}

/** The working copy's bytes, checked to read back as the very annex it was written from. */
async function workingCopy(annex: Annex, plan: PlanConfig | null, format: "xlsx" | "ods"): Promise<Uint8Array> {
  const { writeWorkingCopy } = await import("../formats/spreadsheet/working-copy/write.ts");
  const { readOffice } = await import("../formats/office/read.ts");
  const bytes = writeWorkingCopy(annex, plan, format, documentDate(plan?.adopted ?? null));
  const back = readOffice(bytes, `${ANNEX_FILE}.${format}`, { planYears: annex.planYears });
  // a cell keeps no run of spaces (the reader collapses them, as it does a clerk's)
  const expected = JSON.stringify(toContract(annex), (_key, value: unknown) => (typeof value === "string" ? normalizeText(value) : value));
  if (!("annex" in back) || JSON.stringify(back.annex) !== expected) {
    throw new Error(`internal error: the ${format} working copy would not read back as the annex it was written from`);
  }
  return bytes;
}

export type StartResult =
  | { status: "started"; previous: Loaded; outcome: InitOutcome }
  /** the previous edition has errors: nothing was written */
  | { status: "refused"; previous: Loaded; errors: Diagnostic[] };

/** `annex init`: the plan year `planYears` started from the edition `from` (any input). */
export async function startPlanYear(planYears: string, from: string, sourcesDir: string, format: InitFormat = "xlsx"): Promise<StartResult> {
  // refuse a bad name or an existing plan year before the (slow) reading of a PDF
  checkNewPlanYear(planYears, sourcesDir);
  const previous = await loadInput(from, { sourcesDir });
  const errors = errorsOf(previous.diagnostics);
  if (errors.length > 0) return { status: "refused", previous, errors };
  const outcome = await initPlanYear({ planYears, previous: previous.annex, previousFile: previous.file, plan: previous.plan, sourcesDir, format });
  return { status: "started", previous, outcome };
}
