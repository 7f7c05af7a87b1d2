// Every rule a diagnostic can name, declared once: the step that reports it, its severity, and
// what it means in one line (README's tables list exactly these; a test keeps them equal). A
// rule id is `family/name`; ids are stable, so a person can look one up or search a build
// report for it. A fatal rule stops the command (exit 2): the input cannot be read, or an output
// cannot be written. Within a step, rules are listed in the order a reader meets them; the
// validate step orders its findings by it.
import type { Diagnostic, Place, Severity } from "./diagnostic.ts";
import { ruleMessage, type MessageRules, type Params, type ParamsOf } from "../messages/catalogue.ts";

export type Step = "load" | "extract" | "repair" | "validate" | "publish" | "init";

export interface Rule {
  step: Step;
  severity: Severity;
  /** stops the command: exit 2, nothing written */
  fatal?: true;
  means: string;
}

export const RULES = {
  // resolving and reading an input (the application layer)
  "input/not-found": { step: "load", severity: "error", fatal: true, means: "no such file or folder" },
  "input/no-source": { step: "load", severity: "error", fatal: true, means: "a plan-year folder holds no source file (`allegato-1.*`)" },
  "input/empty": { step: "load", severity: "error", fatal: true, means: "the file is empty" },
  "input/not-file": { step: "load", severity: "error", fatal: true, means: "an input that is not a regular file (a device, a FIFO, a socket): it is refused, not read" },
  "input/too-large": { step: "load", severity: "error", fatal: true, means: "a file larger than any input of its kind can be (64 MiB of text or annex data, 256 MiB of PDF or office document)" },
  "input/too-deep": { step: "load", severity: "error", fatal: true, means: "a file that nests lists, mappings or XML elements far deeper than any annex" },
  "input/not-pdf": { step: "load", severity: "error", fatal: true, means: "a `.pdf` file that does not start like a PDF" },
  "input/no-raw-table": { step: "load", severity: "error", fatal: true, means: "`extract` was given annex data, which is already an annex" },
  "io/failed": { step: "load", severity: "error", fatal: true, means: "a file or folder cannot be read or written (permission denied, no space left, …)" },
  "plan-year/name": { step: "load", severity: "error", fatal: true, means: "a name that is not a plan year: YYYY-YYYY over three years" },
  "plan-year/not-found": { step: "load", severity: "error", fatal: true, means: "no such plan year in the sources folder" },
  "plan-year/none": { step: "load", severity: "error", fatal: true, means: "`build` finds no plan-year folder in the sources folder" },
  "yaml/syntax": { step: "load", severity: "error", fatal: true, means: "a YAML syntax error (or a key written twice) in annex data, `corrections.yaml` or `plan.yaml`" },
  "annex-data/not-mapping": { step: "load", severity: "error", fatal: true, means: "annex data that is not a mapping of planYears, title, footnote and activities" },
  "annex-data/unknown-field": { step: "load", severity: "error", fatal: true, means: "a field the annex schema does not have, such as a misspelt one" },
  "annex-data/duplicate-code": { step: "load", severity: "error", fatal: true, means: "one activity code used twice in annex data" },
  "plan/invalid": { step: "load", severity: "error", fatal: true, means: "`plan.yaml` does not match its schema" },
  "corrections/invalid": { step: "load", severity: "error", fatal: true, means: "`corrections.yaml` does not match its schema" },
  "corrections/ignored": { step: "load", severity: "warning", means: "annex data is edited directly: the corrections file beside it is not applied" },
  "annex-data/plan-years": { step: "load", severity: "error", means: "annex data whose `planYears` are not its plan-year folder's name: publishing it would replace another plan year's edition" },
  "example/unmarked": { step: "load", severity: "error", means: "an edition under `examples/` whose `plan.yaml` does not say `example: true`: it would be published as a real one" },

  // reading the working copy (a spreadsheet with one row per activity, made by `annex init`)
  "working-copy/columns": { step: "load", severity: "error", means: "the working copy's header row lacks one of its columns (`Funzione` … `Attiva`: named at the empty heading where it was), or has one twice" },
  "working-copy/extra-column": { step: "load", severity: "warning", means: "a column the working copy does not have (added by hand) was ignored" },
  "working-copy/merged": { step: "load", severity: "error", means: "merged cells in the working copy, where each cell holds its own value" },
  "working-copy/cell-type": { step: "load", severity: "error", means: "a date, a number, a truth value or a formula where the working copy has text: the message shows what the spreadsheet displays" },
  "working-copy/no-code": { step: "load", severity: "error", means: "a row with text but no `Codice`" },
  "working-copy/code": { step: "load", severity: "error", means: "a `Codice` cell that is not an activity code" },
  "working-copy/code-only": { step: "load", severity: "error", means: "a row with a `Codice` and nothing else" },
  "working-copy/no-title": { step: "load", severity: "error", means: "an activity whose `Attività` cell is empty" },
  "working-copy/title-differs": { step: "load", severity: "error", means: "a hierarchy cell differs from the other rows of its code (both cells are named): change it in every row" },
  "working-copy/risk": { step: "load", severity: "error", means: "an `Area di rischio` cell that is not letters separated by `/` (`C/E`)" },
  "working-copy/active": { step: "load", severity: "error", means: "an `Attiva` cell that is neither `sì` nor `no`" },
  "working-copy/active-empty": { step: "load", severity: "error", means: "an empty `Attiva` cell: whether the activity is active is the office's to say" },
  "working-copy/order": { step: "load", severity: "info", means: "the rows are not in the order of their codes (sorted by another column): the annex is read in code order" },
  "working-copy/footnote": { step: "load", severity: "warning", means: "no `Nota in calce` row on the `Legenda` sheet: the annex has no footnote" },
  "working-copy/edition": { step: "load", severity: "error", means: "a value of the `Edizione` or `Legenda` sheet that cannot be read: a date that is not one, a risk area without its letter" },
  "working-copy/plan-differs": { step: "load", severity: "error", means: "the working copy's `Edizione` or `Legenda` sheet and `plan.yaml` give different values for one setting: keep one of them" },
  "office/publication": { step: "load", severity: "error", fatal: true, means: "a spreadsheet the tool published (its data columns, each level's code in a column of its own), not a working copy: start a working copy with `annex init`" },

  // reading the table of a PDF or a text layer
  "pdf/incomplete": { step: "extract", severity: "error", fatal: true, means: "the PDF stops before its end marker, as if cut short while copying" },
  "pdf/password": { step: "extract", severity: "error", fatal: true, means: "the PDF is protected by a password" },
  "pdf/engine": { step: "extract", severity: "error", fatal: true, means: "the PDF reader (pdfjs-dist) cannot be loaded: an install without its optional packages" },
  "pdf/damaged": { step: "extract", severity: "error", fatal: true, means: "the PDF, or one of its pages, is damaged and cannot be read" },
  "pdf/no-text": { step: "extract", severity: "error", fatal: true, means: "the PDF has no text, only images (a scan)" },
  "text-layer/binary": { step: "extract", severity: "error", fatal: true, means: "a file read as a text layer is binary" },
  "pdf/unknown-header": { step: "extract", severity: "error", fatal: true, means: "a header label names no column (name it in `plan.yaml` under `columns`), or a column with text has no label" },
  "pdf/cells-unplaced": { step: "extract", severity: "error", fatal: true, means: "the column headings are printed but the table has no ruling lines and its cells cannot be placed from the text" },
  "input/no-table": { step: "extract", severity: "error", fatal: true, means: "no annex table: no row has the column headings (Funzione, Macro Processi, …)" },
  "pdf/text-off-page": { step: "extract", severity: "error", means: "text drawn outside the page's visible box is not printed: rows of the table may be missing" },
  "pdf/page-turned": { step: "extract", severity: "warning", means: "a page is turned against its text (rotated in a viewer): it is read with its text upright" },
  "pdf/text-grid": { step: "extract", severity: "info", means: "the table has no ruling lines: its cells were read from the positions of the text" },
  "pdf/text-grid-place": { step: "extract", severity: "error", means: "in a table without rules, a line that lines up with no row, label or column, or a cell with a line missing (a gap in it, or a top-aligned cell starting below its row): where its text belongs cannot be told (read the office file the PDF was made from, or a print with the table's borders)" },
  "pdf/text-grid-edge": { step: "extract", severity: "warning", means: "in a table without rules, no blank separates two columns: every line lies clearly in one of them, only the edge between them is estimated" },
  "pdf/text-grid-span": { step: "extract", severity: "error", means: "in a table without rules, the rows a Funzione label covers cannot be told from its position" },
  "pdf/table-before-header": { step: "extract", severity: "warning", means: "a ruled table before the annex's header row was ignored" },
  "pdf/no-header": { step: "extract", severity: "info", means: "a page repeats no header row: its columns are matched by position" },
  "pdf/unknown-column": { step: "extract", severity: "warning", means: "text in a column the header does not name was ignored" },
  "pdf/merged-columns": { step: "extract", severity: "warning", means: "a cell spans several columns: its text is given to the first of them" },
  "pdf/page-misaligned": { step: "extract", severity: "warning", means: "a page's table does not line up with the previous page's: nothing is joined across that page break" },
  "pdf/merge-joined": { step: "extract", severity: "info", means: "a merged cell cut by a page break: its visible parts were joined into one cell" },
  "pdf/row-continued": { step: "extract", severity: "info", means: "a row broken across a page break (Word, Writer): its rest at the top of the next page was joined to it" },
  "pdf/merge-not-continued": { step: "extract", severity: "error", means: "a cell open at the bottom of a page does not go on at the top of the next (a page missing?)" },
  "pdf/merge-broken": { step: "extract", severity: "error", means: "a merged cell's parts on consecutive pages are not consecutive parts of its text (a page missing, or pages out of order)" },
  "pdf/merge-open-at-end": { step: "extract", severity: "error", means: "a merged cell is open at the bottom of the table's last page (the table's last page missing?)" },
  "pdf/word-break": { step: "extract", severity: "error", means: "a line break that may be inside a word or between two, which neither the PDF nor the body's own words settle: write the word or phrase as it should read under `words` in plan.yaml" },
  "pdf/empty-row": { step: "extract", severity: "error", means: "a row of the table has no text of its own: if it held an activity, its text is lost (a damaged font?)" },
  "pdf/fill": { step: "extract", severity: "warning", means: "a fill that is not grey (a highlight, say) does not mark an activity as inactive" },
  "pdf/ghost-text": { step: "extract", severity: "info", means: "text the PDF draws outside the visible part of its cell (clipped) was left out" },
  "pdf/text-after-footnote": { step: "extract", severity: "info", means: "text after the footnote (a legend, say) is not part of the annex" },
  "pdf/page-without-table": { step: "extract", severity: "error", means: "a page among the table's pages has text but no table: if it held rows, they are missing" },
  "pdf/unaccounted": { step: "extract", severity: "error", means: "text printed on a page of the table ended in no cell and is no heading, title, footnote or page furniture: the reading lost it" },
  "pdf/overprinted": { step: "extract", severity: "error", means: "text drawn twice over itself: printed once, it would be read twice" },
  "pdf/cell-misplaced": { step: "extract", severity: "error", means: "a cell's text does not sit in its box where the producer puts every other cell's: a line of it missing, or one too many" },
  "pdf/code-unread": { step: "extract", severity: "error", means: "an activity code printed on a page became no activity, or more than one" },
  "pdf/code-order": { step: "extract", severity: "error", means: "the activity codes do not run in order: rows read out of order, or pages out of order" },
  "pdf/text-outside-table": { step: "extract", severity: "info", means: "text beside the table, or not where a title or footnote goes, was left out" },
  "pdf/wide-header": { step: "extract", severity: "warning", means: "a heading spans several columns: only the first is named after it" },

  // reading an office file: a spreadsheet (.xlsx, .ods) or a word-processor document (.docx, .odt)
  "office/not-zip": { step: "extract", severity: "error", fatal: true, means: "an `.xlsx`, `.ods`, `.docx` or `.odt` file that is not a zip package (a file renamed, or of another kind)" },
  "office/old-binary": { step: "extract", severity: "error", fatal: true, means: "an old binary `.xls` or `.doc` file: save it as `.xlsx`/`.ods` or `.docx`/`.odt`" },
  "office/password": { step: "extract", severity: "error", fatal: true, means: "the spreadsheet or document is protected by a password" },
  "office/damaged": { step: "extract", severity: "error", fatal: true, means: "the file's zip package, or a part in it, is damaged: cut short, failing its CRC, not UTF-8, not well-formed XML, or pointing where nothing is (a shared string, a style, a row out of order, overlapping merges, a span past the table's grid)" },
  "office/too-large": { step: "extract", severity: "error", fatal: true, means: "an office file that unpacks to more than any annex holds: a part past 32 MiB (64 MiB in all), more than 2,000,000 XML elements, a cell with text, a repeat, a span or a merge past 100,000 rows or 256 columns" },
  "office/not-office": { step: "extract", severity: "error", fatal: true, means: "a zip package that is neither a spreadsheet nor a word-processor document" },
  "office/no-code-column": { step: "extract", severity: "error", fatal: true, means: "the header row names no column for the activity code: `Codice`, or `Attività` over two columns" },
  "office/hidden-sheet": { step: "extract", severity: "warning", means: "a hidden sheet is not read (the office application does not show it)" },
  "office/hidden-text": { step: "extract", severity: "warning", means: "hidden text (a hidden run, field, paragraph or section) is not read: the word processor does not print it" },
  "office/formula-no-value": { step: "extract", severity: "error", means: "a cell holds a formula saved without its value (as scripts write them): open the file in the office application and save it, so the value is stored" },
  "office/nested-table": { step: "extract", severity: "error", means: "a table inside a cell of the annex table: its rows cannot be placed in the annex" },
  "office/table-continued": { step: "extract", severity: "info", means: "a table that repeats the annex's header rows right after it continues it (a table split in two): its rows were joined to it" },
  "office/other-table": { step: "extract", severity: "warning", means: "another sheet or table also has the annex's header row: only the first was read" },
  "office/split-table": { step: "extract", severity: "error", means: "a document table with the annex's columns but no header row, or with its header row after text: the annex split in two?" },
  "office/unknown-column": { step: "extract", severity: "warning", means: "a column the header does not name was ignored" },
  "office/wide-header": { step: "extract", severity: "warning", means: "a heading spans several columns: only the first is named after it" },
  "office/merged-columns": { step: "extract", severity: "warning", means: "a cell spans several columns: its text is given to the first of them" },
  "office/empty-row": { step: "extract", severity: "info", means: "an empty row inside the table was skipped" },
  "office/hidden-rows": { step: "extract", severity: "error", means: "rows hidden by hand or by a filter hold text the application does not show: show them (remove the filter) or delete them" },
  "office/fill": { step: "extract", severity: "warning", means: "a fill that is not grey (a highlight, say) does not mark an activity as inactive" },
  "office/formula-error": { step: "extract", severity: "error", means: "a cell shows a formula's error (`#REF!`, `#N/A`, …) instead of a value" },
  "office/text-outside-table": { step: "extract", severity: "info", means: "text above or below the table, not where the title or the footnote goes, was left out" },

  // from cells to activities
  "repair/activity-code": { step: "repair", severity: "error", means: "an activity is printed without a code" },
  "repair/extra-cells": { step: "repair", severity: "error", means: "a row has more cells after the activity's title than there are columns" },
  "repair/column-shift": { step: "repair", severity: "info", means: "cells printed in the wrong columns were moved back" },
  "repair/label-code": { step: "repair", severity: "info", means: "a label printed without its code takes the code of the activity on its row" },
  "repair/label-level": { step: "repair", severity: "info", means: "a label printed in another level's column is placed by its code" },
  "repair/title-conflict": { step: "repair", severity: "warning", means: "two titles are printed for one code in a text layer: the first is kept" },
  "repair/two-titles": { step: "repair", severity: "error", means: "a PDF or an office file prints two titles for one code: the second would be lost (a label given to another row's code?)" },
  "repair/function": { step: "repair", severity: "info", means: "a function carried to the rows its cell covers, or from its macro-process" },
  "repair/orphan-label": { step: "repair", severity: "error", means: "a label, or other text, on a row without an activity code that no activity takes: its text would be lost" },
  "repair/repeated-label": { step: "repair", severity: "warning", means: "text on a row without an activity code that the annex already has (a label printed again) is left out" },
  "repair/note": { step: "repair", severity: "info", means: "a remark printed in a structure column (\"In corso di attivazione\") is kept as the activity's note" },
  "repair/active-words": { step: "repair", severity: "info", means: "an activity marked \"(non attiva)\" in words is taken as not active" },
  "repair/active-conflict": { step: "repair", severity: "warning", means: "an activity marked not active in words is not shaded" },
  "input/no-shading": { step: "repair", severity: "warning", means: "the input cannot show which activities are active (`active` is null)" },
  "corrections/applied": { step: "repair", severity: "info", means: "a change made by the corrections file, with its line" },
  "corrections/unknown-code": { step: "repair", severity: "error", fatal: true, means: "a correction names a code the annex does not have" },
  "corrections/value": { step: "repair", severity: "error", fatal: true, means: "a correction's value does not fit its field" },
  "corrections/conflict": { step: "repair", severity: "error", fatal: true, means: "two corrections set the same cell (two `cells` entries, or `titles` and a `cells` title, for one code)" },
  "repair/plan-years": { step: "repair", severity: "warning", means: "the title's plan years differ from the plan-year folder's" },
  "plan-year/missing": { step: "repair", severity: "error", fatal: true, means: "neither the title nor a plan-year folder gives the plan years" },
  "repair/title": { step: "repair", severity: "warning", means: "the annex title is not printed" },

  // checking the annex (in this order within one activity)
  "plan/identity": { step: "validate", severity: "warning", means: "`plan.yaml` does not say which act adopted the plan, its date or the edition's version: the documents leave them out" },
  "schema/shape": { step: "validate", severity: "error", fatal: true, means: "annex data does not match the schema: a field is missing or has the wrong type" },
  "annex/no-activities": { step: "validate", severity: "error", means: "the annex has no activities: there is nothing to publish" },
  "code/format": { step: "validate", severity: "error", means: "a code is malformed for its level" },
  "code/unique": { step: "validate", severity: "error", means: "an activity code is used twice" },
  "code/parent": { step: "validate", severity: "error", means: "a code is not under its parent's code" },
  "code/missing": { step: "validate", severity: "warning", means: "a hierarchy level printed without a code" },
  "hierarchy/split": { step: "validate", severity: "warning", means: "one code's activities are printed in two separate places" },
  "hierarchy/consistent": { step: "validate", severity: "error", means: "a macro process under two functions" },
  "title/consistent": { step: "validate", severity: "error", means: "one code with two titles" },
  "title/missing": { step: "validate", severity: "warning", means: "the source prints no title (or function) for a code: if known, supply it in `corrections.yaml` (a print) or in the sheet (the working copy)" },
  "risk/unchecked": { step: "validate", severity: "info", means: "no plan settings (`plan.yaml`): risk letters are not checked against a legend" },
  "risk/unknown": { step: "validate", severity: "error", means: "a risk letter not in the plan's legend (`plan.yaml`)" },
  "risk/duplicate": { step: "validate", severity: "warning", means: "a risk letter twice in one cell" },
  "structure/format": { step: "validate", severity: "warning", means: "an empty structure name left by a stray `/`" },
  "structure/unknown": { step: "validate", severity: "warning", means: "a structure not in the plan's own list (`plan.yaml`, `structures`)" },
  "structure/near-duplicate": { step: "validate", severity: "warning", means: "two spellings of what is likely one office (\"progr. e svil.\" beside \"programm. e svil.\")" },
  "text/forbidden-character": { step: "validate", severity: "warning", means: "a character XML forbids (a control character, U+FFFE, U+FFFF, half of a surrogate pair): left out of every published format" },
  "text/invisible-character": { step: "validate", severity: "warning", means: "a control or bidirectional-override character: invisible, it can change how a text reads; kept as written" },
  "text/formula": { step: "validate", severity: "warning", means: "a text starting with `=`, `+`, `-` or `@`, which a spreadsheet may run as a formula when it opens the CSV (the CSV keeps it as written)" },

  // writing
  "labels/invalid": { step: "publish", severity: "error", fatal: true, means: "`templates/labels.yaml` cannot be read or lacks a key" },
  "output/not-writable": { step: "publish", severity: "error", fatal: true, means: "the output folder cannot be created or written to" },
  "plan-year/exists": { step: "init", severity: "error", fatal: true, means: "`init` never overwrites an existing plan year" },
  "plan-year/same": { step: "init", severity: "error", fatal: true, means: "the new plan year is the one it starts from" },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

/** The rules that stop a command. */
export type FatalRuleId = { [K in RuleId]: (typeof RULES)[K] extends { fatal: true } ? K : never }[RuleId];

function isRuleId(id: string): id is RuleId {
  return id in RULES;
}

/** Every rule id, in the registry's order. */
export const RULE_IDS: readonly RuleId[] = Object.keys(RULES).filter(isRuleId);

/** The rules of one step, in the order of the registry. */
export function rulesOf(step: Step): RuleId[] {
  return RULE_IDS.filter((id) => RULES[id].step === step);
}

/** A rule that has messages in the catalogue (pipeline/messages/en.ts), and the ids of its messages. */
export type MessageRule = Extract<keyof MessageRules, RuleId>;
export type MessageId<R extends MessageRule> = keyof MessageRules[R] & string;

/**
 * A diagnostic of a registered rule, with the rule's severity: message `message` of the rule in
 * the catalogue, with `params` for its `{placeholders}` (checked against the English template).
 */
export function diag<R extends MessageRule, M extends MessageId<R>>(rule: R, message: M, params: ParamsOf<MessageRules[R][M]>, place: Place = {}): Diagnostic {
  return diagOf(rule, message, params, place);
}

/** `diag` for a caller that has checked its rule, message and parameters already (FatalError). */
export function diagOf(rule: RuleId, message: string, params: Params, place: Place = {}): Diagnostic {
  return { severity: RULES[rule].severity, rule, reason: ruleMessage(rule, message, params, "en"), message, params, place };
}
