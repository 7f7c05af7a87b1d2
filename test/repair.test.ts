// Repair on small raw tables: the rules that the two real sources do not exercise on their own.
import { describe, expect, it } from "vitest";
import type { ColumnKind, RawRow, RawTable } from "../pipeline/model/raw.ts";
import { repair } from "../pipeline/repair/index.ts";

const COLUMNS: ColumnKind[] = ["function", "macro", "process", "subprocess", "activityCode", "activityTitle", "risk", "areaDirigenziale", "servizio", "uo"];

function row(n: number, cells: Record<number, string>, shaded: boolean | null = false, spans: Record<number, number> = {}): RawRow {
  return {
    page: 1,
    row: n,
    shaded,
    cells: Object.entries(cells).map(([col, text]) => ({ col: Number(col), text, rowSpan: spans[Number(col)] ?? 1 })),
  };
}

function table(rows: RawRow[]): RawTable {
  return { file: "t.pdf", format: "pdf", title: "ALLEGATO 1 … TRIENNIO 2020-2022", footnote: null, columns: COLUMNS, rows };
}

const marks = { continued: ["(segue)"], notActive: ["(non attiva)"] };

describe("repair", () => {
  it("reads an activity marked '(non attiva)' in words as not active, without the mark in its title", () => {
    const out = repair(table([row(1, { 0: "Governo", 1: "A1 MACRO", 2: "A1.1 PROC", 3: "A1.1.1 Sotto", 4: "A1.1.1.1", 5: "Relazione (non attiva)" }, null)]), { marks });
    expect(out.annex.activities[0]).toMatchObject({ title: "Relazione", active: false });
    expect(out.repairs.map((d) => d.rule)).toContain("repair/active-words");
  });

  it("warns when an activity is marked not active in words but printed unshaded", () => {
    const out = repair(table([row(1, { 0: "Governo", 1: "A1 MACRO", 2: "A1.1 PROC", 3: "A1.1.1 Sotto", 4: "A1.1.1.1", 5: "Relazione(non attiva)" }, false)]), { marks });
    expect(out.annex.activities[0]?.active).toBe(false);
    expect(out.diagnostics.map((d) => d.rule)).toContain("repair/active-conflict");
  });

  it("reads a code cell that holds no code as an error of its row, not as an activity the schema would refuse", () => {
    const out = repair(
      table([
        row(1, { 0: "Governo", 1: "A1 MACRO", 2: "A1.1 PROC", 3: "A1.1.1 Sotto", 4: "A1.1.1.1", 5: "Uno" }),
        row(2, { 4: "A1.1.1.2A1.1.1.2", 5: "Due" }),
      ]),
    );
    expect(out.annex.activities.map((a) => a.code)).toEqual(["A1.1.1.1"]);
    expect(out.diagnostics.filter((d) => d.rule === "repair/activity-code").map((d) => ({ severity: d.severity, message: d.message, place: d.place }))).toEqual([
      { severity: "error", message: "not-code", place: { file: "t.pdf", page: 1, row: 2 } },
    ]);
  });

  it("takes a label repeated as continued ('… (segue)') as the same title, not a second one", () => {
    const out = repair(
      table([
        row(1, { 0: "Governo", 1: "A1 MACRO", 2: "A1.1 PROC", 3: "A1.1.1 Sotto", 4: "A1.1.1.1", 5: "Uno" }),
        row(2, { 0: "Governo", 1: "A1 MACRO (segue)", 2: "A1.1 PROC (segue)", 3: "A1.1.1 Sotto (segue)", 4: "A1.1.1.2", 5: "Due" }),
      ]),
      { marks },
    );
    expect(out.annex.activities[1]?.macro).toEqual({ code: "A1", title: "MACRO" });
    expect(out.diagnostics.filter((d) => d.rule === "repair/title-conflict")).toEqual([]);
  });

  it("reports two different titles printed for one code, keeping the first: in a text layer a warning, in a PDF an error (text the annex would lose)", () => {
    const rows = [
      row(1, { 1: "A1 MACRO", 2: "A1.1 PROC", 3: "A1.1.1 Sotto", 4: "A1.1.1.1", 5: "Uno" }),
      row(2, { 2: "A1.1 ALTRO NOME", 4: "A1.1.1.2", 5: "Due" }),
    ];
    const layer = repair({ ...table(rows), format: "text-layer" });
    expect(layer.annex.activities[1]?.process.title).toBe("PROC");
    expect(layer.diagnostics.find((d) => d.rule === "repair/title-conflict")).toMatchObject({ severity: "warning", reason: expect.stringContaining('"ALTRO NOME"') });
    const printed = repair(table(rows));
    expect(printed.diagnostics.filter((d) => d.rule === "repair/title-conflict")).toEqual([]);
    expect(printed.diagnostics.find((d) => d.rule === "repair/two-titles")).toMatchObject({ severity: "error", reason: expect.stringContaining('"ALTRO NOME"') });
  });

  it("carries a function cell to every row its merge covers, and no further", () => {
    const out = repair(
      table([
        row(1, { 0: "Governo", 1: "A1 M", 2: "A1.1 P", 3: "A1.1.1 S", 4: "A1.1.1.1", 5: "Uno" }, false, { 0: 2 }),
        row(2, { 4: "A1.1.1.2", 5: "Due" }),
        row(3, { 1: "Z1 EXTRA", 2: "Z1.1 P", 3: "Z1.1.1 S", 4: "Z1.1.1.1", 5: "Tre" }),
      ]),
    );
    expect(out.annex.activities.map((a) => a.function)).toEqual(["Governo", "Governo", null]);
  });

  it("takes the plan years from the title when the folder does not give them", () => {
    expect(repair(table([row(1, { 4: "A1.1.1.1", 5: "Uno" })])).annex.planYears).toBe("2020-2022");
  });

  it("refuses to guess plan years that neither the title nor the folder gives", () => {
    const untitled = { ...table([row(1, { 4: "A1.1.1.1", 5: "Uno" })]), title: "MAPPATURA DEI PROCESSI" };
    expect(() => repair(untitled)).toThrow(/plan years are not printed in the title/);
    expect(repair(untitled, { planYears: "2023-2025" }).annex.planYears).toBe("2023-2025");
  });
});
