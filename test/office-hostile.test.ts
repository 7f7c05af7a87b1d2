// Office files that are damaged, hidden or hostile (test/fixtures/office/hostile, made by
// make.py there from the annex as LibreOffice wrote it): what the office application shows is
// read, and nothing else; what it hides is said; what is damaged, or unpacks past any annex,
// stops with one line naming the file, the place and the limit. Never a different annex.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../pipeline/diagnostics/diagnostic.ts";
import { FatalError } from "../pipeline/diagnostics/fatal.ts";
import { formatDiagnostic } from "../pipeline/diagnostics/format.ts";
import { readOffice } from "../pipeline/formats/office/read.ts";
import type { PlanConfig } from "../pipeline/model/plan.ts";
import { repair } from "../pipeline/repair/index.ts";
import { validateAnnex } from "../pipeline/validate/index.ts";
import { annex } from "./helpers/cli.ts";
import { expected2020, fieldDifferences } from "./helpers/expected.ts";

const DIR = "test/fixtures/office/hostile";

/** The raw table read from a file, without where each row is (a split table numbers its second part's rows anew). */
function rawOf(name: string): { content: unknown; diagnostics: Diagnostic[] } {
  const office = readOffice(new Uint8Array(readFileSync(name)), name.replace(/^.*\//, ""));
  if (!("table" in office)) throw new Error(`${name} was read as a working copy`);
  const { title, footnote, columns, rows } = office.table;
  return { content: { title, footnote, columns, rows: rows.map((r) => ({ cells: r.cells, shaded: r.shaded })) }, diagnostics: office.diagnostics };
}

/** The annex as LibreOffice wrote it, read once per format: the 245 hand-checked activities (test/office-read.test.ts). */
const originals = new Map<string, unknown>();
function original(ext: string): unknown {
  const known = originals.get(ext);
  if (known !== undefined) return known;
  const { content } = rawOf(`test/fixtures/office/allegato-1.${ext}`);
  originals.set(ext, content);
  return content;
}

function read(name: string): { activities: { code: string }[]; diagnostics: Diagnostic[]; annex: ReturnType<typeof validateAnnex>["annex"] } {
  const file = `${DIR}/${name}`;
  const office = readOffice(new Uint8Array(readFileSync(file)), name);
  if (!("table" in office)) throw new Error(`${name} was read as a working copy`);
  const repaired = repair(office.table, { planYears: "2020-2022" });
  const validated = validateAnnex(repaired.annex, { plan: null, file: name, provenance: repaired.provenance });
  return { activities: validated.annex?.activities ?? [], annex: validated.annex, diagnostics: [...office.diagnostics, ...repaired.diagnostics, ...validated.diagnostics] };
}

function fatalOf(name: string): string {
  try {
    readOffice(new Uint8Array(readFileSync(`${DIR}/${name}`)), name);
  } catch (error) {
    if (error instanceof FatalError) return formatDiagnostic(error.diagnostic);
    throw error;
  }
  throw new Error(`${name} was read`);
}

const office = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.rule.startsWith("office/")).map(formatDiagnostic);
const errors = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic);

