// Characters that no reader sees: the ones XML forbids are left out of every published format
// alike, with a warning (a DOCX holding U+FFFE did not open in LibreOffice; a lone surrogate came
// out as U+FFFD in three formats and raw in the JSON); control and bidi-override characters are
// reported and kept; a text a spreadsheet would run as a formula is reported and kept; and the
// change report never sends the data's escape sequences to a terminal.
/* eslint-disable no-control-regex -- control characters are what these tests are about */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { htmlTemplates, loadLabels } from "../pipeline/app/templates.ts";
import { diffAnnexes } from "../pipeline/diff/index.ts";
import { formatText } from "../pipeline/diff/format-terminal.ts";
import type { Annex } from "../pipeline/model/annex.ts";
import { renderAll, renderOpenData } from "../pipeline/render/index.ts";
import { validateAnnex } from "../pipeline/validate/index.ts";
import { sampleAnnex, samplePlan } from "./helpers/sample-annex.ts";

/** One of each: U+FFFE, U+FFFF, a C0 control, half a surrogate pair. */
const DIRTY = "Relazione\uFFFE Previsionale\uFFFF e\u0001 Programmatica\uD800";
const CLEAN = "Relazione Previsionale e Programmatica";

function withFirst(change: (annex: Annex) => void): Annex {
  const annex = sampleAnnex();
  change(annex);
  return annex;
}

function rules(annex: Annex): string[] {
  return validateAnnex(annex, { plan: samplePlan() })
    .diagnostics.filter((d) => d.rule.startsWith("text/"))
    .map((d) => `${d.rule} ${d.place.code ?? "-"}: ${d.reason}`);
}

describe("characters in the data", () => {
  it("reports the characters XML forbids, naming them, once for a title repeated on every activity", () => {
    const annex = withFirst((a) => {
      const first = a.activities[0];
      if (first) first.title = DIRTY;
      for (const x of a.activities) if (x.macro.code === "A1") x.macro.title = "PIANIFICAZIONE\uFFFF";
    });
    expect(rules(annex)).toEqual([
      "text/forbidden-character A1.1.1.1: activity A1.1.1.1 title: holds U+FFFE, U+FFFF, U+0001, U+D800, which no document format can carry: it is left out of every published file",
      "text/forbidden-character A1: macro process A1 title: holds U+FFFF, which no document format can carry: it is left out of every published file",
    ]);
  });

  it("reports control and bidi-override characters, and texts a spreadsheet would run as formulas, keeping them", () => {
    const annex = withFirst((a) => {
      const [first, second] = a.activities;
      if (!first || !second) throw new Error("fixture changed");
      first.servizio = "Controllo\u202E di gestione";
      second.title = '=HYPERLINK("http://example.org","clic")';
      second.uo = "@Ragioneria";
    });
    expect(rules(annex)).toEqual([
      "text/invisible-character A1.1.1.1: activity A1.1.1.1 Servizio/Staff: holds U+202E, an invisible control or direction character that can change how the text reads",
      'text/formula A1.1.1.2: activity A1.1.1.2 title: starts with "=": a spreadsheet opening the CSV may run it as a formula',
      'text/formula A1.1.1.2: activity A1.1.1.2 U.O.: starts with "@": a spreadsheet opening the CSV may run it as a formula',
    ]);
    // the CSV stays exact open data
    return renderOpenData(annex, "csv").then((csv) => {
      expect(csv).toContain('"=HYPERLINK(""http://example.org"",""clic"")"');
      expect(csv).toContain("@Ragioneria");
      expect(csv).toContain("Controllo\u202E di gestione");
    });
  });

  it("leaves the XML-forbidden characters out of every format alike: CSV, JSON, HTML, DOCX (which LibreOffice opens) and PDF", async () => {
    const annex = withFirst((a) => {
      const first = a.activities[0];
      if (first) first.title = DIRTY;
    });
    const files = new Map((await renderAll(annex, ["pdf", "docx", "html", "csv", "json"], { plan: samplePlan(), labels: loadLabels(), html: htmlTemplates() })).map((f) => [f.name, f.data]));
    const dir = mkdtempSync(join(tmpdir(), "annex-characters-"));
    for (const [name, data] of files) writeFileSync(join(dir, name), data);

    const json = String(files.get("allegato-1.json"));
    expect(JSON.parse(json).activities[0].title).toBe(CLEAN);
    expect(json).not.toMatch(/\\u[dD][89abAB]|\\uffff|\\ufffe|\\u0001/i);
    expect(String(files.get("allegato-1.csv"))).toContain(`A1.1.1.1,${CLEAN},`);
    expect(String(files.get("allegato-1.html"))).toContain(`class="title">${CLEAN}</td>`);
    for (const text of [String(files.get("allegato-1.csv")), String(files.get("allegato-1.html"))]) expect(text).not.toMatch(/[\uFFFD\uFFFE\uFFFF\u0001]/);

    const documentXml = execFileSync("unzip", ["-p", join(dir, "allegato-1.docx"), "word/document.xml"], { encoding: "utf8" });
    expect(documentXml).toContain(`<w:t xml:space="preserve">${CLEAN}</w:t>`);
    const converted = spawnSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", join(dir, "docx"), join(dir, "allegato-1.docx")], { encoding: "utf8", timeout: 120_000 });
    expect(converted.status).toBe(0);
    expect(readdirSync(join(dir, "docx"))).toContain("allegato-1.pdf");
    expect(execFileSync("pdftotext", [join(dir, "docx", "allegato-1.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, " ")).toContain(CLEAN);

    expect(execFileSync("pdftotext", [join(dir, "allegato-1.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, " ")).toContain(CLEAN);
  });

  it("never prints the data's escape sequences on a terminal: diff shows them as <U+001B>", () => {
    const a = sampleAnnex();
    const b = sampleAnnex();
    b.planYears = "2021-2023";
    const [first] = b.activities;
    if (!first) throw new Error("fixture changed");
    first.title = "\u001b[2J\u001b]0;pwned\u0007Relazione \u202Eelanoiziverp";
    first.uo = "\u001b[31mRagioneria\u001b[0m";
    for (const color of [false, true]) {
      const text = formatText(diffAnnexes(a, b), { color });
      // our own colours only: bold, dim, red, green and their resets
      const ours = text.replace(/\u001b\[(?:1|2|22|31|32|39)m/g, "");
      expect(ours).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
      expect(text).toContain("<U+001B>[2J<U+001B>]0;pwned<U+0007>");
      expect(text).toContain("<U+202E>elanoiziverp");
      expect(text).toContain('"<U+001B>[31mRagioneria<U+001B>[0m"');
    }
  });
});
