// Writing the working copy: one row per activity under a title row and a header row (frozen,
// with filter buttons), no merged cells, so that a clerk can sort, filter, insert and delete
// rows. Inactive rows are shaded by a condition on `Attiva`, so switching it updates the look.
// The `Legenda` sheet holds the footnote printed under the table, the risk-area legend and the
// plan's structures, which the structure columns offer as drop-downs (another name is let
// through after a warning: offices get renamed); the `Edizione` sheet the edition's identity.
// Both are read back (settings.ts), so that the yearly work needs no text editor.
import { at } from "../../../lib/at.ts";
import { textCells, type Cell, type Range, type Sheet, type Validation, type Workbook } from "../../../lib/workbook/workbook.ts";
import { writeOds } from "../../../lib/workbook/ods.ts";
import { writeXlsx } from "../../../lib/workbook/xlsx.ts";
import type { Activity, Annex } from "../../../model/annex.ts";
import { STRUCTURE_FIELDS, type StructureField } from "../../../model/fields.ts";
import type { PlanConfig } from "../../../model/plan.ts";
import { splitStructureCell } from "../../../model/structure-names.ts";
import { COLUMNS, FOOTNOTE_LABEL, LEGEND_SHEET, levelText, NO, SHEET, YES, type ColumnKey } from "./columns.ts";
import { EDITION_LABELS, EDITION_SHEET, italianDate, RISK_HEADINGS } from "./settings.ts";

export type WorkingCopyFormat = "xlsx" | "ods";

/** Rows below the last activity that keep the drop-downs and the shading, for rows a clerk adds. */
const SPARE_ROWS = 1000;
/** The header row (0-based); the title row is above it. */
const HEADER = 1;
const INACTIVE_FILL = "#d9d9d9";

const STYLES = {
  title: { bold: true, size: 13 },
  header: { bold: true, wrap: true, fill: "#dbe5f1", underline: true },
  text: { wrap: true, textFormat: true },
  label: { bold: true },
  hint: { italic: true, wrap: true },
} as const;

function cellValue(activity: Activity, key: ColumnKey): string {
  switch (key) {
    case "function":
      return activity.function ?? "";
    case "macro":
    case "process":
    case "subprocess":
      return levelText(activity[key]);
    case "code":
      return activity.code;
    case "title":
      return activity.title ?? "";
    case "riskAreas":
      return activity.riskAreas.join("/");
    case "active":
      return activity.active === null ? "" : activity.active ? YES : NO;
    default:
      return activity[key] ?? "";
  }
}

const columnIndex = (key: ColumnKey) => COLUMNS.findIndex((c) => c.key === key);

/** The plan's own list of each structure, else the offices the annex names (a cell may name several), in alphabetical order. */
export function structureLists(annex: Annex, plan: PlanConfig | null): Record<StructureField, string[]> {
  const list = (field: StructureField): string[] => {
    const own = plan?.structures?.[field];
    const used = () => annex.activities.flatMap((a) => (a[field] === null ? [] : splitStructureCell(a[field]).map((part) => part.text)));
    const names = (own ?? used()).filter((name) => name !== "");
    return [...new Set(names)].sort((a, b) => a.localeCompare(b, "it"));
  };
  return { areaDirigenziale: list("areaDirigenziale"), servizio: list("servizio"), uo: list("uo") };
}

/** The legend sheet, and where each structure list lies on it (for the drop-downs). */
function legendSheet(annex: Annex, plan: PlanConfig | null): { sheet: Sheet; lists: Map<StructureField, Range> } {
  const rows: Cell[][] = [];
  rows.push([{ value: FOOTNOTE_LABEL, style: "label" }, { value: annex.footnote ?? "", style: "text" }]);
  rows.push([]);
  rows.push([{ value: "Aree di rischio", style: "label" }]);
  rows.push(textCells([...RISK_HEADINGS], "header"));
  const risks = Object.entries(plan?.riskAreas ?? {});
  for (const [letter, name] of risks) rows.push(textCells([letter, name], "text"));
  if (risks.length === 0) rows.push([{ value: "(nessuna: scriverle qui, una per riga)", style: "hint" }]);

  // the structure lists side by side, to the right of the risk areas, from the same row
  const listsTop = 2;
  const lists = structureLists(annex, plan);
  const left = 3;
  const set = (r: number, c: number, cell: Cell) => {
    while (rows.length <= r) rows.push([]);
    const row = at(rows, r, "legend row");
    while (row.length < c) row.push({ value: null });
    row[c] = cell;
  };
  set(listsTop, left, { value: "Strutture (i nomi offerti nelle colonne delle strutture)", style: "label" });
  const ranges = new Map<StructureField, Range>();
  STRUCTURE_FIELDS.forEach((field, k) => {
    const heading = at(COLUMNS, columnIndex(field), "structure column").heading;
    set(listsTop + 1, left + k, { value: heading, style: "header" });
    const names = lists[field];
    names.forEach((name, i) => {
      set(listsTop + 2 + i, left + k, { value: name, style: "text" });
    });
    if (names.length > 0) ranges.set(field, { top: listsTop + 2, left: left + k, bottom: listsTop + 1 + names.length, right: left + k });
  });
  const bottom = rows.length + 1;
  set(bottom, 1, {
    value: "Le aree di rischio e le strutture si cambiano qui (se plan.yaml le elenca anche, vanno cambiate in tutti e due: la verifica segnala ogni differenza). Un nome di struttura che non è nell'elenco si può scrivere lo stesso: la verifica lo segnala.",
    style: "hint",
  });
  return { sheet: { name: LEGEND_SHEET, widths: [14, 60, 2, 24, 28, 28], rows, print: {} }, lists: ranges };
}

