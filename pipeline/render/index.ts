// Rendering: one layout model from the validated annex, then every requested format from it.
// Each renderer is loaded only when its format is asked for (pdfmake, docx and handlebars are
// not needed to export JSON); a new output format is one more entry in RENDERERS, and its name
// in model/files.ts. Every format prints the same text: the characters XML forbids are left out
// of all of them alike (validation has said so), not only of the formats that would break.
import { withoutXmlForbidden } from "../lib/characters.ts";
import { platform } from "../lib/platform.ts";
import type { Annex, Level } from "../model/annex.ts";
import { DATA_PACKAGE_FILE, LEGEND_CSV_FILE, outputName, type Format } from "../model/files.ts";
import type { PlanConfig } from "../model/plan.ts";
import type { HtmlTemplates } from "./html/page.ts";
import type { Labels } from "./labels.ts";
import { buildLayout, type AnnexLayout } from "./layout.ts";

/** What rendering needs besides the annex: the plan settings and the templates (templates/). */
export interface RenderResources {
  plan: PlanConfig | null;
  labels: Labels;
  html: HtmlTemplates;
  /** an illustrative edition: every format says so */
  example?: boolean;
}

/** One published file: the format it belongs to, its name in the output folder, its bytes or text. */
export interface RenderedFile {
  format: Format;
  name: string;
  data: Uint8Array | string;
}

interface Context {
  annex: Annex;
  layout: () => AnnexLayout;
  resources: RenderResources;
}

type Renderer = (context: Context) => Promise<Uint8Array | string>;

/** The open data: the annex's rows alone, without layout or templates. */
const OPEN_DATA = {
  csv: async ({ annex }: Pick<Context, "annex">) => (await import("./open-data/csv.ts")).toCsv(annex),
  json: async ({ annex, resources }: Pick<Context, "annex"> & { resources: { example?: boolean } }) =>
    (await import("./open-data/json.ts")).toContractJson(annex, { example: resources.example === true }),
};

/**
 * The PDF renderer with pdfmake, pdfkit and its fonts' code loaded and run. The page's PDF worker
 * calls it as it starts, while the office chooses its files: loading them (pdfkit's own modules
 * take a quarter of a second to run in a browser) is then not part of the first PDF's time.
 */
export async function loadPdfRenderer(): Promise<typeof import("./pdf/index.ts")> {
  await platform.prepare("pdf-writer");
  return import("./pdf/index.ts");
}

const RENDERERS: Record<Format, Renderer> = {
  pdf: async ({ layout }) => (await loadPdfRenderer()).renderPdf(layout()),
  docx: async ({ layout }) => (await import("./docx/document.ts")).renderDocx(layout()),
  html: async ({ layout, resources }) => (await import("./html/page.ts")).renderHtml(layout(), resources.html),
  ...OPEN_DATA,
  // the spreadsheets' properties: the title (an example's mark first) and the date the documents carry
  xlsx: async ({ annex, layout, resources }) => (await import("./open-data/spreadsheet.ts")).toXlsx(annex, resources.plan, workbookEdition(layout())),
  ods: async ({ annex, layout, resources }) => (await import("./open-data/spreadsheet.ts")).toOds(annex, resources.plan, workbookEdition(layout())),
};

/** What the spreadsheets print above their tables and keep in their properties, as the other documents of the edition do. */
function workbookEdition(layout: AnnexLayout) {
  return { title: layout.metadataTitle, heading: layout.title, identity: layout.identityLine, date: layout.date, exampleMark: layout.exampleMark };
}

/** Files published beside a format's own: the CSV's data package and the legend it describes. */
const COMPANIONS: Partial<Record<Format, (context: Context) => Promise<{ name: string; data: string }[]>>> = {
  csv: async ({ layout, resources }) => {
    const { dataPackage } = await import("./open-data/datapackage.ts");
    const { legendCsv } = await import("./open-data/legend.ts");
    const legend = layout().legend.entries;
    return [
      ...(legend.length > 0 ? [{ name: LEGEND_CSV_FILE, data: legendCsv(legend) }] : []),
      { name: DATA_PACKAGE_FILE, data: dataPackage(layout(), resources.plan?.licence) },
    ];
  },
};

const clean = (text: string | null): string | null => (text === null ? null : withoutXmlForbidden(text));
const cleanLevel = (level: Level): Level => ({ code: clean(level.code), title: clean(level.title) });

/** The annex as every format prints it: the characters XML forbids left out. */
export function printable(annex: Annex): Annex {
  return {
    planYears: annex.planYears,
    title: clean(annex.title),
    footnote: clean(annex.footnote),
    activities: annex.activities.map((a) => ({
      ...a,
      title: clean(a.title),
      riskAreas: [...a.riskAreas],
      areaDirigenziale: clean(a.areaDirigenziale),
      servizio: clean(a.servizio),
      uo: clean(a.uo),
      note: clean(a.note),
      function: clean(a.function),
      macro: cleanLevel(a.macro),
      process: cleanLevel(a.process),
      subprocess: cleanLevel(a.subprocess),
    })),
  };
}

function printablePlan(plan: PlanConfig | null): PlanConfig | null {
  if (plan === null) return null;
  return {
    ...plan,
    body: withoutXmlForbidden(plan.body),
    ...(plan.act !== undefined ? { act: withoutXmlForbidden(plan.act) } : {}),
    ...(plan.version !== undefined ? { version: withoutXmlForbidden(plan.version) } : {}),
    riskAreas: Object.fromEntries(Object.entries(plan.riskAreas).map(([letter, name]) => [letter, withoutXmlForbidden(name)])),
  };
}

/**
 * A renderer of one validated annex: called with a format, it gives that format's files, in
 * memory (nothing is written). The layout is computed once, by the first format that needs it.
 */
export function renderer(annex: Annex, resources: RenderResources): (format: Format) => Promise<RenderedFile[]> {
  const context: Context = {
    annex: printable(annex),
    resources: { ...resources, plan: printablePlan(resources.plan) },
    layout: () => (built ??= buildLayout(context.annex, context.resources.plan, resources.labels, { example: resources.example === true })),
  };
  let built: AnnexLayout | undefined;
  return async (format) => {
    const own: RenderedFile = { format, name: outputName(format), data: await RENDERERS[format](context) };
    const companions = (await COMPANIONS[format]?.(context)) ?? [];
    return [own, ...companions.map((file) => ({ format, ...file }))];
  };
}

/** Every requested format of a validated annex, in memory: PDF, DOCX, XLSX and ODS are bytes; HTML, CSV and JSON are text. */
export async function renderAll(annex: Annex, formats: readonly Format[], resources: RenderResources): Promise<RenderedFile[]> {
  const render = renderer(annex, resources);
  const files: RenderedFile[] = [];
  for (const format of formats) files.push(...(await render(format)));
  return files;
}

/** The open data alone (`annex export`): no layout, no templates. */
export function renderOpenData(annex: Annex, format: keyof typeof OPEN_DATA, options: { example?: boolean } = {}): Promise<string> {
  return OPEN_DATA[format]({ annex: printable(annex), resources: options });
}
