// The PDF holds all the data, whole: no word cut by a line break (column widths come from the
// longest word of each column), no row dropped because it is taller than a page, no page left
// with only the footnote and the legend, and a string without spaces of any length broken with
// visible hyphens rather than sending the layout into seconds of work and out of memory.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadLabels } from "../pipeline/app/templates.ts";
import type { Annex } from "../pipeline/model/annex.ts";
import { buildLayout, levelLabel } from "../pipeline/render/layout.ts";
import { renderPdfDetailed } from "../pipeline/render/pdf/index.ts";
import { largeSampleAnnex, sampleAnnex, samplePlan } from "./helpers/sample-annex.ts";
import { load2020, publishedPdf2020 } from "./helpers/sources.ts";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "annex-pdf-fit-"));
});

async function render(annex: Annex, name: string): Promise<{ pages: number; text: (first?: number, last?: number, raw?: boolean) => string }> {
  const result = await renderPdfDetailed(buildLayout(annex, samplePlan(), loadLabels()));
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, result.bytes);
  // -raw keeps the lines as drawn (by default pdftotext joins a word hyphenated at a line's end)
  const text = (first = 1, last = result.pages, raw = false) =>
    execFileSync("pdftotext", [...(raw ? ["-raw"] : []), "-f", String(first), "-l", String(last), file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { pages: result.pages, text };
}

/** The sample annex with the title of its activity number `index` replaced. */
function withTitle(index: number, title: string): Annex {
  const annex = sampleAnnex();
  const target = annex.activities[index];
  if (!target) throw new Error("fixture changed");
  target.title = title;
  return annex;
}

/** Words as a reader searches for them: runs of letters and digits. */
const words = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? [];

describe("PDF text fitting", () => {
  it("prints every word of the 2020-2022 data whole: pdftotext finds each one (none cut by a line break)", async () => {
    const { annex } = await load2020();
    const file = join(dir, "2020-2022.pdf");
    writeFileSync(file, await publishedPdf2020());
    const printed = new Set(words(execFileSync("pdftotext", [file, "-"], { encoding: "utf8" })));
    const data = new Set<string>();
    for (const a of annex.activities) {
      for (const text of [a.code, a.title, a.areaDirigenziale, a.servizio, a.uo, a.note, a.function, ...[a.macro, a.process, a.subprocess].map((l) => levelLabel(l.code, l.title))]) {
        for (const word of words(text ?? "")) data.add(word);
      }
    }
    expect(data.size).toBeGreaterThan(500);
    expect([...data].filter((word) => !printed.has(word))).toEqual([]);
    // the word the published annex itself cut 16 times, whole in every one of its cells
    expect(printed.has("Internazionalizzazione")).toBe(true);
    expect(printed.has("Internazionalizzazio")).toBe(false);
  });

  it("splits a title longer than a page across pages, not dropped", async () => {
    const long = Array.from({ length: 700 }, (_, i) => `parola${i}`).join(" ");
    const annex = withTitle(3, long);
    const { pages, text } = await render(annex, "long-title");
    const printed = text();
    for (const a of annex.activities) expect(printed, a.code).toContain(a.code);
    const found = words(printed).filter((w) => /^parola\d+$/.test(w));
    expect(found).toEqual(long.split(" "));
    expect(pages).toBeGreaterThan(3);
  });

  it("drops none of the activities under a merged label longer than a page", async () => {
    const annex = sampleAnnex();
    const long = Array.from({ length: 400 }, (_, i) => `TITOLO${i}`).join(" ");
    for (const a of annex.activities) if (a.macro.code === "A1") a.macro.title = long;
    const printed = (await render(annex, "long-label")).text();
    for (const a of annex.activities) expect(printed, a.code).toContain(a.code);
    // the label whole once; printed again on later pages, it is its code alone
    expect(words(printed).filter((w) => /^TITOLO\d+$/.test(w))).toEqual(long.split(" "));
    expect(printed).toContain("A1… (segue)");
  });

  it("breaks a word of 20,000 characters with visible hyphens, quickly, and keeps it whole in the text", async () => {
    const word = "abcdefghij".repeat(2_000);
    const annex = withTitle(2, word);
    const { text } = await render(annex, "word-20000");
    // each line of the word ends with a hyphen, but the last
    const lines = text(1, undefined, true).match(/[a-j]{20,}-?(?=\n)/g) ?? [];
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.slice(0, -1).every((line) => line.endsWith("-"))).toBe(true);
    expect(lines.map((line) => line.replace(/-$/, "")).join("")).toBe(word);
    const printed = text();
    for (const a of annex.activities) expect(printed, a.code).toContain(a.code);
  });

  it("renders a word of 100,000 characters (which ran out of memory) as pages of hyphenated lines", async () => {
    const { pages, text } = await render(withTitle(2, "x".repeat(100_000)), "word-100000");
    expect(pages).toBeGreaterThan(20);
    expect(text().match(/x{100,}/g)?.reduce((n, run) => n + run.length, 0)).toBe(100_000);
  });

  it("keeps the footnote and the legend with the last rows: the last page is never theirs alone", async () => {
    const big = largeSampleAnnex(2);
    // sizes at which the legend does not fit under the rows of the last page
    for (const size of [21, 56]) {
      const annex = { ...big, activities: big.activities.slice(0, size) };
      const { pages, text } = await render(annex, `closing-${size}`);
      const last = text(pages, pages);
      expect(last, `${size} rows`).toContain("Aree di rischio (all. 2)");
      expect(last.match(/\b[A-Z]\d+\.\d+\.\d+\.\d+\b/g)?.length ?? 0, `${size} rows`).toBeGreaterThan(0);
    }
  });
});
