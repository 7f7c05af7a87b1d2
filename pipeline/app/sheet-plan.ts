// The plan settings of a working copy: plan.yaml, and what the sheet itself keeps (the Edizione
// sheet's identity, the Legenda sheet's risk areas and structures). Either may give a setting;
// where both give one, they must say the same, and an error names the cell and plan.yaml when
// they do not: the two never silently disagree.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/rules.ts";
import { EDITION_LABELS, type EditionField, type SheetSettings } from "../formats/spreadsheet/working-copy/settings.ts";
import { STRUCTURE_FIELDS, structureLabel } from "../model/fields.ts";
import { PLAN_FILE } from "../model/files.ts";
import type { PlanConfig } from "../model/plan.ts";

const EDITION_FIELDS = Object.keys(EDITION_LABELS) as EditionField[];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sortedNames = (names: readonly string[]) => [...new Set(names)].sort((a, b) => a.localeCompare(b, "it"));
const entries = (areas: Record<string, string>) => Object.entries(areas).sort(([a], [b]) => a.localeCompare(b));

export function planWithSheet(yaml: PlanConfig | null, sheet: SheetSettings, file: string, planFile: string | undefined): { plan: PlanConfig | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const yamlName = planFile ?? PLAN_FILE;
  const differs = (what: string, cell: string, inSheet: string, inYaml: string) => {
    diagnostics.push(
      diag("working-copy/plan-differs", "differs", { what, inSheet, inYaml, yaml: yamlName }, { file, cell }),
    );
  };
  const merged: Partial<PlanConfig> = { ...(yaml ?? {}) };
  for (const field of EDITION_FIELDS) {
    const inSheet = sheet.edition[field];
    if (inSheet === undefined) continue;
    const inYaml = yaml?.[field];
    if (inYaml !== undefined && inYaml !== inSheet.value) differs(EDITION_LABELS[field], inSheet.cell, `"${inSheet.value}"`, `"${inYaml}"`);
    else merged[field] = inSheet.value;
  }
  const risks = sheet.riskAreas;
  if (risks !== undefined) {
    const inYaml = yaml?.riskAreas ?? {};
    if (Object.keys(inYaml).length > 0 && !same(entries(inYaml), entries(risks.value))) {
      const show = (areas: Record<string, string>) => entries(areas).map(([letter, name]) => `${letter} ${name.length > 20 ? `${name.slice(0, 19)}…` : name}`).join("; ");
      differs("the list of risk areas", risks.cell, `"${show(risks.value)}"`, `"${show(inYaml)}"`);
    } else merged.riskAreas = risks.value;
  }
  for (const field of STRUCTURE_FIELDS) {
    const inSheet = sheet.structures[field];
    if (inSheet === undefined) continue;
    const inYaml = yaml?.structures?.[field];
    if (inYaml !== undefined && !same(sortedNames(inYaml), sortedNames(inSheet.value))) {
      const extra = sortedNames(inSheet.value).filter((n) => !inYaml.includes(n));
      const lacking = sortedNames(inYaml).filter((n) => !inSheet.value.includes(n));
      differs(`the list of ${structureLabel(field)}`, inSheet.cell, extra.length > 0 ? `with "${extra[0] ?? ""}"` : "complete", lacking.length > 0 ? `with "${lacking[0] ?? ""}"` : "without it");
    } else if (inYaml === undefined) merged.structures = { ...merged.structures, [field]: inSheet.value };
  }
  if (merged.body === undefined) return { plan: yaml, diagnostics };
  return { plan: { ...merged, body: merged.body, riskAreas: merged.riskAreas ?? {} }, diagnostics };
}
