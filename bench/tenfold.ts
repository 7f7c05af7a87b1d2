// A 10× annex for benchmarks: the 2020-2022 annex ten times over, each copy's macro-process
// numbers shifted (A1 → A11, A21, …) so that every code stays unique. The special G row,
// which has no number, appears once.
import type { Activity, Annex, Level } from "../pipeline/model/annex.ts";

function shift(code: string, k: number): string {
  if (!/^[A-Z]\d/.test(code)) return code;
  return code.replace(/^([A-Z])(\d+)/, (_, letter: string, n: string) => `${letter}${Number(n) + 10 * k}`);
}

const level = (l: Level, k: number): Level => ({ code: l.code === null ? null : shift(l.code, k), title: l.title });

export function tenfold(annex: Annex): Annex {
  const activities: Activity[] = [];
  for (let k = 0; k < 10; k++) {
    for (const a of annex.activities) {
      if (k > 0 && !/^[A-Z]\d/.test(a.code)) continue;
      activities.push({ ...a, code: shift(a.code, k), macro: level(a.macro, k), process: level(a.process, k), subprocess: level(a.subprocess, k) });
    }
  }
  return { ...annex, activities };
}

/** A next edition: about 2% of the activities edited in each way the comparison reports. */
export function edited(annex: Annex): Annex {
  const b: Annex = structuredClone(annex);
  b.planYears = "2021-2023";
  b.activities.forEach((a, i) => {
    if (i % 50 === 1) a.title = `${a.title ?? ""} (aggiornato)`;
    if (i % 50 === 2) a.riskAreas = [...a.riskAreas, "F"];
    if (i % 50 === 3) a.uo = "Nuovo ufficio";
    if (i % 50 === 4 && a.active !== null) a.active = !a.active;
    if (i % 50 === 5) a.code = `${a.code}b`;
  });
  b.activities = b.activities.filter((_, i) => i % 50 !== 6);
  return b;
}
