// Rendering: one layout model from the validated annex, then every requested format from it.
// Each renderer is loaded only when its format is asked for (pdfmake, docx and handlebars are
// not needed to export JSON); a new output format is one more entry in RENDERERS, and its name
// in model/files.ts.
import type { Annex } from "../model/annex.ts";
import type { Format } from "../model/files.ts";
import type { PlanConfig } from "../model/plan.ts";
import type { HtmlTemplates } from "./html/page.ts";
import type { Labels } from "./labels.ts";
import { buildLayout, type AnnexLayout } from "./layout.ts";

/** What rendering needs besides the annex: the plan settings and the templates (templates/). */
export interface RenderResources {
  plan: PlanConfig | null;
  labels: Labels;
  html: HtmlTemplates;
}

type Renderer = (annex: Annex, layout: () => AnnexLayout, resources: RenderResources) => Promise<Uint8Array | string>;

/** The open data: the annex's rows alone, without layout or templates. */
const OPEN_DATA = {
  csv: async (annex: Annex) => (await import("./open-data/csv.ts")).toCsv(annex),
  json: async (annex: Annex) => (await import("./open-data/json.ts")).toContractJson(annex),
};

const RENDERERS: Record<Format, Renderer> = {
  pdf: async (_annex, layout) => (await import("./pdf/index.ts")).renderPdf(layout()),
  docx: async (_annex, layout) => (await import("./docx/document.ts")).renderDocx(layout()),
  html: async (_annex, layout, resources) => (await import("./html/page.ts")).renderHtml(layout(), resources.html),
  ...OPEN_DATA,
  xlsx: async (annex, _layout, resources) => (await import("./open-data/spreadsheet.ts")).toXlsx(annex, resources.plan),
  ods: async (annex, _layout, resources) => (await import("./open-data/spreadsheet.ts")).toOds(annex, resources.plan),
};

/**
 * Every requested format of a validated annex, in memory (nothing is written): the caller writes
 * them only when all succeeded. PDF, DOCX, XLSX and ODS are bytes; HTML, CSV and JSON are text.
 */
export async function renderAll<F extends Format>(annex: Annex, formats: readonly F[], resources: RenderResources): Promise<Map<F, Uint8Array | string>> {
  let built: AnnexLayout | undefined;
  const layout = () => (built ??= buildLayout(annex, resources.plan, resources.labels));
  const out = new Map<F, Uint8Array | string>();
  for (const format of formats) out.set(format, await RENDERERS[format](annex, layout, resources));
  return out;
}

/** The open data alone (`annex export`): no layout, no templates. */
export function renderOpenData(annex: Annex, format: keyof typeof OPEN_DATA): Promise<string> {
  return OPEN_DATA[format](annex);
}
