// The fields of an activity that an office reads, compares and corrects, in table order: the
// Italian label an office knows each by, with its grammatical gender (Italian words around it
// agree with it), and the name an English message uses (the responsible structures keep their
// Italian column headings there too). The words printed around the published table, which an
// office may reword, are in templates/labels.yaml instead. A field that is a column of the
// published spreadsheet and the working copy takes its heading from model/columns.ts, the one
// table of column names.
import { headerOf } from "./columns.ts";

interface FieldInfo {
  label: string;
  gender: "m" | "f";
  name: string;
}

export const ACTIVITY_FIELDS = {
  title: { label: "Titolo", gender: "m", name: "title" },
  riskAreas: { label: headerOf("riskAreas"), gender: "f", name: "risk areas" },
  areaDirigenziale: { label: headerOf("areaDirigenziale"), gender: "f", name: headerOf("areaDirigenziale") },
  servizio: { label: headerOf("servizio"), gender: "m", name: headerOf("servizio") },
  uo: { label: headerOf("uo"), gender: "f", name: headerOf("uo") },
  note: { label: "Nota", gender: "f", name: "note" },
  active: { label: "Attivazione", gender: "f", name: "active" },
} as const satisfies Record<string, FieldInfo>;

/** The fields compared between editions, in the order their changes are listed. */
export type ChangeField = keyof typeof ACTIVITY_FIELDS;
export const CHANGE_FIELDS = ["title", "riskAreas", "areaDirigenziale", "servizio", "uo", "note", "active"] as const satisfies readonly ChangeField[];

/** The fields of an activity that hold a responsible structure, in table order. */
export const STRUCTURE_FIELDS = ["areaDirigenziale", "servizio", "uo"] as const satisfies readonly ChangeField[];
export type StructureField = (typeof STRUCTURE_FIELDS)[number];

/** A structure column's heading: "Area dirigenziale", "Servizio/Staff", "U.O.". */
export function structureLabel(field: StructureField): string {
  return ACTIVITY_FIELDS[field].label;
}
