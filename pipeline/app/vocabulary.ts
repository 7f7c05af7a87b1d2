// The body's own words, for the PDF reader to tell a word that the line wrap cut in two from two
// words (see extract/pdf/word-breaks.ts): the texts of its other annexes kept as annex data in
// the sources folder, and the structures that plan.yaml lists. A printed annex alone may print a
// word only ever at a line break ("Servizi amministrativ" / "i" in a narrow column).
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { readAnnexData } from "../formats/annex-data/read.ts";
import { ANNEX_FILE } from "../model/files.ts";
import type { PlanConfig } from "../model/plan.ts";
import { exists } from "./files.ts";
import { listPlanYears } from "./inputs.ts";
import { READERS } from "./readers.ts";

function strings(value: unknown, out: string[]): void {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value !== null && typeof value === "object") for (const v of Object.values(value)) strings(v, out);
}

/** Texts of the annex data in the sources folder's plan years (not `except`), and the plan's structures. */
export async function ownWords(sourcesDir: string, except: string, plan: PlanConfig | null): Promise<string[]> {
  const texts: string[] = [];
  strings(plan?.structures, texts);
  const names = READERS.filter((r) => r.kind === "annex-data").flatMap((r) => r.extensions.map((ext) => `${ANNEX_FILE}${ext}`));
  for (const year of await listPlanYears(sourcesDir)) {
    for (const name of names) {
      const file = join(sourcesDir, year, name);
      if (resolve(file) === resolve(except) || !(await exists(file))) continue;
      try {
        strings(readAnnexData(await readFile(file, "utf8"), file).annex, texts);
      } catch {
        // an edition that cannot be read lends no words; reading it is another command's business
      }
    }
  }
  return texts;
}