function validations(lastRow: number, lists: ReadonlyMap<StructureField, Range>): Validation[] {
  const column = (key: ColumnKey): Range => ({ top: HEADER + 1, left: columnIndex(key), bottom: lastRow, right: columnIndex(key) });
  const out: Validation[] = [
    {
      range: column("active"),
      list: [YES, NO],
      prompt: { title: "Attiva", message: `${YES}: l'attività è svolta dall'ente; ${NO}: non è attiva (la riga si colora di grigio).` },
      error: { style: "stop", title: "Attiva", message: `Scrivere ${YES} o ${NO}.` },
    },
    {
      range: column("riskAreas"),
      prompt: { title: "Area di rischio", message: "Le lettere delle aree di rischio (vedi il foglio Legenda), separate da /: per esempio C/E. Vuoto se nessuna." },
    },
  ];
  for (const field of STRUCTURE_FIELDS) {
    const list = lists.get(field);
    if (!list) continue;
    const heading = at(COLUMNS, columnIndex(field), "structure column").heading;
    out.push({
      range: column(field),
      list: { sheet: LEGEND_SHEET, range: list },
      error: { style: "warning", title: heading, message: "Questo nome non è nell'elenco del foglio Legenda. Se la struttura ha cambiato nome, confermare; la verifica lo segnalerà." },
    });
  }
  return out;
}

/** The Edizione sheet: the edition's identity, printed under the title of every published document. */
function editionSheet(plan: PlanConfig | null): Sheet {
  const values = { body: plan?.body, act: plan?.act, adopted: plan?.adopted !== undefined ? italianDate(plan.adopted) : undefined, version: plan?.version };
  const rows: Cell[][] = [[{ value: "Edizione", style: "label" }], []];
  for (const [field, label] of Object.entries(EDITION_LABELS)) rows.push([{ value: label, style: "label" }, { value: values[field as keyof typeof values] ?? "", style: "text" }]);
  rows.push([], [{ value: "Stampati sotto il titolo dei documenti pubblicati. La data (gg/mm/aaaa) è anche la data dei documenti. Se plan.yaml li scrive anche, devono essere uguali: la verifica segnala ogni differenza.", style: "hint" }]);
  return { name: EDITION_SHEET, widths: [20, 70], rows, print: {}, columnStyle: "text" };
}

export function workingCopyWorkbook(annex: Annex, plan: PlanConfig | null, date: Date | null): Workbook {
  const header = COLUMNS.map((c) => ({ value: c.heading, style: "header" }));
  const rows: Cell[][] = [[{ value: annex.title ?? "", style: "title" }], header];
  for (const activity of annex.activities) rows.push(COLUMNS.map((c) => ({ value: cellValue(activity, c.key), style: "text" })));
  const lastData = rows.length - 1;
  const lastRow = lastData + SPARE_ROWS;
  const legend = legendSheet(annex, plan);
  const right = COLUMNS.length - 1;
  const main: Sheet = {
    name: SHEET,
    widths: COLUMNS.map((c) => c.width),
    rows,
    freezeRows: HEADER + 1,
    filter: { top: HEADER, left: 0, bottom: Math.max(lastData, HEADER + 1), right },
    validations: validations(lastRow, legend.lists),
    shading: [{ range: { top: HEADER + 1, left: 0, bottom: lastRow, right }, column: columnIndex("active"), equals: NO, fill: INACTIVE_FILL }],
    print: { repeatRows: HEADER + 1 },
    columnStyle: "text",
  };
  return {
    sheets: [main, legend.sheet, editionSheet(plan)],
    styles: STYLES,
    properties: { title: annex.title ?? `Allegato 1 ${annex.planYears}`, ...(plan ? { author: plan.body } : {}), language: "it-IT", date },
  };
}

export function writeWorkingCopy(annex: Annex, plan: PlanConfig | null, format: WorkingCopyFormat, date: Date | null): Uint8Array {
  const workbook = workingCopyWorkbook(annex, plan, date);
  return format === "xlsx" ? writeXlsx(workbook) : writeOds(workbook);
}
