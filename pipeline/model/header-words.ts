// The words that head the annex's columns, as data: for each column, the labels that name it.
// Every reader of a printed or edited annex (PDF, text layer, spreadsheets, documents) names its
// columns with these; labels are compared folded (case, spaces and hyphenation left out).
import type { ColumnKind } from "./raw.ts";

/** What a header label names: a column, or "activities", the Attività heading over one or two columns. */
export type HeaderKind = Exclude<ColumnKind, "unknown" | "activityCode" | "activityTitle" | "activity"> | "activities";

interface HeaderWords {
  kind: HeaderKind;
  /** folded labels that name the column whole */
  labels: readonly string[];
  /** folded openings: a label that starts with one names the column ("Area di rischio all. 2") */
  openings?: readonly string[];
}

/** The built-in vocabulary, folded. Nothing else names a column: no guessing by similarity. */
export const HEADER_WORDS: readonly HeaderWords[] = [
  { kind: "function", labels: ["funzione", "funzioni"] },
  { kind: "macro", labels: ["macroprocessi", "macroprocesso"] },
  { kind: "process", labels: ["processi", "processo"] },
  { kind: "subprocess", labels: ["sottoprocessi", "sottoprocesso"] },
  { kind: "activities", labels: ["attività", "attivita"] },
  { kind: "risk", labels: [], openings: ["areadirischio"] },
  { kind: "areaDirigenziale", labels: ["areadirigenziale"] },
  { kind: "servizio", labels: ["servizio/staff", "servizio"] },
  { kind: "uo", labels: ["u.o.", "uo", "u.o"] },
];

/** The band row above the column names ("LIV 1 … STRUTTURE RESPONSABILI"), folded. */
const BAND_WORDS: readonly string[] = ["liv1", "liv2", "liv3", "liv4", "struttureresponsabili"];

/** Header cells must name at least this many columns for their row to be the column-name row. */
export const MIN_NAMED = 3;

/** Folds case, spaces and hyphenation ("Funzio- ne", "Macro Processi") to compare header labels. */
export function foldLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/\u00ad/g, "")
    .replace(/-\s+/g, "")
    .replace(/\s+/g, "")
    .normalize("NFC");
}

/** The kind a header label names; "activities" is decided by how many columns it spans. */
export function kindOf(label: string): HeaderKind | null {
  const f = foldLabel(label);
  if (f === "") return null;
  for (const words of HEADER_WORDS) {
    if (words.labels.includes(f)) return words.kind;
    if (words.openings?.some((o) => f.startsWith(o))) return words.kind;
  }
  return null;
}

/** A header row of the annex: the band row, or a row whose cells name at least MIN_NAMED columns. */
export function isHeaderRow(cells: readonly string[]): boolean {
  const folded = cells.map(foldLabel);
  if (folded.some((f) => BAND_WORDS.includes(f))) return true;
  return cells.filter((c) => kindOf(c) !== null).length >= MIN_NAMED;
}
