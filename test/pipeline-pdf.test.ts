import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadInput } from "../pipeline/app/load.ts";
import { annex } from "./helpers/cli.ts";
import { expected2020, fieldDifferences } from "./helpers/expected.ts";
import { load2020 } from "./helpers/sources.ts";

describe("the 2020-2022 source PDF, end to end", () => {
  it("yields the 245 hand-checked activities in document order, every field equal, the active flag included", async () => {
    const loaded = await load2020();
    expect(loaded.annex.activities.map((a) => a.code)).toEqual(expected2020.activities.map((a) => a.code));
    expect(fieldDifferences(loaded.annex.activities, expected2020.activities)).toEqual([]);
    expect(loaded.annex.title).toBe(expected2020.title);
    expect(loaded.annex.footnote).toBe(expected2020.footnote);
    expect(loaded.annex.planYears).toBe("2020-2022");
  });

  it("reads the 19 shaded rows as inactive activities", async () => {
    const loaded = await load2020();
    const inactive = loaded.annex.activities.filter((a) => a.active === false).map((a) => a.code);
    expect(inactive).toEqual([
      "A1.3.1.3", "B3.2.2.2", "C1.2.1.1", "C1.2.2.1", "C1.2.3.1", "C2.5.1.6", "C2.8.1.1", "C2.9.1.2", "D5.2.1.1", "D5.2.1.2",
      "D5.2.1.3", "D6.1.2.3", "D6.1.3.1", "E1.1.3.1", "E1.1.4.1", "F1.2.2.1", "Z1.1.1.1", "Z1.1.1.2", "Z1.1.1.3",
    ]);
  });

  it("places each activity at its page and row for diagnostics", async () => {
    const loaded = await load2020();
    expect(loaded.provenance.get("A1.1.1.1")).toMatchObject({ page: 1, row: 1 });
    expect(loaded.provenance.get("G")).toMatchObject({ page: 20 });
  });

  it("logs each merged cell it joined across a page break, with its place (the repair log)", async () => {
    const loaded = await load2020();
    const joined = loaded.diagnostics.filter((d) => d.rule === "pdf/merge-joined");
    expect(joined.find((d) => d.reason.includes('"Governo Camerale"'))?.place).toMatchObject({ page: 1, row: 1, column: "function" });
    expect(joined.find((d) => d.reason.includes('"C1 SEMPLIFICAZIONE E TRASPARENZA"'))?.reason).toMatch(/pages 8, 9 were joined/);
  });

  it("exports the contract JSON on stdout with exit 0 (warnings allowed)", async () => {
    const r = await annex(["export", "sources/2020-2022/allegato-1.pdf", "--format", "json"]);
    expect(r.status, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout) as typeof expected2020;
    expect(Object.keys(data)).toEqual(["planYears", "title", "footnote", "activities"]);
    expect(Object.keys(data.activities[0] ?? {})).toEqual([
      "code", "title", "riskAreas", "areaDirigenziale", "servizio", "uo", "note", "active", "function", "macro", "process", "subprocess",
    ]);
    expect(data).toEqual(expected2020);
  });

  it("exports the same rows as RFC 4180 CSV for an Italian spreadsheet: a BOM, the published spreadsheet's column names, sì/no", async () => {
    const r = await annex(["export", "2020-2022", "--format", "csv"]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split("\r\n");
    expect(lines[0]).toBe("\uFEFFCodice,Attività,Area di rischio,Area dirigenziale,Servizio/Staff,U.O.,Note,Attiva,Funzione,Codice macro processo,Macro processo,Codice processo,Processo,Codice sotto processo,Sotto processo");
    // A1.3.1.3 is printed shaded in the source (not active), A1.1.1.1 is not
    expect(lines.find((l) => l.startsWith("A1.3.1.3,"))).toMatch(/,no,Governo Camerale,A1,/);
    expect(lines.find((l) => l.startsWith("A1.1.1.1,"))).toMatch(/,sì,Governo Camerale,A1,/);
    expect(lines).toHaveLength(245 + 2); // header, rows, and the empty string after the last CRLF
    // a field with a comma is quoted; C/E risk areas are joined with a slash
    expect(lines.find((l) => l.startsWith("C2.5.1.3,"))).toContain(",C/E,Sviluppo economico,");
    expect(lines[1]).toContain(`"PIANIFICAZIONE, MONITORAGGIO E CONTROLLO DELL'ENTE"`);
  });
});

describe("an annex printed by another producer (Chromium: code and title in one cell, top-aligned merges)", () => {
  it("cannot tell one line break from the file alone, and says so with both readings", async () => {
    const loaded = await loadInput("test/fixtures/other-producer/allegato-1.pdf");
    expect(loaded.diagnostics.filter((d) => d.severity === "error").map((d) => [d.rule, d.reason])).toEqual([
      [
        "pdf/word-break",
        'a line break that may be inside a word or between two: "APPROVVIGIONAMENTOE GESTIONE DEI" or "APPROVVIGIONAMENTO E GESTIONE DEI"? Write the one that is right under `words` in plan.yaml',
      ],
    ]);
  });

  it("reads all 66 activities with their hierarchy, notes and shading, without errors, once plan.yaml gives the word", async () => {
    const dir = mkdtempSync(join(tmpdir(), "annex-other-"));
    try {
      mkdirSync(join(dir, "2020-2022"));
      writeFileSync(join(dir, "2020-2022", "allegato-1.pdf"), readFileSync("test/fixtures/other-producer/allegato-1.pdf"));
      writeFileSync(join(dir, "2020-2022", "plan.yaml"), `${readFileSync("sources/2020-2022/plan.yaml", "utf8")}\nwords: ["APPROVVIGIONAMENTO E GESTIONE"]\n`);
      await check(join(dir, "2020-2022"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The other producer's annex, read from `input`: 66 activities with their hierarchy, notes and shading. */
async function check(input: string): Promise<void> {
  const loaded = await loadInput(input);
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(loaded.annex.activities).toHaveLength(66);
  // the rows made shaded in test/fixtures/other-producer/make.ts
  expect(loaded.annex.activities.filter((a) => a.active === false).map((a) => a.code)).toEqual(["A1.2.2.2", "A2.1.2.3", "B1.1.3.4", "C1.1.2.3"]);
  const b = loaded.annex.activities.find((a) => a.code === "B1.1.3.4");
  expect(b).toMatchObject({ title: "Telelavoro e lavoro agile", areaDirigenziale: "Servizi amministrativi", servizio: "Risorse umane e patrimonio", uo: null, note: "In corso di attivazione" });
  expect(loaded.annex.activities[0]).toMatchObject({ code: "A1.1.1.1", function: "Governo Camerale", macro: { code: "A1", title: "PIANIFICAZIONE, MONITORAGGIO E CONTROLLO DELL'ENTE" } });
  expect(loaded.annex.activities.some((a) => a.macro.title?.startsWith("APPROVVIGIONAMENTO E GESTIONE DEI"))).toBe(true);
}
