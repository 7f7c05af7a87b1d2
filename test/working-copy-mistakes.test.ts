// The office's everyday slips in its working copy, made in the sheet `annex init` writes (with the
// project's writer, and by changing the XML as Excel or Calc stores a cell): each is an error at
// its own cell, all of them in one run, or the sheet is read as the clerk meant. The expected
// cells are counted by hand from the sheet's layout: row 1 the title, row 2 the headings, row 3
// the first activity (A1.1.1.1); columns A Funzione … E Codice, F Attività, G Area di rischio,
// H-J the structures, K Note, L Attiva.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { planWithSheet } from "../pipeline/app/sheet-plan.ts";
import { FatalError } from "../pipeline/diagnostics/fatal.ts";
import { formatDiagnostic } from "../pipeline/diagnostics/format.ts";
import { readOffice } from "../pipeline/formats/office/read.ts";
import { workingCopyWorkbook, writeWorkingCopy } from "../pipeline/formats/spreadsheet/working-copy/write.ts";
import { writeOds } from "../pipeline/lib/workbook/ods.ts";
import type { Cell, Workbook } from "../pipeline/lib/workbook/workbook.ts";
import { writeXlsx } from "../pipeline/lib/workbook/xlsx.ts";
import type { Annex } from "../pipeline/model/annex.ts";
import type { PlanConfig } from "../pipeline/model/plan.ts";
import { toOds, toXlsx } from "../pipeline/render/open-data/spreadsheet.ts";
import { validateAnnex } from "../pipeline/validate/index.ts";
import { annex } from "./helpers/cli.ts";
import { sourcesWith2020 } from "./helpers/diff.ts";
import { nextEditionOf2020, WRITTEN_ON } from "./helpers/working-copy.ts";

const DATE = WRITTEN_ON;
let plan: PlanConfig | null;
let next: Annex;

beforeAll(async () => {
  ({ plan, next } = await nextEditionOf2020());
});

const COL = { function: 0, macro: 1, process: 2, subprocess: 3, code: 4, title: 5, riskAreas: 6, areaDirigenziale: 7, servizio: 8, uo: 9, note: 10, active: 11 } as const;
type Rows = Cell[][];

/** The working copy's rows, to edit: rows[r] is sheet row r + 1. */
function rowsOf(): Rows {
  return (workingCopyWorkbook(next, plan, DATE).sheets[0]?.rows ?? []).map((cells) => cells.map((c) => ({ ...c })));
}

function workbook(rows: Rows): Workbook {
  const base = workingCopyWorkbook(next, plan, DATE);
  const [first, ...others] = base.sheets;
  if (!first) throw new Error("no sheet");
  return { ...base, sheets: [{ ...first, rows }, ...others] };
}

function set(rows: Rows, sheetRow: number, col: keyof typeof COL, value: string): void {
  const cell = rows[sheetRow - 1]?.[COL[col]];
  if (!cell) throw new Error(`no cell at row ${sheetRow}`);
  cell.value = value;
}

/** Read and validated as build does it: every diagnostic as a line, and the annex. */
function check(bytes: Uint8Array, file = "allegato-1.xlsx") {
  const read = readOffice(bytes, file, { planYears: "2021-2023" });
  if (!("annex" in read) || !read.settings) throw new Error("not read as a working copy");
  const merged = planWithSheet(plan, read.settings, file, "plan.yaml");
  const validated = validateAnnex(read.annex, { plan: merged.plan, file, provenance: read.provenance, kept: true });
  const all = [...read.diagnostics, ...merged.diagnostics, ...validated.diagnostics].map(formatDiagnostic);
  return { annex: validated.annex, all, errors: all.filter((d) => d.includes(": error: ")) };
}

