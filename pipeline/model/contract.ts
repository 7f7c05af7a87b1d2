// The annex in the order of DESIGN.md's contract ("Contract used by outside checks"): what the
// JSON export prints and the annex data file holds, key by key.
import type { Activity, Annex } from "./annex.ts";

/**
 * Key order is the contract's, so that the JSON (and the YAML annex data) reads the same as
 * DESIGN.md and diffs stay small. Nothing is shared with the input: a YAML writer would turn an
 * array or object met twice into an alias.
 */
function contractActivity(a: Activity): Activity {
  return {
    code: a.code,
    title: a.title,
    riskAreas: [...a.riskAreas],
    areaDirigenziale: a.areaDirigenziale,
    servizio: a.servizio,
    uo: a.uo,
    note: a.note,
    active: a.active,
    function: a.function,
    macro: { code: a.macro.code, title: a.macro.title },
    process: { code: a.process.code, title: a.process.title },
    subprocess: { code: a.subprocess.code, title: a.subprocess.title },
  };
}

export function toContract(annex: Annex): Annex {
  return { planYears: annex.planYears, title: annex.title, footnote: annex.footnote, activities: annex.activities.map(contractActivity) };
}
