// Reading the working copy back into the annex, one row per activity, in the order of the codes
// (a clerk who sorts or filters the rows by another column does not reorder the annex). Columns
// are found by their headings, in any order; a column of the clerk's own is ignored with a
// warning. Each level's cell repeats on every row of its code: a row that says otherwise is an
// error naming both cells. What a clerk types is taken as meant where that is unambiguous (`Si`,
// `NO`, `c / e`, spaces around a value); anything else is an error at its own cell, never a
// guess, and the whole sheet is read so that one run names every mistake: a date, a number or
// a formula where the annex has text, a title left empty, a row with only its code, an `Attiva`
// cleared or holding another word, merged cells. The sheet is the office's own: what it lacks is
// for the office to fix in it, so these are errors, not warnings.
import type { Diagnostic, Place } from "../../../diagnostics/diagnostic.ts";
import { FatalError } from "../../../diagnostics/fatal.ts";
import { diag } from "../../../diagnostics/rules.ts";
import { at } from "../../../lib/at.ts";
import { columnLetters } from "../../../lib/workbook/cell-ref.ts";
import type { Activity, Level } from "../../../model/annex.ts";
import { CODE_PATTERN, compareCodes } from "../../../model/codes.ts";
import { type LevelKey } from "../../../model/levels.ts";
import { planYearsInTitle } from "../../../model/plan-years.ts";
import { formulaError, hiddenRows, preview, rowText, type Grid, type GridCell } from "../../office/grid.ts";
import { COLUMNS, columnOf, FOOTNOTE_LABEL, LEGEND_SHEET, parseActive, parseLevel, type ColumnKey } from "./columns.ts";
import { readSheetSettings, type SheetSettings } from "./settings.ts";
import { ph, type Phrase } from "../../../messages/catalogue.ts";

export interface WorkingCopyRead {
  annex: unknown;
  /** the cell of each activity's code, and of each level code's first row; `CODE#field` the cell of a field; `CODE@n` the code's n-th row (0-based) */
  provenance: Map<string, Place>;
  diagnostics: Diagnostic[];
  /** the edition and the legend as the sheet keeps them (the Edizione and Legenda sheets) */
  settings: SheetSettings;
  /** the annex comes from a sheet the office keeps: what it lacks is fixed in the sheet, not in corrections.yaml */
  kept: true;
}

export interface WorkingCopyOptions {
  /** the plan-year folder's name, when the file sits in one */
  planYears?: string;
}

const RISK = /^[A-Za-z](?:\s*[/,;\s]\s*[A-Za-z])*$/;

const headingOf = (key: ColumnKey): string => COLUMNS.find((c) => c.key === key)?.heading ?? key;

interface Columns {
  cols: Map<ColumnKey, number>;
  /** grid columns with a heading of the clerk's own */
  extra: Set<number>;
  /** the working copy's columns the header lacks: their cells are not read (the error is at the header) */
  missing: Set<ColumnKey>;
  /** grid columns with no heading where a missing column's heading was deleted: already reported */
  blank: Set<number>;
}

/**
 * Which grid column holds each of the working copy's columns. A missing or doubled column is an
 * error at the header, and the other columns are still read; only a sheet without `Codice`
 * cannot be read at all. A deleted heading is named at its own cell: the headless column that
 * holds text, where the missing column was.
 */
function mapColumns(grid: Grid, header: number, file: string, diagnostics: Diagnostic[]): Columns {
  const cols = new Map<ColumnKey, number>();
  const extra = new Set<number>();
  const headed = new Set<number>();
  for (const cell of grid.rows[header] ?? []) {
    if (cell.text === "") continue;
    headed.add(cell.col);
    const key = columnOf(cell.text);
    const place = { file, cell: grid.locate(header, cell.col) };
    if (key === undefined) {
      extra.add(cell.col);
      diagnostics.push(diag("working-copy/extra-column", "unknown", { heading: cell.text }, place));
      continue;
    }
    const seen = cols.get(key);
    if (seen !== undefined) {
      diagnostics.push(diag("working-copy/columns", "twice-unread", { heading: cell.text, column: columnLetters(seen) }, place));
      extra.add(cell.col);
      continue;
    }
    cols.set(key, cell.col);
  }
  const missing = COLUMNS.filter((c) => !cols.has(c.key));
  if (!cols.has("code")) {
    throw new FatalError("office/no-code-column", "working-copy", { all: COLUMNS.map((c) => c.heading) }, { file, cell: grid.locate(header, 0) });
  }
  // columns below the header that hold text but have no heading: where a deleted heading was
  const withText = new Set<number>();
  for (const cells of grid.rows.slice(header + 1)) for (const c of cells) if (c.text !== "" && !headed.has(c.col)) withText.add(c.col);
  const headless = [...withText].sort((a, b) => a - b);
  const paired = headless.length === missing.length;
  const blank = new Set<number>();
  const last = Math.max(...[...headed], -1);
  missing.forEach((column, k) => {
    const col = paired ? (headless[k] ?? last + 1) : last + 1;
    if (paired) blank.add(col);
    diagnostics.push(
      diag(
        "working-copy/columns",
        paired ? "heading-empty" : "missing-one",
        { column: columnLetters(col), heading: column.heading, all: COLUMNS.map((c) => c.heading) },
        { file, cell: grid.locate(header, col) },
      ),
    );
  });
  return { cols, extra, missing: new Set(missing.map((c) => c.key)), blank };
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
  columns: Columns;
  diagnostics: Diagnostic[];
  provenance: Map<string, Place>;
  /** the place of every row of each code, in sheet order */
  uses: Map<string, Place[]>;
  repeats: Repeats;
  hidden: string[];
  /** columns with text but no heading, already warned about */
  unheaded: Set<number>;
  /** positions ("row:col") a merged cell covers: their emptiness is the merge's, already reported */
  covered: Set<string>;
}

