// Hierarchy labels of a table without rules across a page break: a label opens with its code, so
// one without a code is the rest of a label the page before left open, wherever the producer
// prints it in its part of the cell (Writer centres it there, not at the top). What goes on from
// no open label cannot be given to a row by where it lies: an error with its page and text.
import { describe, expect, it } from "vitest";
import type { Line } from "../pipeline/extract/pdf/lines.ts";
import type { TextGridPage, TextLabel, TextRow } from "../pipeline/extract/pdf/text-grid.ts";
import { assembleTextGrid } from "../pipeline/extract/pdf/text-grid-table.ts";
import type { ColumnKind } from "../pipeline/model/raw.ts";

const SIZE = 8;
const line = (text: string, baseline: number, left: number): Line => ({ text, baseline, size: SIZE, left, right: left + 60, end: left + 60, first: 4, edge: left + 70 });

function label(kind: ColumnKind, texts: readonly string[], baseline: number, flags: Partial<TextLabel> = {}): TextLabel {
  const lines = texts.map((t, i) => line(t, baseline + 10 * i, 100));
  return { kind, lines, top: baseline - SIZE, bottom: baseline + 10 * (texts.length - 1) + 0.3 * SIZE, coded: /^[A-Z]\d/.test(texts[0] ?? ""), atTop: false, atBottom: false, ...flags };
}

const row = (code: string, baseline: number): TextRow => ({ code, baseline, top: baseline - SIZE, bottom: baseline + 0.3 * SIZE, cells: new Map(), shaded: false });

function page(n: number, rows: TextRow[], labels: TextLabel[]): TextGridPage {
  return {
    page: n,
    unnamed: [],
    columns: [
      { kind: "subprocess", left: 95, right: 180, header: "Sotto Processi" },
      { kind: "activityCode", left: 180, right: 220, header: "" },
    ],
    alignment: "middle",
    headerBottom: 60,
    pitch: 10,
    rows,
    labels,
    above: [],
    below: [],
    problems: [],
    used: [],
    headerTop: 40,
    carried: new Map(),
  };
}

/** Page 1 ends with D4.2.2's label, page 2 prints the label's rest in the middle of the part of that row above its first activity. */
function broken(openAtBottom: boolean): TextGridPage[] {
  return [
    page(1, [row("D4.2.1.1", 100), row("D4.2.2.1", 200)], [
      label("subprocess", ["D4.2.1 Gestione del registro"], 100),
      label("subprocess", ["D4.2.2 Servizi individuali ", "a supporto "], 200, { atBottom: openAtBottom }),
    ]),
    page(2, [row("D4.3.1.1", 300)], [label("subprocess", ["dell'alternanza ", "scuola/lavoro"], 150), label("subprocess", ["D4.3.1 Iniziative"], 300)]),
  ];
}

describe("a hierarchy label cut by a page break, its rest printed away from the page's top", () => {
  it("goes on from the label the page before left open at its bottom: one title, on its own row", () => {
    const grid = assembleTextGrid(broken(true), "t.pdf", { blank: 0.25, own: [] });
    expect(grid?.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const column = (kind: ColumnKind) => grid?.columns.indexOf(kind);
    const titles = grid?.rows.flatMap((r) => r.cells.filter((c) => c.col === column("subprocess")).map((c) => [r.cells.find((k) => k.col === column("activityCode"))?.text, c.text]));
    expect(titles).toEqual([
      ["D4.2.1.1", "D4.2.1 Gestione del registro"],
      ["D4.2.2.1", "D4.2.2 Servizi individuali a supporto dell'alternanza scuola/lavoro"],
      ["D4.3.1.1", "D4.3.1 Iniziative"],
    ]);
  });

  it("is an error with its page and text when no label was left open: never given to the nearest row in silence", () => {
    const grid = assembleTextGrid(broken(false), "t.pdf", { blank: 0.25, own: [] });
    const errors = grid?.diagnostics.filter((d) => d.severity === "error") ?? [];
    expect(errors.map((d) => [d.rule, d.place.page, d.reason.split(":")[0]])).toEqual([
      ["pdf/text-grid-place", 2, "\"dell'alternanza scuola/lavoro\" (Sotto processo) has no code and goes on from no label left open at the bottom of the page before"],
    ]);
  });
});
