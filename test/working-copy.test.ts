// The working copy: `annex init --format xlsx|ods` writes the annex as a sheet a clerk edits, one
// row per activity, and reads it back as the same annex, field by field. A clerk's edits, made
// with the project's writer and once by LibreOffice itself, come out of `diff` exactly, and
// `build` publishes the edited edition. What clerks also do (sort, type `Si`, leave spaces, add
// a column of their own, change a title in one row only) is read as meant or reported at its cell.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../pipeline/diagnostics/format.ts";
import { openPackage } from "../pipeline/formats/office/package.ts";
import { readOffice } from "../pipeline/formats/office/read.ts";
import { COLUMNS } from "../pipeline/formats/spreadsheet/working-copy/columns.ts";
import { workingCopyWorkbook } from "../pipeline/formats/spreadsheet/working-copy/write.ts";
import { xlsxGrids } from "../pipeline/formats/spreadsheet/xlsx.ts";
import { writeOds } from "../pipeline/lib/workbook/ods.ts";
import type { Workbook } from "../pipeline/lib/workbook/workbook.ts";
import { writeXlsx } from "../pipeline/lib/workbook/xlsx.ts";
import type { Annex } from "../pipeline/model/annex.ts";
import type { PlanConfig } from "../pipeline/model/plan.ts";
import { validateAnnex } from "../pipeline/validate/index.ts";
import { annex } from "./helpers/cli.ts";
import { sortChanges, sourcesWith2020 } from "./helpers/diff.ts";
import { editWithLibreOffice, editWorkbook, nextEditionOf2020, WRITTEN_ON, type Edit } from "./helpers/working-copy.ts";

const DATE = WRITTEN_ON;
let plan: PlanConfig | null;
let next: Annex;

beforeAll(async () => {
  ({ plan, next } = await nextEditionOf2020());
});

const WRITERS = { xlsx: writeXlsx, ods: writeOds } as const;

function write(workbook: Workbook, format: "xlsx" | "ods"): Uint8Array {
  return WRITERS[format](workbook);
}

/** The working copy read back and validated against the plan: the annex and every diagnostic as a line. */
function readBack(bytes: Uint8Array, file = "allegato-1.xlsx") {
  const read = readOffice(bytes, file, { planYears: "2021-2023" });
  if (!("annex" in read)) throw new Error("not read as a working copy");
  const validated = validateAnnex(read.annex, { plan, file, provenance: read.provenance });
  return { annex: validated.annex, read: read.diagnostics.map(formatDiagnostic), all: [...read.diagnostics, ...validated.diagnostics].map(formatDiagnostic) };
}

describe.each(["xlsx", "ods"] as const)("the working copy as .%s", (format) => {
  it("reads back as the very same annex, field by field, with nothing to report about the sheet itself", () => {
    const { annex: back, read } = readBack(write(workingCopyWorkbook(next, plan, DATE), format), `allegato-1.${format}`);
    expect(read).toEqual([]);
    expect(back).toEqual(next);
  });
});