/** One activity read, with the sheet row it came from. */
interface ReadRow {
  activity: Activity;
  row: number;
}

export function readWorkingCopy(grids: readonly Grid[], grid: Grid, header: number, file: string, options: WorkingCopyOptions = {}): WorkingCopyRead {
  const diagnostics: Diagnostic[] = [];
  const columns = mapColumns(grid, header, file, diagnostics);

  const above = grid.rows.slice(0, header).map(rowText).filter((t) => t !== "");
  const title = above[0] ?? null;
  if (above.length > 1) diagnostics.push(diag("office/text-outside-table", "above-header", { text: preview(above.slice(1).join(" ")) }, { file }));

  const rows: Rows = { grid, file, columns, diagnostics, provenance: new Map(), uses: new Map(), repeats: new Repeats(), hidden: [], unheaded: new Set(columns.blank), covered: new Set() };
  const read: ReadRow[] = [];
  for (let r = header + 1; r < grid.rows.length; r++) {
    const activity = readRow(rows, r);
    if (activity) read.push({ activity, row: r });
  }
  diagnostics.push(...rows.repeats.conflicts(file), ...hiddenRows(rows.hidden, file));
  for (const [code, places] of rows.uses) places.forEach((place, k) => rows.provenance.set(`${code}@${k}`, place));

  const footnote = footnoteOf(grids, file, diagnostics);
  const planYears = planYearsOf(title, file, options, diagnostics);
  const activities = inCodeOrder(read, rows);
  return { annex: { planYears, title, footnote, activities }, provenance: rows.provenance, diagnostics, settings: readSheetSettings(grids, file, diagnostics), kept: true };
}

/**
 * The activities in the order of their codes, as the annex is published: a sheet sorted by an
 * office or a title, or a row typed at the bottom, does not reorder the annex. Said once, at the
 * first row out of its place.
 */
function inCodeOrder(read: readonly ReadRow[], rows: Rows): Activity[] {
  const sorted = [...read].sort((a, b) => compareCodes(a.activity.code, b.activity.code) || a.row - b.row);
  const moved = sorted.findIndex((r, i) => r !== read[i]);
  const first = read[moved];
  if (first !== undefined) {
    const code = rows.columns.cols.get("code") ?? 0;
    rows.diagnostics.push(
      diag(
        "working-copy/order",
        "order",
        {},
        { file: rows.file, cell: rows.grid.locate(first.row, code), code: first.activity.code },
      ),
    );
  }
  return sorted.map((r) => r.activity);
}

/** A formula as the spreadsheet shows it: "=B3", from .xlsx's "B3" or OpenDocument's "of:=[.B3]". */
function shownFormula(formula: string): string {
  if (!formula.startsWith("of:")) return `=${formula}`;
  return formula.slice(3).replace(/\[([^\]]*)\]/g, (_m, ref: string) => ref.replace(/(^|:)\./g, "$1"));
}

/** What the spreadsheet shows of a cell that holds something other than text, for a message. */
function describe(cell: GridCell): Phrase {
  const shown = cell.shown ?? cell.text;
  if (cell.formula === "") return ph("cell.formula-shows", { shown: preview(shown) });
  if (cell.formula !== undefined) return ph("cell.formula", { formula: shownFormula(cell.formula), shown: preview(shown) });
  if (cell.type === "date") return ph("cell.date", { shown });
  if (cell.type === "boolean") return ph("cell.boolean", { shown });
  return ph("cell.number", { shown });
}

/** A cell whose value is not text where the annex has text (a truth value is `Attiva`'s own): reported, and not read. */
function notText(cell: GridCell, key: ColumnKey): boolean {
  if (cell.type === "error") return false;
  if (cell.formula !== undefined) return true;
  if (cell.type === "boolean") return key !== "active";
  return cell.type === "number" || cell.type === "date";
}

