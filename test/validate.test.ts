// The validate stage: the schema's issues in words a person can act on, and each semantic rule
// firing on the bad case and staying silent on the good one. Office names and titles come from
// the 2020-2022 annex (sources/2020-2022/allegato-1.pdf), where the real typos are.
import { describe, expect, it } from "vitest";
import { diagnosticJson, type Diagnostic, type Place } from "../pipeline/diagnostics/diagnostic.ts";
import { readAnnex } from "../pipeline/app/load.ts";
import { readPlan } from "../pipeline/app/settings.ts";
import type { Activity, Annex } from "../pipeline/model/annex.ts";
import type { PlanConfig } from "../pipeline/model/plan.ts";
import { VALIDATE_RULES, validateAnnex } from "../pipeline/validate/index.ts";
import { findVariantGroups } from "../pipeline/validate/near-duplicates.ts";
import { variantKind } from "../pipeline/validate/similar-names.ts";
import { splitStructureCell } from "../pipeline/model/structure-names.ts";
import { collectNameUses } from "../pipeline/validate/structures.ts";
import { load2020 } from "./helpers/sources.ts";

const PLAN: PlanConfig = {
  body: "Camera di Commercio di Pistoia",
  act: "Deliberazione della Giunta camerale n. 1",
  adopted: "2020-01-31",
  version: "1",
  riskAreas: { A: "a", B: "b", C: "c", D: "d", E: "e", F: "f" },
};

/** A valid activity: its levels' codes are its code's prefixes, their titles derived from the codes. */
function act(code: string, fields: Partial<Activity> = {}): Activity {
  const parts = code.split(".");
  const level = (depth: number) => {
    const c = code === "G" ? "G" : parts.slice(0, depth).join(".");
    return { code: c, title: `Title of ${depth} ${c}` };
  };
  return {
    code,
    title: `Activity ${code}`,
    riskAreas: [],
    areaDirigenziale: "Segretario generale",
    servizio: null,
    uo: null,
    note: null,
    active: true,
    function: "Governo Camerale",
    macro: level(1),
    process: level(2),
    subprocess: level(3),
    ...fields,
  };
}

function annex(...activities: Activity[]): Annex {
  return { planYears: "2020-2022", title: "Allegato 1", footnote: null, activities };
}

function validate(input: unknown, plan: PlanConfig | null = PLAN, provenance?: Map<string, Place>) {
  return validateAnnex(input, { plan, file: "allegato-1.yaml", ...(provenance ? { provenance } : {}) });
}

