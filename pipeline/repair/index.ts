// repair: from the raw table (cells with page/position) to the annex. Domain-aware,
// format-independent. Every change is logged with its provenance.
import type { Diagnostic, Place } from "../diagnostics/diagnostic.ts";
import { FatalError } from "../diagnostics/fatal.ts";
import { diag } from "../diagnostics/rules.ts";
import type { RawTable } from "../model/raw.ts";
import type { Annex } from "../model/annex.ts";
import { planYearsInTitle } from "../model/plan-years.ts";
import type { ParsedCorrections } from "../model/corrections.ts";
import { applyCorrections } from "./corrections.ts";
import { buildActivities, type PrintedMarks } from "./hierarchy.ts";
import { readRow } from "./rows.ts";

export interface RepairOptions {
  /** plan years when the caller knows them (the plan-year folder); else read from the title */
  planYears?: string;
  corrections?: ParsedCorrections;
  /** words a renderer adds to the printed table ("(segue)", "(non attiva)"): not part of any text */
  marks?: Partial<PrintedMarks>;
}

export interface Repaired {
  annex: Annex;
  provenance: Map<string, Place>;
  /** the repair log: what was changed, where, why (severity info) */
  repairs: Diagnostic[];
  /** problems found while repairing (warnings, errors) */
  diagnostics: Diagnostic[];
}

export function repair(table: RawTable, options: RepairOptions = {}): Repaired {
  const readings = table.rows.map((row) => readRow(row, table.columns, table.file));
  // only a text layer's damage prints a label twice with different words: any other reader's text would be lost
  const built = buildActivities(readings, { continued: options.marks?.continued ?? [], notActive: options.marks?.notActive ?? [] }, table.format !== "text-layer");
  const log = [...built.repairs];
  const fileOnly: Place = { file: table.file };

  if (built.activities.some((a) => a.active === null)) {
    log.push(diag("input/no-shading", "no-shading", {}, fileOnly));
  }
  if (options.corrections) log.push(...applyCorrections(built.activities, options.corrections));

  const titleYears = table.title ? planYearsInTitle(table.title) : null;
  const planYears = options.planYears ?? titleYears;
  if (options.planYears && titleYears && titleYears !== options.planYears) {
    log.push(diag("repair/plan-years", "differ", { title: titleYears, planYears: options.planYears }, fileOnly));
  }
  // the plan years name the edition everywhere (file names, titles, diff): without them there is no annex to speak of
  if (!planYears) {
    throw new FatalError("plan-year/missing", "title", {}, fileOnly);
  }
  if (table.title === null) log.push(diag("repair/title", "missing", {}, fileOnly));

  const annex: Annex = {
    planYears,
    title: table.title,
    footnote: table.footnote,
    activities: built.activities,
  };
  const diagnostics = log.filter((d) => d.severity !== "info");
  return { annex, provenance: built.provenance, repairs: log.filter((d) => d.severity === "info"), diagnostics };
}
