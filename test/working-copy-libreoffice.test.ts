// The working copy as LibreOffice Calc saves it after a clerk's edits (made once by a Basic macro,
// test/fixtures/working-copy/make.ts, and committed): Calc's own date formats, formulas, merges,
// sort and filter, in .xlsx and in .ods. The slips are each an error at the cell the macro
// edited, all in one run; the edits that only change the sheet's look publish the annex as it was.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { nextEdition } from "../pipeline/app/init.ts";
import { readPlan } from "../pipeline/app/settings.ts";
import { planWithSheet } from "../pipeline/app/sheet-plan.ts";
import { formatDiagnostic } from "../pipeline/diagnostics/format.ts";
import { readOffice } from "../pipeline/formats/office/read.ts";
import type { Annex } from "../pipeline/model/annex.ts";
import type { PlanConfig } from "../pipeline/model/plan.ts";
import { validateAnnex } from "../pipeline/validate/index.ts";
import { expectedAnnex2020 } from "./helpers/diff.ts";

const PLAN_FILE = new URL("../sources/2020-2022/plan.yaml", import.meta.url).pathname;
let plan: PlanConfig | null;
let next: Annex;

beforeAll(async () => {
  plan = await readPlan(PLAN_FILE);
  next = nextEdition(expectedAnnex2020(), "2021-2023").annex;
});

function check(name: string) {
  const file = `allegato-1.${name.split(".")[1] ?? ""}`;
  const bytes = new Uint8Array(readFileSync(new URL(`fixtures/working-copy/${name}`, import.meta.url)));
  const read = readOffice(bytes, file, { planYears: "2021-2023" });
  if (!("annex" in read) || read.settings === undefined) throw new Error("not read as a working copy");
  const merged = planWithSheet(plan, read.settings, file, "plan.yaml");
  const validated = validateAnnex(read.annex, { plan: merged.plan, file, provenance: read.provenance, kept: true });
  const all = [...read.diagnostics, ...merged.diagnostics, ...validated.diagnostics].map(formatDiagnostic);
  return { annex: validated.annex, all, errors: all.filter((d) => d.includes(": error: ")) };
}

describe.each(["xlsx", "ods"] as const)("a working copy edited in LibreOffice Calc, saved as .%s", (format) => {
  it("a date, a formula, a cleared and an odd Attiva, an emptied title, a number in Codice, a merge, a code alone, an unknown risk area, a copied code: each an error at the cell the clerk edited, in one run", () => {
    const { errors } = check(`mistakes.${format}`);
    const file = `allegato-1.${format}`;
    expect(errors).toEqual([
      `${file}:Allegato 1!B4: error: Macro processo holds a formula (=B3) that shows "A1 PIANIFICAZIONE, MONITORAGGIO E CONTROLLO DELL'ENTE", not text: type the text itself [working-copy/cell-type]`,
      `${file}:Allegato 1!L5:A1.1.1.3: error: Attiva is empty: write sì or no [working-copy/active-empty]`,
      `${file}:Allegato 1!L6:A1.1.1.4: error: "forse" in Attiva: write sì or no [working-copy/active]`,
      // 44227 is 31 January 2021, shown as the GG/MM/AAAA format the macro gave the cell
      `${file}:Allegato 1!F9: error: Attività holds a date, shown as 31/01/2021, not text: type the text itself [working-copy/cell-type]`,
      `${file}:Allegato 1!F12: error: the cells Allegato 1!F12:F13 are merged: in the working copy each cell holds its own value; unmerge them and fill each cell [working-copy/merged]`,
      `${file}:Allegato 1!F20:A1.1.3.5: error: activity A1.1.3.5 has no title: write it in its Attività cell [working-copy/no-title]`,
      `${file}:Allegato 1!E30: error: Codice holds a number, shown as 12, not text: type the text itself [working-copy/cell-type]`,
      `${file}:Allegato 1!E248:F1.2.3.2: error: the row has a Codice, F1.2.3.2, and nothing else: fill in the activity, or delete the row [working-copy/code-only]`,
      `${file}:Allegato 1!G8:A1.1.1.6: error: activity A1.1.1.6 has risk area H, which the plan's risk-area legend does not define (it defines A, B, C, D, E, F) [risk/unknown]`,
      `${file}:Allegato 1!E11:A1.1.2.1: error: activity code A1.1.2.1 is used by 2 activities: Allegato 1!E10 "Rilevazioni ed elaborazioni periodiche", Allegato 1!E11 "Elaborazione periodica report e documenti per Organi e i diversi livelli organizzativi"; give each its own code [code/unique]`,
    ]);
  });

  it("a title pasted from an email, a column inserted, the rows sorted by Area dirigenziale and a filter left on: the annex as it was, in code order, held back until the filter is removed", () => {
    const { annex: back, all } = check(`meant.${format}`);
    expect(back?.activities).toEqual(next.activities);
    const file = `allegato-1.${format}`;
    expect(all.filter((d) => d.includes("[working-copy/") || d.includes("[office/"))).toEqual([
      `${file}:Allegato 1!G2: warning: the column "Referente" is not one of the working copy's: it was ignored [working-copy/extra-column]`,
      expect.stringMatching(new RegExp(`^${file.replace(".", "\\.")}:Allegato 1!E\\d+: error: 19 rows are hidden \\(by hand or by a filter\\), the first here: what the application does not show is not published; show the rows \\(remove the filter\\) or delete them \\[office/hidden-rows\\]$`)),
      `${file}:Allegato 1!E4:A1.1.1.3: info: the rows are not in the order of their codes (sorted by another column, or a row added at the bottom?): the annex is read, and published, in the order of the codes [working-copy/order]`,
    ]);
  });
});
