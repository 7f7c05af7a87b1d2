// The hand-checked content of sources/2020-2022/allegato-1.pdf (see expected-2020-2022.md for
// how it was checked), and a field-by-field comparison that names every difference.
import { readFileSync } from "node:fs";
import type { Activity, Annex } from "../../pipeline/model/annex.ts";

export const expected2020 = JSON.parse(readFileSync(new URL("../fixtures/expected-2020-2022.json", import.meta.url), "utf8")) as Annex;

/** "A1.1.1.2 servizio: expected … got …" for every field that differs; [] when equal. */
export function fieldDifferences(actual: readonly Activity[], wanted: readonly Activity[], ignore: readonly (keyof Activity)[] = []): string[] {
  const out: string[] = [];
  const n = Math.max(actual.length, wanted.length);
  for (let i = 0; i < n; i++) {
    const a = actual[i];
    const w = wanted[i];
    if (!a || !w) {
      out.push(`#${i}: expected ${w?.code ?? "nothing"}, got ${a?.code ?? "nothing"}`);
      continue;
    }
    for (const key of Object.keys(w) as (keyof Activity)[]) {
      if (ignore.includes(key)) continue;
      const x = JSON.stringify(w[key]);
      const y = JSON.stringify(a[key]);
      if (x !== y) out.push(`${w.code} ${key}: expected ${x}, got ${y}`);
    }
  }
  return out;
}
