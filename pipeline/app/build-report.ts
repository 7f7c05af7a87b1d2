// The build report written beside a published plan year: every diagnostic and every repair
// applied, like a compiler's output, and each file written with its size and SHA-256.
import { createHash } from "node:crypto";
import { diagnosticJson } from "../diagnostics/diagnostic.ts";
import { countBySeverity, formatDiagnosticIn, summary } from "../diagnostics/format.ts";
import { currentLang, t, type Lang } from "../messages/catalogue.ts";
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

/**
 * The build report as a person reads it, in the language of the run: like a compiler's output,
 * then every repair applied (build-report.json keeps rule ids and English reasons).
 */
export function buildReportText(loaded: Loaded, files: readonly PublishedFile[], lang: Lang = currentLang()): string {
  const { annex } = loaded;
  const counts = countBySeverity(loaded.diagnostics);
  const inactive = annex.activities.filter((a) => a.active === false).length;
  const none = t("report.none", {}, lang);
  const lines = [
    t("report.title", { planYears: annex.planYears }, lang),
    ``,
    ...(loaded.example ? [t("report.example", {}, lang)] : []),
    t("report.source", { file: loaded.file }, lang),
    t("report.activities", { count: annex.activities.length, inactive }, lang),
    t("report.diagnostics", { summary: summary(loaded.diagnostics, lang), notes: counts.info }, lang),
    t("report.repairs", { count: loaded.repairs.length }, lang),
    ``,
    t("report.section-diagnostics", {}, lang),
    ...(loaded.diagnostics.length ? loaded.diagnostics.map((d) => formatDiagnosticIn(d, lang)) : [none]),
    ``,
    t("report.section-repairs", {}, lang),
    ...(loaded.repairs.length ? loaded.repairs.map((d) => formatDiagnosticIn(d, lang)) : [none]),
    ``,
    t("report.section-files", {}, lang),
    ...files.map((f) => t("report.file", { file: f.file, bytes: f.bytes, sha256: f.sha256 }, lang)),
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
    diagnostics: loaded.diagnostics.map(diagnosticJson),
    repairs: loaded.repairs.map(diagnosticJson),
    files,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
