// The open data as a spreadsheet (.xlsx and .ods): LibreOffice opens both with the 245 rows of
// the CSV under Italian headings; a text that looks like a formula stays text; codes and risk
// areas are not turned into numbers or dates.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { readPlan } from "../pipeline/app/settings.ts";
import type { Annex } from "../pipeline/model/annex.ts";
import { OPEN_DATA_COLUMNS } from "../pipeline/render/open-data/rows.ts";
import { toOds, toXlsx } from "../pipeline/render/open-data/spreadsheet.ts";
import { expectedAnnex2020 } from "./helpers/diff.ts";
import { convert } from "./helpers/libreoffice.ts";

let annex: Annex;
let files: { xlsx: Uint8Array; ods: Uint8Array };
let csv: { xlsx: string[][]; ods: string[][] };

beforeAll(async () => {
  annex = expectedAnnex2020();
  // texts a spreadsheet would run as formulas, if they were written as anything but text
  Object.assign(annex.activities[0] ?? {}, { title: "=1+2", note: "@SUM(1;2)" });
  Object.assign(annex.activities[1] ?? {}, { title: "+39 0573 991111", note: "-5" });
  const plan = await readPlan("sources/2020-2022/plan.yaml");
  files = { xlsx: toXlsx(annex, plan), ods: toOds(annex, plan) };
  const dir = mkdtempSync(join(tmpdir(), "annex-open-data-"));
  writeFileSync(join(dir, "a.xlsx"), files.xlsx);
  writeFileSync(join(dir, "b.ods"), files.ods);
  // comma-separated, double quotes, UTF-8 (76), first line included
  convert([join(dir, "a.xlsx"), join(dir, "b.ods")], 'csv:Text - txt - csv (StarCalc):44,34,76,1', join(dir, "csv"), join(dir, "profile"));
  const rows = (name: string): string[][] => parse(readFileSync(join(dir, "csv", name), "utf8"), { relaxColumnCount: true });
  csv = { xlsx: rows("a.csv"), ods: rows("b.csv") };
});

describe.each(["xlsx", "ods"] as const)("the open data as .%s, opened by LibreOffice", (format) => {
  it("has the title, then the header row of Italian titles and 245 data rows, the same values as the CSV (Attiva as sì/no)", () => {
    const [title, header, ...rows] = csv[format];
    expect(title?.[0]).toBe(annex.title);
    expect(header).toEqual(OPEN_DATA_COLUMNS.map((c) => c.title));
    expect(rows).toHaveLength(245);
    const a = annex.activities[4];
    expect(rows[4]).toEqual([a?.code, a?.title, "A", a?.areaDirigenziale, a?.servizio, "", "", "sì", a?.function, "A1", a?.macro.title, "A1.1", a?.process.title, "A1.1.1", a?.subprocess.title]);
    const inactive = rows.filter((r) => r[7] === "no").map((r) => r[0]);
    expect(inactive).toEqual(annex.activities.filter((x) => x.active === false).map((x) => x.code));
  });

  it("keeps text that looks like a formula or a number as it is written", () => {
    const [, , first, second] = csv[format];
    expect([first?.[1], first?.[6], second?.[1], second?.[6]]).toEqual(["=1+2", "@SUM(1;2)", "+39 0573 991111", "-5"]);
  });
});

describe("the open-data spreadsheet files", () => {
  it("write every value as text, never a formula: inline strings in .xlsx, string cells in .ods", () => {
    const sheet = strFromU8(unzipSync(files.xlsx)["xl/worksheets/sheet1.xml"] ?? new Uint8Array());
    expect(sheet).not.toMatch(/<f>|t="n"|t="b"/);
    expect(sheet).toMatch(/<c r="B3" s="\d+" t="inlineStr"><is><t xml:space="preserve">=1\+2<\/t><\/is><\/c>/);
    const content = strFromU8(unzipSync(files.ods)["content.xml"] ?? new Uint8Array());
    expect(content).not.toContain("table:formula");
    expect(content).not.toMatch(/office:value-type="(float|boolean)"/);
  });

  it("have a Legenda sheet with the plan's risk areas, and say who made them, and no date when the plan gives no adoption date (none invented)", () => {
    const parts = unzipSync(files.xlsx);
    expect(strFromU8(parts["xl/workbook.xml"] ?? new Uint8Array())).toContain('<sheet name="Legenda" sheetId="2" r:id="rId2"/>');
    expect(strFromU8(parts["xl/worksheets/sheet2.xml"] ?? new Uint8Array())).toContain("Sorveglianza e controlli");
    const core = strFromU8(parts["docProps/core.xml"] ?? new Uint8Array());
    expect(core).toContain("<dc:creator>Camera di Commercio di Pistoia</dc:creator><dc:language>it-IT</dc:language>");
    expect(core).not.toMatch(/dcterms:(created|modified)/);
    expect(strFromU8(unzipSync(files.ods)["meta.xml"] ?? new Uint8Array())).not.toMatch(/meta:creation-date|dc:date/);
  });
});
