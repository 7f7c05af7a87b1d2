// The open data files: DESIGN.md's contract rows, as JSON (English keys) and as CSV for an
// Italian spreadsheet (RFC 4180, UTF-8 with a BOM, the published spreadsheet's column names, sì/no).
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { htmlTemplates, loadLabels } from "../pipeline/app/templates.ts";
import type { Annex } from "../pipeline/model/annex.ts";
import type { PlanConfig } from "../pipeline/model/plan.ts";
import { renderer } from "../pipeline/render/index.ts";
import { CSV_COLUMNS, toCsv } from "../pipeline/render/open-data/csv.ts";
import { toContractJson } from "../pipeline/render/open-data/json.ts";
import { sampleAnnex, samplePlan } from "./helpers/sample-annex.ts";

interface Field {
  name: string;
  type: string;
  title: string;
  description: string;
  constraints?: { pattern?: string; required?: boolean; unique?: boolean };
  trueValues?: string[];
  falseValues?: string[];
}
interface Resource {
  name: string;
  path: string;
  profile: string;
  dialect: { delimiter: string; lineTerminator: string; header: boolean };
  schema: { fields: Field[]; primaryKey: string; missingValues?: string[] };
}

/** The CSV files and the data package, as `build` publishes them beside each other. */
async function openData(annex: Annex = sampleAnnex(), plan: PlanConfig = samplePlan()): Promise<{ files: Map<string, string>; pkg: { resources: Resource[] } & Record<string, unknown> }> {
  const rendered = await renderer(annex, { plan, labels: loadLabels(), html: htmlTemplates() })("csv");
  const files = new Map(rendered.map((f) => [f.name, String(f.data)]));
  return { files, pkg: JSON.parse(files.get("datapackage.json") ?? "{}") };
}

/** Every value of the CSV fits its field: type, pattern, required, unique (Table Schema's rules, those used here). */
function violations(csv: string, resource: Resource): string[] {
  const rows: string[][] = parse(csv, { bom: true });
  const [header = [], ...data] = rows;
  const found: string[] = [];
  if (header.join(",") !== resource.schema.fields.map((f) => f.name).join(",")) found.push(`header ${header.join(",")}`);
  const missing = new Set(resource.schema.missingValues ?? [""]);
  resource.schema.fields.forEach((field, i) => {
    const seen = new Set<string>();
    for (const row of data) {
      const value = row[i] ?? "";
      if (missing.has(value)) {
        if (field.constraints?.required) found.push(`${field.name}: missing`);
        continue;
      }
      if (field.type === "boolean" && ![...(field.trueValues ?? []), ...(field.falseValues ?? [])].includes(value)) found.push(`${field.name}: ${value} is not a boolean`);
      const pattern = field.constraints?.pattern;
      if (pattern !== undefined && !new RegExp(`^(?:${pattern})$`).test(value)) found.push(`${field.name}: ${value} does not match ${pattern}`);
      if (field.constraints?.unique && seen.has(value)) found.push(`${field.name}: ${value} twice`);
      seen.add(value);
    }
  });
  return found;
}

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

  it("writes one CSV row per activity under the published spreadsheet's Italian column names, after a UTF-8 BOM, with CRLF line ends and sì/no", () => {
    const annex = sampleAnnex();
    const text = toCsv(annex);
    expect(text.startsWith("\uFEFFCodice,Attività,Area di rischio,Area dirigenziale,Servizio/Staff,U.O.,Note,Attiva,Funzione,Codice macro processo,Macro processo,Codice processo,Processo,Codice sotto processo,Sotto processo\r\n")).toBe(true);
    const rows = parse<Record<string, string>>(text, { columns: true, bom: true });
    expect(rows).toHaveLength(annex.activities.length);
    expect(rows[4]).toMatchObject({ Codice: "A1.1.1.5", "Area di rischio": "A", "U.O.": "", Attiva: "sì", "Codice macro processo": "A1", "Sotto processo": "Pianificazione e programmazione camerale" });
    expect(new Set(rows.map((r) => r.Attiva))).toEqual(new Set(["sì", "no"]));
  });

  it("joins several risk areas with '/', writes null as an empty field, and quotes commas, quotes and line breaks", () => {
    const annex = sampleAnnex();
    const [first] = annex.activities;
    if (!first) throw new Error("fixture changed");
    Object.assign(first, { title: 'Piano "annuale", con\nriga', riskAreas: ["C", "E"], active: null, note: null });
    const text = toCsv(annex);
    expect(text).toContain('"Piano ""annuale"", con\nriga",C/E,');
    const rows = parse<Record<string, string>>(text, { columns: true, bom: true });
    expect(rows[0]).toMatchObject({ Attività: 'Piano "annuale", con\nriga', "Area di rischio": "C/E", Attiva: "", Note: "" });
  });
});