/** An .xlsx with some cells' XML replaced, as Excel stores them; `dateStyle` is the index of a cell style that shows dates (dd/mm/yyyy). */
function patchXlsx(bytes: Uint8Array, cells: (dateStyle: number) => Record<string, string>): Uint8Array {
  const files = unzipSync(bytes);
  let styles = strFromU8(files["xl/styles.xml"] ?? new Uint8Array());
  const count = Number(/<cellXfs count="(\d+)">/.exec(styles)?.[1]);
  styles = styles.replace(/<cellXfs count="\d+">(.*?)<\/cellXfs>/, (_m, xfs: string) => `<cellXfs count="${count + 1}">${xfs}<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`);
  files["xl/styles.xml"] = strToU8(styles);
  let sheet = strFromU8(files["xl/worksheets/sheet1.xml"] ?? new Uint8Array());
  for (const [ref, xml] of Object.entries(cells(count))) {
    const before = sheet;
    sheet = sheet.replace(new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`), xml);
    expect(sheet, ref).not.toBe(before);
  }
  files["xl/worksheets/sheet1.xml"] = strToU8(sheet);
  return zipSync(files);
}

/** An .ods with one cell's XML replaced, as Calc stores it: the `n`-th cell holding `text`. */
function patchOds(bytes: Uint8Array, text: string, xml: string): Uint8Array {
  const files = unzipSync(bytes);
  const content = strFromU8(files["content.xml"] ?? new Uint8Array());
  const at = content.indexOf(`<text:p>${text}</text:p>`);
  const start = content.lastIndexOf("<table:table-cell", at);
  const end = content.indexOf("</table:table-cell>", at) + "</table:table-cell>".length;
  expect(at).toBeGreaterThan(0);
  files["content.xml"] = strToU8(content.slice(0, start) + xml + content.slice(end));
  return zipSync(files);
}

describe("a date typed where the annex has text", () => {
  it("in .xlsx: an error at its cell showing the date as Excel shows it, never the serial number", () => {
    const bytes = patchXlsx(writeXlsx(workbook(rowsOf())), (s) => ({ F9: `<c r="F9" s="${s}"><v>44227</v></c>` }));
    const { errors, all } = check(bytes);
    // 44227 days after 30/12/1899 is 31/01/2021
    expect(errors).toEqual(["allegato-1.xlsx:Allegato 1!F9: error: Attività holds a date, shown as 31/01/2021, not text: type the text itself [working-copy/cell-type]"]);
    expect(all.join("\n")).not.toContain("44227");
  });

  it("in .ods: the same error, with the text Calc shows", () => {
    const ods = writeOds(workbook(rowsOf()));
    const title = next.activities[6]?.title ?? "";
    const bytes = patchOds(ods, title.replace(/'/g, "&apos;"), '<table:table-cell office:value-type="date" office:date-value="2021-01-31"><text:p>31/01/2021</text:p></table:table-cell>');
    expect(check(bytes, "allegato-1.ods").errors).toEqual(["allegato-1.ods:Allegato 1!F9: error: Attività holds a date, shown as 31/01/2021, not text: type the text itself [working-copy/cell-type]"]);
  });
});

describe("every mistake of a tired clerk, in one run, each at its own cell", () => {
  it("names each cell: an empty title, a code alone, a cleared or odd Attiva, an unknown risk area, a duplicate code (both cells), a number in Codice, a formula", () => {
    const rows = rowsOf();
    set(rows, 20, "title", ""); // A1.1.3.5: emptied title
    set(rows, 5, "active", ""); // cleared Attiva
    set(rows, 6, "active", "boh"); // a word that is neither yes nor no
    set(rows, 8, "riskAreas", "H"); // a letter the legend does not have
    set(rows, 11, "code", "A1.1.2.1"); // a copied row whose code was not changed: row 10 has it
    rows.push(Array.from({ length: 12 }, (_, c) => ({ value: c === COL.code ? "F1.2.3.2" : "" }))); // a row with only its code (row 248)
    const bytes = patchXlsx(writeXlsx(workbook(rows)), () => ({
      E30: '<c r="E30"><v>12</v></c>',
      I40: '<c r="I40" t="str"><f>I10</f><v>Controllo di gestione</v></c>',
    }));
    const { errors } = check(bytes);
    expect(errors).toEqual([
      "allegato-1.xlsx:Allegato 1!L5:A1.1.1.3: error: Attiva is empty: write sì or no [working-copy/active-empty]",
      'allegato-1.xlsx:Allegato 1!L6:A1.1.1.4: error: "boh" in Attiva: write sì or no [working-copy/active]',
      "allegato-1.xlsx:Allegato 1!F20:A1.1.3.5: error: activity A1.1.3.5 has no title: write it in its Attività cell [working-copy/no-title]",
      "allegato-1.xlsx:Allegato 1!E30: error: Codice holds a number, shown as 12, not text: type the text itself [working-copy/cell-type]",
      'allegato-1.xlsx:Allegato 1!I40: error: Servizio/Staff holds a formula (=I10) that shows "Controllo di gestione", not text: type the text itself [working-copy/cell-type]',
      "allegato-1.xlsx:Allegato 1!E248:F1.2.3.2: error: the row has a Codice, F1.2.3.2, and nothing else: fill in the activity, or delete the row [working-copy/code-only]",
      expect.stringMatching(/^allegato-1\.xlsx:Allegato 1!G8:A1\.1\.1\.6: error: activity A1\.1\.1\.6 has risk area H, which the plan's risk-area legend does not define/),
      expect.stringMatching(/^allegato-1\.xlsx:Allegato 1!E11:A1\.1\.2\.1: error: activity code A1\.1\.2\.1 is used by 2 activities: Allegato 1!E10 "Rilevazioni ed elaborazioni pe.*", Allegato 1!E11 "Elaborazione periodica report .*"; give each its own code \[code\/unique\]$/),
    ]);
  });

  it("a deleted heading is named at its own cell, and the rest of the sheet is still read", () => {
    const rows = rowsOf();
    set(rows, 2, "uo", "");
    const { errors, annex: back } = check(writeXlsx(workbook(rows)));
    expect(errors).toEqual(['allegato-1.xlsx:Allegato 1!J2: error: the heading of column J is empty, and the header row has no column "U.O.": write U.O. here (the column is not read until then) [working-copy/columns]']);
    expect(back?.activities).toHaveLength(245);
  });

  it("merged cells are an error at the merge, not a row without a title", () => {
    const bytes = patchXlsx(writeXlsx(workbook(rowsOf())), () => ({}));
    const files = unzipSync(bytes);
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"] ?? new Uint8Array()).replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="F7:F8"/></mergeCells>');
    files["xl/worksheets/sheet1.xml"] = strToU8(sheet);
    expect(check(zipSync(files)).errors).toEqual([
      "allegato-1.xlsx:Allegato 1!F7: error: the cells Allegato 1!F7:F8 are merged: in the working copy each cell holds its own value; unmerge them and fill each cell [working-copy/merged]",
    ]);
  });
});

describe("what a clerk meant is published", () => {
  it("a sheet sorted by Area dirigenziale, and a row typed at the bottom, are read in the order of the codes, with one info line", () => {
    const rows = rowsOf();
    const added = rows[2]?.map((c) => ({ ...c })) ?? [];
    (added[COL.code] as Cell).value = "A1.1.1.8";
    (added[COL.title] as Cell).value = "Nuova attività";
    const body = [...rows.slice(2), added].sort((a, b) => String(a[COL.areaDirigenziale]?.value).localeCompare(String(b[COL.areaDirigenziale]?.value)));
    const { annex: back, all } = check(writeXlsx(workbook([...rows.slice(0, 2), ...body])));
    const codes = back?.activities.map((a) => a.code) ?? [];
    expect(codes.slice(0, 9)).toEqual(["A1.1.1.1", "A1.1.1.2", "A1.1.1.3", "A1.1.1.4", "A1.1.1.5", "A1.1.1.6", "A1.1.1.7", "A1.1.1.8", "A1.1.2.1"]);
    expect(codes.at(-1)).toBe("G");
    // the warnings are the source's own (titles it does not print, spellings of offices), as in the sheet init wrote
    expect(all.filter((d) => !d.includes("warning: "))).toEqual([
      "allegato-1.xlsx:Allegato 1!E3:A1.3.1.3: info: the rows are not in the order of their codes (sorted by another column, or a row added at the bottom?): the annex is read, and published, in the order of the codes [working-copy/order]",
    ]);
  });

  it("text pasted from an email (line breaks, tabs, non-breaking spaces), a column inserted with a heading of its own, rows hidden by a filter left on (an error at the first: shown or deleted, never published unseen)", () => {
    const rows = rowsOf();
    set(rows, 3, "title", "Relazione\u00a0Previsionale\n\te Programmatica ");
    for (const cells of rows) cells.splice(6, 0, { value: cells === rows[1] ? "Referente" : "x" });
    const base = workbook(rows.map((cells, r) => (r === 0 ? cells.slice(0, 1) : cells)));
    const bytes = writeXlsx(base);
    const files = unzipSync(bytes);
    files["xl/worksheets/sheet1.xml"] = strToU8(strFromU8(files["xl/worksheets/sheet1.xml"] ?? new Uint8Array()).replace('<row r="5"', '<row r="5" hidden="1"'));
    const { annex: back, all } = check(zipSync(files));
    expect(back?.activities).toEqual(next.activities);
    const before = check(writeXlsx(workbook(rowsOf()))).all.length;
    expect(all).toHaveLength(before + 2);
    expect(all.filter((d) => d.includes("[working-copy/") || d.includes("[office/"))).toEqual([
      'allegato-1.xlsx:Allegato 1!G2: warning: the column "Referente" is not one of the working copy\'s: it was ignored [working-copy/extra-column]',
      "allegato-1.xlsx:Allegato 1!E5: error: 1 row is hidden (by hand or by a filter), the first here: what the application does not show is not published; show the rows (remove the filter) or delete them [office/hidden-rows]",
    ]);
  });
});

describe("the edition kept in the sheet", () => {
  const identity = { act: "Deliberazione della Giunta camerale n. 12", adopted: "2021-03-30", version: "2" };

  it.each(["xlsx", "ods"] as const)("the Edizione sheet and the Legenda read back as the plan settings (.%s)", (format) => {
    const own = { ...(plan as PlanConfig), ...identity, structures: { uo: ["Ufficio A", "Ufficio B"] } };
    const read = readOffice(writeWorkingCopy(next, own, format, DATE), `allegato-1.${format}`, { planYears: "2021-2023" });
    if (!("annex" in read) || read.settings === undefined) throw new Error("no settings");
    const merged = planWithSheet(null, read.settings, "allegato-1.xlsx", undefined);
    expect(merged.diagnostics).toEqual([]);
    expect(merged.plan).toMatchObject({ body: own.body, ...identity, riskAreas: own.riskAreas });
    expect(merged.plan?.structures?.uo).toEqual(["Ufficio A", "Ufficio B"]);
  });

  it("a value that plan.yaml also gives differently is an error naming the sheet's cell and plan.yaml", () => {
    const read = readOffice(writeWorkingCopy(next, { ...(plan as PlanConfig), ...identity }, "xlsx", DATE), "allegato-1.xlsx", { planYears: "2021-2023" });
    if (!("annex" in read) || read.settings === undefined) throw new Error("no settings");
    const merged = planWithSheet({ ...(plan as PlanConfig), version: "3" }, read.settings, "allegato-1.xlsx", "sources/2021-2023/plan.yaml");
    expect(merged.diagnostics.map(formatDiagnostic)).toEqual([
      'allegato-1.xlsx:Edizione!B6: error: Versione is "2" here but "3" in sources/2021-2023/plan.yaml: keep one (change it in both, or leave it out of sources/2021-2023/plan.yaml) [working-copy/plan-differs]',
    ]);
  });

  it("build prints the edition from the sheet: the act typed in Edizione reaches the published data package", async () => {
    const dir = sourcesWith2020();
    expect((await annex(["init", "2021-2023", "--from", "2020-2022"], { cwd: dir })).status).toBe(0);
    const file = join(dir, "sources", "2021-2023", "allegato-1.xlsx");
    const files = unzipSync(new Uint8Array(readFileSync(file)));
    const edition = strFromU8(files["xl/worksheets/sheet3.xml"] ?? new Uint8Array());
    // the act's value cell is empty in a new edition: the clerk types it
    expect(edition).toContain('<c r="B4"');
    files["xl/worksheets/sheet3.xml"] = strToU8(edition.replace(/<c r="B4"[^>]*?\/>/, '<c r="B4" t="inlineStr"><is><t>Deliberazione n. 7</t></is></c>'));
    writeFileSync(file, zipSync(files));
    const result = await annex(["build", "2021-2023", "--format", "csv"], { cwd: dir });
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, "out", "2021-2023", "datapackage.json"), "utf8")).toContain("Deliberazione n. 7");
  });
});

describe("the spreadsheets the tool publishes", () => {
  it.each(["xlsx", "ods"] as const)("a published .%s read back is refused with one line saying it is a publication, not a working copy", async (format) => {
    const bytes = format === "xlsx" ? toXlsx(next, plan) : toOds(next, plan);
    expect(() => readOffice(bytes, `allegato-1.${format}`, { planYears: "2021-2023" })).toThrow(FatalError);
    const dir = sourcesWith2020();
    mkdirSync(join(dir, "pub"));
    writeFileSync(join(dir, "pub", `allegato-1.${format}`), bytes);
    const result = await annex(["export", join("pub", `allegato-1.${format}`), "--format", "json"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([
      `annex: ${join("pub", `allegato-1.${format}`)}:Allegato 1!J2: this is a published spreadsheet of the annex (its column "Codice macro processo" says so), not a working copy: publish from the edition's source, or start a working copy from it with annex init`,
    ]);
  });
});

