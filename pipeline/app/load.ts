// Loading any input into a validated annex: extract (or read annex data), repair, validate.
// The stages are pure; the files they need (the source, the plan and corrections beside it,
// the labels whose printed marks repair drops) are read here.
import { basename, dirname, resolve } from "node:path";
import type { Diagnostic, Place } from "../diagnostics/diagnostic.ts";
import { FatalError } from "../diagnostics/fatal.ts";
import { diag } from "../diagnostics/rules.ts";
import type { Annex } from "../model/annex.ts";
import type { ParsedCorrections } from "../model/corrections.ts";
import type { PlanConfig } from "../model/plan.ts";
import type { RawTable } from "../model/raw.ts";
import { repair } from "../repair/index.ts";
import { validateAnnex } from "../validate/index.ts";
import { resolveSource, type ResolvedSource } from "./inputs.ts";
import type { SourceRead } from "./readers.ts";
import { readCorrections, readPlan } from "./settings.ts";
import { planWithSheet } from "./sheet-plan.ts";
import type { SheetSettings } from "../formats/spreadsheet/working-copy/settings.ts";
import { ownWords } from "./vocabulary.ts";
import { printedMarks } from "./templates.ts";

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
  /** an illustrative edition (plan.yaml says `example: true`, or the annex data does): every output says so */
  example: boolean;
}

/** The folder that holds illustrative editions, never published as real ones. */
export const EXAMPLES_DIR = "examples";

export interface LoadOptions {
  /** the folder of the plan years (default: sources) */
  sourcesDir?: string;
  /**
   * A folder of the body's other editions (plan-year folders) whose words settle the line breaks
   * of a PDF outside a plan-year folder: named by the person, never taken from wherever the
   * command happens to run. A PDF in a plan-year folder borrows from the folders beside it.
   */
  wordsFrom?: string;
}

/**
 * What the reader of `source` gives, told what its plan-year folder knows: the folder's name, the
 * plan's own header words and, for a PDF, the body's own words.
 */
async function readSource(source: ResolvedSource, opts: LoadOptions): Promise<SourceRead> {
  const reader = source.reader;
  const plan = reader.kind === "annex-data" ? null : await readPlan(source.planFile);
  // the body's own words settle the line breaks of a PDF that the file alone cannot
  // from the other editions beside its own plan-year folder, or in the folder the person named
  const editions = source.planYears !== undefined ? dirname(dirname(source.file)) : opts.wordsFrom;
  const words = reader.kind === "pdf" ? await ownWords(editions, source.file, plan) : [];
  return reader.read(source.file, { words, ...(plan?.columns ? { columns: plan.columns } : {}), ...(source.planYears !== undefined ? { planYears: source.planYears } : {}) });
}

/** Extract only: the raw table of a printed annex (PDF, text layer, a table laid out as printed). */
export async function readRawTable(source: ResolvedSource, opts: LoadOptions = {}): Promise<{ table: RawTable; diagnostics: Diagnostic[] }> {
  if (source.reader.kind === "annex-data") throw new FatalError("input/no-raw-table", "annex-data", {}, { file: source.file });
  const read = await readSource(source, opts);
  if ("annex" in read) throw new FatalError("input/no-raw-table", "working-copy", {}, { file: source.file });
  return read;
}

export interface RepairedSource {
  source: ResolvedSource;
  annex: unknown;
  provenance: Map<string, Place>;
  repairs: Diagnostic[];
  diagnostics: Diagnostic[];
  /** annex data marked `example: true` */
  example: boolean;
  /** a working copy's own settings (its Edizione and Legenda sheets) */
  settings?: SheetSettings;
  /** read from a sheet the office keeps (the working copy): what it lacks is fixed in the sheet */
  kept?: boolean;
}

/** Extract and repair (or read annex data, or a working copy), without validation. */
export async function readAnnex(input: string, opts: LoadOptions = {}): Promise<RepairedSource> {
  const source = await resolveSource(input, opts.sourcesDir);
  // the corrections first: a slip in them is found before the (slow) reading of a PDF
  const corrections = source.reader.kind === "annex-data" ? null : await readCorrections(source.correctionsFile);
  return repairRead(source, await readSource(source, opts), corrections ?? undefined);
}

