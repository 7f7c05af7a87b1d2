// The geometry-based PDF reader, checked against facts of the 2020-2022 annex read by hand on
// its page images and on `pdftotext -layout`, against an annex printed by another producer
// (Chromium) from HTML that is the truth, and against inputs it must refuse.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { FatalError } from "../pipeline/diagnostics/fatal.ts";
import { extractPdf } from "../pipeline/extract/pdf/index.ts";
import { RawTable, type RawCell, type RawRow } from "../pipeline/model/raw.ts";
import { minimalPdf } from "./helpers/minimal-pdf.ts";

const SOURCE = "sources/2020-2022/allegato-1.pdf";
const OTHER_PDF = "test/fixtures/other-producer/allegato-1.pdf";
const OTHER_HTML = "test/fixtures/other-producer/allegato-1.html";
const LONG = 60_000;

const read = (path: string): Uint8Array => new Uint8Array(readFileSync(path));

function row(table: RawTable, page: number, n: number): RawRow {
  const found = table.rows.find((r) => r.page === page && r.row === n);
  if (!found) throw new Error(`no row ${n} on page ${page}`);
  return found;
}

function cell(table: RawTable, page: number, n: number, kind: string): RawCell | undefined {
  const col = table.columns.indexOf(kind as RawTable["columns"][number]);
  return row(table, page, n).cells.find((c) => c.col === col);
}

