// The layout model that the PDF, DOCX and HTML renderers all draw: merged cells, cuts at page
// breaks with the continued word, notes, shading, words around the table, fixed dates.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FatalError } from "../pipeline/diagnostics/fatal.ts";
import { loadLabels, parseLabels } from "../pipeline/app/templates.ts";
import { buildLayout, continuedLabel, cutSpans, documentDate } from "../pipeline/render/layout.ts";
import { sampleAnnex, samplePlan } from "./helpers/sample-annex.ts";

const rowOf = (layout: ReturnType<typeof buildLayout>, code: string) => {
  const row = layout.rows.find((r) => r.activity.code === code);
  if (!row) throw new Error(`no row ${code}`);
  return row;
};

describe("layout model", () => {
  const layout = buildLayout(sampleAnnex(), samplePlan(), loadLabels());

  it("merges consecutive rows with the same label at each level, within the same outer cell", () => {
    const first = rowOf(layout, "A1.1.1.1");
    expect(first.spans.function).toMatchObject({ label: "Governo Camerale", first: 0 });
    // Governo Camerale covers A1 and A2 (33 + 9 activities)
    expect(first.spans.function.count).toBe(42);
    expect(first.spans.macro).toMatchObject({ label: "A1 PIANIFICAZIONE, MONITORAGGIO E CONTROLLO DELL'ENTE", count: 33 });
    expect(first.spans.subprocess).toMatchObject({ label: "A1.1.1 Pianificazione e programmazione camerale", count: 7 });
    expect(rowOf(layout, "A1.1.2.1").spans.subprocess.first).toBe(7);
    // G: one row at every level, its own cells
    const g = rowOf(layout, "G");
    expect([g.spans.macro.count, g.spans.process.count, g.spans.subprocess.count]).toEqual([1, 1, 1]);
  });

  it("prints a level without a title as its code alone, and a level with neither as an empty cell", () => {
    expect(rowOf(layout, "A1.3.3.1").spans.subprocess.label).toBe("A1.3.3");
    expect(rowOf(layout, "A2.1.1.1").spans.macro.label).toBe("A2");
    expect(rowOf(layout, "Z1.1.1.1").spans.function.label).toBe("");
  });

  it("shades a merged cell only when every activity under it is not active", () => {
    expect(rowOf(layout, "Z1.1.1.1").spans.macro.inactive).toBe(true);
    expect(rowOf(layout, "A1.3.1.3").inactive).toBe(true);
    expect(rowOf(layout, "A1.3.1.3").spans.subprocess.inactive).toBe(false);
  });

  it("prints a note in the Servizio/Staff cell when it is free, as the published annex does", () => {
    const a = rowOf(layout, "A2.1.3.3");
    expect(a.noteColumn).toBe("servizio");
    expect(a.cells).toMatchObject({ areaDirigenziale: "Segretario generale", servizio: "Non presente ufficio legale interno", uo: "" });
    expect(rowOf(layout, "C2.7.3.1").cells.servizio).toBe("In corso di attivazione");
  });

  it("puts a note under the last structure when every structure cell is taken", () => {
    const annex = sampleAnnex();
    const a = annex.activities.find((x) => x.code === "A1.1.1.2");
    if (!a) throw new Error("fixture changed");
    a.note = "Nota di prova";
    const row = rowOf(buildLayout(annex, samplePlan(), loadLabels()), "A1.1.1.2");
    expect(row.noteColumn).toBe("uo");
    expect(row.cells.uo).toBe("Ragioneria\nNota di prova");
  });

  it("cuts merged cells at page breaks and marks the parts after a break with the continued word", () => {
    const parts = cutSpans(layout, [10], true);
    const atBreak = parts.get(10) ?? [];
    expect(atBreak.map((p) => p.text)).toEqual([
      "Governo Camerale (segue)",
      "A1 PIANIFICAZIONE, MONITORAGGIO E CONTROLLO DELL'ENTE (segue)",
      "A1.1 PERFORMANCE CAMERALE (segue)",
      "A1.1.2 Monitoraggio e sistema dei controlli (segue)",
    ]);
    expect(atBreak.every((p) => p.continued)).toBe(true);
    // the part before the break stops at it
    expect(parts.get(7)?.find((p) => p.span.level === "subprocess")?.count).toBe(3);
    // unmarked cuts (HTML row groups) repeat the plain label
    expect(cutSpans(layout, [10], false).get(10)?.[0]?.text).toBe("Governo Camerale");
  });

  it("forms the continued label from templates/labels.yaml's `continued` word", () => {
    const labels = loadLabels();
    expect(labels.continued).toBe("(segue)");
    expect(continuedLabel("A1.1 PERFORMANCE CAMERALE", labels)).toBe("A1.1 PERFORMANCE CAMERALE (segue)");
  });

  it("takes the title and footnote from the annex, and the template's words when it has none", () => {
    expect(layout.title).toMatch(/^ALLEGATO 1 AL PIANO/);
    expect(layout.author).toBe("Camera di Commercio di Pistoia");
    const bare = buildLayout({ ...sampleAnnex(), title: null, footnote: null }, samplePlan(), loadLabels());
    expect(bare.title).toBe("Allegato 1 — Mappatura dei processi 2020-2022");
    expect(bare.footnote).toContain("presso Camera di Commercio di Pistoia");
    expect(bare.legend.entries.map((e) => e.letter)).toEqual(["A", "B", "C", "D", "E", "F"]);
    expect(buildLayout(sampleAnnex(), null, loadLabels()).legend.entries).toEqual([]);
  });

  it("dates the documents by the adoption date alone: without one, no date (never the plan's first year, the clock or SOURCE_DATE_EPOCH)", () => {
    expect(documentDate("2021-03-30")?.toISOString()).toBe("2021-03-30T00:00:00.000Z");
    expect(documentDate(null)).toBeNull();
    expect(buildLayout(sampleAnnex(), null, loadLabels()).date).toBeNull();
  });

  it("refuses a labels file with a missing key, naming the key", () => {
    const dir = mkdtempSync(join(tmpdir(), "annex-labels-"));
    const file = join(dir, "labels.yaml");
    writeFileSync(file, "language: it-IT\ntitle: x\n");
    expect(() => parseLabels(readFileSync(file, "utf8"), file)).toThrow(FatalError);
    expect(() => parseLabels(readFileSync(file, "utf8"), file)).toThrow(/subject/);
  });
});