/** What the reader gave, repaired with the corrections (a printed annex), or as it is (annex data, a working copy). */
export function repairRead(source: ResolvedSource, read: SourceRead, corrections: ParsedCorrections | undefined): RepairedSource {
  if ("annex" in read) {
    const diagnostics = [...read.diagnostics];
    if (source.correctionsFile) {
      diagnostics.push(diag("corrections/ignored", "ignored", {}, { file: source.correctionsFile }));
    }
    return {
      source,
      annex: read.annex,
      provenance: read.provenance ?? new Map<string, Place>(),
      repairs: [],
      diagnostics,
      example: read.example === true,
      ...(read.settings ? { settings: read.settings } : {}),
      ...(read.kept === true ? { kept: true } : {}),
    };
  }
  const repaired = repair(read.table, {
    ...(source.planYears ? { planYears: source.planYears } : {}),
    ...(corrections ? { corrections } : {}),
    marks: printedMarks(),
  });
  return {
    source,
    annex: repaired.annex,
    provenance: repaired.provenance,
    repairs: repaired.repairs,
    diagnostics: [...read.diagnostics, ...repaired.diagnostics],
    example: false,
  };
}

/** Extract, repair and validate: the annex of any input, with everything said about it. */
export async function loadInput(input: string, opts: LoadOptions = {}): Promise<Loaded> {
  const read = await readAnnex(input, opts);
  return validateRead(read, await readPlan(read.source.planFile), inExamples(read.source.file));
}

/**
 * A repaired annex validated against the schema, the plan and the rules of an edition: the plan is
 * plan.yaml's (`fromYaml`), with a working copy's own settings (its Edizione and Legenda sheets)
 * beside it; `amongExamples`: its file is kept in examples/.
 */
export function validateRead(read: RepairedSource, fromYaml: PlanConfig | null, amongExamples: boolean): Loaded {
  const { source } = read;
  const sheet = read.settings ? planWithSheet(fromYaml, read.settings, source.file, source.planFile) : { plan: fromYaml, diagnostics: [] };
  const { plan } = sheet;
  const validated = validateAnnex(read.annex, { plan, file: source.file, provenance: read.provenance, ...(source.planFile ? { planFile: source.planFile } : {}), ...(read.kept ? { kept: true } : {}) });
  if (!validated.annex) {
    const first = validated.diagnostics.find((d) => d.severity === "error");
    if (!first) throw new FatalError("schema/shape", "unknown", {}, { file: source.file });
    const { where = "", problem = first.reason } = first.params;
    throw new FatalError("schema/shape", "annex", { where, problem }, first.place);
  }
  const example = plan?.example === true || read.example;
  return {
    annex: validated.annex,
    plan,
    provenance: read.provenance,
    diagnostics: [...editionChecks(source, validated.annex, example, amongExamples), ...read.diagnostics, ...sheet.diagnostics, ...validated.diagnostics],
    repairs: read.repairs,
    file: source.file,
    example,
  };
}

/** A file in examples/, or in a plan-year folder in examples/. */
function inExamples(file: string): boolean {
  const dir = dirname(resolve(file));
  return basename(dir) === EXAMPLES_DIR || basename(dirname(dir)) === EXAMPLES_DIR;
}

/**
 * What would make a publication land where it must not: annex data whose plan years are not its
 * folder's (it would replace that other plan year's edition), an edition kept among the examples
 * that does not say it is one (it would be published as real).
 */
function editionChecks(source: ResolvedSource, annex: Annex, example: boolean, amongExamples: boolean): Diagnostic[] {
  const found: Diagnostic[] = [];
  // (a printed annex takes the folder's plan years in repair: only what is read as the annex itself can differ)
  if (source.planYears !== undefined && annex.planYears !== source.planYears) {
    found.push(
      diag(
        "annex-data/plan-years",
        "other-folder",
        { years: annex.planYears, folder: source.planYears },
        { file: source.file },
      ),
    );
  }
  if (!example && amongExamples) {
    found.push(
      diag(
        "example/unmarked",
        "unmarked",
        { dir: EXAMPLES_DIR, planFile: source.planFile ?? "plan.yaml" },
        { file: source.file },
      ),
    );
  }
  return found;
}
