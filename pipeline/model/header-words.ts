// The words that head the annex's columns, as data: for each column, the labels that name it.
// Every reader of a printed or edited annex (PDF, text layer, spreadsheets, documents) names its
// columns with these; labels are compared folded (case, spaces and hyphenation left out).
import type { ColumnKind } from "./raw.ts";

/** What a header label names: a column, or "activities", the Attività heading over one or two columns (code and title). */
export const HEADER_KINDS = [
  "function",
  "macro",
  "process",
  "subprocess",
  "activities",
  "activityCode",
  "activityTitle",
  "risk",
  "areaDirigenziale",
  "servizio",
  "uo",
] as const satisfies readonly (ColumnKind | "activities")[];
export type HeaderKind = (typeof HEADER_KINDS)[number];

interface HeaderWords {
  kind: HeaderKind;
  /** folded labels that name the column whole */
  labels: readonly string[];
  /** folded openings: a label that starts with one names the column ("Area di rischio all. 2") */
  openings?: readonly string[];
}

/** The built-in vocabulary, folded. Nothing else names a column: no guessing by similarity. */
export const HEADER_WORDS: readonly HeaderWords[] = [
  // the national process map of the Chambers of Commerce heads the first column "Funzione
  // istituzionale" (also "Funzione isituzionale ex DPR 254/05", typo included) and the risk one
  // "Aree di rischio"; its level columns name their level in brackets (see LEVEL_IN_BRACKETS)
  { kind: "function", labels: ["funzione", "funzioni"], openings: ["funzioneistituzionale", "funzioneisituzionale"] },
  { kind: "macro", labels: ["macroprocessi", "macroprocesso"] },
  { kind: "process", labels: ["processi", "processo"] },
  { kind: "subprocess", labels: ["sottoprocessi", "sottoprocesso"] },
  { kind: "activities", labels: ["attività", "attivita"] },
  // the working copy, and tables that give the activity's code a column of its own
  { kind: "activityCode", labels: ["codice"] },
  { kind: "risk", labels: [], openings: ["areadirischio", "areedirischio"] },
  { kind: "areaDirigenziale", labels: ["areadirigenziale"] },
  { kind: "servizio", labels: ["servizio/staff", "servizio"] },
  { kind: "uo", labels: ["u.o.", "uo", "u.o"] },
];

/** The band row above the column names ("LIV 1 … STRUTTURE RESPONSABILI"), folded. */
const BAND_WORDS: readonly string[] = ["liv1", "liv2", "liv3", "liv4", "struttureresponsabili"];

/** Header cells must name at least this many columns for their row to be the column-name row. */
export const MIN_NAMED = 3;

/** Folds case, spaces and hyphenation ("Funzio- ne", "Macro Pro\u2010 cessi") to compare header labels. */
export function foldLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/\u00ad/g, "")
    .replace(/[-\u2010]\s+/g, "")
    .replace(/\s+/g, "")
    .normalize("NFC");
}

/** A label ending with a level's name in brackets names that level: "Tema (Macro Processi)", "Funzione (Processi)". */
const LEVEL_IN_BRACKETS = /\(([^()]*)\)$/;
const LEVELS: readonly HeaderKind[] = ["macro", "process", "subprocess"];

/** Header labels a plan names in its own words (plan.yaml `columns`), folded. */
export type CustomLabels = ReadonlyMap<string, HeaderKind>;

export function customLabels(columns: Readonly<Record<string, HeaderKind>> | undefined): CustomLabels {
  return new Map(Object.entries(columns ?? {}).map(([label, kind]) => [foldLabel(label), kind]));
}

/**
 * The kind a header label names: the plan's own labels first, then a level named in brackets
 * (before the plain words, or "Funzione (Processi)" would read as Funzione), then the built-in
 * words. "activities" is decided by how many columns the label spans.
 */
export function kindOf(label: string, custom: CustomLabels = new Map()): HeaderKind | null {
  const f = foldLabel(label);
  if (f === "") return null;
  const own = custom.get(f);
  if (own) return own;
  const bracket = LEVEL_IN_BRACKETS.exec(f)?.[1];
  if (bracket !== undefined) {
    const level = kindOf(bracket);
    if (level !== null && LEVELS.includes(level)) return level;
  }
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
