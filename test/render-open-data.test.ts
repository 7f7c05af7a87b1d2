// The open data files: DESIGN.md's contract rows, as JSON and as CSV (RFC 4180, UTF-8, header row).
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, toCsv } from "../pipeline/render/open-data/csv.ts";
import { toContractJson } from "../pipeline/render/open-data/json.ts";
import { sampleAnnex } from "./helpers/sample-annex.ts";

describe("open data", () => {
  it("writes the contract JSON: the annex's fields in the contract's order, one object per activity", () => {
    const annex = sampleAnnex();
    const text = toContractJson(annex);
    expect(text.endsWith("}\n")).toBe(true);
    const data = JSON.parse(text);
    expect(Object.keys(data)).toEqual(["planYears", "title", "footnote", "activities"]);
    expect(data.activities).toHaveLength(annex.activities.length);
    expect(Object.keys(data.activities[0])).toEqual(["code", "title", "riskAreas", "areaDirigenziale", "servizio", "uo", "note", "active", "function", "macro", "process", "subprocess"]);
    expect(data.activities.find((a: { code: string }) => a.code === "A1.3.3.1").subprocess).toEqual({ code: "A1.3.3", title: null });
  });

  it("writes one CSV row per activity under the header row, with CRLF line ends", () => {
    const annex = sampleAnnex();
    const text = toCsv(annex);
    expect(text.split("\r\n")[0]).toBe(CSV_COLUMNS.join(","));
    const rows = parse<Record<string, string>>(text, { columns: true });
    expect(rows).toHaveLength(annex.activities.length);
    expect(rows[4]).toMatchObject({ code: "A1.1.1.5", riskAreas: "A", uo: "", active: "true", macroCode: "A1", subprocessTitle: "Pianificazione e programmazione camerale" });
  });

  it("joins several risk areas with '/', writes null as an empty field, and quotes commas, quotes and line breaks", () => {
    const annex = sampleAnnex();
    const [first] = annex.activities;
    if (!first) throw new Error("fixture changed");
    Object.assign(first, { title: 'Piano "annuale", con\nriga', riskAreas: ["C", "E"], active: null, note: null });
    const text = toCsv(annex);
    expect(text).toContain('"Piano ""annuale"", con\nriga",C/E,');
    const rows = parse<Record<string, string>>(text, { columns: true });
    expect(rows[0]).toMatchObject({ title: 'Piano "annuale", con\nriga', riskAreas: "C/E", active: "", note: "" });
  });
});
