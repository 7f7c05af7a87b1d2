// Reading any input into a validated annex: a plan year in sources/, a plan-year folder, a PDF,
// a text layer or annex data. This is the one place that touches the file system for inputs;
// the stages it calls are pure.
import { readFile, readdir, stat } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import type { Diagnostic, Place } from "../diagnostics/diagnostic.ts";
import { FatalError } from "../diagnostics/fatal.ts";
import { diag } from "../diagnostics/rules.ts";
import { readAnnexData } from "../formats/annex-data/read.ts";
import type { RawTable } from "../model/raw.ts";
import { readTextLayer } from "../extract/text-layer/read.ts";
import type { Annex } from "../model/annex.ts";
import { PlanConfig } from "../model/plan.ts";
import { checkPlanYears, looksLikePlanYears, PLAN_YEARS } from "../model/plan-years.ts";
import type { ParsedCorrections } from "../model/corrections.ts";
import { parseCorrections } from "../repair/corrections.ts";
import { loadLabels } from "../render/labels.ts";
import type { PrintedMarks } from "../repair/hierarchy.ts";
import { repair } from "../repair/index.ts";
import { validateAnnex } from "../validate/index.ts";
import { parseYamlDocument } from "../formats/yaml-document.ts";

const SOURCE_NAMES = ["allegato-1.yaml", "allegato-1.yml", "allegato-1.json", "allegato-1.pdf", "allegato-1.txt"];

export interface Loaded {
  annex: Annex;
  plan: PlanConfig | null;
  provenance: Map<string, Place>;
  /** repair and validation findings (warnings, errors) */
  diagnostics: Diagnostic[];
  /** the repair log, corrections included (severity info) */
  repairs: Diagnostic[];
  /** the source file that was read */
  file: string;
}

export type SourceKind = "pdf" | "text-layer" | "annex-data";

export interface ResolvedSource {
  file: string;
  kind: SourceKind;
  /** the plan-year folder name when the source sits in one */
  planYears?: string;
  planFile?: string;
  correctionsFile?: string;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export async function listPlanYears(sourcesDir = "sources"): Promise<string[]> {
  const entries = await readdir(sourcesDir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && PLAN_YEARS.test(e.name)).map((e) => e.name).sort();
}

/** Finds the source file, and the plan and corrections files beside it. */
export async function resolveSource(input: string, sourcesDir = "sources"): Promise<ResolvedSource> {
  let path = input;
  if (!(await exists(path)) && PLAN_YEARS.test(input)) path = join(sourcesDir, input);
  if (!(await exists(path))) {
    // "21-23" or "2021-2022" deserve a word on how plan years are named, not a bare "no such file"
    const misnamed = looksLikePlanYears(input) ? checkPlanYears(input) : null;
    if (misnamed) throw new FatalError("plan-year/name", misnamed);
    if (PLAN_YEARS.test(input)) {
      const years = await listPlanYears(sourcesDir);
      throw new FatalError("plan-year/not-found", `no plan year ${input} in ${sourcesDir}/ (there ${years.length === 1 ? "is" : "are"}: ${years.join(", ") || "none"})`);
    }
    throw new FatalError("input/not-found", "no such file or folder", { file: input });
  }
  let dir: string;
  let file: string;
  if ((await stat(path)).isDirectory()) {
    dir = path;
    const found = [];
    for (const name of SOURCE_NAMES) if (await exists(join(dir, name))) found.push(name);
    if (found.length === 0) throw new FatalError("input/no-source", `no source in this folder: expected one of ${SOURCE_NAMES.join(", ")}`, { file: dir });
    file = join(dir, found[0]!);
  } else {
    file = path;
    dir = dirname(path);
  }
  const kind = await sniff(file);
  const folder = basename(dir);
  const planFile = join(dir, "plan.yaml");
  const correctionsFile = join(dir, "corrections.yaml");
  return {
    file,
    kind,
    ...(PLAN_YEARS.test(folder) ? { planYears: folder } : {}),
    ...((await exists(planFile)) ? { planFile } : {}),
    ...((await exists(correctionsFile)) ? { correctionsFile } : {}),
  };
}

async function sniff(file: string): Promise<SourceKind> {
  const ext = extname(file).toLowerCase();
  if ([".yaml", ".yml", ".json"].includes(ext)) return "annex-data";
  const head = (await readFile(file)).subarray(0, 1024);
  if (head.length === 0) throw new FatalError("input/empty", "the file is empty", { file });
  if (head.includes(Buffer.from("%PDF-"))) return "pdf";
  if (ext === ".pdf") throw new FatalError("input/not-pdf", "not a PDF file (it does not start with %PDF)", { file });
  return "text-layer";
}

/** Extract only: the raw table of a PDF or text layer. */
export async function readRawTable(source: ResolvedSource): Promise<{ table: RawTable; diagnostics: Diagnostic[] }> {
  if (source.kind === "pdf") {
    // pdf.js is large: load it only when a PDF is read
    const { extractPdf } = await import("../extract/pdf/index.ts");
    return extractPdf(new Uint8Array(await readFile(source.file)), source.file);
  }
  if (source.kind === "text-layer") return readTextLayer(await readFile(source.file, "utf8"), source.file);
  throw new FatalError("input/no-raw-table", "annex data has no raw table: it is already an annex", { file: source.file });
}

export async function readPlan(planFile: string | undefined): Promise<PlanConfig | null> {
  if (!planFile) return null;
  const data: unknown = parseYamlDocument(await readFile(planFile, "utf8"), planFile).doc.toJS();
  const parsed = PlanConfig.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FatalError("plan/invalid", `not a valid plan file: ${issue.path.join(".") || "(top)"}: ${issue.message}`, { file: planFile });
  }
  return parsed.data;
}

