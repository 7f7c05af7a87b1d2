// `build` publishes the change report with every plan year that has a previous edition in
// sources/: allegato-1-modifiche.html (naming the body and both editions), .csv (for an Italian
// spreadsheet) and .json (the JSON of `annex diff`, which keeps its command-line use); a plan
// year without a previous edition gets none, and `build --format pdf` none either.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import type { Annex } from "../pipeline/model/annex.ts";
import type { PlanConfig } from "../pipeline/model/plan.ts";
import { annex as runAnnex } from "./helpers/cli.ts";
import { sampleAnnex, samplePlan } from "./helpers/sample-annex.ts";

function planYear(folder: string, data: Annex, plan: PlanConfig): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "allegato-1.json"), JSON.stringify(data, null, 2));
  writeFileSync(join(folder, "plan.yaml"), stringify(plan));
}

const root = mkdtempSync(join(tmpdir(), "annex-changes-"));
const out = (year: string, name: string) => readFileSync(join(root, "out", year, name), "utf8");

beforeAll(async () => {
  const before = sampleAnnex();
  const after: Annex = structuredClone({ ...before, planYears: "2021-2023", title: before.title?.replace("2020-2022", "2021-2023") ?? null });
  const [first, second] = after.activities;
  if (!first || !second) throw new Error("fixture changed");
  first.title = `${first.title ?? ""} (aggiornata)`;
  second.riskAreas = ["B", "C"];
  after.activities.splice(2, 1);
  planYear(join(root, "sources", "2020-2022"), before, samplePlan());
  planYear(join(root, "sources", "2021-2023"), after, { ...samplePlan(), act: "Deliberazione di prova n. 2", adopted: "2021-01-29", version: "2" });
  const build = await runAnnex(["build", "--format", "html,csv,json"], { cwd: root });
  expect(build.status, build.stderr).toBe(0);
}, 120_000);

describe("the change report published by build", () => {
  it("is written with the plan year that has a previous edition, listed in its build report, and not with the first one", () => {
    expect(readdirSync(join(root, "out", "2021-2023"))).toEqual(expect.arrayContaining(["allegato-1-modifiche.html", "allegato-1-modifiche.csv", "allegato-1-modifiche.json"]));
    expect(readdirSync(join(root, "out", "2020-2022")).filter((n) => n.includes("modifiche"))).toEqual([]);
    const report = JSON.parse(out("2021-2023", "build-report.json"));
    expect(JSON.stringify(report)).toContain("allegato-1-modifiche.html");
  });

  it("gives as JSON exactly what `annex diff --format json` prints", async () => {
    const diff = await runAnnex(["diff", "2020-2022", "2021-2023", "--format", "json"], { cwd: root });
    expect(diff.status).toBe(1);
    expect(out("2021-2023", "allegato-1-modifiche.json")).toBe(diff.stdout);
    const { changes } = JSON.parse(diff.stdout);
    expect(changes).toEqual(
      expect.arrayContaining([
        { kind: "changed", code: "A1.1.1.1", field: "title", before: "Relazione Previsionale e Programmatica", after: "Relazione Previsionale e Programmatica (aggiornata)" },
        { kind: "removed", code: "A1.1.1.3" },
      ]),
    );
  });

  it("names the body and both editions' identities in the HTML", () => {
    const html = out("2021-2023", "allegato-1-modifiche.html");
    expect(html).toContain('<p class="body">Camera di Commercio di Pistoia</p>');
    expect(html).toContain("<dt>Edizione precedente 2020-2022</dt><dd>adottato con Deliberazione di prova n. 1 del 31 gennaio 2020 — versione 1</dd>");
    expect(html).toContain("<dt>Nuova edizione 2021-2023</dt><dd>adottato con Deliberazione di prova n. 2 del 29 gennaio 2021 — versione 2</dd>");
  });

  it("gives the changes as CSV for an Italian spreadsheet: a BOM, Italian column names, one row per change", () => {
    const csv = out("2021-2023", "allegato-1-modifiche.csv");
    expect(csv.startsWith("\uFEFFCodice,Attività o livello,Modifica,Prima,Dopo\r\n")).toBe(true);
    const rows: string[][] = parse(csv, { bom: true });
    expect(rows.slice(1)).toHaveLength(JSON.parse(out("2021-2023", "allegato-1-modifiche.json")).changes.length);
    expect(rows).toContainEqual(["A1.1.1.2", rows.find((r) => r[0] === "A1.1.1.2")?.[1], "Area di rischio modificata", "nessuna", "B/C"]);
  });

  it("is not written when the annex is published without HTML, CSV or JSON", async () => {
    const pdfOnly = await runAnnex(["build", "2021-2023", "--format", "docx"], { cwd: root });
    expect(pdfOnly.status).toBe(0);
    expect(readdirSync(join(root, "out", "2021-2023")).filter((n) => n.includes("modifiche"))).toEqual([]);
  });
});
