import { diffAnnexes } from "./pipeline/diff/index.ts";
import { expectedAnnex2020 } from "./test/diff-helpers.ts";
import type { Annex, Activity } from "./pipeline/model/annex.ts";
const base = expectedAnnex2020();
function tenfold(): Annex {
  const acts: Activity[] = [];
  for (let k = 0; k < 10; k++) for (const a of base.activities) {
    const re = (code: string | null) => code === null ? null : code.replace(/^([A-Z]\d*)/, `$1${k}`);
    acts.push({ ...structuredClone(a), code: re(a.code) as string, macro: { ...a.macro, code: re(a.macro.code) }, process: { ...a.process, code: re(a.process.code) }, subprocess: { ...a.subprocess, code: re(a.subprocess.code) } });
  }
  return { ...base, activities: acts };
}
const a = tenfold();
function time(label: string, b: Annex, runsN = 5) {
  diffAnnexes(a, b);
  const runs: number[] = []; let n = 0;
  for (let i = 0; i < runsN; i++) { const t = performance.now(); n = diffAnnexes(a, b).changes.length; runs.push(performance.now() - t); }
  runs.sort((x, y) => x - y);
  console.log(`${label}: median ${runs[Math.floor(runsN/2)]!.toFixed(1)} ms, max ${runs[runsN-1]!.toFixed(1)} ms, ${n} changes`);
}
time("identical", structuredClone(a));
const b = structuredClone(a);
b.activities.forEach((x, i) => {
  if (i % 50 === 1) x.title = `${x.title} (rivisto)`;
  if (i % 50 === 2) x.riskAreas = [...x.riskAreas, "F"];
  if (i % 50 === 3) x.uo = "Nuovo ufficio";
  if (i % 50 === 4) x.active = !x.active;
  if (i % 50 === 5) x.code = `${x.code}9`;
});
b.activities = b.activities.filter((_, i) => i % 50 !== 6);
for (let i = 0; i < 49; i++) b.activities.splice(i * 49, 0, { ...structuredClone(base.activities[i]!), code: `Y${i}.1.1.1`, title: `Nuova attività numero ${i} per la transizione digitale` });
time("~2% of each kind", b);
const c = structuredClone(a);
c.activities.forEach((x) => (x.code = `${x.code}.1`));
time("every code changed", c);
const d = structuredClone(c);
d.activities.forEach((x) => (x.title = `${x.title} bis`));
time("every code and every title changed", d, 3);
