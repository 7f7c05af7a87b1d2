// The page's copy of pdfkit (its build for browsers, changed by scripts/bundle-app.js so that a
// page's content stream is not tens of thousands of small Buffers): the same document written with
// it and with the build it changes is the same bytes, compressed or not, with an embedded font,
// text outside ASCII and pages of many pieces.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pdfkitForPage } from "../scripts/bundle-app.js";

const require = createRequire(import.meta.url);
const STANDALONE = require.resolve("pdfkit/js/pdfkit.standalone.js");
const ROBOTO = readFileSync(require.resolve("pdfmake/fonts/Roboto/Roboto-Regular.ttf"));
const work = mkdtempSync(join(tmpdir(), "annex-pdfkit-"));
afterAll(() => { rmSync(work, { recursive: true, force: true }); });

interface Doc {
  on(event: "data", listener: (chunk: Uint8Array) => void): void;
  on(event: "end", listener: () => void): void;
  registerFont(name: string, data: Uint8Array): void;
  font(name: string): Doc;
  fontSize(size: number): Doc;
  text(text: string, x?: number, y?: number): Doc;
  rect(x: number, y: number, w: number, h: number): Doc;
  fill(color: string): Doc;
  fillColor(color: string): Doc;
  addPage(): Doc;
  end(): void;
}
type PdfKit = new (options: object) => Doc;

/** pdfkit's build from `source`, loaded as a module of its own. */
function load(name: string, source: string): PdfKit {
  const file = join(work, name);
  writeFileSync(file, source);
  return require(file) as PdfKit;
}

function write(PDFDocument: PdfKit, compress: boolean): Promise<Buffer> {
  const doc = new PDFDocument({ compress, info: { CreationDate: new Date(Date.UTC(2020, 0, 31)) } });
  const chunks: Uint8Array[] = [];
  doc.on("data", (chunk) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => { doc.on("end", () => { resolve(Buffer.concat(chunks)); }); });
  doc.registerFont("Roboto", ROBOTO);
  for (let page = 0; page < 3; page++) {
    if (page > 0) doc.addPage();
    for (let line = 0; line < 40; line++) {
      doc.rect(40, 40 + line * 18, 5 + line, 12).fill(line % 2 === 0 ? "#d9d9d9" : "#000000");
      doc.font(line % 3 === 0 ? "Helvetica" : "Roboto").fontSize(9).fillColor("#000000");
      doc.text(`Riga ${String(line)}: attività, qualità — “Città” e perché ${"x".repeat(line)}`, 60, 40 + line * 18);
    }
  }
  doc.end();
  return done;
}

describe("the page's pdfkit", () => {
  const original = load("original.js", readFileSync(STANDALONE, "utf8"));
  const page = load("page.js", pdfkitForPage(readFileSync(STANDALONE, "utf8")));

  it.each([true, false])("writes the same bytes as the build it changes (compressed: %s)", async (compress) => {
    const [before, after] = await Promise.all([write(original, compress), write(page, compress)]);
    expect(before.length).toBeGreaterThan(10_000);
    expect(after.equals(before)).toBe(true);
  });
});
