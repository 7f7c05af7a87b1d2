// The published CSV opened by LibreOffice set to Italian, as its import dialog opens it on a
// UTF-8 system (comma, double quotes, the system's character set, Italian): one column per field
// under the published spreadsheet's column names, accents right, sì/no, codes and risk areas as
// written. The byte-order mark is what tells Excel the text is UTF-8 (LibreOffice's dialog reads it too).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { CSV_COLUMNS, toCsv } from "../pipeline/render/open-data/csv.ts";
import { expectedAnnex2020 } from "./helpers/diff.ts";
import { convert, localeProfile } from "./helpers/libreoffice.ts";

const annex = expectedAnnex2020();
let opened: string[][];
let written: string;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), "annex-csv-it-"));
  written = toCsv(annex);
  writeFileSync(join(dir, "allegato-1.csv"), written);
  localeProfile(join(dir, "profile"), "it-IT");
  // read as the dialog offers (the character set left to the system, language 1040: Italian), written back tab-separated in UTF-8 to be compared
  const env = { ...process.env, LANG: "C.UTF-8", LC_ALL: "C.UTF-8" };
  convert([join(dir, "allegato-1.csv")], "tsv:Text - txt - csv (StarCalc):9,34,76,1", join(dir, "out"), join(dir, "profile"), { env, infilter: "Text - txt - csv (StarCalc):44,34,,1,,1040" });
  opened = parse(readFileSync(join(dir, "out", "allegato-1.tsv"), "utf8"), { delimiter: "\t", relaxQuotes: true });
}, 240_000);

describe("the CSV opened by LibreOffice in Italian", () => {
  it("starts with a UTF-8 byte-order mark, which is not read as part of the first column's name", () => {
    expect(written.charCodeAt(0)).toBe(0xfeff);
    expect(opened[0]).toEqual(CSV_COLUMNS);
  });

  it("gives one column per field, every row, with the accents and sì/no as written", () => {
    const rows = opened.slice(1);
    expect(rows).toHaveLength(245);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
    expect(opened[0]?.[1]).toBe("Attività");
    expect(new Set(rows.map((r) => r[7]))).toEqual(new Set(["sì", "no"]));
    const withAccent = annex.activities.find((a) => /[àèéìòù]/.test(a.title ?? ""));
    expect(rows.find((r) => r[0] === withAccent?.code)?.[1]).toBe(withAccent?.title);
    const both = annex.activities.find((a) => a.riskAreas.length > 1);
    expect(rows.find((r) => r[0] === both?.code)?.[2]).toBe(both?.riskAreas.join("/"));
  });
});
