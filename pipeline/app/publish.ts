// Publishing one plan year: load and validate the input, render every requested format in
// memory, and only then write the files. An annex with errors is not published: nothing is
// written, so out/ never holds a half-updated edition.
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { access, mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { FatalError } from "../diagnostics/fatal.ts";
import { countBySeverity, formatDiagnostic, hasErrors } from "../diagnostics/format.ts";
import { summary } from "../cli/output.ts";
import { plural } from "../lib/plural.ts";
import { writeFileAtomic } from "./files.ts";
import { loadInput, type Loaded } from "./load.ts";
import { outputName, renderAll, type Format } from "../render/index.ts";

export interface PublishedFile {
  file: string;
  format: Format | "report";
  bytes: number;
  sha256: string;
}

export interface PublishResult {
  loaded: Loaded;
  /** false: the annex has errors and nothing was written */
  published: boolean;
  /** the folder written to (or that would have been) */
  outDir: string;
  files: PublishedFile[];
}

export interface PublishOptions {
  /** the output folder, or how to name it from the annex's plan years */
  outDir: string | ((planYears: string) => string);
  formats: readonly Format[];
  sourcesDir?: string;
  /** write build-report.txt and build-report.json beside the outputs */
  report?: boolean;
  /** progress lines (stderr) */
  progress?: (line: string) => void;
}

/** Fails with one clear line when the output folder cannot be created or written to. */
export async function ensureWritableFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const why: Record<string, string> = {
      EACCES: "permission denied",
      EPERM: "permission denied",
      EROFS: "read-only file system",
      ENOTDIR: "a part of the path is a file, not a folder",
      EEXIST: "a file with that name is in the way",
      ENOSPC: "no space left on device",
    };
    throw new FatalError("output/not-writable", `cannot write the output folder: ${why[code] ?? (code || (error as Error).message)}`, { file: dir });
  }
}

function describe(data: Uint8Array | string, file: string, format: PublishedFile["format"]): PublishedFile {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  return { file, format, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
}

export async function publish(input: string, options: PublishOptions): Promise<PublishResult> {
  const say = options.progress ?? (() => {});
  const loaded = await loadInput(input, options.sourcesDir ? { sourcesDir: options.sourcesDir } : {});
  const repairs = loaded.repairs.length;
  say(`read ${loaded.annex.activities.length} activities from ${loaded.file} (${summary(loaded.diagnostics)}, ${plural(repairs, "repair")})`);
  const outDir = typeof options.outDir === "function" ? options.outDir(loaded.annex.planYears) : options.outDir;
  if (hasErrors(loaded.diagnostics)) return { loaded, published: false, outDir, files: [] };

  await ensureWritableFolder(outDir);
  const outputs = await renderAll(loaded.annex, loaded.plan, options.formats);
  const files: PublishedFile[] = [];
  const writes: [string, Uint8Array | string][] = [];
  for (const format of options.formats) {
    const name = outputName(format);
    const data = outputs[format];
    writes.push([join(outDir, name), data]);
    files.push(describe(data, name, format));
  }
  if (options.report) {
    const txt = buildReportText(loaded, files);
    const json = buildReportJson(loaded, files);
    writes.push([join(outDir, "build-report.txt"), txt], [join(outDir, "build-report.json"), json]);
    files.push(describe(txt, "build-report.txt", "report"), describe(json, "build-report.json", "report"));
  }
  for (const [path, data] of writes) await writeFileAtomic(path, data);
  say(`wrote ${files.map((f) => f.file).join(", ")} in ${outDir}`);
  return { loaded, published: true, outDir, files };
}

/** The build report as a person reads it: like a compiler's output, then every repair applied. */
export function buildReportText(loaded: Loaded, files: readonly PublishedFile[]): string {
  const { annex } = loaded;
  const counts = countBySeverity(loaded.diagnostics);
  const inactive = annex.activities.filter((a) => a.active === false).length;
  const lines = [
    `Allegato 1 — Mappatura dei processi ${annex.planYears}: build report`,
    ``,
    `source: ${loaded.file}`,
    `activities: ${annex.activities.length} (${inactive} not active)`,
    `diagnostics: ${summary(loaded.diagnostics)}, ${counts.info} notes`,
    `repairs applied: ${loaded.repairs.length}`,
    ``,
    `== diagnostics ==`,
    ...(loaded.diagnostics.length ? loaded.diagnostics.map(formatDiagnostic) : ["(none)"]),
    ``,
    `== repairs applied ==`,
    ...(loaded.repairs.length ? loaded.repairs.map(formatDiagnostic) : ["(none)"]),
    ``,
    `== files ==`,
    ...files.map((f) => `${f.file}  ${f.bytes} bytes  sha256 ${f.sha256}`),
  ];
  return `${lines.join("\n")}\n`;
}

export function buildReportJson(loaded: Loaded, files: readonly PublishedFile[]): string {
  const { annex } = loaded;
  const report = {
    planYears: annex.planYears,
    source: loaded.file,
    activities: annex.activities.length,
    inactive: annex.activities.filter((a) => a.active === false).length,
    counts: countBySeverity(loaded.diagnostics),
    diagnostics: loaded.diagnostics,
    repairs: loaded.repairs,
    files,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Printed on stderr for an annex that is not published. */
export function refusal({ loaded, outDir }: PublishResult): string[] {
  const errors: Diagnostic[] = loaded.diagnostics.filter((d) => d.severity === "error");
  return [...errors.map(formatDiagnostic), `${loaded.file}: ${summary(loaded.diagnostics)}: not published (nothing written to ${outDir})`];
}
