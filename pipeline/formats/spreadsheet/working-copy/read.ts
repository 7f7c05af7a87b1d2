// Reading the working copy back into the annex, one row per activity, in the sheet's order (a
// clerk who sorts the rows sorts the annex). Columns are found by their headings, in any order;
// a column of the clerk's own is ignored with a warning. Each level's cell repeats on every row
// of its code: a row that says otherwise is an error naming both cells. What a clerk types is
// taken as meant where that is unambiguous (`Si`, `NO`, `c / e`, spaces around a value);
// anything else is an error at its cell, never a guess.
import type { Diagnostic, Place } from "../../../diagnostics/diagnostic.ts";
import { FatalError } from "../../../diagnostics/fatal.ts";
import { diag } from "../../../diagnostics/rules.ts";
import { at } from "../../../lib/at.ts";
import { columnLetters } from "../../../lib/workbook/cell-ref.ts";
import type { Activity, Level } from "../../../model/annex.ts";
import { type LevelKey } from "../../../model/levels.ts";
import { planYearsInTitle } from "../../../model/plan-years.ts";
import { formulaError, hiddenRows, preview, rowText, type Grid, type GridCell } from "../../office/grid.ts";
import { COLUMNS, columnOf, FOOTNOTE_LABEL, LEGEND_SHEET, parseActive, parseLevel, type ColumnKey } from "./columns.ts";
import { type Phrase, ph } from "../../../messages/catalogue.ts";

export interface WorkingCopyRead {
  annex: unknown;
  /** the cell of each activity's code, and of each level code's first row */
  provenance: Map<string, Place>;
  diagnostics: Diagnostic[];
}

export interface WorkingCopyOptions {
  /** the plan-year folder's name, when the file sits in one */
  planYears?: string;
}

const RISK = /^[A-Za-z](?:\s*[/,;\s]\s*[A-Za-z])*$/;

/** Which grid column holds each of the working copy's columns; a missing or doubled one stops the reading. */
function mapColumns(grid: Grid, header: number, file: string, diagnostics: Diagnostic[]): { cols: Map<ColumnKey, number>; extra: Set<number> } {
  const cols = new Map<ColumnKey, number>();
  const extra = new Set<number>();
  for (const cell of grid.rows[header] ?? []) {
    if (cell.text === "") continue;
    const key = columnOf(cell.text);
    const place = { file, cell: grid.locate(header, cell.col) };
    if (key === undefined) {
      extra.add(cell.col);
      diagnostics.push(diag("working-copy/extra-column", "unknown", { heading: cell.text }, place));
      continue;
    }
    const seen = cols.get(key);
    if (seen !== undefined) throw new FatalError("working-copy/columns", "twice", { heading: cell.text, column: columnLetters(seen) }, place);
    cols.set(key, cell.col);
  }
  const missing = COLUMNS.filter((c) => !cols.has(c.key)).map((c) => c.heading);
  if (missing.length > 0) {
    throw new FatalError(
      "working-copy/columns",
      "missing",
      { missing: missing.map((m) => `"${m}"`), all: COLUMNS.map((c) => c.heading) },
      { file, cell: grid.locate(header, 0) },
    );
  }
  return { cols, extra };
}

/** The footnote, from its labelled row on the legend sheet. */
function footnoteOf(grids: readonly Grid[], file: string, diagnostics: Diagnostic[]): string | null {
  const legend = grids.find((g) => g.name.trim().toLowerCase() === LEGEND_SHEET.toLowerCase());
  for (const cells of legend?.rows ?? []) {
    const texts = cells.filter((c) => c.text !== "");
    if (texts[0]?.text.toLowerCase() === FOOTNOTE_LABEL.toLowerCase()) return texts[1]?.text ?? null;
  }
  diagnostics.push(diag("working-copy/footnote", "missing", { label: FOOTNOTE_LABEL, sheet: LEGEND_SHEET }, { file }));
  return null;
}

interface Seen {
  text: string;
  cells: string[];
}

/** Each level code's cell texts (and each macro process's Funzione), to name the rows that disagree. */
class Repeats {
  private readonly byKey = new Map<string, { what: Phrase; seen: Seen[] }>();

  add(what: Phrase, text: string, cell: string): void {
    const key = JSON.stringify(what);
    const entry = this.byKey.get(key) ?? { what, seen: [] };
    const same = entry.seen.find((s) => s.text === text);
    if (same) same.cells.push(cell);
    else entry.seen.push({ text, cells: [cell] });
    this.byKey.set(key, entry);
  }

  /** One error per text that differs from the one most rows give, at its first cell. */
  conflicts(file: string): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { what, seen: texts } of this.byKey.values()) {
      if (texts.length < 2) continue;
      const main = texts.reduce((a, b) => (b.cells.length > a.cells.length ? b : a));
      for (const other of texts) {
        if (other === main) continue;
        const first = at(main.cells, 0, "cell giving the text");
        const more = main.cells.length - 1;
        const others = more > 0 ? ph("working-copy.others", { count: more }) : "";
        const also = other.cells.length > 1 ? ph("working-copy.also", { count: other.cells.length - 1 }) : "";
        out.push(
          diag(
            "working-copy/title-differs",
            "differs",
            { what, text: preview(other.text), also, main: preview(main.text), first, others },
            { file, cell: at(other.cells, 0, "cell giving the text") },
          ),
        );
      }
    }
    return out;
  }
}