describe("the working copy's sheet", () => {
  const parts = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));

  it("has one row per activity under a title row and the header row of DESIGN.md's contract, no merged cells", () => {
    const workbook = workingCopyWorkbook(next, plan, DATE);
    const rows = workbook.sheets[0]?.rows ?? [];
    expect(rows[0]?.[0]?.value).toBe(next.title);
    expect(rows[1]?.map((c) => c.value)).toEqual(["Funzione", "Macro processo", "Processo", "Sotto processo", "Codice", "Attività", "Area di rischio", "Area dirigenziale", "Servizio/Staff", "U.O.", "Note", "Attiva"]);
    expect(rows).toHaveLength(2 + 245);
    // A1.3.3 has no title in the source: its cell holds the code alone; G repeats its letter; Z1 has no Funzione
    const byCode = (code: string) => rows.find((r) => r[4]?.value === code)?.map((c) => c.value);
    expect(byCode("A1.3.3.1")?.slice(0, 4)).toEqual(["Governo Camerale", "A1 PIANIFICAZIONE, MONITORAGGIO E CONTROLLO DELL'ENTE", "A1.3 ORGANIZZAZIONE CAMERALE", "A1.3.3"]);
    expect(byCode("G")?.slice(0, 6)).toEqual([
      "Gestione generale dell'ente",
      "G GESTIONE GENERALE DELL'ENTE",
      "G ATTIVITÀ DI GOVERNO COMPLESSIVO DELL'ENTE (COMPETENZA DEL SOLO SEGRETARIO GENERALE)",
      "G Attività di governo complessivo dell'ente (competenza del solo segretario generale)",
      "G",
      "Attività di governo complessivo dell'ente (competenza del solo segretario generale)",
    ]);
    expect(byCode("Z1.1.1.2")?.slice(0, 1)).toEqual([""]);
    expect(byCode("C1.2.1.1")?.slice(6)).toEqual(["", "", "", "", "", "no"]);
    const xml = parts(write(workbook, "xlsx"));
    expect(xml["xl/worksheets/sheet1.xml"]).not.toContain("<mergeCell");
  });

  it("in .xlsx: header frozen and filtered, drop-downs on Attiva and the structures, a message on Area di rischio, inactive rows shaded by a condition", () => {
    const xml = parts(write(workingCopyWorkbook(next, plan, DATE), "xlsx"));
    const sheet = xml["xl/worksheets/sheet1.xml"] ?? "";
    expect(sheet).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<autoFilter ref="A2:L247"/>');
    expect(xml["xl/workbook.xml"]).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">&#39;Allegato 1&#39;!$A$2:$L$247</definedName>`);
    expect(sheet).toContain('<dataValidation type="list" allowBlank="1" showInputMessage="1" promptTitle="Attiva"');
    expect(sheet).toMatch(/errorStyle="stop"[^>]*sqref="L3:L1247"><formula1>&#34;sì,no&#34;<\/formula1>/);
    expect(sheet).toMatch(/<dataValidation allowBlank="1" showInputMessage="1" promptTitle="Area di rischio" prompt="[^"]+C\/E[^"]*" sqref="G3:G1247">/);
    expect(sheet).toMatch(/<dataValidation type="list" [^>]*errorStyle="warning"[^>]*sqref="J3:J1247"><formula1>&#39;Legenda&#39;!\$F\$5:\$F\$\d+<\/formula1>/);
    expect(sheet).toContain('<conditionalFormatting sqref="A3:L1247"><cfRule type="expression" dxfId="0" priority="1"><formula>LOWER(TRIM($L3))=&#34;no&#34;</formula></cfRule></conditionalFormatting>');
    expect(xml["xl/styles.xml"]).toContain('<dxf><fill><patternFill patternType="solid"><bgColor rgb="FFD9D9D9"/></patternFill></fill></dxf>');
  });

  it("in .ods: the same, as OpenDocument writes it (settings.xml freezes the header)", () => {
    const xml = parts(write(workingCopyWorkbook(next, plan, DATE), "ods"));
    const content = xml["content.xml"] ?? "";
    expect(xml["mimetype"]).toBe("application/vnd.oasis.opendocument.spreadsheet");
    expect(xml["settings.xml"]).toContain('<config:config-item config:name="VerticalSplitMode" config:type="short">2</config:config-item><config:config-item config:name="HorizontalSplitPosition" config:type="int">0</config:config-item><config:config-item config:name="VerticalSplitPosition" config:type="int">2</config:config-item>');
    expect(content).toContain('table:target-range-address="&#39;Allegato 1&#39;.A2:&#39;Allegato 1&#39;.L247" table:display-filter-buttons="true"');
    expect(content).toContain("of:cell-content-is-in-list(&#34;sì&#34;;&#34;no&#34;)");
    expect(content).toMatch(/of:cell-content-is-in-list\(\[\$&#39;Legenda&#39;\.\$D\$5:\.\$D\$\d+\]\)/);
    expect(content).toContain("formula-is(LOWER(TRIM([.$L3]))=&#34;no&#34;)");
    expect(content).not.toContain("table:number-rows-spanned");
  });

  it("has a Legenda sheet: the footnote, the plan's risk areas, and the structure lists the drop-downs offer", () => {
    const legend = workingCopyWorkbook(next, plan, DATE).sheets[1];
    expect(legend?.name).toBe("Legenda");
    const texts = (legend?.rows ?? []).map((r) => r.map((c) => c.value));
    expect(texts[0]).toEqual(["Nota in calce", next.footnote]);
    expect(texts.some((r) => r[0] === "E" && r[1] === "Sorveglianza e controlli")).toBe(true);
    const column = (c: number) => texts.slice(4).map((r) => r[c]).filter((v) => v !== undefined && v !== null);
    expect(column(3)).toContain("Segretario generale");
    expect(column(5)).toContain("Segreteria generale e URP");
  });
});

/** The edits of a clerk's year, each of a kind the issue names; plain ASCII so that LibreOffice's macro can carry them. */
const EDITS: Edit[] = [
  { set: { code: "A1.1.1.2", column: "title", value: "Predisposizione e aggiornamento del Bilancio preventivo e del PIRA" } },
  { set: { code: "A1.1.1.5", column: "riskAreas", value: "a / b" } },
  { set: { code: "A2.1.1.1", column: "uo", value: "Segreteria generale, URP e protocollo " } },
  { set: { code: "A1.1.1.1", column: "active", value: "No " } },
  { set: { code: "C1.2.1.1", column: "active", value: "Si" } },
  { insert: { after: "A1.1.1.7", code: "A1.1.1.8", title: "Rendicontazione sociale" } },
  { delete: "A2.1.2.4" },
  ...["A2.4.1.1", "A2.4.1.2", "A2.4.1.3"].map((code): Edit => ({ set: { code, column: "process", value: "A2.4 RILEVAZIONI STATISTICHE E BANCHE DATI" } })),
];

const EXPECTED_CHANGES = [
  { kind: "changed", code: "A1.1.1.2", field: "title", before: "Predisposizione/aggiornamento Bilancio preventivo e PIRA", after: "Predisposizione e aggiornamento del Bilancio preventivo e del PIRA" },
  { kind: "changed", code: "A1.1.1.5", field: "riskAreas", before: ["A"], after: ["A", "B"] },
  { kind: "changed", code: "A2.1.1.1", field: "uo", before: "Segreteria generale e URP", after: "Segreteria generale, URP e protocollo" },
  { kind: "changed", code: "A1.1.1.1", field: "active", before: true, after: false },
  { kind: "changed", code: "C1.2.1.1", field: "active", before: false, after: true },
  { kind: "added", code: "A1.1.1.8" },
  { kind: "removed", code: "A2.1.2.4" },
  { kind: "changed", code: "A2.4", field: "title", before: "RILEVAZIONI STATISTICHE", after: "RILEVAZIONI STATISTICHE E BANCHE DATI" },
];

async function diffJson(dir: string, b: string) {
  const result = await annex(["diff", "2020-2022", b, "--format", "json"], { cwd: dir });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(1);
  return JSON.parse(result.stdout) as { from: string; to: string; changes: Parameters<typeof sortChanges>[0] };
}

describe("a clerk's edits made with the project's writer", () => {
  it("come out of diff exactly, in .xlsx and .ods", async () => {
    const dir = sourcesWith2020();
    for (const format of ["xlsx", "ods"] as const) {
      const file = join(dir, `edited.${format}`);
      writeFileSync(file, write(editWorkbook(workingCopyWorkbook(next, plan, DATE), EDITS), format));
      const diff = await diffJson(dir, file);
      expect(diff.to).toBe("2021-2023");
      expect(sortChanges(diff.changes)).toEqual(sortChanges(EXPECTED_CHANGES as Parameters<typeof sortChanges>[0]));
    }
  });
});

describe("the working copy through annex init, edited by LibreOffice itself", () => {
  let dir: string;
  let edited: { xlsx: string; ods: string };

  beforeAll(async () => {
    dir = sourcesWith2020();
    const init = await annex(["init", "2021-2023", "--from", "2020-2022"], { cwd: dir });
    expect(init.stderr).toBe("");
    expect(init.stdout).toContain("sources/2021-2023/allegato-1.xlsx");
    const made = join(dir, "sources", "2021-2023", "allegato-1.xlsx");
    edited = { xlsx: join(dir, "lo", "allegato-1.xlsx"), ods: join(dir, "lo", "allegato-1.ods") };
    mkdirSync(join(dir, "lo"));
    editWithLibreOffice(made, EDITS, edited, join(dir, "profile"));
    // the plan year's source is now the file LibreOffice saved
    writeFileSync(made, readFileSync(edited.xlsx));
  });

  it("init wrote the working copy by default, which reads back as the 2020-2022 annex under the new plan years", async () => {
    const fresh = sourcesWith2020();
    expect((await annex(["init", "2021-2023", "--from", "2020-2022"], { cwd: fresh })).status).toBe(0);
    const diff = await annex(["diff", "2020-2022", "2021-2023", "--format", "json"], { cwd: fresh });
    expect(JSON.parse(diff.stdout)).toEqual({ from: "2020-2022", to: "2021-2023", changes: [] });
    expect(diff.status).toBe(0);
  });

  it("LibreOffice's .xlsx and .ods (shared strings, its own styles) give exactly the edits in diff", async () => {
    for (const file of [edited.xlsx, edited.ods, "2021-2023"]) {
      const diff = await diffJson(dir, file);
      expect(sortChanges(diff.changes), file).toEqual(sortChanges(EXPECTED_CHANGES as Parameters<typeof sortChanges>[0]));
    }
    const saved = new Uint8Array(readFileSync(edited.xlsx));
    expect(strFromU8(unzipSync(saved)["xl/sharedStrings.xml"] ?? new Uint8Array())).toContain("Rendicontazione sociale");
    // LibreOffice saves the sheet's very last row (its cells have a style): the grid ends at the last row with text
    expect(strFromU8(unzipSync(saved)["xl/worksheets/sheet1.xml"] ?? new Uint8Array())).toContain('<row r="1048576"');
    expect(xlsxGrids(openPackage(saved, edited.xlsx))[0]?.rows).toHaveLength(2 + 245);
  });

  it("build publishes the edited edition", async () => {
    const result = await annex(["build", "--format", "json,xlsx"], { cwd: dir });
    expect(result.status).toBe(0);
    const published = JSON.parse(readFileSync(join(dir, "out", "2021-2023", "allegato-1.json"), "utf8")) as Annex;
    const codes = published.activities.map((a) => a.code);
    expect(codes).toContain("A1.1.1.8");
    expect(codes).not.toContain("A2.1.2.4");
    expect(codes.indexOf("A1.1.1.8")).toBe(codes.indexOf("A1.1.1.7") + 1);
    expect(published.activities.find((a) => a.code === "A1.1.1.1")?.active).toBe(false);
    expect(published.activities.find((a) => a.code === "A2.4.1.2")?.process).toEqual({ code: "A2.4", title: "RILEVAZIONI STATISTICHE E BANCHE DATI" });
  });
});

describe("what else a clerk does to the sheet", () => {
  const rowsOf = (workbook: Workbook) => workbook.sheets[0]?.rows ?? [];
  const withRows = (workbook: Workbook, rows: Workbook["sheets"][number]["rows"]): Workbook => {
    const [first, ...others] = workbook.sheets;
    if (!first) throw new Error("no sheet");
    return { ...workbook, sheets: [{ ...first, rows }, ...others] };
  };
  const base = () => workingCopyWorkbook(next, plan, DATE);
  const col = (heading: string) => COLUMNS.findIndex((c) => c.heading === heading);

  it("sorts the rows by Codice as text (C2.10 before C2.2, G before Z1): the annex keeps the order of its codes, with an info line, and no hierarchy is reported split", () => {
    const rows = rowsOf(base());
    const sorted = [...rows.slice(0, 2), ...rows.slice(2).sort((a, b) => String(a[4]?.value).localeCompare(String(b[4]?.value)))];
    const { annex: back, all } = readBack(writeXlsx(withRows(base(), sorted)));
    expect(back?.activities.map((a) => a.code)).toEqual(next.activities.map((a) => a.code));
    expect(all.filter((d) => d.includes("[working-copy/order]"))).toEqual([
      "allegato-1.xlsx:Allegato 1!E134:C2.10.1.1: info: the rows are not in the order of their codes (sorted by another column, or a row added at the bottom?): the annex is read, and published, in the order of the codes [working-copy/order]",
    ]);
    expect(all.filter((d) => d.includes("[hierarchy/split]"))).toEqual([]);
    expect(back?.activities.find((a) => a.code === "G")).toEqual(next.activities.find((a) => a.code === "G"));
  });

  it("types sì and no every way, leaves spaces, writes risks as c / e, leaves empty rows and adds a column of their own", () => {
    const rows = rowsOf(base()).map((r) => r.map((c) => ({ ...c })));
    const set = (r: number, heading: string, value: string) => {
      const cell = rows[r]?.[col(heading)];
      if (cell) cell.value = value;
    };
    const spellings = ["Si", "SI", "si", "sì", "Sì", " sì ", "No", "NO", "no", "nO"];
    spellings.forEach((s, i) => {
      set(2 + i, "Attiva", s);
    });
    set(20, "Area di rischio", "c / e");
    set(21, "Area di rischio", "C,E");
    set(22, "Servizio/Staff", "  Controllo di gestione  ");
    rows[1]?.push({ value: "Referente" });
    rows[2]?.push({ value: "Rossi" });
    rows.splice(30, 0, [], []);
    rows.push([], [], [{ value: "" }]);
    const { annex: back, read } = readBack(writeXlsx(withRows(base(), rows)));
    const acts = back?.activities ?? [];
    expect(acts).toHaveLength(245);
    expect(acts.slice(0, 10).map((a) => a.active)).toEqual([true, true, true, true, true, true, false, false, false, false]);
    expect(acts[18]?.riskAreas).toEqual(["C", "E"]);
    expect(acts[19]?.riskAreas).toEqual(["C", "E"]);
    expect(acts[20]?.servizio).toBe("Controllo di gestione");
    expect(read).toEqual(['allegato-1.xlsx:Allegato 1!M2: warning: the column "Referente" is not one of the working copy\'s: it was ignored [working-copy/extra-column]']);
  });

  it("changes a hierarchy title in one row only: an error that names both cells", () => {
    const rows = rowsOf(base()).map((r) => r.map((c) => ({ ...c })));
    const cell = rows[4]?.[col("Processo")];
    if (cell) cell.value = "A1.1 PERFORMANCE DELLA CAMERA";
    const { all } = readBack(writeXlsx(withRows(base(), rows)));
    expect(all.filter((d) => d.includes("error"))).toEqual([
      'allegato-1.xlsx:Allegato 1!C5: error: process A1.1 reads "A1.1 PERFORMANCE DELLA CAMERA" here but "A1.1 PERFORMANCE CAMERALE" in Allegato 1!C3 and 17 other rows: change it in every row of the code [working-copy/title-differs]',
      expect.stringMatching(/^allegato-1\.xlsx:Allegato 1!C3:A1\.1: error: process A1\.1 has 2 different titles: "PERFORMANCE CAMERALE" \(18 activities\) and "PERFORMANCE DELLA CAMERA" \(1 activity: A1\.1\.1\.3\) \[title\/consistent\]$/),
    ]);
  });

  it("writes something else in Attiva or Area di rischio, leaves Attiva or Codice empty: each reported at its cell", () => {
    const rows = rowsOf(base()).map((r) => r.map((c) => ({ ...c })));
    const set = (r: number, heading: string, value: string) => {
      const cell = rows[r]?.[col(heading)];
      if (cell) cell.value = value;
    };
    set(2, "Attiva", "forse");
    set(3, "Attiva", "");
    set(4, "Area di rischio", "vedi nota");
    set(5, "Codice", "");
    const { read } = readBack(writeXlsx(withRows(base(), rows)));
    expect(read).toEqual([
      'allegato-1.xlsx:Allegato 1!L3:A1.1.1.1: error: "forse" in Attiva: write sì or no [working-copy/active]',
      "allegato-1.xlsx:Allegato 1!L4:A1.1.1.2: error: Attiva is empty: write sì or no [working-copy/active-empty]",
      'allegato-1.xlsx:Allegato 1!G5:A1.1.1.3: error: "vedi nota" is not a list of risk-area letters: write them separated by /, as C/E [working-copy/risk]',
      expect.stringMatching(/^allegato-1\.xlsx:Allegato 1!E6: error: a row with no Codice: "Governo Camerale A1 PIANIFICAZIONE.*"; give the activity its code, or delete the row \[working-copy\/no-code\]$/),
    ]);
  });

  /** The working copy as .xlsx with some cells' XML replaced, as another program would store them. */
  function withCells(cells: Record<string, string>): Uint8Array {
    const files = unzipSync(writeXlsx(base()));
    let sheet = strFromU8(files["xl/worksheets/sheet1.xml"] ?? new Uint8Array());
    for (const [ref, xml] of Object.entries(cells)) {
      const before = sheet;
      sheet = sheet.replace(new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`), xml);
      expect(sheet).not.toBe(before);
    }
    files["xl/worksheets/sheet1.xml"] = strToU8(sheet);
    return zipSync(files);
  }

  it("reads the cells as a spreadsheet stores them: rich text runs and TRUE/FALSE are read; a formula where the annex has text, and a formula's error, are errors at their cells", () => {
    const { annex: back, all } = readBack(
      withCells({
        F3: '<c r="F3" t="inlineStr"><is><r><t>Relazione </t></r><r><rPr><b/></rPr><t xml:space="preserve">Previsionale</t></r><r><t> e Programmatica</t></r></is></c>',
        B4: '<c r="B4" t="str"><f>B3</f><v>A1 PIANIFICAZIONE, MONITORAGGIO E CONTROLLO DELL\'ENTE</v></c>',
        L5: '<c r="L5" t="b"><v>0</v></c>',
        J7: '<c r="J7" t="e"><f>#REF!</f><v>#REF!</v></c>',
      }),
    );
    const acts = back?.activities ?? [];
    expect(acts[0]?.title).toBe("Relazione Previsionale e Programmatica");
    expect(acts[2]?.active).toBe(false);
    expect(all.filter((d) => d.includes("error"))).toEqual([
      "allegato-1.xlsx:Allegato 1!B4: error: Macro processo holds a formula (=B3) that shows \"A1 PIANIFICAZIONE, MONITORAGGIO E CONTROLLO DELL'ENTE\", not text: type the text itself [working-copy/cell-type]",
      "allegato-1.xlsx:Allegato 1!J7: error: the cell shows a formula's error, #REF!, instead of a value [office/formula-error]",
    ]);
  });

  it("types a number in Codice: an error at its cell showing the number as displayed, and the rest of the sheet is still read", () => {
    const { annex: back, all } = readBack(withCells({ E6: '<c r="E6"><v>1.1</v></c>' }));
    expect(back?.activities).toHaveLength(244);
    expect(all.filter((d) => d.includes("error"))).toEqual(["allegato-1.xlsx:Allegato 1!E6: error: Codice holds a number, shown as 1,1, not text: type the text itself [working-copy/cell-type]"]);
  });
});
