// The build report written beside a published plan year: every diagnostic and every repair
// applied, like a compiler's output, and each file written with its size and SHA-256.
import { createHash } from "node:crypto";
import { countBySeverity, formatDiagnostic, summary } from "../diagnostics/format.ts";
import type { Format } from "../model/files.ts";
import type { Loaded } from "./load.ts";

export const REPORT_FILES = { text: "build-report.txt", json: "build-report.json" } as const;

export interface PublishedFile {
  file: string;
  format: Format | "report";
  bytes: number;
  sha256: string;
}

export function describeFile(data: Uint8Array | string, file: string, format: PublishedFile["format"]): PublishedFile {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  return { file, format, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** The build report as a person reads it: like a compiler's output, then every repair applied. */
export function buildReportText(loaded: Loaded, files: readonly PublishedFile[]): string {
  const { annex } = loaded;
  const counts = countBySeverity(loaded.diagnostics);
  const inactive = annex.activities.filter((a) => a.active === false).length;
  const lines = [
    `Allegato 1 — Mappatura dei processi ${annex.planYears}: build report`,
    ``,
    ...(loaded.example ? [`EXAMPLE: an illustrative edition, every output marked "not to be published"`] : []),
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
    ...(loaded.example ? { example: true } : {}),
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
