import { describe, expect, it } from "vitest";
import { readAnnexData } from "../pipeline/formats/annex-data/read.ts";
import { FatalError } from "../pipeline/diagnostics/fatal.ts";

const ACTIVITY = (code: string, extra = "") => `  - code: ${code}
    title: Relazione Previsionale e Programmatica
    riskAreas: [C, E]
    areaDirigenziale: Segretario generale
    servizio: Controllo di gestione
    uo: null
    note: null
    active: true
${extra}    function: Governo Camerale
    macro: { code: A1, title: PIANIFICAZIONE }
    process: { code: A1.1, title: PERFORMANCE CAMERALE }
    subprocess: { code: A1.1.1, title: Pianificazione }
`;

const HEAD = `# a comment
planYears: 2021-2023
title: ALLEGATO 1 TRIENNIO 2021-2023
footnote: null
activities:
`;

function thrown(text: string): FatalError {
  try {
    readAnnexData(text, "allegato-1.yaml");
  } catch (error) {
    if (error instanceof FatalError) return error;
    throw error;
  }
  throw new Error("no FatalError thrown");
}

describe("reading annex data", () => {
  it("reads YAML into the annex object, values typed as in the schema", () => {
    const { annex, diagnostics } = readAnnexData(HEAD + ACTIVITY("A1.1.1.1"), "allegato-1.yaml");
    expect(diagnostics).toEqual([]);
    const a = annex as { planYears: string; activities: { code: string; riskAreas: string[]; uo: null; active: boolean }[] };
    expect(a.planYears).toBe("2021-2023");
    expect(a.activities[0]).toMatchObject({ code: "A1.1.1.1", riskAreas: ["C", "E"], uo: null, active: true });
  });

  it("reads JSON too", () => {
    const json = JSON.stringify({ planYears: "2021-2023", title: null, footnote: null, activities: [] });
    expect(readAnnexData(json, "annex.json").annex).toEqual({ planYears: "2021-2023", title: null, footnote: null, activities: [] });
  });

  it("leaves other schema problems (a missing field, a wrong value) to validation", () => {
    const text = HEAD + ACTIVITY("A1.1.1.1").replace("    note: null\n", "").replace("active: true", "active: forse");
    expect(() => readAnnexData(text, "allegato-1.yaml")).not.toThrow();
  });

  it("reports a YAML syntax error with its line and column", () => {
    const text = HEAD + ACTIVITY("A1.1.1.1").replace("riskAreas: [C, E]", "riskAreas: [C, E");
    const error = thrown(text);
    expect(error.message).toMatch(/^YAML syntax error: /);
    expect(error.message).not.toContain("\n");
    expect(error.place).toMatchObject({ file: "allegato-1.yaml", line: expect.any(Number), col: expect.any(Number) });
    expect(error.place.line).toBeGreaterThanOrEqual(8);
  });

  it("reports a key written twice in one activity as a syntax error at the second one", () => {
    const error = thrown(HEAD + ACTIVITY("A1.1.1.1", "    uo: Ragioneria\n"));
    expect(error.message).toMatch(/^YAML syntax error: .*unique/);
    expect(error.place.line).toBe(14);
  });

  it("names an unknown field and gives its line and column", () => {
    const error = thrown(HEAD + ACTIVITY("A1.1.1.1") + ACTIVITY("A1.1.1.2", "    servzio: Ragioneria\n"));
    expect(error.message).toContain('unknown field "servzio" in activity A1.1.1.2');
    expect(error.place).toEqual({ file: "allegato-1.yaml", line: 26, col: 5 });
  });

  it("names an unknown field at the top of the file, and inside a hierarchy level", () => {
    expect(thrown(HEAD.replace("footnote: null\n", "footnote: null\nyear: 2021\n")).place).toMatchObject({ line: 5, col: 1 });
    const level = thrown(HEAD + ACTIVITY("A1.1.1.1").replace("{ code: A1, title: PIANIFICAZIONE }", "{ code: A1, titolo: PIANIFICAZIONE }"));
    expect(level.message).toContain('unknown field "titolo" in activity A1.1.1.1 (macro)');
    expect(level.place).toMatchObject({ line: 15 });
  });

  it("names a duplicated activity code and both its lines", () => {
    const error = thrown(HEAD + ACTIVITY("A1.1.1.1") + ACTIVITY("A1.1.1.2") + ACTIVITY("A1.1.1.1"));
    expect(error.message).toBe("duplicated activity code A1.1.1.1 at lines 6 and 30: each activity has its own code");
    expect(error.place).toMatchObject({ line: 30, code: "A1.1.1.1" });
  });

  it("refuses a file that is not a mapping", () => {
    expect(thrown("- just\n- a list\n").message).toMatch(/must be a mapping/);
    expect(thrown("").message).toMatch(/must be a mapping/);
  });
});
