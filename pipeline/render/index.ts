// Rendering: one layout model from the validated annex, then every requested format from it.
import type { Annex } from "../model/annex.ts";
import { FORMATS, type Format } from "../model/files.ts";
import type { PlanConfig } from "../model/plan.ts";
import { renderDocx } from "./docx/document.ts";
import { renderHtml } from "./html/page.ts";
import { buildLayout, type AnnexLayout } from "./layout.ts";
import { toCsv } from "./open-data/csv.ts";
import { toContractJson } from "./open-data/json.ts";
import { renderPdf } from "./pdf/index.ts";

export { FORMATS, outputName, type Format } from "../model/files.ts";

/** "pdf,html" → ["pdf", "html"], in the order given; an unknown name is a usage error. */
export function parseFormats(list: string): Format[] {
  const names = list
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== "");
  const unknown = names.filter((name) => !(FORMATS as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(`--format takes a comma-separated list of ${FORMATS.join(", ")} (got "${list}")`);
  }
  return [...new Set(names)] as Format[];
}

export async function renderFormat(format: Format, annex: Annex, layout: AnnexLayout): Promise<Uint8Array | string> {
  switch (format) {
    case "pdf":
      return renderPdf(layout);
    case "docx":
      return renderDocx(layout);
    case "html":
      return renderHtml(layout);
    case "csv":
      return toCsv(annex);
    case "json":
      return toContractJson(annex);
  }
}

/**
 * Every requested format of a validated annex, in memory (nothing is written): the caller writes
 * them only when all succeeded. PDF and DOCX are bytes; HTML, CSV and JSON are text.
 */
export async function renderAll<F extends Format>(annex: Annex, plan: PlanConfig | null, formats: readonly F[]): Promise<Record<F, Uint8Array | string>> {
  const layout = buildLayout(annex, plan);
  const out = {} as Record<F, Uint8Array | string>;
  for (const format of formats) out[format] = await renderFormat(format, annex, layout);
  return out;
}
