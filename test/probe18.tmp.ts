import { readFileSync, readdirSync } from "node:fs";
import { readOffice } from "/work/wt-18/pipeline/formats/office/read.ts";
import { repair } from "/work/wt-18/pipeline/repair/index.ts";
import { validateAnnex } from "/work/wt-18/pipeline/validate/index.ts";
import { formatDiagnostic } from "/work/wt-18/pipeline/diagnostics/format.ts";
import { expected2020, fieldDifferences } from "/work/wt-18/test/helpers/expected.ts";
const dir = "/work/wt-18/test/fixtures/office/hostile";
for (const f of process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(dir).filter((n) => !/\.(py|md)$/.test(n))) {
  const t0 = Date.now();
  try {
    const r = readOffice(new Uint8Array(readFileSync(`${dir}/${f}`)), f);
    if (!("table" in r)) { console.log(f, "working copy"); continue; }
    const rep = repair(r.table, { planYears: "2020-2022" });
    const v = validateAnnex(rep.annex, { plan: null, file: f, provenance: rep.provenance });
    const all = [...r.diagnostics, ...rep.diagnostics, ...v.diagnostics].filter((d) => d.severity !== "info" || d.rule.startsWith("office"));
    const acts = v.annex?.activities ?? [];
    const diffs = fieldDifferences(acts, expected2020.activities);
    console.log(`${f}: ${acts.length} activities, ${diffs.length} field diffs, title ok ${v.annex?.title === expected2020.title} (${Date.now() - t0} ms)`);
    for (const d of all.filter((d) => d.rule !== "title/missing" && d.rule !== "risk/unchecked").slice(0, 6)) console.log("   ", formatDiagnostic(d));
    if (diffs.length) console.log("   diffs:", JSON.stringify(diffs.slice(0, 3)));
  } catch (e: any) {
    console.log(`${f}: THROWN ${e.diagnostic ? formatDiagnostic(e.diagnostic) : e.stack} (${Date.now() - t0} ms)`);
  }
}