/** "severity rule code": what a test compares, so that every unexpected diagnostic shows. */
function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.severity} ${d.rule} ${d.place.code ?? "-"}`);
}

describe("a valid annex", () => {
  it("gives no diagnostics and comes back typed", () => {
    const data = annex(act("A1.1.1.1"), act("A1.1.1.2", { riskAreas: ["C", "E"] }), act("C1.1.7b.1"), act("Z1.1.1.1"));
    const result = validate(data);
    expect(result.diagnostics).toEqual([]);
    expect(result.annex).toEqual(data);
  });

  it("accepts the special G row, whose process prints a title without a code", () => {
    const g = act("G", {
      macro: { code: "G", title: "GESTIONE GENERALE DELL'ENTE" },
      process: { code: null, title: "ATTIVITÀ DI GOVERNO COMPLESSIVO DELL'ENTE" },
      subprocess: { code: "G", title: "Attività di governo complessivo dell'ente" },
      function: "Gestione generale dell'ente",
    });
    expect(validate(annex(act("F1.2.3.1"), g)).diagnostics).toEqual([]);
  });
});

describe("schema", () => {
  it("names the activity by its code and says what a risk area is", () => {
    const data = annex(act("A1.1.1.1"), act("A1.1.1.2", { riskAreas: ["c"] }));
    const result = validate(data);
    expect(result.annex).toBeNull();
    expect(result.diagnostics.map(diagnosticJson)).toEqual([
      {
        severity: "error",
        rule: "schema/shape",
        reason: 'activity A1.1.1.2, field risk areas, item 1: a risk area is one capital letter (found "c")',
        place: { file: "allegato-1.yaml", code: "A1.1.1.2" },
      },
    ]);
  });

  it("points to the page and row of the activity when the provenance knows them", () => {
    const data = annex(act("A1.1.1.1", { title: "" }));
    const provenance = new Map<string, Place>([["A1.1.1.1", { file: "allegato-1.pdf", page: 2, row: 7 }]]);
    const [d] = validate(data, PLAN, provenance).diagnostics;
    expect(d?.place).toEqual({ file: "allegato-1.pdf", page: 2, row: 7, code: "A1.1.1.1" });
    expect(d?.reason).toBe(
      "activity A1.1.1.1, field title: is empty (write null for an empty cell or a title the source does not carry)",
    );
  });

  it("says when a field is missing, unknown or of the wrong kind", () => {
    const { uo: _uo, ...withoutUo } = act("A1.1.1.1");
    const data = { ...annex(), activities: [{ ...withoutUo, extra: 1, active: "yes" }] };
    const reasons = validate(data).diagnostics.map((d) => d.reason);
    expect(reasons).toEqual([
      "activity A1.1.1.1, field U.O.: is missing (write null for an empty cell or a title the source does not carry)",
      'activity A1.1.1.1, field active: expected true or false, found "yes"',
      'activity A1.1.1.1: unknown field "extra"',
    ]);
  });

  it("describes input that is not an annex at all", () => {
    const result = validate(null);
    expect(result.annex).toBeNull();
    expect(result.diagnostics.map((d) => d.reason)).toEqual(["the annex data: expected an object with named fields, found null"]);
  });

  it("uses the position when the activity has no readable code", () => {
    const data = annex(act("A1.1.1.1"));
    (data.activities[0] as { code: unknown }).code = 7;
    expect(validate(data).diagnostics.map((d) => d.reason)).toEqual(["activity number 1, field code: expected text, found the number 7"]);
  });
});

describe("code/format", () => {
  it("rejects an activity code without four parts", () => {
    const result = validate(annex(act("A1.1.1")));
    expect(summary(result.diagnostics)).toEqual(["error code/format A1.1.1"]);
    expect(result.diagnostics[0]?.reason).toBe('activity code "A1.1.1" has 3 parts; an activity code has 4, like A1.1.1.1 or C1.1.7b.1');
  });

  it("reports a level code of the wrong shape once, not once per activity", () => {
    const wrong = { code: "A1.1", title: "Pianificazione e programmazione camerale" };
    const result = validate(annex(act("A1.1.1.1", { subprocess: wrong }), act("A1.1.1.2", { subprocess: wrong })));
    expect(summary(result.diagnostics)).toEqual(["error code/format A1.1"]);
    expect(result.diagnostics[0]?.reason).toBe(
      'sub-process code "A1.1" has 2 parts; a sub-process code has 3, like A1.1.1 (activity A1.1.1.1)',
    );
  });

  it("accepts a bare letter only for the G row", () => {
    const result = validate(annex(act("H")));
    expect(summary(result.diagnostics)).toEqual(["error code/format H", "error code/format H", "error code/format H", "error code/format H"]);
    expect(result.diagnostics[1]?.reason).toBe(
      'macro process code "H" is a bare letter; only the special row of general management is coded so (G) (activity H)',
    );
  });

  it("calls an empty level code empty", () => {
    const result = validate(annex(act("A1.1.1.1", { process: { code: "", title: "PERFORMANCE CAMERALE" } })));
    expect(result.diagnostics.map((d) => d.reason)).toEqual([
      "process code is empty; write null when the source prints none (activity A1.1.1.1)",
    ]);
  });
});

describe("code/unique", () => {
  it("reports a code used twice once, at its second use, naming both", () => {
    const result = validate(annex(act("A1.1.1.1"), act("A1.1.1.2"), act("A1.1.1.1", { title: "Relazione sui risultati" })));
    expect(summary(result.diagnostics)).toEqual(["error code/unique A1.1.1.1"]);
    expect(result.diagnostics[0]?.reason).toBe(
      'activity code A1.1.1.1 is used by 2 activities: activity number 1 "Activity A1.1.1.1", activity number 3 "Relazione sui risultati"; give each its own code',
    );
  });
});

describe("code/parent", () => {
  it("reports an activity under a sub-process its code does not belong to", () => {
    // the text layer prints A1.3.1.2 beside the label of A1.3.2: repair must not leave it there
    const result = validate(annex(act("A1.3.1.2", { subprocess: { code: "A1.3.2", title: "Sviluppo del personale" } })));
    expect(result.diagnostics.map((d) => `${d.rule}: ${d.reason}`)).toEqual([
      "code/parent: activity A1.3.1.2 is under sub-process A1.3.2, but its code belongs under A1.3.1",
    ]);
  });

  it("reports a sub-process under the wrong process once for all its activities", () => {
    const process = { code: "A1.2", title: "COMPLIANCE NORMATIVA" };
    const result = validate(annex(act("A1.3.1.1", { process }), act("A1.3.1.2", { process })));
    expect(result.diagnostics.map((d) => d.reason)).toEqual([
      "sub-process A1.3.1 (activity A1.3.1.1) is under process A1.2, but its code belongs under A1.3",
    ]);
  });

  it("reaches past a level without code to the next one", () => {
    const result = validate(annex(act("A1.1.1.1", { subprocess: { code: null, title: null }, process: { code: "A1.2", title: "P" } })));
    expect(summary(result.diagnostics)).toEqual(["error code/parent A1.1.1.1", "warning code/missing A1.1.1.1"]);
    expect(result.diagnostics[0]?.reason).toBe("activity A1.1.1.1 is under process A1.2, but its code belongs under A1.1");
  });

  it("keeps G for the special row", () => {
    const stray = validate(annex(act("A1.1.1.1", { macro: { code: "G", title: "GESTIONE GENERALE DELL'ENTE" } })));
    expect(summary(stray.diagnostics)).toEqual(["error code/parent A1.1.1.1"]);
    const mixed = validate(annex(act("G", { subprocess: { code: "A1.1.1", title: "S" } })));
    expect(mixed.diagnostics.map((d) => d.reason)).toEqual([
      "activity G is the special row of general management, but its sub-process is coded A1.1.1; it should be G or empty",
    ]);
  });

  it("accepts a part with a local-variant letter", () => {
    const data = annex(act("C1.1.7.1"), act("C1.1.7b.1", { subprocess: { code: "C1.1.7b", title: "Operazioni d'Ufficio" } }));
    expect(validate(data).diagnostics).toEqual([]);
  });
});

describe("code/missing", () => {
  it("warns once for a titled level printed without code", () => {
    const process = { code: null, title: "PERFORMANCE CAMERALE" };
    const result = validate(annex(act("A1.1.1.1", { process }), act("A1.1.1.2", { process })));
    expect(summary(result.diagnostics)).toEqual(["warning code/missing A1.1.1.1"]);
    expect(result.diagnostics[0]?.reason).toBe(
      'process "PERFORMANCE CAMERALE" has no code in the source (activity A1.1.1.1); its activity code implies A1.1',
    );
  });

  it("warns when a level is entirely absent", () => {
    const result = validate(annex(act("A1.1.1.1", { subprocess: { code: null, title: null } })));
    expect(result.diagnostics.map((d) => d.reason)).toEqual([
      "activity A1.1.1.1 has no sub-process: neither code nor title; its activity code implies A1.1.1",
    ]);
  });
});

describe("hierarchy/split", () => {
  it("warns when a sub-process resumes after another one", () => {
    const result = validate(annex(act("A1.1.1.1"), act("A1.1.2.1"), act("A1.1.1.2")));
    expect(summary(result.diagnostics)).toEqual(["warning hierarchy/split A1.1.1.2"]);
    expect(result.diagnostics[0]?.reason).toBe(
      "sub-process A1.1.1 is printed in two separate places: activity A1.1.1.2 comes after A1.1.2.1 of sub-process A1.1.2; a row may have moved",
    );
  });

  it("stays silent when the same sub-process continues", () => {
    expect(validate(annex(act("A1.1.1.1"), act("A1.1.1.2"), act("A1.1.2.1"))).diagnostics).toEqual([]);
  });
});

describe("title/consistent and hierarchy/consistent", () => {
  it("reports a code with two titles, naming both texts", () => {
    const result = validate(
      annex(
        act("A1.1.1.1", { subprocess: { code: "A1.1.1", title: "Pianificazione e programmazione camerale" } }),
        act("A1.1.1.2", { subprocess: { code: "A1.1.1", title: "Pianificazione e programmazione camerale" } }),
        act("A1.1.1.3", { subprocess: { code: "A1.1.1", title: "Pianificazione camerale" } }),
      ),
    );
    expect(result.diagnostics.map((d) => `${d.severity} ${d.rule} ${d.place.code}: ${d.reason}`)).toEqual([
      'error title/consistent A1.1.1: sub-process A1.1.1 has 2 different titles: "Pianificazione e programmazione camerale" (2 activities) and "Pianificazione camerale" (1 activity: A1.1.1.3)',
    ]);
  });

  it("keeps each level's titles apart (G is both macro and sub-process code)", () => {
    const g = act("G", {
      macro: { code: "G", title: "GESTIONE GENERALE DELL'ENTE" },
      subprocess: { code: "G", title: "Attività di governo complessivo dell'ente" },
    });
    expect(validate(annex(g)).diagnostics).toEqual([]);
  });

  it("reports a macro process under two functions", () => {
    const result = validate(annex(act("A1.1.1.1"), act("A1.1.1.2", { function: "Processi di supporto" })));
    expect(summary(result.diagnostics)).toEqual(["error hierarchy/consistent A1"]);
    expect(result.diagnostics[0]?.reason).toBe(
      'macro process A1 has 2 different functions (Funzione): "Governo Camerale" (1 activity) and "Processi di supporto" (1 activity: A1.1.1.2)',
    );
  });
});

describe("title/missing", () => {
  it("warns once per code, not once per activity repeating it", () => {
    const subprocess = { code: "A1.3.3", title: null };
    const result = validate(annex(act("A1.3.3.1", { subprocess }), act("A1.3.3.2", { subprocess }), act("A1.3.3.3", { subprocess })));
    expect(result.diagnostics.map(diagnosticJson)).toEqual([
      {
        severity: "warning",
        rule: "title/missing",
        reason: "sub-process A1.3.3 has no title in the source; if it is known, supply it in the plan year's corrections.yaml (or in the source itself, when it is annex data)",
        place: { file: "allegato-1.yaml", code: "A1.3.3" },
      },
    ]);
  });

  it("warns when some activities of a code lack the title the others give", () => {
    const result = validate(annex(act("A1.1.1.1"), act("A1.1.1.2", { process: { code: "A1.1", title: null } })));
    expect(result.diagnostics.map((d) => d.reason)).toEqual([
      'process A1.1 has no title on 1 activity (A1.1.1.2), though its other activities give "Title of 2 A1.1"',
    ]);
  });

  it("warns for an activity without title and a macro process without function", () => {
    const result = validate(annex(act("A1.1.1.1", { title: null, function: null })));
    expect(summary(result.diagnostics)).toEqual(["warning title/missing A1", "warning title/missing A1.1.1.1"]);
  });
});

describe("risk areas", () => {
  it("reports a letter the plan's legend does not define", () => {
    const result = validate(annex(act("A1.1.1.1", { riskAreas: ["C", "G"] })));
    expect(result.diagnostics.map((d) => `${d.severity} ${d.rule}: ${d.reason}`)).toEqual([
      "error risk/unknown: activity A1.1.1.1 has risk area G, which the plan's risk-area legend does not define (it defines A, B, C, D, E, F)",
    ]);
  });

  it("warns about a letter given twice", () => {
    expect(summary(validate(annex(act("A1.1.1.1", { riskAreas: ["C", "C"] }))).diagnostics)).toEqual(["warning risk/duplicate A1.1.1.1"]);
  });

  it("says once that nothing was checked when there is no plan", () => {
    const result = validate(annex(act("A1.1.1.1", { riskAreas: ["X"] }), act("A1.1.1.2", { riskAreas: ["Y"] })), null);
    expect(result.diagnostics.map(diagnosticJson)).toEqual([
      {
        severity: "info",
        rule: "risk/unchecked",
        reason: "no plan settings (plan.yaml): risk-area letters are not checked against the plan's legend",
        place: { file: "allegato-1.yaml" },
      },
    ]);
  });
});

describe("structure cells", () => {
  it("split on '/' into names, qualifiers set aside but kept with the text", () => {
    expect(splitStructureCell("Sviluppo economico (Periti ed esperti)/ Segretario generale")).toEqual([
      { text: "Sviluppo economico (Periti ed esperti)", name: "Sviluppo economico", qualifier: "(Periti ed esperti)" },
      { text: "Segretario generale", name: "Segretario generale", qualifier: null },
    ]);
    // a '/' inside a qualifier does not separate offices
    expect(splitStructureCell("Promozione economica (registri/formulari)").map((p) => p.name)).toEqual(["Promozione economica"]);
  });

  it("warn about an empty name left by a stray '/'", () => {
    const result = validate(annex(act("A1.1.1.1", { areaDirigenziale: "Segretario generale/ " })));
    expect(summary(result.diagnostics)).toEqual(["warning structure/format A1.1.1.1"]);
    expect(result.diagnostics[0]?.place.column).toBe("Area dirigenziale");
  });

  it("count one activity once per column even when a cell repeats a name", () => {
    const uses = collectNameUses([act("A1.1.1.1", { uo: "Registro Imprese/ Registro Imprese (ambiente)", servizio: "Registro Imprese" })]);
    expect(uses).toEqual([
      { column: "areaDirigenziale", name: "Segretario generale", activities: [0] },
      { column: "servizio", name: "Registro Imprese", activities: [0] },
      { column: "uo", name: "Registro Imprese", activities: [0] },
    ]);
  });
});

describe("structure/unknown", () => {
  const plan: PlanConfig = {
    ...PLAN,
    structures: { areaDirigenziale: ["Segretario generale", "Servizi amministrativi", "Sviluppo economico"], servizio: ["Risorse umane e patrimonio"] },
  };

  it("warns once per name missing from the plan's list, suggesting the listed spelling", () => {
    const result = validate(
      annex(
        act("D2.2.3.1", { servizio: "Informazione economica, programm. e svil. (SPID)/ Risorse umane e patrimoniali" }),
        act("D2.2.3.2", { servizio: "Risorse umane e patrimoniali" }),
      ),
      plan,
    );
    expect(result.diagnostics.map((d) => `${d.rule} ${d.place.column}: ${d.reason}`)).toEqual([
      'structure/unknown Servizio/Staff: Servizio/Staff "Informazione economica, programm. e svil." (1 activity: D2.2.3.1) is not in the plan\'s list of Servizio/Staff names',
      'structure/unknown Servizio/Staff: Servizio/Staff "Risorse umane e patrimoniali" (2 activities: D2.2.3.1, D2.2.3.2) is not in the plan\'s list of Servizio/Staff names; did you mean "Risorse umane e patrimonio"?',
    ]);
  });

  it("compares names without their qualifiers and leaves unlisted columns alone", () => {
    const data = annex(act("C1.1.2.1", { areaDirigenziale: "Sviluppo economico (Periti ed esperti)/ Segretario generale", uo: "Registro Imprese" }));
    expect(validate(data, plan).diagnostics).toEqual([]);
  });
});

describe("near-duplicate structure names", () => {
  it.each([
    ["Risorse umane e patrimoniali", "Risorse umane e patrimonio", "typo"],
    ["Informazione economica, programm. e svil.", "Informazione economica, progr. e svil.", "abbreviation"],
    ["Informazione economica, programmaz. e sviluppo", "Informazione economica, progr. e svil.", "abbreviation"],
    ["AA.GG. e rapp. Istituzionali", "AA.GG. e Rapporti Istituzionali", "abbreviation"],
    ["Comunicazione e org. Eventi", "Comunicazione e organizzazione eventi", "abbreviation"],
    ["Segreteria e URP", "Segreteria generale e URP", "dropped-word"],
    ["Tutte", "Tutti", "inflection"],
    ["Registro imprese", "Registro Imprese", "spelling"],
  ])("%s / %s: %s", (a, b, kind) => {
    expect(variantKind(a, b)).toBe(kind);
    expect(variantKind(b, a)).toBe(kind);
  });

  it.each([
    ["Registro Imprese", "Ragioneria"],
    ["Informazione economica", "Innovazione e sviluppo"],
    ["Promozione economica", "Informazione economica"],
    ["Informazione economica", "Informazione economica, progr. e svil."],
    ["Armonizzazione e tutela del mercato", "Armonizzazione del mercato"],
    ["Segretario generale", "Segreteria generale e URP"],
    ["Servizi amministrativi", "Sviluppo economico"],
    ["Sportello 1", "Sportello 2"],
  ])("%s / %s: different offices", (a, b) => {
    expect(variantKind(a, b)).toBeNull();
  });

  it("flags the rarer spelling with counts and the activities that use it", () => {
    const rows = [
      act("A1.1.1.6", { areaDirigenziale: "Servizi amministrativi", servizio: "Risorse umane e patrimonio" }),
      act("B1.1.1.1", { areaDirigenziale: "Servizi amministrativi", servizio: "Risorse umane e patrimonio" }),
      act("D2.2.3.1", {
        areaDirigenziale: "Sviluppo economico (SPID)/ Servizi amministrativi",
        servizio: "Informazione economica, programm. e svil. (SPID)/ Risorse umane e patrimoniali",
      }),
    ];
    const result = validate(annex(...rows));
    expect(result.diagnostics.map(diagnosticJson)).toEqual([
      {
        severity: "warning",
        rule: "structure/near-duplicate",
        reason:
          '"Risorse umane e patrimoniali" (Servizio/Staff, 1 activity: D2.2.3.1) looks like a variant of "Risorse umane e patrimonio" (Servizio/Staff, 2 activities): they differ by a few letters, a likely typo; if they name the same office, correct the rarer spelling in corrections.yaml (or in the source itself, when it is annex data)',
        place: { file: "allegato-1.yaml", column: "Servizio/Staff", code: "D2.2.3.1" },
      },
    ]);
  });

  it("reports three spellings of one office in one warning", () => {
    const svc = (code: string, servizio: string) => act(code, { areaDirigenziale: "Sviluppo economico", servizio });
    const result = validate(
      annex(
        svc("A2.4.1.1", "Informazione economica, progr. e svil."),
        svc("C2.8.2.1", "Informazione economica, programmaz. e sviluppo"),
        svc("D2.1.1.1", "Informazione economica, programm. e svil."),
        svc("D2.1.2.1", "Informazione economica, programm. e svil."),
        svc("D2.1.3.1", "Informazione economica, programm. e svil."),
      ),
    );
    expect(summary(result.diagnostics)).toEqual(["warning structure/near-duplicate A2.4.1.1"]);
    expect(result.diagnostics[0]?.reason).toBe(
      '"Informazione economica, progr. e svil." (Servizio/Staff, 1 activity: A2.4.1.1) and "Informazione economica, programmaz. e sviluppo" (Servizio/Staff, 1 activity: C2.8.2.1) look like variants of "Informazione economica, programm. e svil." (Servizio/Staff, 3 activities): they are the same words abbreviated differently; if they name the same office, correct the rarer spellings in corrections.yaml (or in the source itself, when it is annex data)',
    );
  });

  it("asks for a choice when two spellings are used equally", () => {
    const result = validate(
      annex(act("A3.1.1.6", { uo: "Comunicazione e org. Eventi" }), act("D3.1.1.1", { uo: "Comunicazione e organizzazione eventi" })),
    );
    expect(result.diagnostics.map((d) => d.reason)).toEqual([
      '"Comunicazione e organizzazione eventi" (U.O., 1 activity: D3.1.1.1) looks like a variant of "Comunicazione e org. Eventi" (U.O., 1 activity): they are the same words abbreviated differently; if they name the same office, choose one spelling and correct the others in corrections.yaml (or in the source itself, when it is annex data)',
    ]);
  });

  it("leaves 'Tutte' (areas) beside 'Tutti' (services, units) alone: gender agreement across columns", () => {
    const data = annex(
      act("A1.3.2.2", { areaDirigenziale: "Tutte" }),
      act("B2.1.1.4", { areaDirigenziale: "Tutte (per competenza)", servizio: "Tutti (per competenza)", uo: "Tutti (per competenza)" }),
    );
    expect(validate(data).diagnostics).toEqual([]);
  });

  it("flags 'Tutte' beside 'Tutti' inside one column", () => {
    const data = annex(act("A2.2.2.1", { servizio: "Tutti", uo: "Tutti" }), act("A2.2.2.2", { servizio: "Tutti", uo: "Tutte" }));
    const result = validate(data);
    expect(summary(result.diagnostics)).toEqual(["warning structure/near-duplicate A2.2.2.2"]);
    expect(result.diagnostics[0]?.place.column).toBe("U.O.");
    expect(result.diagnostics[0]?.reason).toContain('"Tutte" (U.O., 1 activity: A2.2.2.2) looks like a variant of "Tutti" (U.O., 1 activity)');
  });

  it("leaves a service and a unit named alike in different columns alone", () => {
    // real pairs of the 2020-2022 annex: Servizio/Staff beside the U.O. under it
    const data = annex(
      act("C2.1.2.1", { areaDirigenziale: "Sviluppo economico", servizio: "Armonizzazione e tutela del mercato", uo: "Armonizzazione del mercato" }),
      act("A2.4.1.1", { areaDirigenziale: "Sviluppo economico", servizio: "Informazione economica, progr. e svil.", uo: "Informazione economica" }),
      act("C1.1.1.1", { servizio: "Registro Imprese", uo: "Registro Imprese" }),
      act("A1.1.2.6", { areaDirigenziale: "Servizi amministrativi", servizio: "Risorse economiche e finanziarie", uo: "Ragioneria" }),
    );
    expect(validate(data).diagnostics).toEqual([]);
  });

  it("catches a typo across columns", () => {
    const groups = findVariantGroups([
      { column: "servizio", name: "Registro Imprese", activities: [0, 1, 2] },
      { column: "uo", name: "Registro Impresse", activities: [3] },
    ]);
    expect(groups.map((g) => [g.uses.map((u) => u.name), [...g.kinds]])).toEqual([[["Registro Imprese", "Registro Impresse"], ["typo"]]]);
  });

  it("does not link a dropped word across columns", () => {
    const groups = findVariantGroups([
      { column: "servizio", name: "Segreteria generale e URP", activities: [0] },
      { column: "uo", name: "Segreteria e URP", activities: [1] },
    ]);
    expect(groups).toEqual([]);
  });
});

describe("order of diagnostics", () => {
  it("follows the activities in document order, then the rules, without duplicates", () => {
    const subprocess = { code: "A1.1.1", title: null };
    const data = annex(
      act("A1.1.1.1", { subprocess, riskAreas: ["Q"], uo: "Risorse umane e patrimonio" }),
      act("A1.1.1.2", { subprocess, riskAreas: ["Q"], uo: "Risorse umane e patrimoniali" }),
      // found in the order code/missing (process), code/format (sub-process): reported the other way round
      act("A1.1.2.1", { process: { code: null, title: "PERFORMANCE CAMERALE" }, subprocess: { code: "A1.1", title: "S" } }),
    );
    const diagnostics = validate(data).diagnostics;
    expect(summary(diagnostics)).toEqual([
      "warning title/missing A1.1.1",
      "error risk/unknown A1.1.1.1",
      "error risk/unknown A1.1.1.2",
      "warning structure/near-duplicate A1.1.1.2",
      "error code/format A1.1",
      "warning code/missing A1.1.2.1",
    ]);
    expect(new Set(diagnostics.map((d) => JSON.stringify(d))).size).toBe(diagnostics.length);
  });
});

describe("a large annex (speed is measured in npm run bench)", () => {
  it("finds nothing to report in 2,450 clean activities sharing a few offices", () => {
    const offices = ["Risorse umane e patrimonio", "Informazione economica, programm. e svil.", "Registro Imprese", "Promozione economica"];
    const activities: Activity[] = [];
    for (let m = 1; activities.length < 2450; m++) {
      for (let p = 1; p <= 5; p++) {
        for (let s = 1; s <= 7; s++) {
          for (let a = 1; a <= 7 && activities.length < 2450; a++) {
            const code = `B${m}.${p}.${s}.${a}`;
            activities.push(act(code, { servizio: `${offices[(m + a) % 4]}/ ${offices[(p + s) % 4]} (qualifier)`, uo: `U.O. ${m}`, riskAreas: ["C"] }));
          }
        }
      }
    }
    const data = annex(...activities);
    expect(validate(data).diagnostics).toEqual([]);
  });
});

describe("the 2020-2022 annex", () => {
  // Read in the source (pdftotext -layout of sources/2020-2022/allegato-1.pdf, and the published
  // text layer): these hierarchy cells print a code and no title, the EXTRA rows print no
  // Funzione, and these office names are spelled in more than one way. The plan settings do
  // not give the adopting act, its date or a version: nothing at hand says them.
  const EXPECTED = [
    "warning plan/identity -",
    "warning title/missing A1.3.3",
    "warning title/missing A1.3.4",
    "warning title/missing A2",
    "warning title/missing A2.1",
    "warning title/missing A2.1.1",
    "warning title/missing A2.1.2",
    "warning title/missing A2.1.3",
    "warning title/missing A2.2",
    "warning title/missing A2.2.1",
    "warning structure/near-duplicate A2.2.1.1",
    "warning title/missing A2.2.2",
    "warning title/missing A2.3",
    "warning title/missing A2.3.1",
    "warning title/missing A2.3.2",
    "warning structure/near-duplicate D2.2.3.1",
    "warning structure/near-duplicate D3.1.1.1",
    "warning structure/near-duplicate F1.1.1.1",
    "warning structure/near-duplicate F1.1.1.1",
    "warning title/missing Z1",
  ];
  const SPELLINGS = [
    '"Informazione economica, programmaz. e sviluppo" (Servizio/Staff, 7 activities: C2.8.2.1, C2.8.2.2, C2.10.1.1, C2.10.2.1, C2.10.3.1, C2.10.4.1, D1.1.1.7) and "Informazione economica, progr. e svil." (Servizio/Staff, 6 activities: A2.2.1.1, A2.4.1.1, A2.4.1.2, A2.4.1.3, A3.1.1.1, C1.1.6.1)',
    '"Risorse umane e patrimoniali" (Servizio/Staff, 1 activity: D2.2.3.1)',
    '"Comunicazione e organizzazione eventi" (U.O., 5 activities: D3.1.1.1, D3.1.1.2, D3.1.2.1, D3.1.2.2, F1.2.1.1)',
    '"AA.GG. e rapp. Istituzionali" (Servizio/Staff, 1 activity: F1.1.1.1)',
    '"Segreteria e URP" (U.O., 1 activity: F1.1.1.1)',
  ];
  const rarerSpellings = (diagnostics: readonly Diagnostic[]) =>
    diagnostics.filter((d) => d.rule === "structure/near-duplicate").map((d) => d.reason.split(/ looks? like/)[0]);

  it("from the PDF: no errors, exactly the missing titles and office-name variants read in the source", async () => {
    const loaded = await load2020();
    expect(loaded.annex.activities).toHaveLength(245);
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const validation = loaded.diagnostics.filter((d) => VALIDATE_RULES.includes(d.rule));
    expect(summary(validation)).toEqual(EXPECTED);
    expect(rarerSpellings(validation)).toEqual(SPELLINGS);
    // the sub-process without title is found on page 2 of the PDF
    expect(validation[1]?.place).toMatchObject({ file: "sources/2020-2022/allegato-1.pdf", page: 2, code: "A1.3.3" });
  });

  it("from the published text layer: the same findings", async () => {
    const read = await readAnnex("test/fixtures/allegato-1-2020-2022.text-layer.txt");
    const plan = await readPlan("sources/2020-2022/plan.yaml");
    const result = validateAnnex(read.annex, { plan, file: read.source.file, provenance: read.provenance });
    expect(summary(result.diagnostics)).toEqual(EXPECTED);
    expect(rarerSpellings(result.diagnostics)).toEqual(SPELLINGS);
  });
});
