// Open data as a spreadsheet (.xlsx and .ods): what a person double-clicks. The same rows as the
// CSV under the columns' Italian titles, every text cell a string (a value that starts with "="
// is shown, never run as a formula; a code is never turned into a number or a date), `Attiva` as
// sì/no, the header row frozen and filtered; a second sheet with the risk-area legend. An
// example's workbook opens on a sheet that says it is one.
import { textCells, type Cell, type Sheet, type Workbook } from "../../lib/workbook/workbook.ts";
import { writeOds } from "../../lib/workbook/ods.ts";
import { writeXlsx } from "../../lib/workbook/xlsx.ts";
import type { Annex } from "../../model/annex.ts";
import type { PlanConfig } from "../../model/plan.ts";
import { documentDate } from "../layout.ts";
import { OPEN_DATA_COLUMNS, openDataRow, shownValue } from "./rows.ts";

/** Widths in characters, by column key: long texts wrap, codes fit. */
const WIDTHS: Partial<Record<(typeof OPEN_DATA_COLUMNS)[number]["key"], number>> = { title: 50, macroTitle: 30, processTitle: 30, subprocessTitle: 30, function: 18, note: 22, areaDirigenziale: 18, servizio: 22, uo: 22 };

const STYLES = {
  header: { bold: true, wrap: true, fill: "#dbe5f1", underline: true },
  text: { wrap: true, textFormat: true },
  label: { bold: true },
} as const;

function legend(annex: Annex, plan: PlanConfig | null): Sheet {
  const risks = Object.entries(plan?.riskAreas ?? {});
  const rows: Cell[][] = [[{ value: "Aree di rischio", style: "label" }], textCells(["Lettera", "Area di rischio"], "header"), ...risks.map(([letter, name]) => textCells([letter, name], "text"))];
  if (annex.footnote !== null) rows.push([], [{ value: "Nota", style: "label" }], [{ value: annex.footnote, style: "text" }]);
  return { name: "Legenda", widths: [10, 90], rows, print: {} };
}

/** The workbook's title and date, as the other documents of the edition carry them, and an example's mark. */
export interface WorkbookEdition {
  title: string;
  date: Date | null;
  /** "ESEMPIO — non pubblicare" for an illustrative edition */
  exampleMark?: string | null;
}

/** An example opens on a sheet named with the mark and saying it, before the data: a person sees it before anything else. */
function exampleSheet(mark: string): Sheet {
  return { name: mark, widths: [60], rows: [[{ value: mark, style: "label" }]], print: {} };
}

export function openDataWorkbook(annex: Annex, plan: PlanConfig | null, edition?: WorkbookEdition): Workbook {
  const header = OPEN_DATA_COLUMNS.map((c) => ({ value: c.title, style: "header" }));
  const rows: Cell[][] = [header, ...annex.activities.map((a) => openDataRow(a).map((value) => ({ value: shownValue(value), style: "text" })))];
  const data: Sheet = {
    name: "Allegato 1",
    widths: OPEN_DATA_COLUMNS.map((c) => WIDTHS[c.key] ?? 11),
    rows,
    freezeRows: 1,
    filter: { top: 0, left: 0, bottom: Math.max(1, rows.length - 1), right: OPEN_DATA_COLUMNS.length - 1 },
    print: { repeatRows: 1 },
  };
  return {
    sheets: [...(edition?.exampleMark ? [exampleSheet(edition.exampleMark)] : []), data, legend(annex, plan)],
    styles: STYLES,
    properties: {
      title: edition?.title ?? annex.title ?? `Allegato 1 ${annex.planYears}`,
      ...(plan ? { author: plan.body } : {}),
      language: "it-IT",
      date: edition?.date ?? documentDate(plan?.adopted ?? null),
    },
  };
}

export function toXlsx(annex: Annex, plan: PlanConfig | null, edition?: WorkbookEdition): Uint8Array {
  return writeXlsx(openDataWorkbook(annex, plan, edition));
}

export function toOds(annex: Annex, plan: PlanConfig | null, edition?: WorkbookEdition): Uint8Array {
  return writeOds(openDataWorkbook(annex, plan, edition));
}
