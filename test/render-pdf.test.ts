// The PDF: a clean, valid, accessible (tagged) document that looks like the published annex and
// can be read back — fonts embedded, a real structure tree, header rows and continued labels on
// every page, rows never split, the same bytes every time.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Annex } from "../pipeline/model/annex.ts";
import { loadLabels } from "../pipeline/app/templates.ts";
import { buildLayout } from "../pipeline/render/layout.ts";
import { renderPdfDetailed, type PdfResult } from "../pipeline/render/pdf/index.ts";
import { largeSampleAnnex, sampleAnnex, samplePlan } from "./helpers/sample-annex.ts";

interface StructNode {
  role: string;
  /** text of the marked content directly and indirectly inside */
  text: string;
  children: StructNode[];
}

interface ReadPage {
  /** every text on the page, artifacts included, lines joined by spaces */
  text: string;
  structure: StructNode | null;
}

/** Reads the pages back with pdf.js: their text and the structure tree as pdf.js sees it. */
async function readPdf(bytes: Uint8Array): Promise<{ pages: ReadPage[]; info: Record<string, unknown> }> {
  const pdf = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  const pages: ReadPage[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const byId = new Map<string, string>();
    const open: (string | null)[] = [];
    const words: string[] = [];
    for (const item of content.items as { type?: string; id?: string; str?: string }[]) {
      if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") open.push(item.id ?? null);
      else if (item.type === "endMarkedContent") open.pop();
      else if (item.str !== undefined) {
        words.push(item.str);
        const id = open.findLast((x) => x !== null);
        if (id) byId.set(id, `${byId.get(id) ?? ""} ${item.str}`);
      }
    }
    const convert = (node: { role?: string; type?: string; id?: string; children?: unknown[] }): StructNode => {
      if (node.type === "content") return { role: "#content", text: (byId.get(node.id ?? "") ?? "").trim(), children: [] };
      const children = (node.children ?? []).map((c) => convert(c as typeof node));
      return { role: node.role ?? "", text: children.map((c) => c.text).join(" ").replace(/\s+/g, " ").trim(), children };
    };
    const tree = (await page.getStructTree()) as { role?: string; children?: unknown[] } | null;
    pages.push({ text: words.join(" ").replace(/\s+/g, " "), structure: tree ? convert(tree) : null });
  }
  const meta = await pdf.getMetadata();
  await pdf.destroy();
  return { pages, info: meta.info as Record<string, unknown> };
}

/** pdf.js returns words split at line-break opportunities ("e/" "o"): compare without spaces */
const squash = (text: string) => text.replace(/\s+/g, "");

function all(node: StructNode | null, role: string): StructNode[] {
  if (!node) return [];
  return [...(node.role === role ? [node] : []), ...node.children.flatMap((c) => all(c, role))];
}

let annex: Annex;
let result: PdfResult;
let read: Awaited<ReturnType<typeof readPdf>>;
let dir: string;

beforeAll(async () => {
  annex = largeSampleAnnex(5);
  result = await renderPdfDetailed(buildLayout(annex, samplePlan(), loadLabels()));
  read = await readPdf(result.bytes);
  dir = mkdtempSync(join(tmpdir(), "annex-pdf-"));
  writeFileSync(join(dir, "allegato-1.pdf"), result.bytes);
});

