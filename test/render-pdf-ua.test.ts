// The PDF declares PDF/UA-1 (pdfuaid:part 1). veraPDF is not available here, so these tests are
// the evidence: they check, on the 2020-2022 annex as published, the conditions of the Matterhorn
// Protocol 1.1 that a machine can check and that apply to this document, by checkpoint:
//   01 Real content tagged — every text, path and image is either inside tagged content (an MCID)
//      or inside an artifact; no artifact inside tagged content and no tagged content inside an
//      artifact; MarkInfo /Marked true and /Suspects not true.
//   02 Role mapping — only standard structure types (no role map needed).
//   06 Metadata — an XMP metadata stream with dc:title and the PDF/UA identifier (pdfuaid:part 1).
//   07 Dictionary — ViewerPreferences /DisplayDocTitle true.
//   09 Appropriate tags — TR only in Table, THead, TBody; TH and TD only in TR.
//   11 Natural language — the catalog's /Lang.
//   14 Headings — the first heading is H1 and no level is skipped.
//   15 Tables — every TH has a /Scope, every cell's /Headers names TH identifiers (/ID) that exist.
//   31 Fonts — every font embedded, with a ToUnicode map.
// Not applicable (the document has none of them): 13 graphics, 16 lists, 17 mathematics, 19 notes,
// 20 optional content, 21 embedded files, 25 XFA, 26 security, 28 annotations, 30 XObjects.
// Not machine-checkable, and looked at by a person instead: the reading order makes sense, the
// headings and table headers say what they should.
// Also here: the bookmarks (outline) as pdf.js reads them.
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Annex } from "../pipeline/model/annex.ts";
import { flatten, pdfText, readPdfObjects, structureTree, type PdfObjects, type PdfValue, type StructElement } from "./helpers/pdf-objects.ts";
import { load2020, publishedPdf2020 } from "./helpers/sources.ts";

const STANDARD_TYPES = new Set([
  "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct", "Private",
  "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot",
  "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP",
  "Figure", "Formula", "Form",
]);

let annex: Annex;
let file: string;
let bytes: Uint8Array;
let pdf: PdfObjects;
let elements: StructElement[];

beforeAll(async () => {
  annex = (await load2020()).annex;
  bytes = await publishedPdf2020();
  file = join(mkdtempSync(join(tmpdir(), "annex-pdfua-")), "allegato-1.pdf");
  writeFileSync(file, bytes);
  pdf = readPdfObjects(file);
  elements = flatten(structureTree(pdf));
});

