import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readTextLayer } from "../pipeline/extract/text-layer/read.ts";
import { repair } from "../pipeline/repair/index.ts";
import { expected2020, fieldDifferences } from "./helpers/expected.ts";

const FILE = "test/fixtures/allegato-1-2020-2022.text-layer.txt";
const text = readFileSync(FILE, "utf8");
const { table } = readTextLayer(text, FILE);
const repaired = repair(table, { planYears: "2020-2022" });
const byCode = new Map(repaired.annex.activities.map((a) => [a.code, a]));
const activity = (code: string) => {
  const found = byCode.get(code);
  if (!found) throw new Error(`no activity ${code}`);
  return found;
};

describe("text layer of the published 2020-2022 annex", () => {
  it("yields the 245 hand-checked activities, every field equal but the active flag", () => {
    expect(repaired.annex.activities).toHaveLength(245);
    expect(fieldDifferences(repaired.annex.activities, expected2020.activities, ["active"])).toEqual([]);
  });

  it("keeps the title and footnote apart from the rows", () => {
    expect(repaired.annex.title).toBe(expected2020.title);
    expect(repaired.annex.footnote).toBe(expected2020.footnote);
  });

  it("says that it cannot tell active from inactive instead of guessing", () => {
    expect(repaired.annex.activities.every((a) => a.active === null)).toBe(true);
    expect(repaired.diagnostics.map((d) => d.rule)).toContain("input/no-shading");
  });

  it("puts a label printed on the wrong line on its own code (A1.3.2 beside A1.3.1.2)", () => {
    expect(byCode.get("A1.3.1.2")?.subprocess).toEqual({ code: "A1.3.1", title: "Organizzazione camerale" });
    expect(byCode.get("A1.3.2.1")?.subprocess).toEqual({ code: "A1.3.2", title: "Sviluppo del personale" });
  });

  it("finds a parent printed after its children (A3.1.2, A3.1.3)", () => {
    expect(byCode.get("A3.1.2.1")?.subprocess.title).toBe("Comunicazione a supporto dell'erogazione dei servizi");
    expect(byCode.get("A3.1.3.1")?.subprocess.title).toBe("Comunicazione interna");
  });

  it("leaves titles the source does not print empty (A2 and its processes)", () => {
    const a = activity("A2.1.1.1");
    expect([a.macro, a.process, a.subprocess]).toEqual([
      { code: "A2", title: null },
      { code: "A2.1", title: null },
      { code: "A2.1.1", title: null },
    ]);
  });

  it("moves shifted structure cells back to their columns (B3.1.1.2, F1.2.3.1) and logs it", () => {
    expect(byCode.get("B3.1.1.2")).toMatchObject({ areaDirigenziale: "Servizi amministrativi", servizio: "Risorse economiche e finanziarie", uo: "Diritto annuale" });
    expect(byCode.get("F1.2.3.1")).toMatchObject({ areaDirigenziale: "Tutte (per competenza)", servizio: "Tutti (per competenza)", uo: "Tutti (per competenza)" });
    const shifted = repaired.repairs.filter((d) => d.rule === "repair/column-shift").map((d) => d.place.code);
    expect(shifted).toEqual(expect.arrayContaining(["B3.1.1.2", "B3.1.1.3", "F1.2.3.1", "D6.1.2.2"]));
    expect(repaired.repairs.find((d) => d.place.code === "F1.2.3.1")?.place).toMatchObject({ file: FILE, page: 17, row: 294 });
  });

  it("keeps a row cut short as printed (B3.1.1.1 has only its area)", () => {
    expect(byCode.get("B3.1.1.1")).toMatchObject({ areaDirigenziale: "Servizi amministrativi", servizio: null, uo: null });
  });

  it("reads remarks as notes, not structures", () => {
    expect(byCode.get("C2.7.3.1")).toMatchObject({ note: "In corso di attivazione", areaDirigenziale: null, servizio: null, uo: null });
    expect(byCode.get("A2.1.3.3")).toMatchObject({ note: "Non presente ufficio legale interno", areaDirigenziale: "Segretario generale", servizio: null });
    expect(byCode.get("B3.1.1.5")?.note).toBe("Di competenza agenzia/concessionaria riscossione");
  });

  it("gives the special G row its code at every level, logging the process code it supplied", () => {
    const g = activity("G");
    expect([g.macro.code, g.process.code, g.subprocess.code]).toEqual(["G", "G", "G"]);
    expect(repaired.repairs.some((d) => d.rule === "repair/label-code" && d.place.code === "G")).toBe(true);
  });

  it("carries a function only within its letter: Z1 (no label printed) stays without one", () => {
    expect(byCode.get("A2.1.1.1")?.function).toBe("Governo Camerale");
    expect(byCode.get("Z1.1.1.1")?.function).toBeNull();
  });
});