describe("what the office application shows is the annex, all of it and only it; what it hides is said", () => {
  const cases: [string, string, string[]][] = [
    ["hidden-first-sheet.xlsx", "a hidden first sheet (a draft with 1 activity) is not read: the visible Allegato 1 is", ['hidden-first-sheet.xlsx: warning: the sheet "Bozza" is hidden: it is not read [office/hidden-sheet]']],
    ["hidden-first-sheet.ods", "the same workbook saved by LibreOffice Calc as .ods", ['hidden-first-sheet.ods: warning: the sheet "Bozza" is hidden: it is not read [office/hidden-sheet]']],
    ["hidden-section.odt", "a draft table in a hidden section before the annex is not read", ['hidden-section.odt: warning: the section "Bozza", with a table, is hidden: it is not read [office/hidden-text]']],
    [
      "hidden-text.docx",
      "hidden runs (w:vanish) are not appended to the title paragraph or an activity's title",
      ["hidden-text.docx: warning: hidden text in a paragraph is not read [office/hidden-text]", "hidden-text.docx:table 1, row 3, column 6: warning: hidden text in a cell is not read [office/hidden-text]"],
    ],
    [
      "hidden-text.odt",
      "a hidden-text field and a run in a hidden character style are not appended to a title or an office",
      [
        "hidden-text.odt:table 1, row 3, column 6: warning: text in a paragraph or cell is hidden: it is not read [office/hidden-text]",
        "hidden-text.odt:table 1, row 5, column 9: warning: text in a paragraph or cell is hidden: it is not read [office/hidden-text]",
      ],
    ],
    [
      "split-table-repeated-header.docx",
      "a Word table split in two by a page break, its header rows repeated above the second part, is read as one table",
      ["split-table-repeated-header.docx: info: table 2 repeats the annex's header rows right under table 1: it continues the annex table, and its rows were joined to it [office/table-continued]"],
    ],
    ["rows-in-content-controls.docx", "rows inside a content control (w:sdt) and custom XML, and a cell inside a content control, are read as Word prints them", []],
    ["text-box.docx", "an activity's title in a text box (mc:AlternateContent: DrawingML and its VML fallback) is read once", []],
    ["spaces-1e9.ods", "a run of a billion spaces (text:s) is one space, read in no time", []],
  ];
  // the table read is the very table read from the file before it was changed, which gives the 245 hand-checked activities
  it.each(cases)("%s: %s", (name, _what, warnings) => {
    const r = rawOf(`${DIR}/${name}`);
    expect(r.diagnostics.map(formatDiagnostic)).toEqual(warnings);
    expect(r.content).toEqual(original(name.replace(/^.*\./, "")));
  });

  it("and read through repair and validation, the hidden first sheet gives the 245 activities, every field equal", () => {
    const r = read("hidden-first-sheet.xlsx");
    expect(errors(r.diagnostics)).toEqual([]);
    expect(r.activities.map((a) => a.code)).toEqual(expected2020.activities.map((a) => a.code));
    expect(fieldDifferences(r.annex?.activities ?? [], expected2020.activities)).toEqual([]);
  });
});

describe("a formula saved without its value (as openpyxl and other scripts write them) is an error at its cell, never an empty cell", () => {
  it("xlsx from openpyxl: the title and the office that hold formulas", () => {
    expect(office(read("formula-without-value.xlsx").diagnostics).filter((d) => d.includes("formula-no-value"))).toEqual([
      'formula-without-value.xlsx:Allegato 1!F4: error: the cell holds the formula ="Relazione Previsionale e Programmatica" saved without its value, which the office application would compute: open the file in it, save it, and read it again [office/formula-no-value]',
      "formula-without-value.xlsx:Allegato 1!H5: error: the cell holds the formula =H4 saved without its value, which the office application would compute: open the file in it, save it, and read it again [office/formula-no-value]",
    ]);
  });
  it("ods: table:formula with no value and no text", () => {
    expect(office(read("formula-without-value.ods").diagnostics).filter((d) => d.includes("formula-no-value"))).toEqual([
      'formula-without-value.ods:Allegato 1!F4: error: the cell holds the formula ="Relazione Previsionale e Programmatica" saved without its value, which the office application would compute: open the file in it, save it, and read it again [office/formula-no-value]',
    ]);
  });
});

describe("a table nested in a cell is an error at that cell", () => {
  it("docx: a table inside the U.O. cell of A1.1.1.3", () => {
    expect(errors(read("nested-table.docx").diagnostics)).toEqual([
      "nested-table.docx:table 1, row 5, column 10: error: a table inside this cell: its rows cannot be placed in the annex, and are not read [office/nested-table]",
    ]);
  });
});