/** What reading the rows shares: where the columns are, what is collected across rows. */
interface Rows {
  grid: Grid;
  file: string;
  cols: ReadonlyMap<ColumnKey, number>;
  /** grid columns with a heading of the clerk's own (warned about once, at the heading) */
  extra: ReadonlySet<number>;
  diagnostics: Diagnostic[];
  provenance: Map<string, Place>;
  repeats: Repeats;
  hidden: string[];
  /** columns with text but no heading, already warned about */
  unheaded: Set<number>;
}

export function readWorkingCopy(grids: readonly Grid[], grid: Grid, header: number, file: string, options: WorkingCopyOptions = {}): WorkingCopyRead {
  const diagnostics: Diagnostic[] = [];
  const { cols, extra } = mapColumns(grid, header, file, diagnostics);

  const above = grid.rows.slice(0, header).map(rowText).filter((t) => t !== "");
  const title = above[0] ?? null;
  if (above.length > 1) diagnostics.push(diag("office/text-outside-table", "above-header", { text: preview(above.slice(1).join(" ")) }, { file }));

  const rows: Rows = { grid, file, cols, extra, diagnostics, provenance: new Map(), repeats: new Repeats(), hidden: [], unheaded: new Set() };
  const activities: Activity[] = [];
  for (let r = header + 1; r < grid.rows.length; r++) {
    const activity = readRow(rows, r);
    if (activity) activities.push(activity);
  }
  diagnostics.push(...rows.repeats.conflicts(file), ...hiddenRows(rows.hidden, file));

  const footnote = footnoteOf(grids, file, diagnostics);
  const planYears = planYearsOf(title, file, options, diagnostics);
  return { annex: { planYears, title, footnote, activities }, provenance: rows.provenance, diagnostics };
}

/** One row's activity; null for an empty row, or one without a code (reported). */
function readRow(rows: Rows, r: number): Activity | null {
  const { grid, file, cols, diagnostics, provenance, repeats } = rows;
  const cells = grid.rows[r] ?? [];
  const used = cells.filter((c) => c.text !== "" && !rows.extra.has(c.col));
  if (used.length === 0) return null;
  const known = new Set(cols.values());
  for (const c of used) {
    if (known.has(c.col) || rows.unheaded.has(c.col)) continue;
    rows.unheaded.add(c.col);
    diagnostics.push(diag("working-copy/extra-column", "unheaded", { column: columnLetters(c.col) }, { file, cell: grid.locate(r, c.col) }));
  }
  const byCol = new Map(cells.map((c) => [c.col, c]));
  const col = (key: ColumnKey): number => cols.get(key) ?? -1;
  const cell = (key: ColumnKey): GridCell | undefined => byCol.get(col(key));
  const text = (key: ColumnKey): string => cell(key)?.text ?? "";
  const at = (key: ColumnKey) => grid.locate(r, col(key));

  const code = text("code");
  if (code === "") {
    diagnostics.push(diag("working-copy/no-code", "no-code", { text: preview(rowText(used)) }, { file, cell: at("code") }));
    return null;
  }
  const place: Place = { file, cell: at("code"), code };
  if (grid.hidden.has(r)) rows.hidden.push(at("code"));
  for (const c of used) if (c.type === "error") diagnostics.push(formulaError(c, { file, cell: grid.locate(r, c.col), code }));

  const level = (key: LevelKey): Level => {
    const raw = text(key);
    const read = parseLevel(raw, code);
    if (read.code === null) return read;
    repeats.add(ph("working-copy.level", { level: ph(`level.${key}`), code: read.code }), raw, at(key));
    if (!provenance.has(read.code) && read.code !== code) provenance.set(read.code, { file, cell: at(key) });
    return read;
  };
  const [macro, process, subprocess] = [level("macro"), level("process"), level("subprocess")];
  const fn = text("function");
  if (macro.code !== null) repeats.add(ph("working-copy.function-of", { code: macro.code }), fn, at("function"));

  const risk = text("riskAreas");
  let riskAreas: string[] = [];
  if (RISK.test(risk)) riskAreas = risk.toUpperCase().split(/[\s/,;]+/);
  else if (risk !== "") diagnostics.push(diag("working-copy/risk", "risk", { text: risk }, { ...place, cell: at("riskAreas") }));

  let active = parseActive(text("active"), cell("active")?.type === "boolean");
  if (active === undefined) {
    diagnostics.push(diag("working-copy/active", "active", { text: text("active") }, { ...place, cell: at("active") }));
    active = null;
  } else if (active === null) diagnostics.push(diag("working-copy/active-empty", "empty", {}, { ...place, cell: at("active") }));

  // the same code again (a row copied, its code not changed) is validation's to report
  if (!provenance.has(code)) provenance.set(code, place);
  const orNull = (key: ColumnKey) => text(key) || null;
  return {
    code,
    title: orNull("title"),
    riskAreas,
    areaDirigenziale: orNull("areaDirigenziale"),
    servizio: orNull("servizio"),
    uo: orNull("uo"),
    note: orNull("note"),
    active,
    function: fn || null,
    macro,
    process,
    subprocess,
  };
}

function planYearsOf(title: string | null, file: string, options: WorkingCopyOptions, diagnostics: Diagnostic[]): string {
  const inTitle = title !== null ? planYearsInTitle(title) : null;
  if (options.planYears !== undefined && inTitle !== null && inTitle !== options.planYears) {
    diagnostics.push(diag("repair/plan-years", "differ", { title: inTitle, planYears: options.planYears }, { file }));
  }
  const planYears = options.planYears ?? inTitle;
  if (planYears === null) {
    throw new FatalError("plan-year/missing", "title-row", {}, { file });
  }
  return planYears;
}