async function readCorrections(file: string | undefined): Promise<ParsedCorrections | undefined> {
  return file ? parseCorrections(await readFile(file, "utf8"), file) : undefined;
}

/** The words our renderers add to the printed table (templates/labels.yaml), so that reading our own PDF back drops them. */
function printedMarks(): PrintedMarks {
  const labels = loadLabels();
  return { continued: [labels.continued], notActive: [labels.notActive] };
}

export interface RepairedSource {
  source: ResolvedSource;
  annex: unknown;
  provenance: Map<string, Place>;
  repairs: Diagnostic[];
  diagnostics: Diagnostic[];
}

/** Extract and repair (or read annex data), without validation. */
export async function readAnnex(input: string, opts: { sourcesDir?: string } = {}): Promise<RepairedSource> {
  const source = await resolveSource(input, opts.sourcesDir);
  if (source.kind === "annex-data") {
    const { annex, diagnostics } = readAnnexData(await readFile(source.file, "utf8"), source.file);
    if (source.correctionsFile) {
      diagnostics.push(diag("corrections/ignored", "annex data is edited directly: the corrections file beside it is not applied", { file: source.correctionsFile }));
    }
    return { source, annex, provenance: new Map(), repairs: [], diagnostics };
  }
  const corrections = await readCorrections(source.correctionsFile);
  const extracted = await readRawTable(source);
  const repaired = repair(extracted.table, {
    ...(source.planYears ? { planYears: source.planYears } : {}),
    ...(corrections ? { corrections } : {}),
    marks: printedMarks(),
  });
  return {
    source,
    annex: repaired.annex,
    provenance: repaired.provenance,
    repairs: repaired.repairs,
    diagnostics: [...extracted.diagnostics, ...repaired.diagnostics],
  };
}

/** Extract, repair and validate: the annex of any input, with everything said about it. */
export async function loadInput(input: string, opts: { sourcesDir?: string } = {}): Promise<Loaded> {
  const read = await readAnnex(input, opts);
  const plan = await readPlan(read.source.planFile);
  const validated = validateAnnex(read.annex, { plan, file: read.source.file, provenance: read.provenance });
  if (!validated.annex) {
    const first = validated.diagnostics.find((d) => d.severity === "error");
    throw new FatalError("schema/shape", `the annex does not match the schema: ${first?.reason ?? "unknown problem"}`, first?.place ?? { file: read.source.file });
  }
  return {
    annex: validated.annex,
    plan,
    provenance: read.provenance,
    diagnostics: [...read.diagnostics, ...validated.diagnostics],
    repairs: read.repairs,
    file: read.source.file,
  };
}