describe("the data package beside the CSV", () => {
  it("describes the CSV: its schema's fields are the CSV header, in order, with types and Italian titles", async () => {
    const { files, pkg } = await openData();
    expect(pkg.profile).toBe("tabular-data-package");
    expect(pkg.name).toMatch(/^[a-z0-9._-]+$/);
    const [annexTable] = pkg.resources;
    if (!annexTable) throw new Error("no resource");
    expect(annexTable.path).toBe("allegato-1.csv");
    expect(annexTable.schema.fields.map((f) => f.name)).toEqual([...CSV_COLUMNS]);
    expect((files.get("allegato-1.csv") ?? "").split("\r\n")[0]).toBe(`\uFEFF${annexTable.schema.fields.map((f) => f.name).join(",")}`);
    expect(annexTable.schema.fields.find((f) => f.name === "Servizio/Staff")).toMatchObject({ type: "string", title: "Servizio/Staff" });
    expect(annexTable.schema.fields.find((f) => f.name === "Attiva")).toMatchObject({ type: "boolean", title: "Attiva", trueValues: ["sì"], falseValues: ["no"] });
    for (const field of annexTable.schema.fields) expect(field.description, field.name).toMatch(/\S/);
    expect(annexTable.schema.primaryKey).toBe("Codice");
    expect(annexTable.dialect).toMatchObject({ delimiter: ",", lineTerminator: "\r\n", header: true });
  });

  it("tells the truth about the data: every value of the 2020-2022 sample fits its field", async () => {
    const annex = sampleAnnex();
    const [first] = annex.activities;
    if (first) {
      first.active = null; // a source that cannot tell: an empty cell, a missing value
      first.riskAreas = ["C", "E"];
    }
    const { files, pkg } = await openData(annex);
    for (const resource of pkg.resources) expect(violations(files.get(resource.path) ?? "", resource), resource.path).toEqual([]);
  });

  it("gives the risk-area legend as a second table, a CSV of its own", async () => {
    const { files, pkg } = await openData();
    const legend = pkg.resources[1];
    expect(legend?.path).toBe("allegato-1-aree-di-rischio.csv");
    expect(legend?.schema.fields.map((f) => f.name)).toEqual(["Lettera", "Area di rischio"]);
    expect(files.get("allegato-1-aree-di-rischio.csv")?.startsWith("\uFEFFLettera,Area di rischio\r\n")).toBe(true);
    expect(parse(files.get("allegato-1-aree-di-rischio.csv") ?? "", { columns: true, bom: true })).toEqual(Object.entries(samplePlan().riskAreas).map(([letter, name]) => ({ Lettera: letter, "Area di rischio": name })));
  });

  it("is licensed CC BY 4.0 unless plan.yaml gives another licence, and carries the edition's identity", async () => {
    const { pkg } = await openData();
    expect(pkg.licenses).toEqual([{ name: "CC-BY-4.0", title: "Creative Commons Attribution 4.0 International", path: "https://creativecommons.org/licenses/by/4.0/" }]);
    expect(pkg.contributors).toEqual([{ title: "Camera di Commercio di Pistoia", role: "publisher" }]);
    expect(pkg.version).toBe("1");
    expect(pkg.description).toContain("adottato con Deliberazione di prova n. 1 del 31 gennaio 2020 — versione 1");
    const cc0 = { name: "CC0-1.0", title: "Creative Commons CC0 1.0", path: "https://creativecommons.org/publicdomain/zero/1.0/" };
    const other = await openData(sampleAnnex(), { ...samplePlan(), licence: cc0 });
    expect(other.pkg.licenses).toEqual([cc0]);
  });
});
