// The DOCX: a Word document that opens and converts cleanly (LibreOffice), with the header rows
// repeated on every page, every row naming its hierarchy, rows that do not split, Italian as its
// language, fixed dates (same bytes every build), and data printed as text, never as markup.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Annex } from "../pipeline/model/annex.ts";
import { renderDocx } from "../pipeline/render/docx/document.ts";
import { loadLabels } from "../pipeline/app/templates.ts";
import { buildLayout } from "../pipeline/render/layout.ts";
import { largeSampleAnnex, samplePlan } from "./helpers/sample-annex.ts";

const EVIL = "<script>alert(1)</script> {{title}} & co";

let dir: string;
let annex: Annex;
let bytes: Uint8Array;
let documentXml: string;
let converted: { status: number | null; stderr: string; text: string };

function part(file: string, name: string): string {
  return execFileSync("unzip", ["-p", file, name], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "annex-docx-"));
  annex = largeSampleAnnex(5);
  const first = annex.activities[0];
  if (!first) throw new Error("fixture changed");
  first.title = EVIL;
  bytes = await renderDocx(buildLayout(annex, samplePlan(), loadLabels()));
  const file = join(dir, "allegato-1.docx");
  writeFileSync(file, bytes);
  documentXml = part(file, "word/document.xml");
  // one LibreOffice conversion for the whole file, with a profile of its own
  const result = spawnSync(
    "soffice",
    [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", join(dir, "pdf"), file],
    { encoding: "utf8", timeout: 120_000 },
  );
  const pdfs = readdirSync(join(dir, "pdf")).filter((f) => f.endsWith(".pdf"));
  const text = pdfs[0] ? execFileSync("pdftotext", ["-layout", join(dir, "pdf", pdfs[0]), "-"], { encoding: "utf8" }) : "";
  converted = { status: result.status, stderr: result.stderr, text };
});

describe("DOCX", () => {
  it("converts to PDF with LibreOffice without error, every activity code in the result", () => {
    expect(converted.status).toBe(0);
    expect(converted.stderr).not.toMatch(/error/i);
    const words = new Set(converted.text.split(/\s+/));
    for (const a of annex.activities) expect(words.has(a.code), a.code).toBe(true);
  });

  it("marks both header rows to repeat on every page, and every row as one that cannot split", () => {
    const rows = documentXml.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(annex.activities.length + 2);
    expect(rows.slice(0, 2).every((r) => r.includes("<w:tblHeader/>"))).toBe(true);
    expect(rows.slice(2).some((r) => r.includes("<w:tblHeader/>"))).toBe(false);
    expect(rows.every((r) => r.includes("<w:cantSplit/>"))).toBe(true);
    // LibreOffice honours the repetition: the headings are on every page of its PDF
    const pages = converted.text.split("\f").filter((p) => p.trim() !== "");
    expect(pages.length).toBeGreaterThan(3);
    // on every page that holds rows (the legend may end on a page of its own: LibreOffice does
    // not keep the last row with it, as Word does)
    for (const page of pages) if (/\b[A-Z]\d+\.\d+\.\d+\.\d+\b/.test(page)) expect(page).toContain("STRUTTURE RESPONSABILI");
  });

  it("says on every page LibreOffice prints where each of its rows belongs: function, macro process, process and sub-process", () => {
    // no vertical merge (a merged cell's text is not printed again after a page break)
    expect(documentXml).not.toContain("<w:vMerge");
    const pages = converted.text.split("\f").filter((p) => p.trim() !== "");
    let checked = 0;
    for (const [i, page] of pages.entries()) {
      const words = new Set(page.split(/\s+/));
      for (const a of annex.activities.filter((x) => words.has(x.code))) {
        const needed = [a.macro.code, a.process.code, a.subprocess.code, ...(a.function ?? "").split(" ")].filter((w): w is string => w !== null && w !== "");
        expect(needed.filter((w) => !words.has(w)), `page ${i + 1}, ${a.code}`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBe(annex.activities.length);
  });

  it("says a group's labels plainly on its first row and again in a light style on the rows after it", () => {
    const rows = documentXml.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    const [, , first, second] = rows;
    expect(first).not.toContain('<w:color w:val="595959"/>');
    expect(second?.match(/<w:color w:val="595959"\/>/g)).toHaveLength(4);
  });

  it("is landscape, in Italian, with the title as a heading", () => {
    const file = join(dir, "allegato-1.docx");
    expect(part(file, "word/styles.xml")).toContain('<w:lang w:val="it-IT"/>');
    expect(documentXml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(documentXml).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?ALLEGATO 1 AL PIANO/);
  });

  it("has title, subject, creator and the adoption date in its core properties, and fixed zip dates", () => {
    const core = part(join(dir, "allegato-1.docx"), "docProps/core.xml");
    expect(core).toContain(`<dc:title>${annex.title}</dc:title>`);
    expect(core).toContain("<dc:creator>Camera di Commercio di Pistoia</dc:creator>");
    expect(core).toContain("<dc:subject>Mappatura dei processi");
    // the date the plan was adopted (plan.yaml), never the clock
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2020-01-31T00:00:00Z</dcterms:created>');
    const listing = execFileSync("unzip", ["-l", join(dir, "allegato-1.docx")], { encoding: "utf8" });
    const dates = new Set(listing.split("\n").flatMap((line) => line.match(/\d{4}-\d\d-\d\d \d\d:\d\d/g) ?? []));
    expect([...dates]).toEqual(["2020-01-31 00:00"]);
  });

  it("gives the table a title and a description for assistive technology, and the edition's identity under the title", () => {
    const properties = /<w:tblPr>[\s\S]*?<\/w:tblPr>/.exec(documentXml)?.[0] ?? "";
    expect(properties).toMatch(/<w:tblCaption w:val="Mappatura dei processi 2020-2022"\/><w:tblDescription w:val="Per ogni attività: [^"]+"\/><\/w:tblPr>$/);
    expect(converted.text).toContain("Camera di Commercio di Pistoia — adottato con Deliberazione di prova n. 1 del 31 gennaio 2020 — versione 1");
    const core = part(join(dir, "allegato-1.docx"), "docProps/core.xml");
    expect(core).toContain("<cp:version>1</cp:version>");
    expect(core).toContain("<dc:subject>Mappatura dei processi del Piano triennale di prevenzione della corruzione e della trasparenza 2020-2022 — Camera di Commercio di Pistoia — adottato con Deliberazione di prova n. 1 del 31 gennaio 2020 — versione 1</dc:subject>");
  });

  it("marks inactive activities in words as well as shading", () => {
    const inactive = annex.activities.filter((a) => a.active === false).length;
    expect(documentXml.match(/>\(non attiva\)</g)).toHaveLength(inactive);
    expect(documentXml).toContain('w:fill="D9D9D9"');
  });

  it("gives the same bytes when rendered twice", async () => {
    const again = await renderDocx(buildLayout(annex, samplePlan(), loadLabels()));
    expect(Buffer.compare(Buffer.from(again), Buffer.from(bytes))).toBe(0);
  });

  it("prints markup and template braces in the data as text", () => {
    expect(documentXml).toContain("&lt;script&gt;alert(1)&lt;/script&gt; {{title}} &amp; co");
    expect(documentXml).not.toContain("<script>");
    expect(converted.text).toContain(EVIL);
  });
});