describe("extractPdf on the 2020-2022 annex (LibreOffice Calc export)", () => {
  let table: RawTable;
  beforeAll(async () => {
    ({ table } = await extractPdf(read(SOURCE), SOURCE));
  }, LONG);

  it("produces a table that satisfies the raw-table schema", () => {
    expect(RawTable.safeParse(table).success).toBe(true);
    expect(table.format).toBe("pdf");
  });

  it("names the ten columns from the header rows, Attività over two columns being code and title", () => {
    expect(table.columns).toEqual([
      "function",
      "macro",
      "process",
      "subprocess",
      "activityCode",
      "activityTitle",
      "risk",
      "areaDirigenziale",
      "servizio",
      "uo",
    ]);
  });

  it("keeps title and footnote out of the rows, exactly as printed", () => {
    expect(table.title).toBe(
      "ALLEGATO 1 AL PIANO DI PREVENZIONE DELLA CORRUZIONE E DELLA TRASPARENZA PER IL TRIENNIO 2020-2022 - MAPPATURA DEI PROCESSI",
    );
    expect(table.footnote).toBe(
      "N.B.: i sottoprocessi e/o le attività ombreggiate non sono attivati presuo la camera di Commercio di Pistoia al momento dell'adozione del Piano",
    );
  });

  it("finds one data row per activity: 244 coded activities and the G row, the header rows left out", () => {
    expect(table.rows).toHaveLength(245);
    const perPage = (page: number) => table.rows.filter((r) => r.page === page).length;
    expect([perPage(1), perPage(2), perPage(3), perPage(4), perPage(20)]).toEqual([18, 15, 17, 15, 6]);
    expect(table.rows.filter((r) => r.page === 2).map((r) => r.row)).toEqual([...Array(15).keys()].map((i) => i + 1));
    const texts = table.rows.flatMap((r) => r.cells.map((c) => c.text));
    for (const header of ["Funzione", "Macro Processi", "Attività", "LIV 1", "STRUTTURE RESPONSABILI", "U.O."])
      expect(texts).not.toContain(header);
  });

  it("reads the first row's cells, with the sub-process merged over seven rows and empty cells absent", () => {
    expect(cell(table, 1, 1, "subprocess")).toEqual({ col: 3, text: "A1.1.1 Pianificazione e programmazione camerale", rowSpan: 7 });
    expect(cell(table, 1, 1, "activityCode")).toEqual({ col: 4, text: "A1.1.1.1", rowSpan: 1 });
    expect(cell(table, 1, 1, "activityTitle")?.text).toBe("Relazione Previsionale e Programmatica");
    expect(cell(table, 1, 1, "areaDirigenziale")?.text).toBe("Segretario generale");
    expect(cell(table, 1, 1, "servizio")?.text).toBe("Controllo di gestione");
    expect(cell(table, 1, 1, "risk")).toBeUndefined();
    expect(cell(table, 1, 1, "uo")).toBeUndefined();
    expect(cell(table, 1, 2, "servizio")?.text).toBe("Controllo di gestione/ Risorse economiche e finanziarie");
    expect(cell(table, 1, 5, "risk")?.text).toBe("A");
  });

  it("joins 'Governo Camerale', split between pages 2 and 3, into the function cell starting on page 1", () => {
    // Its merge covers 18 + 15 + 17 rows of pages 1-3 and the first 13 of page 4; page 1 shows
    // none of its text, page 2 shows "Governo" at the bottom, page 3 "Camerale" at the top.
    expect(cell(table, 1, 1, "function")).toEqual({ col: 0, text: "Governo Camerale", rowSpan: 63, pages: [2, 3] });
    expect(cell(table, 4, 14, "function")?.text).toBe("Processi di supporto");
    const texts = table.rows.flatMap((r) => r.cells.map((c) => c.text));
    expect(texts).not.toContain("Governo");
    expect(texts).not.toContain("Camerale");
  });

  it("gives the A1 macro label, clipped at the foot of page 1 and shown whole on page 2, to the cell starting on page 1", () => {
    expect(cell(table, 1, 1, "macro")).toEqual({
      col: 1,
      text: "A1 PIANIFICAZIONE, MONITORAGGIO E CONTROLLO DELL'ENTE",
      rowSpan: 33,
      pages: [2],
    });
    expect(cell(table, 2, 1, "macro")).toBeUndefined();
    expect(cell(table, 3, 1, "macro")?.text).toBe("A2");
  });

  it("joins labels whose lines are shared between two pages", () => {
    expect(cell(table, 1, 1, "process")).toEqual({ col: 2, text: "A1.1 PERFORMANCE CAMERALE", rowSpan: 19, pages: [1] });
    expect(cell(table, 8, 10, "subprocess")).toEqual({
      col: 3,
      text: "C1.1.4 Interrogazione del Registro Imprese e altre attività di sportello",
      rowSpan: 2,
      pages: [8, 9],
    });
    expect(cell(table, 19, 13, "process")).toEqual({
      col: 2,
      text: "F1.2 ALTRI SERVIZI DI ASSISTENZA E SUPPORTO ALLE IMPRESE IN REGIME DI LIBERO MERCATO",
      rowSpan: 3,
      pages: [19, 20],
    });
  });

  it("joins wrapped lines as printed: a space at a blank, nothing inside a word or after a hyphen that ends a line", () => {
    expect(cell(table, 15, 8, "activityTitle")?.text).toBe(
      "Informazione orientativa di gruppo e supporto alla transizione scuola-lavoro e università-lavoro",
    );
    expect(cell(table, 12, 5, "activityTitle")?.text).toBe("Gestione organismo di controllo (viticinolo- olio-altri prodotti tipici)");
    expect(cell(table, 12, 4, "activityTitle")?.text).toBe(
      "Gestione controlli prodotti delle filiere del made in Italy (viticinolo- olio-altri prodotti tipici)",
    );
    const d1 = table.rows.flatMap((r) => r.cells).find((c) => c.text.startsWith("D1 "));
    expect(d1?.text).toBe("D1 INTERNAZIONALIZZAZIONE");
  });

  it("marks exactly the rows printed on a grey background as shaded", () => {
    const shaded = table.rows.filter((r) => r.shaded).map((r) => `${r.page}:${r.row}`);
    expect(shaded).toEqual([
      "2:9", "8:1", "9:7", "9:8", "9:9", "11:3", "12:1", "12:5", "17:7", "17:8", "17:9",
      "18:7", "18:9", "19:7", "19:8", "20:1", "20:3", "20:4", "20:5",
    ]);
    expect(table.rows.every((r) => r.shaded === true || r.shaded === false)).toBe(true);
  });
});

