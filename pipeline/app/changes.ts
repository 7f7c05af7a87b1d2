// The change report published with an edition: when the sources folder holds the plan year
// before it (the latest whose name sorts before it), `build` writes what changed since that
// edition beside the annex, as an HTML page to publish, and its data as CSV and JSON (the JSON
// of `annex diff --format json`). The HTML names the body and both editions' identities.
import { hasErrors } from "../diagnostics/format.ts";
import { diffAnnexes, diffToJson, type DiffResult } from "../diff/index.ts";
import type { ReportEditions } from "../diff/format-html.ts";
import { CHANGES_FILE, type Format } from "../model/files.ts";
import { identityOf } from "../model/plan.ts";
import { identityLine } from "../render/layout.ts";
import { findPlanYears } from "./inputs.ts";
import { loadInput, type Loaded } from "./load.ts";
import { diffTemplates, loadLabels } from "./templates.ts";

/** The formats of the change report, each written when the annex is published in that format. */
const REPORT_FORMATS = ["html", "csv", "json"] as const satisfies readonly Format[];

/** The edition before `planYears` in the sources folder: the plan year that sorts just before it, if any. */
export async function previousEdition(planYears: string, sourcesDir: string): Promise<{ name: string; path: string } | null> {
  const earlier = (await findPlanYears(sourcesDir)).filter((f) => f.problem === undefined && f.name < planYears);
  return earlier.at(-1) ?? null;
}

/** The identities of the two editions as their documents print them: the body once, then each edition's act, date and version. */
export function reportEditions(before: Loaded, after: Loaded): ReportEditions {
  const labels = loadLabels();
  const adoption = (loaded: Loaded) => identityLine({ ...identityOf(loaded.plan), body: null }, labels);
  const body = after.plan?.body ?? before.plan?.body ?? null;
  return { body, from: adoption(before), to: adoption(after), exampleMark: before.example || after.example ? labels.example : null };
}

/** The change report's files in the formats asked for: allegato-1-modifiche.html, .csv, .json. */
export async function changeReportFiles(result: DiffResult, editions: ReportEditions, formats: readonly Format[]): Promise<{ format: Format; name: string; data: string }[]> {
  const files: { format: Format; name: string; data: string }[] = [];
  for (const format of REPORT_FORMATS) {
    if (!formats.includes(format)) continue;
    let data: string;
    if (format === "html") data = (await import("../diff/format-html.ts")).renderHtml(result, diffTemplates(), editions);
    else if (format === "csv") data = (await import("../diff/format-csv.ts")).diffToCsv(result);
    else data = `${JSON.stringify(diffToJson(result), null, 2)}\n`;
    files.push({ format, name: `${CHANGES_FILE}.${format}`, data });
  }
  return files;
}

/**
 * What changed since the previous edition of the sources folder, ready to write beside the
 * annex; none when there is no previous edition, when no format of the report is asked for, or
 * when the previous edition cannot be read or has errors (`skipped` says why: the report is
 * never made from a damaged edition).
 */
export async function changeReport(current: Loaded, sourcesDir: string, formats: readonly Format[]): Promise<{ files: { format: Format; name: string; data: string }[]; from: string | null; skipped?: string }> {
  if (!REPORT_FORMATS.some((f) => formats.includes(f))) return { files: [], from: null };
  const previous = await previousEdition(current.annex.planYears, sourcesDir);
  if (previous === null) return { files: [], from: null };
  let before: Loaded;
  try {
    before = await loadInput(previous.path, { sourcesDir });
  } catch (error) {
    return { files: [], from: previous.name, skipped: `the previous edition ${previous.name} cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
  if (hasErrors(before.diagnostics)) return { files: [], from: previous.name, skipped: `the previous edition ${previous.name} has errors` };
  const result = diffAnnexes(before.annex, current.annex);
  return { files: await changeReportFiles(result, reportEditions(before, current), formats), from: previous.name };
}
