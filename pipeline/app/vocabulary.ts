// The body's own words, for the PDF reader to tell a word that the line wrap cut in two from two
// words (see extract/pdf/word-breaks.ts): the words plan.yaml lists, the structures it lists, and
// the texts of the body's other editions kept as data in the sources folder (annex data, or an
// office file: the working copy, or a table laid out as printed). A printed annex alone may print
// a word only ever at a line break ("Servizi amministrativ" / "i" in a narrow column); what none
// of these settles is an error for a person to settle (plan.yaml `words`), never a guess.
import { join, resolve } from "node:path";
import { ANNEX_FILE } from "../model/files.ts";
import type { PlanConfig } from "../model/plan.ts";
import { exists } from "./files.ts";
import { listPlanYears } from "./inputs.ts";
import { READERS, type SourceKind } from "./readers.ts";

/** Editions read for their words: those kept as data, quick to read (a PDF is not: its words are what is in doubt). */
const LENDERS: readonly SourceKind[] = ["annex-data", "office"];

function strings(value: unknown, out: string[]): void {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value !== null && typeof value === "object") for (const v of Object.values(value)) strings(v, out);
}

/** The words plan.yaml lists and the structures it lists. */
export function planWords(plan: PlanConfig | null): string[] {
  const texts: string[] = [];
  strings(plan?.words, texts);
  strings(plan?.structures, texts);
  return texts;
}

/** The plan's words and structures, and the texts of the other editions in `sourcesDir`, if one is given (not `except`). */
export async function ownWords(sourcesDir: string | undefined, except: string, plan: PlanConfig | null): Promise<string[]> {
  const texts = planWords(plan);
  if (sourcesDir === undefined) return texts;
  const lenders = READERS.filter((r) => LENDERS.includes(r.kind));
  for (const year of await listPlanYears(sourcesDir)) {
    for (const reader of lenders) {
      for (const ext of reader.extensions) {
        const file = join(sourcesDir, year, `${ANNEX_FILE}${ext}`);
        if (resolve(file) === resolve(except) || !(await exists(file))) continue;
        try {
          const read = await reader.read(file, {});
          strings("annex" in read ? read.annex : read.table.rows.flatMap((row) => row.cells.map((cell) => cell.text)), texts);
        } catch {
          // an edition that cannot be read lends no words; reading it is another command's business
        }
      }
    }
  }
  return texts;
}