describe("build says what needs the office's attention", () => {
  it("the warnings an edit caused, each at its cell, then a count of those inherited from the previous edition", async () => {
    const dir = sourcesWith2020();
    expect((await annex(["init", "2021-2023", "--from", "2020-2022"], { cwd: dir })).status).toBe(0);
    const file = join(dir, "sources", "2021-2023", "allegato-1.xlsx");
    const read = readOffice(new Uint8Array(readFileSync(file)), file, { planYears: "2021-2023" });
    expect("annex" in read).toBe(true);
    // a risk letter twice in one cell: a warning the 2020-2022 edition does not have
    const files = unzipSync(new Uint8Array(readFileSync(file)));
    files["xl/worksheets/sheet1.xml"] = strToU8(strFromU8(files["xl/worksheets/sheet1.xml"] ?? new Uint8Array()).replace(/<c r="G7"[^>]*?(\/>|>.*?<\/c>)/, '<c r="G7" t="inlineStr"><is><t>A/A</t></is></c>'));
    writeFileSync(file, zipSync(files));
    const result = await annex(["build", "--format", "json"], { cwd: dir });
    expect(result.status).toBe(0);
    const lines = result.stderr.split("\n").filter((l) => l.includes("2021-2023 [2/2]") || l.startsWith("sources/"));
    const inherited = Number(/(\d+) warnings inherited from 2020-2022/.exec(result.stderr)?.[1]);
    expect(inherited).toBeGreaterThan(0);
    expect(lines.slice(-3)).toEqual([
      "annex: 2021-2023 [2/2]: 1 new warning against 2020-2022:",
      "sources/2021-2023/allegato-1.xlsx:Allegato 1!G7:A1.1.1.5: warning: activity A1.1.1.5 lists risk area A twice [risk/duplicate]",
      `annex: 2021-2023 [2/2]: ${inherited} warnings inherited from 2020-2022 (listed in the build report)`,
    ]);
  });
});

