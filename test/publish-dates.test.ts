// No invented date: a document is dated by the plan's adoption date (plan.yaml `adopted`), and a
// plan that gives none gets documents without a date (not 1 January of the plan's first year,
// not the clock, not an environment variable). The identity is said once in datapackage.json.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { htmlTemplates, loadLabels } from "../pipeline/app/templates.ts";
import type { PlanConfig } from "../pipeline/model/plan.ts";
import { renderAll } from "../pipeline/render/index.ts";
import { sampleAnnex, samplePlan } from "./helpers/sample-annex.ts";

const FORMATS = ["pdf", "docx", "csv", "xlsx", "ods"] as const;

async function render(plan: PlanConfig, formats: readonly (typeof FORMATS)[number][] = FORMATS): Promise<Map<string, Uint8Array | string>> {
  const files = await renderAll(sampleAnnex(), formats, { plan, labels: loadLabels(), html: htmlTemplates() });
  return new Map(files.map((f) => [f.name, f.data]));
}

const bytes = (data: Uint8Array | string | undefined): Uint8Array => (typeof data === "string" ? new TextEncoder().encode(data) : (data ?? new Uint8Array()));
const part = (zip: Uint8Array | string | undefined, name: string) => strFromU8(unzipSync(bytes(zip))[name] ?? new Uint8Array());

/** The DOS date of every entry of a zip (central directory), as "YYYY-MM-DD". */
function zipDates(zip: Uint8Array): string[] {
  const dates: string[] = [];
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; at + 46 <= zip.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const d = view.getUint16(at + 14, true);
    dates.push(`${1980 + (d >> 9)}-${String((d >> 5) & 15).padStart(2, "0")}-${String(d & 31).padStart(2, "0")}`);
  }
  return dates;
}

describe("a plan year whose plan.yaml gives no adoption date", () => {
  let files: Map<string, Uint8Array | string>;
  let again: Map<string, Uint8Array | string>;
  const dir = mkdtempSync(join(tmpdir(), "annex-dates-"));

  beforeAll(async () => {
    const { act: _act, adopted: _adopted, version: _version, ...plan } = samplePlan();
    files = await render(plan);
    again = await render(plan, ["pdf"]);
  });

  it("gives a PDF without a creation date, in its properties and in its XMP metadata", () => {
    const pdf = bytes(files.get("allegato-1.pdf"));
    writeFileSync(join(dir, "a.pdf"), pdf);
    const info = execFileSync("pdfinfo", [join(dir, "a.pdf")], { encoding: "utf8" });
    expect(info).toMatch(/^Title:/m);
    expect(info).not.toMatch(/^CreationDate:/m);
    expect(Buffer.from(pdf).toString("latin1")).not.toMatch(/CreationDate|xmp:CreateDate/);
  });

  it("gives office files without a date in their properties, their zip entries at the zip format's earliest date", () => {
    expect(part(files.get("allegato-1.docx"), "docProps/core.xml")).not.toMatch(/dcterms:(created|modified)/);
    expect(part(files.get("allegato-1.xlsx"), "docProps/core.xml")).not.toMatch(/dcterms:(created|modified)/);
    expect(part(files.get("allegato-1.ods"), "meta.xml")).not.toMatch(/meta:creation-date|dc:date/);
    for (const name of ["allegato-1.docx", "allegato-1.xlsx", "allegato-1.ods"]) expect(new Set(zipDates(bytes(files.get(name)))), name).toEqual(new Set(["1980-01-01"]));
  });

  it("gives a datapackage.json without `created`", () => {
    const pkg = JSON.parse(String(files.get("datapackage.json")));
    expect(pkg.created).toBeUndefined();
    expect(pkg.edition.adopted).toBeNull();
  });

  it("still gives the same PDF build after build (its identifier comes from its properties, not the clock)", () => {
    expect(Buffer.from(bytes(again.get("allegato-1.pdf"))).equals(Buffer.from(bytes(files.get("allegato-1.pdf"))))).toBe(true);
  });
});

describe("a plan year with its identity", () => {
  it("dates every document by the adoption date and says the identity once in datapackage.json", async () => {
    const files = await render(samplePlan(), ["csv", "xlsx", "ods"]);
    const pkg = JSON.parse(String(files.get("datapackage.json")));
    expect(pkg.created).toBe("2020-01-31T00:00:00Z");
    const identity = "Camera di Commercio di Pistoia — adottato con Deliberazione di prova n. 1 del 31 gennaio 2020 — versione 1";
    expect(pkg.description.split(identity)).toHaveLength(2);
    expect(part(files.get("allegato-1.xlsx"), "docProps/core.xml")).toContain("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2020-01-31T00:00:00Z</dcterms:created>");
    expect(part(files.get("allegato-1.ods"), "meta.xml")).toContain("<meta:creation-date>2020-01-31T00:00:00</meta:creation-date>");
    expect(new Set(zipDates(bytes(files.get("allegato-1.xlsx"))))).toEqual(new Set(["2020-01-31"]));
  });
});