const type = (e: StructElement) => e.type.replace(/^\//, "");
const name = (v: PdfValue | undefined) => (typeof v === "string" ? v.replace(/^\//, "") : "");

/** The operators of a content stream, with the operands before each (a small PDF tokenizer). */
function operators(content: string): { op: string; operands: string[] }[] {
  const ops: { op: string; operands: string[] }[] = [];
  let operands: string[] = [];
  let i = 0;
  const n = content.length;
  while (i < n) {
    const c = content.charAt(i);
    if (/\s/.test(c)) {
      i++;
    } else if (c === "%") {
      while (i < n && content.charAt(i) !== "\n") i++;
    } else if (c === "(") {
      let depth = 0;
      const start = i;
      for (; i < n; i++) {
        const d = content.charAt(i);
        if (d === "\\") i++;
        else if (d === "(") depth++;
        else if (d === ")" && --depth === 0) break;
      }
      operands.push(content.slice(start, ++i));
    } else if (c === "<" && content.charAt(i + 1) === "<") {
      let depth = 0;
      const start = i;
      for (; i < n; i++) {
        if (content.startsWith("<<", i)) {
          depth++;
          i++;
        } else if (content.startsWith(">>", i)) {
          depth--;
          i++;
          if (depth === 0) break;
        }
      }
      operands.push(content.slice(start, ++i));
    } else if (c === "<") {
      const end = content.indexOf(">", i);
      operands.push(content.slice(i, end + 1));
      i = end + 1;
    } else if (c === "[" || c === "]") {
      operands.push(c);
      i++;
    } else if (c === "/") {
      const m = /^\/[^\s/[\]()<>{}%]*/.exec(content.slice(i, i + 200));
      operands.push(m?.[0] ?? "/");
      i += m?.[0].length ?? 1;
    } else {
      const m = /^[^\s/[\]()<>{}%]+/.exec(content.slice(i, i + 200));
      const token = m?.[0] ?? c;
      i += token.length;
      if (/^[-+.\d]/.test(token) || token === "true" || token === "false" || token === "null") operands.push(token);
      else {
        ops.push({ op: token, operands });
        operands = [];
      }
    }
  }
  return ops;
}

const PAINTING = new Set(["Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "EI"]);

describe("PDF/UA-1: the machine-checkable conditions of the Matterhorn Protocol that apply", () => {
  it("declares PDF/UA-1 and PDF/A-2a in its XMP metadata, with dc:title (checkpoint 06)", () => {
    const xmp = pdf.stream(pdf.catalog["/Metadata"]);
    expect(xmp).toContain("<pdfuaid:part>1</pdfuaid:part>");
    expect(xmp).toContain("<pdfaid:part>2</pdfaid:part>");
    expect(xmp).toMatch(/<dc:title>[\s\S]*ALLEGATO 1[\s\S]*<\/dc:title>/);
  });

  it("shows the title in the window, states its language, and is marked, without suspects (07, 11, 01)", () => {
    expect(pdf.dict(pdf.catalog["/ViewerPreferences"])["/DisplayDocTitle"]).toBe(true);
    expect(pdfText(pdf.catalog["/Lang"])).toBe("it-IT");
    const markInfo = pdf.dict(pdf.catalog["/MarkInfo"]);
    expect(markInfo["/Marked"]).toBe(true);
    expect(markInfo["/Suspects"] === undefined || markInfo["/Suspects"] === false).toBe(true);
  });

  it("tags every piece of content, or marks it as an artifact, never one inside the other (01)", () => {
    const pages = (pdf.dict(pdf.catalog["/Pages"])["/Kids"] ?? []) as PdfValue[];
    expect(pages.length).toBeGreaterThan(10);
    const problems: string[] = [];
    const seen = { tagged: 0, artifact: 0 };
    pages.forEach((page, p) => {
      const contents = pdf.dict(page)["/Contents"];
      const streams = Array.isArray(contents) ? contents : [contents];
      const stack: ("artifact" | "tagged" | "other")[] = [];
      for (const { op, operands } of operators(streams.map((s) => pdf.stream(s)).join("\n"))) {
        if (op === "BDC" || op === "BMC") {
          const tag = operands[0] ?? "";
          const kind = tag === "/Artifact" ? "artifact" : op === "BDC" && /\/MCID\s+\d+/.test(operands[1] ?? "") ? "tagged" : "other";
          if (kind === "artifact" && stack.includes("tagged")) problems.push(`page ${p + 1}: an artifact inside tagged content`);
          if (kind === "tagged" && stack.includes("artifact")) problems.push(`page ${p + 1}: tagged content inside an artifact`);
          stack.push(kind);
        } else if (op === "EMC") {
          stack.pop();
        } else if (PAINTING.has(op)) {
          if (stack.includes("tagged")) seen.tagged++;
          else if (stack.includes("artifact")) seen.artifact++;
          else problems.push(`page ${p + 1}: "${op}" neither tagged nor an artifact`);
        }
      }
      expect(stack, `page ${p + 1}: marked content left open`).toEqual([]);
    });
    expect([...new Set(problems)]).toEqual([]);
    // the text of every cell, and the rules and page furniture
    expect(seen.tagged).toBeGreaterThan(annex.activities.length * 6);
    expect(seen.artifact).toBeGreaterThan(annex.activities.length * 6);
  });

  it("uses only standard structure types (02), and nests the table as the standard says (09)", () => {
    expect(elements.map(type).filter((t) => !STANDARD_TYPES.has(t))).toEqual([]);
    expect(pdf.dict(pdf.catalog["/StructTreeRoot"])["/RoleMap"]).toBeUndefined();
    for (const e of elements) {
      for (const child of e.children) {
        if (type(child) === "TR") expect(["Table", "THead", "TBody", "TFoot"], `TR in ${type(e)}`).toContain(type(e));
        if (type(child) === "TH" || type(child) === "TD") expect(type(e), `${type(child)} in ${type(e)}`).toBe("TR");
      }
    }
  });

  it("starts its headings with H1 and skips no level (14)", () => {
    const headings = elements.map(type).filter((t) => /^H\d$/.test(t));
    expect(headings[0]).toBe("H1");
    for (let i = 1; i < headings.length; i++) expect(Number(headings[i]?.slice(1)) - Number(headings[i - 1]?.slice(1))).toBeLessThanOrEqual(1);
  });

  it("gives every TH a scope and an identifier, and every TD /Headers that resolve to TH identifiers (15)", () => {
    const ths = elements.filter((e) => type(e) === "TH");
    const tds = elements.filter((e) => type(e) === "TD");
    const ids = new Map(ths.map((th) => [pdfText(th.dict["/ID"]), th]));
    expect(ids.size).toBe(ths.length);
    expect(ids.has("")).toBe(false);
    // the identifier tree maps every one of them to its element
    const tree = pdf.dict(pdf.dict(pdf.catalog["/StructTreeRoot"])["/IDTree"])["/Names"] as PdfValue[];
    const mapped = new Map<string, string>();
    for (let i = 0; i < tree.length; i += 2) {
      const ref = tree[i + 1];
      mapped.set(pdfText(tree[i]), typeof ref === "string" ? ref : "");
    }
    for (const [id, th] of ids) expect(mapped.get(id), id).toBe(th.ref);
    // in the byte order of their UTF-8 keys, as a name tree must be (ISO 32000-1, 7.9.6)
    const keys = [...mapped.keys()];
    expect(keys).toEqual([...keys].sort((a, b) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"))));
    for (const th of ths) expect(["Row", "Column"]).toContain(name(pdf.dict(th.dict["/A"])["/Scope"]));

    const bodyCells = tds.filter((td) => td.mcids.length > 0 || pdf.dict(td.dict["/A"])["/Headers"] !== undefined);
    expect(tds.length).toBeGreaterThan(annex.activities.length * 5);
    expect(bodyCells).toHaveLength(tds.length);
    for (const td of tds) {
      const headers = (pdf.dict(td.dict["/A"])["/Headers"] ?? []) as PdfValue[];
      expect(headers.length, td.ref).toBeGreaterThan(0);
      for (const id of headers) expect(ids.has(pdfText(id)), `${td.ref} names ${pdfText(id)}`).toBe(true);
    }
  });

  it("names for each activity's cells the column headings, the hierarchy and the activity code", () => {
    const ths = elements.filter((e) => type(e) === "TH");
    const byId = new Map(ths.map((th) => [pdfText(th.dict["/ID"]), th]));
    const textOf = (e: StructElement | undefined) => (e ? pdfText(e.dict["/ID"]) : "");
    // the title cell of every row: its headers include a code TH (a row header) and the column heading "Attività"
    const rows = elements.filter((e) => type(e) === "TR" && e.children.some((c) => type(c) === "TH" && /^a\d+$/.test(textOf(c))));
    expect(rows).toHaveLength(annex.activities.length);
    for (const row of rows) {
      const code = row.children.find((c) => /^a\d+$/.test(textOf(c)));
      const title = row.children[row.children.indexOf(code ?? row) + 1];
      const headers = ((pdf.dict(title?.dict["/A"])["/Headers"] ?? []) as PdfValue[]).map(pdfText);
      expect(headers).toContain(textOf(code));
      expect(headers).toContain("h-title");
      // function, macro process, process and sub-process, where labelled: their ids are f…, m…, p…, s…
      expect(headers.filter((h) => /^[mps]\d+$/.test(h)).length).toBeGreaterThanOrEqual(1);
      for (const h of headers) expect(byId.has(h)).toBe(true);
    }
  });

  it("embeds every font with a ToUnicode map (31)", () => {
    const fonts = pdf.all().filter(([, d]) => d["/Type"] === "/Font" && d["/Subtype"] !== "/CIDFontType2" && d["/Subtype"] !== "/CIDFontType0");
    expect(fonts.length).toBeGreaterThan(0);
    for (const [ref, font] of fonts) {
      expect(font["/ToUnicode"], ref).toBeDefined();
      const descendants = (font["/DescendantFonts"] ?? []) as PdfValue[];
      const descriptors = [font["/FontDescriptor"], ...descendants.map((d) => pdf.dict(d)["/FontDescriptor"])].filter((d) => d !== undefined);
      expect(descriptors.length, ref).toBeGreaterThan(0);
      for (const descriptor of descriptors) {
        const d = pdf.dict(descriptor);
        expect(d["/FontFile"] ?? d["/FontFile2"] ?? d["/FontFile3"], ref).toBeDefined();
      }
    }
  });

  it("has no annotations, so no annotation rule applies (28)", () => {
    const pages = (pdf.dict(pdf.catalog["/Pages"])["/Kids"] ?? []) as PdfValue[];
    for (const page of pages) expect(pdf.dict(page)["/Annots"]).toBeUndefined();
  });
});

describe("PDF bookmarks", () => {
  it("reads, with pdf.js, one bookmark per function and under it one per macro process, each at the page where it starts", async () => {
    const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
    const outline = (await doc.getOutline()) as { title: string; dest: unknown; items: { title: string; dest: unknown }[] }[];
    // the functions in document order; macro processes without a function stand at the top level
    const top: string[] = [];
    for (const a of annex.activities) {
      const title = a.function ?? `${a.macro.code ?? ""} ${a.macro.title ?? ""}`;
      if (top.at(-1) !== title) top.push(title);
    }
    expect(outline.map((o) => o.title)).toEqual(top);
    expect(outline.flatMap((o) => (o.items.length > 0 ? o.items : [o])).map((o) => o.title.split(" ")[0])).toEqual([...new Set(annex.activities.map((a) => a.macro.code))]);
    const governo = outline[0];
    expect(governo?.items.map((i) => i.title)).toEqual(["A1 PIANIFICAZIONE, MONITORAGGIO E CONTROLLO DELL'ENTE", "A2", "A3 COMUNICAZIONE"]);
    // D1 INTERNAZIONALIZZAZIONE starts on the page that prints D1.1.1.1
    const d1 = outline.flatMap((o) => o.items).find((i) => i.title === "D1 INTERNAZIONALIZZAZIONE");
    const dest = d1?.dest as [{ num: number; gen: number }, ...unknown[]];
    const pageIndex = await doc.getPageIndex(dest[0]);
    const page = await doc.getPage(pageIndex + 1);
    const text = (await page.getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join(" ");
    expect(text).toContain("D1.1.1.1");
    await doc.destroy();
  });
});