/** The truth: the HTML's body rows, cells placed in columns through their row spans. */
function htmlTruth(html: string): { rows: { cells: RawCell[]; shaded: boolean }[]; title: string; footnote: string } {
  const decode = (s: string) =>
    s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ").trim();
  const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
  const busy: number[] = []; // rows still covered, per column
  const rows: { cells: RawCell[]; shaded: boolean }[] = [];
  for (const tr of body.matchAll(/<tr( class="off")?>(.*?)<\/tr>/g)) {
    const cells: RawCell[] = [];
    let col = 0;
    for (const td of (tr[2] ?? "").matchAll(/<td(?: rowspan="(\d+)")?(?: class="[^"]*")?>(.*?)<\/td>/g)) {
      while ((busy[col] ?? 0) > 0) col++;
      const rowSpan = Number(td[1] ?? 1);
      const text = decode(td[2] ?? "");
      if (text !== "") cells.push({ col, text, rowSpan });
      busy[col] = rowSpan;
      col++;
    }
    for (let c = 0; c < busy.length; c++) busy[c] = Math.max(0, (busy[c] ?? 0) - 1);
    rows.push({ cells, shaded: tr[1] !== undefined });
  }
  const title = decode(/<h1>(.*?)<\/h1>/.exec(html)?.[1] ?? "");
  const footnote = decode(/<p class="nb">(.*?)<\/p>/.exec(html)?.[1] ?? "");
  return { rows, title, footnote };
}

describe("extractPdf on an annex printed by Chromium (borders as thin fills, code and title in one cell)", () => {
  let table: RawTable;
  beforeAll(async () => {
    ({ table } = await extractPdf(read(OTHER_PDF), OTHER_PDF));
  }, LONG);

  it("names the columns, Attività over one column being the activity", () => {
    expect(table.columns).toEqual(["function", "macro", "process", "subprocess", "activity", "risk", "areaDirigenziale", "servizio", "uo"]);
  });

  it("reads back every cell's text, column and span, and every row's shading, exactly as in the HTML", () => {
    const truth = htmlTruth(readFileSync(OTHER_HTML, "utf8"));
    expect(truth.rows.length).toBeGreaterThan(60);
    expect(table.rows.map((r) => r.cells.map(({ col, text, rowSpan }) => ({ col, text, rowSpan })))).toEqual(truth.rows.map((r) => r.cells));
    expect(table.rows.map((r) => r.shaded)).toEqual(truth.rows.map((r) => r.shaded));
    expect(table.title).toBe(truth.title);
    expect(table.footnote).toBe(truth.footnote);
  });

  it("spreads the rows over several pages and joins the label that the first page break cuts", () => {
    expect(new Set(table.rows.map((r) => r.page)).size).toBeGreaterThanOrEqual(3);
    const cut = table.rows.flatMap((r) => r.cells).find((c) => c.text.startsWith("A2.1.3 "));
    expect(cut?.pages).toEqual([1, 2]);
    expect(cut?.rowSpan).toBe(3);
  });

  it("keeps a word too long for its column in its own cell, though it is printed across the border", () => {
    // "APPROVVIGIONAMENTO" runs over the Macro Processi column's right border on page 2.
    const b2 = table.rows.find((r) => r.cells.some((c) => c.text.startsWith("B2 ")));
    expect(b2?.cells.slice(0, 2).map((c) => [c.col, c.text])).toEqual([
      [1, "B2 APPROVVIGIONAMENTO E GESTIONE DEI BENI"],
      [2, "B2.1 ACQUISTI"],
    ]);
  });
});

describe("extractPdf refuses unreadable input with one plain line", () => {
  async function refusal(data: Uint8Array, file: string): Promise<FatalError> {
    const spies = [
      vi.spyOn(console, "log"),
      vi.spyOn(console, "warn"),
      vi.spyOn(console, "error"),
      vi.spyOn(process.stdout, "write"),
      vi.spyOn(process.stderr, "write"),
    ];
    try {
      await extractPdf(data, file);
    } catch (error) {
      // pdfjs must stay silent: the message is all the user sees.
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
      expect(error).toBeInstanceOf(FatalError);
      const e = error as FatalError;
      expect(e.message).not.toMatch(/\n/);
      expect(e.place.file).toBe(file);
      return e;
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    throw new Error("extractPdf accepted the input");
  }

  it("a text file renamed .pdf", async () => {
    const e = await refusal(new TextEncoder().encode("Mappatura dei processi\nFunzione;Macro Processi\n"), "notes.pdf");
    expect(e.message).toMatch(/not a PDF/);
  });

  it("an empty file", async () => {
    expect((await refusal(new Uint8Array(0), "empty.pdf")).message).toMatch(/empty/);
  });

  it("a PDF cut short", async () => {
    const whole = read(SOURCE);
    expect((await refusal(whole.slice(0, Math.floor(whole.length / 2)), "cut.pdf")).message).toMatch(/incomplete/);
  });

  it("a PDF whose structure is damaged", async () => {
    const damaged = new TextEncoder().encode("%PDF-1.6\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nthis is not an object\n%%EOF\n");
    expect((await refusal(damaged, "damaged.pdf")).message).toMatch(/damaged/);
  });

  it("a password-protected PDF", async () => {
    expect((await refusal(read("test/fixtures/bad/password.pdf"), "password.pdf")).message).toMatch(/password/);
  });

  it("a PDF without any text (a scan, here a page with only a rectangle)", async () => {
    const e = await refusal(minimalPdf("0.8 g 100 100 300 200 re f", { font: false }), "scan.pdf");
    expect(e.message).toMatch(/no text/);
  });

  it("a PDF with text but no annex table", async () => {
    const e = await refusal(read("test/fixtures/bad/paragraph.pdf"), "paragraph.pdf");
    expect(e.message).toMatch(/does not contain the annex table/);
  });
});
