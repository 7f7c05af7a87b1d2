// Open data: the rows of DESIGN.md's contract as JSON and CSV (RFC 4180, UTF-8, header row).
import { stringify } from "csv-stringify/sync";
import type { Activity, Annex } from "../../model/annex.ts";

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

export function toContractJson(annex: Annex): string {
  return `${JSON.stringify(toContract(annex), null, 2)}\n`;
}

export const CSV_COLUMNS = [
  "code",
  "title",
  "riskAreas",
  "areaDirigenziale",
  "servizio",
  "uo",
  "note",
  "active",
  "function",
  "macroCode",
  "macroTitle",
  "processCode",
  "processTitle",
  "subprocessCode",
  "subprocessTitle",
] as const;

export function toCsv(annex: Annex): string {
  const rows = annex.activities.map((a) => [
    a.code,
    a.title,
    a.riskAreas.join("/"),
    a.areaDirigenziale,
    a.servizio,
    a.uo,
    a.note,
    a.active === null ? "" : String(a.active),
    a.function,
    a.macro.code,
    a.macro.title,
    a.process.code,
    a.process.title,
    a.subprocess.code,
    a.subprocess.title,
  ]);
  return stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: "\r\n", cast: { string: (s) => s } });
}