describe("PDF", () => {
  it("passes qpdf --check", () => {
    const check = spawnSync("qpdf", ["--check", join(dir, "allegato-1.pdf")], { encoding: "utf8" });
    expect(check.status).toBe(0);
    expect(check.stdout).toContain("No syntax or stream encoding errors found");
  });

  it("embeds every font it uses (pdffonts)", () => {
    const rows = execFileSync("pdffonts", [join(dir, "allegato-1.pdf")], { encoding: "utf8" }).trim().split("\n").slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.split(/\s+/).slice(-5, -4)[0], row).toBe("yes");
  });

  it("is A4 landscape, titled, authored by the body, in Italian, and marked as tagged", () => {
    const info = execFileSync("pdfinfo", [join(dir, "allegato-1.pdf")], { encoding: "utf8" });
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(read.info.Title).toBe(annex.title);
    expect(read.info.Author).toBe("Camera di Commercio di Pistoia");
    expect(read.info.Subject).toContain("2020-2022");
    expect(read.info.Language).toBe("it-IT");
  });

  it("declares PDF/A-2a, with the sRGB output intent and the metadata repeated in XMP", () => {
    const raw = Buffer.from(result.bytes).toString("latin1");
    expect(raw).toContain("<pdfaid:part>2</pdfaid:part>");
    expect(raw).toContain("<pdfaid:conformance>A</pdfaid:conformance>");
    expect(raw).toMatch(/\/S \/GTS_PDFA1/);
    expect(raw).toContain(`<rdf:li xml:lang="x-default">${annex.title}</rdf:li>`);
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
  });

  it("has a structure tree with a Table whose rows hold every activity, its code a row header, and its headings as TH", () => {
    const ths = read.pages.flatMap((p) => all(p.structure, "TH")).map((n) => n.text);
    const codes = new Set(ths);
    for (const a of annex.activities) expect(codes.has(a.code), a.code).toBe(true);
    const tds = new Set(read.pages.flatMap((p) => all(p.structure, "TD")).map((n) => squash(n.text.replace("(non attiva)", ""))));
    for (const a of annex.activities) if (a.title) expect(tds.has(squash(a.title)), a.code).toBe(true);
    expect(read.pages.every((p) => all(p.structure, "Table").length === 1)).toBe(true);
    for (const heading of ["Funzione", "Macro Processi", "Processi", "Sotto Processi", "Attività", "Area dirigenziale", "Servizio/Staff", "U.O."]) {
      expect(ths.map(squash)).toContain(squash(heading));
    }
    // the merged hierarchy cells are row headers
    expect(ths).toContain("A01.1.1 Pianificazione e programmazione camerale");
    expect(all(read.pages[0]?.structure ?? null, "H1")[0]?.text).toBe(annex.title);
  });

  it("repeats the two header rows on every page, as artifacts (the structure has them once)", () => {
    expect(read.pages.length).toBe(result.pages);
    expect(result.pages).toBeGreaterThan(5);
    for (const page of read.pages) {
      expect(page.text).toContain("LIV 1");
      expect(page.text).toContain("STRUTTURE RESPONSABILI");
      expect(page.text).toContain("Funzione");
    }
    const funzione = read.pages.flatMap((p) => all(p.structure, "TH")).filter((n) => n.text === "Funzione");
    expect(funzione).toHaveLength(1);
  });

  it("starts every page after a break with the labels of the merged cells that continue there, marked as continued", () => {
    expect(result.breaks.length).toBe(result.pages - 1);
    const layout = buildLayout(annex, samplePlan(), loadLabels());
    for (const [i, row] of result.breaks.entries()) {
      const page = read.pages[i + 1];
      const r = layout.rows[row];
      if (!page || !r) throw new Error(`no page for break ${row}`);
      for (const span of Object.values(r.spans)) {
        if (span.first < row && span.label !== "") expect(squash(page.text), `page ${i + 2}`).toContain(squash(`${span.label} (segue)`));
      }
    }
    // printed for the eye only: never inside the structure tree
    const tagged = read.pages.flatMap((p) => all(p.structure, "TH")).map((n) => n.text);
    expect(tagged.some((t) => t.includes("(segue)"))).toBe(false);
  });

  it("never splits a row across pages, and shows the page number on every page", () => {
    read.pages.forEach((page, i) => { expect(page.text).toContain(`Pagina ${i + 1} di ${read.pages.length}`); });
    for (const a of annex.activities) {
      const on = read.pages.filter((p) => p.text.includes(` ${a.code} `) || p.text.startsWith(`${a.code} `));
      expect(on.length, a.code).toBe(1);
      // the whole activity row (its cells) is under one TR on that page
      const rows = read.pages.flatMap((p) => all(p.structure, "TR")).filter((tr) => tr.children.some((c) => c.role === "TH" && c.text === a.code));
      expect(rows.length, a.code).toBe(1);
      if (a.title) expect(squash(rows[0]?.text ?? "")).toContain(squash(a.title));
    }
  });

  it("marks inactive activities in words as well as shading", () => {
    const words = read.pages.flatMap((p) => all(p.structure, "TD")).filter((n) => n.text.endsWith("(non attiva)"));
    expect(words).toHaveLength(annex.activities.filter((a) => a.active === false).length);
  });

  it("keeps the footnote and the risk-area legend after the table", () => {
    const last = squash(read.pages.map((p) => p.text).join(" "));
    expect(last).toContain(squash(annex.footnote ?? "missing footnote"));
    expect(last).toContain(squash("Aree di rischio (all. 2)"));
    expect(last).toContain(squash("E — Sorveglianza e controlli"));
  });

  it("gives the same bytes when rendered twice", async () => {
    const again = await renderPdfDetailed(buildLayout(largeSampleAnnex(5), samplePlan(), loadLabels()));
    expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(result.bytes))).toBe(0);
  });

  it("prints markup and template braces in the data as text, with valid metadata", async () => {
    const hostile = sampleAnnex();
    const evil = "<script>alert(1)</script> {{title}} & co";
    hostile.title = evil;
    const first = hostile.activities[0];
    if (!first) throw new Error("fixture changed");
    first.title = evil;
    const bytes = (await renderPdfDetailed(buildLayout(hostile, samplePlan(), loadLabels()))).bytes;
    const back = await readPdf(bytes);
    expect(back.info.Title).toBe(evil);
    expect(squash(back.pages[0]?.text ?? "")).toContain(squash(evil));
    const file = join(dir, "hostile.pdf");
    writeFileSync(file, bytes);
    expect(spawnSync("qpdf", ["--check", file]).status).toBe(0);
    // the XMP metadata stays well-formed XML
    const xmp = Buffer.from(bytes).toString("latin1").match(/<x:xmpmeta[\s\S]*?<\/x:xmpmeta>/)?.[0] ?? "";
    expect(xmp).toContain("&#60;script&#62;");
    expect(xmp).not.toContain("<script>");
  });
});