/** One row's activity; null for an empty row, or one that cannot be an activity (reported). */
function readRow(rows: Rows, r: number): Activity | null {
  const { grid, file, columns, diagnostics, provenance, repeats } = rows;
  const { cols, missing } = columns;
  const cells = grid.rows[r] ?? [];
  const used = cells.filter((c) => c.text !== "" && !columns.extra.has(c.col));
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
  const atCell = (key: ColumnKey) => grid.locate(r, col(key));

  // merged cells: each cell of the working copy holds its own value
  for (const c of used) {
    if (c.colSpan === 1 && c.rowSpan === 1) continue;
    for (let dr = 0; dr < c.rowSpan; dr++) for (let dc = 0; dc < c.colSpan; dc++) if (dr > 0 || dc > 0) rows.covered.add(`${r + dr}:${c.col + dc}`);
    const end = grid.locate(r + c.rowSpan - 1, c.col + c.colSpan - 1).replace(/^.*!/, "");
    diagnostics.push(diag("working-copy/merged", "merged", { cells: `${grid.locate(r, c.col)}:${end}` }, { file, cell: grid.locate(r, c.col) }));
  }
  const covered = (key: ColumnKey) => rows.covered.has(`${r}:${col(key)}`);

  // cells that are not text where the annex has text: reported at the cell, and not read
  const unread = new Set<ColumnKey>(missing);
  for (const [key, c] of cols) {
    const found = byCol.get(c);
    if (found === undefined || found.text === "") continue;
    if (found.type === "error") {
      diagnostics.push(formulaError(found, { file, cell: grid.locate(r, c) }));
      unread.add(key);
    } else if (notText(found, key)) {
      diagnostics.push(diag("working-copy/cell-type", "not-text", { heading: headingOf(key), holds: describe(found) }, { file, cell: grid.locate(r, c) }));
      unread.add(key);
    }
  }
  const text = (key: ColumnKey): string => (unread.has(key) ? "" : (cell(key)?.text ?? ""));

  const code = text("code");
  if (code === "") {
    if (!unread.has("code") && !covered("code")) diagnostics.push(diag("working-copy/no-code", "no-code", { text: preview(rowText(used)) }, { file, cell: atCell("code") }));
    return null;
  }
  if (!CODE_PATTERN.test(code)) {
    diagnostics.push(diag("working-copy/code", "not-code", { text: preview(code) }, { file, cell: atCell("code") }));
    return null;
  }
  const place: Place = { file, cell: atCell("code"), code };
  if (used.every((c) => c.col === col("code"))) {
    diagnostics.push(diag("working-copy/code-only", "code-only", { code }, place));
    return null;
  }
  if (grid.hidden.has(r)) rows.hidden.push(atCell("code"));
  const uses = rows.uses.get(code) ?? [];
  uses.push(place);
  rows.uses.set(code, uses);
  const first = uses.length === 1;
  const cellPlace = (key: ColumnKey): Place => ({ file, cell: atCell(key), code });
  if (first) {
    provenance.set(code, place);
    for (const key of ["title", "riskAreas", "areaDirigenziale", "servizio", "uo", "note", "active", "function"] as const) if (!missing.has(key)) provenance.set(`${code}#${key}`, cellPlace(key));
  }
  // a cell the office must fill: left empty, it is an error at that cell (unless a merge or a missing column explains it)
  const required = (key: ColumnKey): boolean => !unread.has(key) && !covered(key);

  const level = (key: LevelKey): Level => {
    const raw = text(key);
    const read = parseLevel(raw, code);
    if (read.code === null) return read;
    repeats.add(ph("working-copy.level", { level: ph(`level.${key}`), code: read.code }), raw, atCell(key));
    if (!provenance.has(read.code) && read.code !== code) provenance.set(read.code, { file, cell: atCell(key) });
    return read;
  };
  const [macro, process, subprocess] = [level("macro"), level("process"), level("subprocess")];
  const fn = text("function");
  if (macro.code !== null && !unread.has("function")) repeats.add(ph("working-copy.function-of", { code: macro.code }), fn, atCell("function"));

  const title = text("title");
  if (title === "" && required("title")) diagnostics.push(diag("working-copy/no-title", "no-title", { code }, cellPlace("title")));

  const risk = text("riskAreas");
  let riskAreas: string[] = [];
  if (RISK.test(risk)) riskAreas = risk.toUpperCase().split(/[\s/,;]+/);
  else if (risk !== "") diagnostics.push(diag("working-copy/risk", "risk", { text: risk }, cellPlace("riskAreas")));

  let active: boolean | null = null;
  if (!unread.has("active")) {
    const said = parseActive(text("active"), cell("active")?.type === "boolean");
    if (said === undefined) diagnostics.push(diag("working-copy/active", "active", { text: text("active") }, cellPlace("active")));
    else if (said === null) {
      if (required("active")) diagnostics.push(diag("working-copy/active-empty", "empty", {}, cellPlace("active")));
    } else active = said;
  }

  const orNull = (key: ColumnKey) => text(key) || null;
  return {
    code,
    title: title || null,
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
