// An edition from files given as bytes, not paths: what the web page has when the office picks a
// plan year's files (several at once, or its folder). The same readers, repair, validation and
// renderers as the command line, and the same limits: a file too large for its kind is refused
// before it is read; the plan and corrections beside the source are those the office gave.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { FatalError } from "../diagnostics/fatal.ts";
import { diffAnnexes, type DiffResult } from "../diff/index.ts";
import { t } from "../messages/catalogue.ts";
import { CORRECTIONS_FILE, FORMATS, PLAN_FILE, type Format } from "../model/files.ts";
import { PLAN_YEARS } from "../model/plan-years.ts";
import { renderer, type RenderedFile } from "../render/index.ts";
import { MAX_BINARY_BYTES, MAX_TEXT_BYTES } from "./input-file.ts";
import type { ResolvedSource } from "./inputs.ts";
import { EXAMPLES_DIR, repairRead, validateRead, type Loaded } from "./load.ts";
import { readerOf, SOURCE_NAMES, utf8 } from "./readers.ts";
import { parseCorrections, parsePlan } from "./settings.ts";
import { htmlTemplates, loadLabels } from "./templates.ts";
import { planWords } from "./vocabulary.ts";

export type { RenderedFile };

/** A file as the office gave it: its name (with the folder it was picked in, if any) and its bytes. */
export interface GivenFile {
  name: string;
  bytes: Uint8Array;
}

const MiB = 1024 * 1024;

function baseName(name: string): string {
  return name.slice(name.lastIndexOf("/") + 1);
}

function folderName(name: string): string | undefined {
  const parts = name.split("/");
  return parts.length > 1 ? parts[parts.length - 2] : undefined;
}

function tooLarge(file: GivenFile, maxBytes: number): void {
  refuseLarger(file.name, file.bytes.length, maxBytes);
}

/** A file larger than any input of any kind, refused from its size before its bytes are read (the page would hold them all in memory). */
export function refuseLarger(name: string, size: number, maxBytes = MAX_BINARY_BYTES): void {
  if (size > maxBytes) {
    throw new FatalError("input/too-large", "too-large", { mib: maxBytes / MiB }, { file: name });
  }
}

/** The source among the files: the one named like a plan year's source (in its order of preference), else the only other file. */
function pickSource(files: readonly GivenFile[]): GivenFile {
  for (const name of SOURCE_NAMES) {
    const found = files.find((f) => baseName(f.name).toLowerCase() === name);
    if (found) return found;
  }
  const others = files.filter((f) => ![PLAN_FILE, CORRECTIONS_FILE].includes(baseName(f.name).toLowerCase()));
  if (others.length === 1 && others[0]) return others[0];
  if (others.length === 0) throw new FatalError("input/no-source", "none-given", { names: SOURCE_NAMES });
  throw new FatalError("input/no-source", "several-given", { count: others.length, files: others.map((f) => baseName(f.name)), names: SOURCE_NAMES });
}

function settingsFile(files: readonly GivenFile[], name: string, source: GivenFile): GivenFile | undefined {
  const folder = folderName(source.name);
  const named = files.filter((f) => baseName(f.name).toLowerCase() === name);
  return named.find((f) => folderName(f.name) === folder) ?? named[0];
}

/** A plan year from its files: extract (or read), repair with its corrections, validate against its plan. */
export async function loadGiven(files: readonly GivenFile[], progress: (line: string, fraction?: number) => Promise<void> = () => Promise.resolve()): Promise<Loaded> {
  const source = pickSource(files);
  const reader = readerOf(source.name, source.bytes);
  tooLarge(source, reader.maxBytes);
  const plan = settingsFile(files, PLAN_FILE, source);
  const corrections = settingsFile(files, CORRECTIONS_FILE, source);
  const folder = folderName(source.name);
  const resolved: ResolvedSource = {
    file: source.name,
    reader,
    ...(folder !== undefined && PLAN_YEARS.test(folder) ? { planYears: folder } : {}),
    ...(plan ? { planFile: plan.name } : {}),
    ...(corrections ? { correctionsFile: corrections.name } : {}),
  };
  for (const settings of [plan, corrections]) if (settings) tooLarge(settings, MAX_TEXT_BYTES);
  const planConfig = reader.kind === "annex-data" || !plan ? null : parsePlan(utf8(plan.bytes), plan.name);
  const parsedCorrections = reader.kind === "annex-data" || !corrections ? undefined : parseCorrections(utf8(corrections.bytes), corrections.name);
  await progress(t("progress.reading", { file: source.name }));
  const read = await reader.parse(source.bytes, source.name, {
    onPage: (page, pages) => progress(t("progress.reading-page", { file: source.name, page, pages }), (page - 1) / pages),
    words: reader.kind === "pdf" ? planWords(planConfig) : [],
    ...(planConfig?.columns ? { columns: planConfig.columns } : {}),
    ...(resolved.planYears !== undefined ? { planYears: resolved.planYears } : {}),
  });
  await progress(t("progress.checking"));
  const repaired = repairRead(resolved, read, parsedCorrections);
  const examples = source.name.split("/").slice(-3, -1).includes(EXAMPLES_DIR);
  return validateRead(repaired, plan && reader.kind === "annex-data" ? parsePlan(utf8(plan.bytes), plan.name) : planConfig, examples);
}

/** What an edition's publications are made from: its validated annex, its plan, whether it is an example. Plain data, which the web page can hand to a worker. */
export type Publishable = Pick<Loaded, "annex" | "plan" | "example">;

/** The publications of a loaded edition that has no errors, in memory, one format after another (every format unless told which). */
export async function renderGiven(edition: Publishable, formats: readonly Format[] = FORMATS, progress: (format: Format) => void = () => undefined): Promise<RenderedFile[]> {
  const render = renderer(edition.annex, { plan: edition.plan, labels: loadLabels(), html: htmlTemplates(), example: edition.example });
  const files: RenderedFile[] = [];
  for (const format of formats) {
    progress(format);
    files.push(...(await render(format)));
  }
  return files;
}

/** Diagnostics in the order a person deals with them: errors, then warnings, then notes (each kept in reading order). */
export function errorsFirst(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...diagnostics].sort((a, b) => rank[a.severity] - rank[b.severity]);
}

/** The changes from the previous edition to this one. */
export function compareGiven(before: Loaded, after: Loaded): DiffResult {
  return diffAnnexes(before.annex, after.annex);
}
