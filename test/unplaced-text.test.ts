// What a text-layer line prints must reach an activity, or be reported at its line: text that
// would be lost is an error, a label printed again is a warning.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diagnosticJson, type Diagnostic } from "../pipeline/diagnostics/diagnostic.ts";
import { readTextLayer } from "../pipeline/extract/text-layer/read.ts";
import { repair } from "../pipeline/repair/index.ts";

const FILE = "test/fixtures/allegato-1-2020-2022.text-layer.txt";
const LINES = readFileSync(FILE, "utf8").split("\n");

/** The published text layer with `extra` lines inserted after line `after` (1-based); the diagnostics of its repair. */
function repairedWith(after: number, extra: string[]): Diagnostic[] {
  const text = [...LINES.slice(0, after), ...extra, ...LINES.slice(after)].join("\n");
  return repair(readTextLayer(text, "t.txt").table, { planYears: "2020-2022" }).diagnostics;
}

const unplaced = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.rule === "repair/orphan-label" || d.rule === "repair/repeated-label");

/** Where a line inserted after line 8 (the first activity row) is: line 9, on the text layer's second page. */
const INSERTED = { file: "t.txt", page: 2, row: 9 };

describe("what a text-layer line prints and no activity takes", () => {
  it("is an error at its line when the line has no activity code and its text would be lost", () => {
    const found = unplaced(repairedWith(8, ["\t\t\t\tRelazione sulla trasparenza\tA\tSegretario generale"]));
    const reason = 'a row without an activity code prints "Relazione sulla trasparenza", "A", "Segretario generale", which no activity takes: it would be lost';
    expect(found.map(diagnosticJson)).toEqual([{ severity: "error", rule: "repair/orphan-label", reason, place: INSERTED }]);
  });

  it("is an error when it prints a code that no activity lies under", () => {
    const found = unplaced(repairedWith(8, ["\t\tA1.9 PROCESSO SENZA ATTIVITÀ"]));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", rule: "repair/orphan-label", place: { row: 9, code: "A1.9" } });
    expect(found[0]?.reason).toContain('process A1.9 ("PROCESSO SENZA ATTIVITÀ") is printed but no activity lies under it');
  });

  it("is an error too when that code is printed on an activity's row: the label is lost all the same", () => {
    const found = unplaced(repairedWith(8, ["\t\tA1.9 PROCESSO SENZA ATTIVITÀ\t\tA1.1.1.99\tAttività aggiunta"]));
    expect(found.map((d) => [d.severity, d.place.row, d.place.code])).toEqual([["error", 9, "A1.9"]]);
  });

  it("is a warning when it only repeats a label the annex has (nothing is lost)", () => {
    const found = unplaced(repairedWith(8, ["Governo Camerale"]));
    const reason = 'a row without an activity code prints "Governo Camerale" again: left out, the annex has it already';
    expect(found.map(diagnosticJson)).toEqual([{ severity: "warning", rule: "repair/repeated-label", reason, place: INSERTED }]);
  });

  it("gives no such diagnostic when it carries a parent's title (A3.1.2 printed after its children)", () => {
    // lines 76 and 77 of the published text layer are such lines, and their titles are used
    expect(unplaced(repairedWith(0, []))).toEqual([]);
  });
});
