// One measurement in a fresh process, so that peak memory belongs to it alone.
// usage: tsx bench/measure.ts <floor|pipeline|office> <file> <runs>
//   floor: pdf.js alone; pipeline: the PDF extracted, repaired, validated; office: a spreadsheet
//   or document (.xlsx, .ods, .docx, .odt) read, repaired, validated
import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { readFloor } from "./floor.js";
import { extractPdf } from "../pipeline/extract/pdf/index.ts";
import { readOffice } from "../pipeline/formats/office/read.ts";
import { repair } from "../pipeline/repair/index.ts";
import { at } from "../pipeline/lib/at.ts";
import { validateAnnex } from "../pipeline/validate/index.ts";

const [what, file, runsArg] = process.argv.slice(2);
if (file === undefined) throw new Error("usage: tsx bench/measure.ts <floor|pipeline|office> <file> <runs>");
const runs = Number(runsArg ?? 5);
const data = new Uint8Array(await readFile(file));
const times: number[] = [];
let activities = 0;
for (let i = 0; i < runs; i++) {
  const copy = data.slice(); // pdf.js may detach the buffer it is given
  const t0 = performance.now();
  if (what === "floor") await readFloor(copy);
  else if (what === "office") {
    const read = readOffice(copy, file);
    if (!("table" in read)) throw new Error(`${file} is not laid out as the annex is printed`);
    const repaired = repair(read.table, { planYears: "2020-2022" });
    validateAnnex(repaired.annex, { plan: null, file });
    activities = repaired.annex.activities.length;
  } else {
    const { table } = await extractPdf(copy, file);
    const repaired = repair(table, { planYears: "2020-2022" });
    validateAnnex(repaired.annex, { plan: null, file });
    activities = repaired.annex.activities.length;
  }
  times.push(performance.now() - t0);
}
const first = at(times, 0, "run"); // the first run also pays for compiling pdf.js and our code
times.sort((a, b) => a - b);
const median = at(times, Math.floor(times.length / 2), "run");
process.stdout.write(JSON.stringify({ what, median, first, times, activities, maxRssMiB: process.resourceUsage().maxRSS / 1024 }) + "\n");