describe("a damaged part, or one past the limits, stops the reading with one line naming the file, the place and the limit", () => {
  const cases: [string, string][] = [
    ["shared-string-out-of-range.xlsx", 'shared-string-out-of-range.xlsx:Allegato 1!E4: error: the file is damaged: the cell points to shared string "99999", but the file has 761 (0 to 760) [office/damaged]'],
    ["shared-string-negative.xlsx", 'shared-string-negative.xlsx:Allegato 1!E4: error: the file is damaged: the cell points to shared string "-1", but the file has 761 (0 to 760) [office/damaged]'],
    ["shared-string-not-a-number.xlsx", 'shared-string-not-a-number.xlsx:Allegato 1!E4: error: the file is damaged: the cell points to shared string "x", but the file has 761 (0 to 760) [office/damaged]'],
    ["overlapping-merges.xlsx", "overlapping-merges.xlsx:Allegato 1!A10: error: the file is damaged: the merges A10:B12 and A4:A66 overlap (the application shows only one of them) [office/damaged]"],
    ["non-utf8.xlsx", "non-utf8.xlsx: error: the file is damaged: its part xl/sharedStrings.xml holds bytes that are not UTF-8 text (at byte 1381) [office/damaged]"],
    ["absurd-gridspan.docx", 'absurd-gridspan.docx:table 1, row 5, column 8: error: the file is damaged: the cell spans "1000" grid columns, but the table has 3 left in this row [office/damaged]'],
    ["cell-at-row-1e9.xlsx", 'cell-at-row-1e9.xlsx:Allegato 1!A251: error: the file is damaged: a row\'s number "1000000000" is not a position on a sheet [office/damaged]'],
    ["cell-at-row-1e6.xlsx", "cell-at-row-1e6.xlsx:Allegato 1!A1000000: error: row 1000000 has text: more than an annex holds (at most 100,000 rows and 256 columns are read) [office/too-large]"],
    ["huge-merge.xlsx", "huge-merge.xlsx:Allegato 1!L1: error: the merge L1:L1000000 covers 1,000,000 cells: more than an annex holds (at most 100,000 rows and 256 columns are read) [office/too-large]"],
    ["row-repeated-1e9.ods", "row-repeated-1e9.ods:Allegato 1!A5: error: the row is repeated 1,000,000,000 times: more than an annex holds (at most 100,000 rows and 256 columns are read) [office/too-large]"],
    ["zip-bomb.xlsx", "zip-bomb.xlsx: error: the part xl/worksheets/sheet1.xml would unpack to 201 MiB: more than an office file holds (at most 32 MiB a part, 64 MiB in all are read) [office/too-large]"],
    [
      "zip-bomb-lying-sizes.xlsx",
      "zip-bomb-lying-sizes.xlsx: error: the file is damaged: its zip package cannot be opened (the entry xl/worksheets/sheet1.xml unpacks to more than the 107527 bytes its directory declares); was it cut short while copying? [office/damaged]",
    ],
  ];
  it.each(cases)("%s", (name, line) => {
    expect(fatalOf(name)).toBe(line);
  });
});

describe("nothing from the data reaches a terminal as a control character", () => {
  it("escape sequences in cells are shown as <U+001B> in the diagnostics, never sent raw", async () => {
    const r = await annex(["validate", `${DIR}/control-characters.xlsx`]);
    const out = r.stdout + r.stderr;
    expect(out).toContain('text after the footnote was left out: "Aggiornato<U+001B>[2J<U+001B>]0;pwned<U+0007> a mano"');
    // eslint-disable-next-line no-control-regex -- the test is that no control character but the line feed is printed
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it("a risk area's name in the plan that a spreadsheet would run (it goes into the legend's CSV) is warned about", () => {
    const plan: PlanConfig = { body: "Camera di commercio", riskAreas: { A: "Acquisizione del personale", B: "=2+2" } };
    const annexData = { planYears: "2020-2022", title: "Allegato 1", footnote: null, activities: [] };
    const found = validateAnnex(annexData, { plan, planFile: "plan.yaml" }).diagnostics.filter((d) => d.rule === "text/formula").map(formatDiagnostic);
    expect(found).toEqual(['plan.yaml: warning: the name of risk area B in the plan settings: starts with "=": a spreadsheet opening the legend\'s CSV may run it as a formula [text/formula]']);
  });
});
