// The account of a reading (extract/pdf/account.ts), on pages made by hand: what a reader left
// out, read twice, or put out of order is an error that names the page and quotes the text,
// whichever reader it was. (On real prints: test/pdf-producers.test.ts, test/pdf-mutations.test.ts.)
import { describe, expect, it } from "vitest";
import { account, type PageUse, type PrintedPage } from "../pipeline/extract/pdf/account.ts";
import { compareCodes } from "../pipeline/model/codes.ts";
import type { ColumnKind, RawRow } from "../pipeline/model/raw.ts";
import type { TextRun } from "../pipeline/extract/pdf/text.ts";

/** A run of `text` at (x, baseline), 5 pt a glyph, size 10. */
function run(text: string, x: number, baseline: number): TextRun {
  return { baseline, middle: baseline - 3, size: 10, glyphs: Array.from(text).map((c, i) => ({ left: x + 5 * i, right: x + 5 * i + 5, text: c === " " ? "" : c })) };
}
const line = (r: TextRun) => ({ baseline: r.baseline, size: r.size, left: r.glyphs[0]?.left ?? 0, right: r.glyphs.at(-1)?.right ?? 0 });
const columns: ColumnKind[] = ["activityCode", "activityTitle"];
const row = (page: number, n: number, code: string, title: string): RawRow => ({ page, row: n, shaded: false, cells: [{ col: 0, text: code, rowSpan: 1 }, { col: 1, text: title, rowSpan: 1 }] });

describe("the account", () => {
  const code1 = run("A1.1.1.1", 10, 100);
  const title1 = run("Relazione", 80, 100);
  const code2 = run("A1.1.1.2", 10, 120);
  const title2 = run("Bilancio", 80, 120);
  const page1: PrintedPage = { page: 1, runs: [code1, title1, code2, title2] };

  it("finds nothing to say when every glyph ended in a field and every code in one row", () => {
    const uses: PageUse[] = [{ page: 1, lines: [code1, title1, code2, title2].map(line), bands: [] }];
    expect(account({ file: "f.pdf", printed: [page1], uses, rows: [row(1, 1, "A1.1.1.1", "Relazione"), row(1, 2, "A1.1.1.2", "Bilancio")], columns })).toEqual([]);
  });

  it("quotes, with its page, the text a reader left in no field, and names the code it read no row for", () => {
    // a reader that lost the second row of page 1 and the whole of page 2
    const page2: PrintedPage = { page: 2, runs: [run("A1.1.1.3", 10, 100), run("Piano", 80, 100)] };
    const uses: PageUse[] = [{ page: 1, lines: [code1, title1].map(line), bands: [] }];
    const found = account({ file: "f.pdf", printed: [page1, page2], uses, rows: [row(1, 1, "A1.1.1.1", "Relazione")], columns });
    expect(found.map((d) => [d.rule, d.severity, d.place.page, d.place.code ?? null])).toEqual([
      ["pdf/unaccounted", "error", 1, null],
      ["pdf/unaccounted", "error", 2, null],
      ["pdf/code-unread", "error", 1, "A1.1.1.2"],
      ["pdf/code-unread", "error", 2, "A1.1.1.3"],
    ]);
    expect(found[0]?.reason).toContain('"A1.1.1.2 Bilancio"');
    expect(found[1]?.reason).toContain('"A1.1.1.3 Piano"');
  });

  it("does not count a header band, and calls text drawn twice at one place an error", () => {
    const header = run("Attività", 10, 80);
    const twice: PrintedPage = { page: 1, runs: [header, ...page1.runs, run("Bilancio", 80, 120)] };
    const uses: PageUse[] = [{ page: 1, lines: [code1, title1, code2, title2].map(line), bands: [{ top: 75, bottom: 85 }] }];
    const found = account({ file: "f.pdf", printed: [twice], uses, rows: [row(1, 1, "A1.1.1.1", "Relazione"), row(1, 2, "A1.1.1.2", "Bilancio Bilancio")], columns });
    expect(found.map((d) => d.rule)).toEqual(["pdf/overprinted"]);
    expect(found[0]?.reason).toBe('text drawn twice over itself: "Bilancio"');
  });

  it("says where the activity codes stop running in order, and reads a local variant after its base (C1.1.7 < C1.1.7b < C1.1.8)", () => {
    const uses: PageUse[] = [{ page: 1, lines: [code1, title1, code2, title2].map(line), bands: [] }];
    const found = account({ file: "f.pdf", printed: [page1], uses, rows: [row(1, 1, "A1.1.1.2", "Bilancio"), row(1, 2, "A1.1.1.1", "Relazione")], columns });
    expect(found.map((d) => [d.rule, d.place.row, d.place.code])).toEqual([["pdf/code-order", 2, "A1.1.1.1"]]);
    expect(compareCodes("C1.1.7.1", "C1.1.7b.1")).toBeLessThan(0);
    expect(compareCodes("C1.1.7b.1", "C1.1.8.1")).toBeLessThan(0);
    expect(compareCodes("A1.1.1.10", "A1.1.1.9")).toBeGreaterThan(0);
  });
});
