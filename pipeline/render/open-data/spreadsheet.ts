// Open data as a spreadsheet (.xlsx and .ods): what a person double-clicks. The same rows as the
// CSV under the columns' Italian titles, every text cell a string (a value that starts with "="
// is shown, never run as a formula; a code is never turned into a number or a date), `Attiva` as
// sì/no, the header row frozen and filtered; a second sheet with the risk-area legend. Printed as
// the PDF is: the title and the identity at the top of every page with the column headings, A4
// landscape as wide as the table, rows as tall as their text. An example's workbook opens on a
// sheet that says it is one.
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
  title: { bold: true, size: 14 },
  identity: { italic: true },
  // the Legenda's title block, in its wide column: it wraps inside the printed page
  titleWrapped: { bold: true, size: 14, wrap: true },
  identityWrapped: { italic: true, wrap: true },
  header: { bold: true, wrap: true, fill: "#dbe5f1", underline: true },
  text: { wrap: true, textFormat: true },
  label: { bold: true },
} as const;

/** The workbook's title and date, as the other documents of the edition carry them, and an example's mark. */
export interface WorkbookEdition {
  /** the documents' title (the properties'): an example's mark first */
  title: string;
  date: Date | null;
  /** the annex's title as printed at the top of the sheets (the metadata title without the mark) */
  heading?: string;
  /** the edition's identity line ("Camera di Commercio … — adottato con … — versione 1"), or null when nothing is known */
  identity?: string | null;
  /** "ESEMPIO — non pubblicare" for an illustrative edition */
  exampleMark?: string | null;
}

/**
 * The rows every sheet opens with, as the PDF's title block: the title and the identity (an
 * example's mark first). A row of one cell whose text runs over the empty cells beside it.
 */
function titleBlock(annex: Annex, edition: WorkbookEdition | undefined): Cell[][] {
  const rows: Cell[][] = [];
  if (edition?.exampleMark) rows.push([{ value: edition.exampleMark, style: "title" }]);
  rows.push([{ value: edition?.heading ?? annex.title ?? `Allegato 1 ${annex.planYears}`, style: "title" }]);
  if (edition?.identity) rows.push([{ value: edition.identity, style: "identity" }]);
  return rows;
}

const LEGEND_WIDTHS = [10, 100];

/** The Legenda: the risk areas, a letter and its name, then the note printed under the table, in the wide column so that it wraps between words. */
function legend(annex: Annex, plan: PlanConfig | null, top: Cell[][]): Sheet {
  const risks = Object.entries(plan?.riskAreas ?? {});
  const block = top.map(([cell]) => [{ value: null }, { value: cell?.value ?? null, style: cell?.style === "identity" ? "identityWrapped" : "titleWrapped" }]);
  const rows: Cell[][] = [...block, [], [{ value: "Aree di rischio", style: "label" }], textCells(["Lettera", "Area di rischio"], "header"), ...risks.map(([letter, name]) => textCells([letter, name], "text"))];
  if (annex.footnote !== null) rows.push([], [{ value: "Nota", style: "label" }, { value: annex.footnote, style: "text" }]);
  return { name: "Legenda", widths: LEGEND_WIDTHS, rows, print: { area: { top: 0, left: 0, bottom: rows.length - 1, right: LEGEND_WIDTHS.length - 1 } } };
}

/** An example opens on a sheet named with the mark and saying it, before the data: a person sees it before anything else. */
function exampleSheet(mark: string): Sheet {
  return { name: mark, widths: [60], rows: [[{ value: mark, style: "label" }]], print: {} };
}

export function openDataWorkbook(annex: Annex, plan: PlanConfig | null, edition?: WorkbookEdition): Workbook {
  const top = titleBlock(annex, edition);
  const header = OPEN_DATA_COLUMNS.map((c) => ({ value: c.title, style: "header" }));
  const headerRow = top.length;
  const rows: Cell[][] = [...top, header, ...annex.activities.map((a) => openDataRow(a).map((value) => ({ value: shownValue(value), style: "text" })))];
  const right = OPEN_DATA_COLUMNS.length - 1;
  const data: Sheet = {
    name: "Allegato 1",
    widths: OPEN_DATA_COLUMNS.map((c) => WIDTHS[c.key] ?? 11),
    rows,
    freezeRows: headerRow + 1,
    filter: { top: headerRow, left: 0, bottom: Math.max(headerRow + 1, rows.length - 1), right },
    // every printed page: the title, the identity and the column headings; the table alone is printed, as wide as the page
    print: { repeatRows: headerRow + 1, area: { top: 0, left: 0, bottom: rows.length - 1, right } },
  };
  return {
    sheets: [...(edition?.exampleMark ? [exampleSheet(edition.exampleMark)] : []), data, legend(annex, plan, top)],
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
