// The office's own files: the 2020-2022 annex as LibreOffice wrote it (test/fixtures/office,
// made by make.ts there) read into the raw table, then repaired and validated like a PDF, must
// give the 245 hand-checked activities field by field. Bad office files give one clear line.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readPlan } from "../pipeline/app/settings.ts";
import { FatalError } from "../pipeline/diagnostics/fatal.ts";
import { formatDiagnostic, formatPlace } from "../pipeline/diagnostics/format.ts";
import type { Grid, GridCell } from "../pipeline/formats/office/grid.ts";
import { findAnnexGrid, gridsToRawTable } from "../pipeline/formats/office/printed-table.ts";
import { readOffice } from "../pipeline/formats/office/read.ts";
import { at } from "../pipeline/lib/at.ts";
import type { RawTable } from "../pipeline/model/raw.ts";
import { repair } from "../pipeline/repair/index.ts";
import { validateAnnex } from "../pipeline/validate/index.ts";
import { expected2020, fieldDifferences } from "./helpers/expected.ts";

const DIR = "test/fixtures/office";

function readTable(file: string): { table: RawTable; diagnostics: ReturnType<typeof readOffice>["diagnostics"] } {
  const read = readOffice(new Uint8Array(readFileSync(file)), file);
  if (!("table" in read)) throw new Error(`${file} was read as a working copy`);
  return read;
}

const FORMATS = [
  { ext: "xlsx", first: "Allegato 1!E4", last: "Allegato 1!E248" },
  { ext: "ods", first: "Allegato 1!E4", last: "Allegato 1!E248" },
  { ext: "docx", first: "table 1, row 3, column 5", last: "table 1, row 247, column 5" },
  { ext: "odt", first: "table 1, row 3, column 5", last: "table 1, row 247, column 5" },
] as const;

describe.each(FORMATS)("the 2020-2022 annex as LibreOffice wrote it: allegato-1.$ext", ({ ext, first, last }) => {
  const file = `${DIR}/allegato-1.${ext}`;

  it("reads back to the 245 hand-checked activities, every field equal, active included", async () => {
    const { table, diagnostics } = readTable(file);
    expect(diagnostics).toEqual([]);
    expect(table.format).toBe(ext);
    expect(table.columns).toEqual(["function", "macro", "process", "subprocess", "activityCode", "activityTitle", "risk", "areaDirigenziale", "servizio", "uo"]);
    const repaired = repair(table, { planYears: "2020-2022" });
    const plan = await readPlan("sources/2020-2022/plan.yaml");
    const validated = validateAnnex(repaired.annex, { plan, file, provenance: repaired.provenance });
    expect([...repaired.diagnostics, ...validated.diagnostics].filter((d) => d.severity === "error").map(formatDiagnostic)).toEqual([]);
    const activities = validated.annex?.activities ?? [];
    expect(activities.map((a) => a.code)).toEqual(expected2020.activities.map((a) => a.code));
    expect(fieldDifferences(activities, expected2020.activities)).toEqual([]);
    expect(validated.annex?.title).toBe(expected2020.title);
    expect(validated.annex?.footnote).toBe(expected2020.footnote);
  });

  it("takes the shading from the grey cell fills: the 19 inactive rows, and only those", () => {
    const { table } = readTable(file);
    const shaded = table.rows.filter((r) => r.shaded).map((r) => r.cells.find((c) => table.columns[c.col] === "activityCode")?.text);
    expect(shaded).toEqual(expected2020.activities.filter((a) => a.active === false).map((a) => a.code));
  });

  it("keeps the merges as row spans and places every row where a person finds it", () => {
    const { table } = readTable(file);
    const governo = at(table.rows, 0, "row").cells.find((c) => table.columns[c.col] === "function");
    expect(governo).toEqual({ col: 0, text: "Governo Camerale", rowSpan: 63 });
    expect(at(table.rows, 0, "row").cell).toBe(first);
    expect(at(table.rows, table.rows.length - 1, "row").cell).toBe(last);
    const repaired = repair(table, { planYears: "2020-2022" });
    const missing = validateAnnex(repaired.annex, { plan: null, file, provenance: repaired.provenance }).diagnostics.find((d) => d.rule === "title/missing");
    // sub-process A1.3.3 prints no title: the warning names the row of its activity
    expect(missing && formatPlace(missing.place)).toMatch(new RegExp(`^${file}:(Allegato 1!E35|table 1, row 34, column 5):A1\\.3\\.3$`));
  });
});