describe("the pieces the reading rests on", () => {
  it("a stored date is shown as the spreadsheet shows it, in the Italian conventions (values worked out by hand)", async () => {
    const { formatSerial, isDateFormat } = await import("../pipeline/formats/spreadsheet/number-format.ts");
    expect(formatSerial(44227, "dd/mm/yyyy")).toBe("31/01/2021");
    expect(formatSerial(44227.5, "dd/mm/yyyy hh:mm")).toBe("31/01/2021 12:00");
    expect(formatSerial(44227, "d-mmm-yy")).toBe("31-gen-21");
    expect(formatSerial(0.75, "hh:mm")).toBe("18:00");
    // the 1904 date system counts 1462 days fewer
    expect(formatSerial(42765, "DD/MM/YYYY", true)).toBe("31/01/2021");
    expect([isDateFormat("General"), isDateFormat("0.00"), isDateFormat('"Codice "@'), isDateFormat("[$-410]dd/mm/yyyy"), isDateFormat(null)]).toEqual([false, false, false, true, false]);
  });

  it("codes sort as the annex prints them: part by part by number, a local variant after its number, the special G row last", async () => {
    const { compareCodes } = await import("../pipeline/model/codes.ts");
    const codes = ["A1.10.1.1", "G", "A1.2.1.1", "Z1.1.1.1", "C1.1.7b.1", "C1.1.8.1", "C1.1.7.1", "A1"];
    expect(codes.sort(compareCodes)).toEqual(["A1", "A1.2.1.1", "A1.10.1.1", "C1.1.7.1", "C1.1.7b.1", "C1.1.8.1", "Z1.1.1.1", "G"]);
  });
});

describe("a formula filled down in Excel", () => {
  it("the cells of a shared formula (no text of their own) are formulas too: an error at each", () => {
    const bytes = patchXlsx(writeXlsx(workbook(rowsOf())), () => ({
      H50: '<c r="H50" t="str"><f t="shared" ref="H50:H51" si="0">H49</f><v>Segretario generale</v></c>',
      H51: '<c r="H51" t="str"><f t="shared" si="0"/><v>Segretario generale</v></c>',
    }));
    expect(check(bytes).errors).toEqual([
      'allegato-1.xlsx:Allegato 1!H50: error: Area dirigenziale holds a formula (=H49) that shows "Segretario generale", not text: type the text itself [working-copy/cell-type]',
      'allegato-1.xlsx:Allegato 1!H51: error: Area dirigenziale holds a formula that shows "Segretario generale", not text: type the text itself [working-copy/cell-type]',
    ]);
  });
});
