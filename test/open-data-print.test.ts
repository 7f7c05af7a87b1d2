// The published spreadsheets as LibreOffice prints them (one conversion of both to PDF): A4
// landscape pages as wide as the table, the title, the identity and the column headings at the
// top of every page, rows tall enough for their text (no line printed over another), and a
// Legenda whose note wraps between words in its wide column.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { htmlTemplates, loadLabels } from "../pipeline/app/templates.ts";
import { renderAll } from "../pipeline/render/index.ts";
import { expectedAnnex2020 } from "./helpers/diff.ts";
import { convert } from "./helpers/libreoffice.ts";
import { samplePlan } from "./helpers/sample-annex.ts";

const dir = mkdtempSync(join(tmpdir(), "annex-sheet-print-"));
const IDENTITY = "Camera di Commercio di Pistoia — adottato con Deliberazione di prova n. 1 del 31 gennaio 2020 — versione 1";
const TITLE = "ALLEGATO 1 AL PIANO DI PREVENZIONE DELLA CORRUZIONE E DELLA TRASPARENZA PER IL TRIENNIO 2020-2022 - MAPPATURA DEI PROCESSI";

interface Line {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Every printed line with its box (pdftotext -bbox-layout), page by page. */
function lines(pdf: string): { pages: { width: number; height: number }[]; lines: Line[] } {
  const xml = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const pages: { width: number; height: number }[] = [];
  const found: Line[] = [];
  for (const page of xml.split("<page ").slice(1)) {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page);
    pages.push({ width: Number(size?.[1]), height: Number(size?.[2]) });
    for (const m of page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...(m[5] ?? "").matchAll(/>([^<]*)<\/word>/g)].map((w) => (w[1] ?? "").replace(/&amp;/g, "&").replace(/&apos;/g, "'").replace(/&quot;/g, '"'));
      found.push({ page: pages.length, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: words.join(" ") });
    }
  }
  return { pages, lines: found };
}

/** Pairs of lines on one page whose boxes overlap: text printed over other text. */
function overprinted(all: readonly Line[]): string[] {
  const clashes: string[] = [];
  for (let i = 0; i < all.length; i++) {
    const a = all[i];
    if (!a) continue;
    for (let j = i + 1; j < all.length; j++) {
      const b = all[j];
      if (!b || b.page !== a.page) continue;
      const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      // lines of one cell touch; a line printed over another covers most of its height
      if (dx > 1 && dy > 0.5 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin)) clashes.push(`page ${a.page}: "${a.text}" / "${b.text}"`);
    }
  }
  return clashes;
}

const printed: Record<"xlsx" | "ods", ReturnType<typeof lines>> = { xlsx: { pages: [], lines: [] }, ods: { pages: [], lines: [] } };

beforeAll(async () => {
  const files = await renderAll(expectedAnnex2020(), ["xlsx", "ods"], { plan: samplePlan(), labels: loadLabels(), html: htmlTemplates() });
  for (const f of files) writeFileSync(join(dir, f.name.replace(".", "-")) + `.${f.format}`, f.data);
  convert([join(dir, "allegato-1-xlsx.xlsx"), join(dir, "allegato-1-ods.ods")], "pdf", join(dir, "pdf"), join(dir, "profile"));
  printed.xlsx = lines(join(dir, "pdf", "allegato-1-xlsx.pdf"));
  printed.ods = lines(join(dir, "pdf", "allegato-1-ods.pdf"));
}, 240_000);

describe.each(["xlsx", "ods"] as const)("the published .%s as LibreOffice prints it", (format) => {
  const dataPages = () => printed[format].pages.map((_, i) => printed[format].lines.filter((l) => l.page === i + 1)).filter((page) => page.some((l) => /^A\d|^[B-Z]\d/.test(l.text)));

  it("prints on A4 landscape pages", () => {
    for (const page of printed[format].pages) {
      expect(Math.round(page.width)).toBe(842);
      expect(Math.round(page.height)).toBe(595);
    }
  });

  it("prints the title, the identity and the column headings at the top of every page of the table, every column on every page (fit to width)", () => {
    const pages = dataPages();
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) {
      const text = page.map((l) => l.text);
      expect(text[0]).toBe(TITLE);
      expect(text[1]).toBe(IDENTITY);
      expect(text.join(" ")).toContain("Codice");
      expect(text.join(" ")).toContain("Sotto processo");
      expect(Math.max(...page.map((l) => l.xMax))).toBeLessThan(842);
    }
    // every activity code is printed
    const words = new Set(printed[format].lines.flatMap((l) => l.text.split(" ")));
    expect(expectedAnnex2020().activities.filter((a) => !words.has(a.code)).map((a) => a.code)).toEqual([]);
  });

  it("gives every row the height of its text: no printed line overlaps another", () => {
    expect(overprinted(printed[format].lines)).toEqual([]);
  });

  it("prints the Legenda's note whole, wrapped between words", () => {
    const footnote = expectedAnnex2020().footnote ?? "";
    const lastDataPage = Math.max(...dataPages().flat().map((x) => x.page));
    const legend = printed[format].lines.filter((l) => l.page > lastDataPage);
    const text = legend.map((l) => l.text).join(" ");
    expect(text).toContain(TITLE);
    expect(text).toContain(IDENTITY);
    expect(text).toContain("Aree di rischio");
    expect(text).toContain("Sorveglianza e controlli");
    expect(text).toContain(footnote.replace(/\s+/g, " "));
  });
});