describe("office files that cannot be read give one line naming the file", () => {
  const cases: [string, string, RegExp, string?][] = [
    ["bad/no-table.xlsx", "input/no-table", /^no annex table: no row has the column headings Funzione, .* \(sheets: Referenti\)$/],
    ["bad/password.xlsx", "office/password", /^the file is protected by a password: save a copy without the password and read that$/],
    ["bad/truncated.xlsx", "office/damaged", /^the file is damaged: its zip package cannot be opened/],
    ["bad/no-table.docx", "input/no-table", /^no annex table: .*\(the document has no table\)$/],
    ["bad/no-codice.xlsx", "office/no-code-column", /^the header row has no column "Codice": a working copy has the columns Funzione, Macro processo, /, "Allegato 1!A2"],
  ];
  it.each(cases)("%s", (name, rule, message, cell) => {
    const file = `${DIR}/${name}`;
    let error: unknown;
    try {
      readOffice(new Uint8Array(readFileSync(file)), file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FatalError);
    const e = error as FatalError;
    expect(e.diagnostic.rule).toBe(rule);
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain("\n");
    expect(e.place).toEqual(cell ? { file, cell } : { file });
  });
});

describe("the table rules, on small grids", () => {
  const cell = (col: number, text: string, extra: Partial<GridCell> = {}): GridCell => ({ col, colSpan: 1, rowSpan: 1, text, fill: null, ...extra });
  const grid = (rows: GridCell[][], hidden: number[] = []): Grid => ({ name: "Foglio1", rows, hidden: new Set(hidden), before: [], after: [], locate: (r, c) => `Foglio1!${"ABCDEFGH"[c] ?? "?"}${r + 1}` });
  const header = [cell(0, "Funzione"), cell(1, "Macro Processi"), cell(2, "Processi"), cell(3, "Sotto Processi"), cell(4, "Attività", { colSpan: 2 }), cell(6, "U.O.")];
  const read = (g: Grid, format: "xlsx" | "docx" = "xlsx", others: Grid[] = []) => gridsToRawTable([g, ...others], findAnnexGrid([g], "f", format), `f.${format}`, format);
  const grey = "#d9d9d9";
  const row = (code: string, title: string, fill: string | null = null) => ["F", "A1", "A1.1", "A1.1.1", code, title, ""].map((text, col) => cell(col, text, { fill }));

  it("a grey merged parent cell does not make its rows grey: each row is judged by its own cells", () => {
    const { table } = read(
      grid([
        header,
        [cell(0, "F", { rowSpan: 2, fill: grey }), cell(1, "A1 M", { rowSpan: 2, fill: grey }), cell(2, "A1.1 P", { rowSpan: 2, fill: grey }), cell(3, "A1.1.1 S", { rowSpan: 2, fill: grey }), cell(4, "A1.1.1.1", { fill: grey }), cell(5, "Uno", { fill: grey }), cell(6, "", { fill: grey })],
        [cell(4, "A1.1.1.2"), cell(5, "Due"), cell(6, "")],
      ]),
    );
    expect(table.rows.map((r) => r.shaded)).toEqual([true, false]);
  });

  it("only a grey fill shades a row: a yellow highlight is named in a warning, and a near-white fill is no shading", () => {
    const { table, diagnostics } = read(grid([header, row("A1.1.1.1", "Uno", "#ffff00"), row("A1.1.1.2", "Due", "#f2f2f2"), row("A1.1.1.3", "Tre", "#a6a6a6"), row("A1.1.1.4", "Quattro", "#fcfcfc")]));
    expect(table.rows.map((r) => r.shaded)).toEqual([false, true, true, false]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "f.xlsx:Foglio1!E2: warning: a #ffff00 fill is not grey, so it does not mark an activity as inactive (the first row with it is here) [office/fill]",
      "f.xlsx:Foglio1!E5: warning: a #fcfcfc fill is not grey, so it does not mark an activity as inactive (the first row with it is here) [office/fill]",
    ]);
  });

  it("hidden rows with text are an error at the first of them: never published unseen, never dropped", () => {
    const { table, diagnostics } = read(grid([header, row("A1.1.1.1", "Uno"), row("A1.1.1.2", "Due"), row("A1.1.1.3", "Tre")], [2, 3]));
    expect(table.rows).toHaveLength(3);
    expect(diagnostics.map(formatDiagnostic)).toEqual(["f.xlsx:Foglio1!E3: error: 2 rows are hidden (by hand or by a filter), the first here: what the application does not show is not published; show the rows (remove the filter) or delete them [office/hidden-rows]"]);
  });

  it("a formula's error in a cell is an error at that cell, not a title", () => {
    const { diagnostics } = read(grid([header, [cell(0, "F"), cell(1, "A1"), cell(2, "A1.1"), cell(3, "#REF!", { type: "error" }), cell(4, "A1.1.1.1"), cell(5, "Uno"), cell(6, "")]]));
    expect(diagnostics.map(formatDiagnostic)).toEqual(["f.xlsx:Foglio1!D2: error: the cell shows a formula's error, #REF!, instead of a value [office/formula-error]"]);
  });

  it("a footnote typed right under the table, with no empty row between, is the footnote, not a row", () => {
    const g = grid([[cell(0, "Titolo 2020-2022")], header, row("A1.1.1.1", "Uno"), [cell(0, "N.B.: nota")]]);
    const { table } = read(g);
    expect(table.rows).toHaveLength(1);
    expect(table.title).toBe("Titolo 2020-2022");
    expect(table.footnote).toBe("N.B.: nota");
  });

  it("an empty row left inside the table is skipped, not taken for its end: no activity is lost", () => {
    const { table, diagnostics } = read(grid([header, row("A1.1.1.1", "Uno"), [], row("A1.1.1.2", "Due"), [], [cell(0, "N.B.: nota")]]));
    expect(table.rows.map((r) => r.cell)).toEqual(["Foglio1!E2", "Foglio1!E4"]);
    expect(table.footnote).toBe("N.B.: nota");
    expect(diagnostics.map(formatDiagnostic)).toEqual(["f.xlsx:Foglio1!E3: info: an empty row inside the table was skipped [office/empty-row]"]);
  });

  it("a document table with the annex's columns but no header (the annex split in two) is an error, not a shorter annex", () => {
    const doc = (rows: GridCell[][], n: number): Grid => ({ ...grid(rows), name: `table ${n}` });
    const { diagnostics } = read(doc([header, row("A1.1.1.1", "Uno")], 1), "docx", [doc([row("A1.1.1.2", "Due")], 2)]);
    expect(diagnostics.map((d) => `${d.severity} ${d.rule}`)).toEqual(["error office/split-table"]);
  });

  it("a second sheet with the annex header is named in a warning: only the first is read", () => {
    const { table, diagnostics } = read(grid([header, row("A1.1.1.1", "Uno")]), "xlsx", [{ ...grid([header, row("A1.1.1.1", "Uno")]), name: "2021-2023" }]);
    expect(table.rows).toHaveLength(1);
    expect(diagnostics.map((d) => d.reason)).toEqual(["2021-2023 also has the annex's header row; only Foglio1, the first, was read"]);
  });

  it("a column the header does not name is left out, with a warning at its first cell with text", () => {
    const { table, diagnostics } = read(grid([[...header, cell(7, "Referente")], [...row("A1.1.1.1", "Uno"), cell(7, "Rossi")]]));
    expect(table.columns).not.toContain("unknown");
    expect(diagnostics.map(formatDiagnostic)).toEqual(['f.xlsx:Foglio1!H2: warning: the column "Referente" is not a column of the annex table: ignored [office/unknown-column]']);
  });
});
