// Reading one raw row: which cells are the function, the hierarchy labels, the activity, its risk
// areas and its structures. Two ways, one result: by the column a cell sits in when the reader
// knows the columns (PDF), by content and order when it does not (text layer with shifted cells).
import type { Diagnostic, Place } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/rules.ts";
import { at } from "../lib/at.ts";
import { CODE_PATTERN, codeDepth, isBareLetter, leadingCode } from "../model/codes.ts";
import { STRUCTURE_FIELDS, structureLabel } from "../model/fields.ts";
import { isLevelDepth, LEVELS } from "../model/levels.ts";
import type { ColumnKind, RawCell, RawRow } from "../model/raw.ts";
import { isRiskCell, parseCoded } from "./cells.ts";
import { type Param, type Phrase, ph } from "../messages/catalogue.ts";

export interface Label {
  depth: 1 | 2 | 3;
  code: string | null;
  title: string | null;
  rowSpan: number;
}

type Structures = [string | null, string | null, string | null];

export interface ActivityCells {
  code: string;
  title: string | null;
  risk: string | null;
  /** areaDirigenziale, servizio, uo as printed (a note may sit in any of them) */
  structures: Structures;
}

export interface RowReading {
  place: Place;
  functionLabel: { text: string; rowSpan: number } | null;
  labels: Label[];
  activity: ActivityCells | null;
  shaded: boolean | null;
  repairs: Diagnostic[];
}

/** The hierarchy level a column holds (its depth), and the structure a column holds (its index). */
const LEVEL_OF: Partial<Record<ColumnKind, 1 | 2 | 3>> = Object.fromEntries(LEVELS.map((l) => [l.key, l.depth]));
const STRUCTURE_INDEX: Partial<Record<ColumnKind, 0 | 1 | 2>> = { [STRUCTURE_FIELDS[0]]: 0, [STRUCTURE_FIELDS[1]]: 1, [STRUCTURE_FIELDS[2]]: 2 };

/** Letters used as a code by two or more cells of the row: the special rows print "G" at every level. */
function rowLetters(texts: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const t of texts) {
    const letter = leadingCode(t);
    if (letter !== null && isBareLetter(letter)) counts.set(letter, (counts.get(letter) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 2).map(([l]) => l));
}

export function readRow(row: RawRow, columns: readonly ColumnKind[], file: string): RowReading {
  const place: Place = row.cell !== undefined ? { file, cell: row.cell } : { file, page: row.page, row: row.row };
  const known = columns.every((c) => c !== "unknown");
  return known ? readByColumn(row, columns, place) : readBySequence(row, place);
}

function readByColumn(row: RawRow, columns: readonly ColumnKind[], place: Place): RowReading {
  const reading: RowReading = { place, functionLabel: null, labels: [], activity: null, shaded: row.shaded, repairs: [] };
  const letters = rowLetters(row.cells.map((c) => c.text));
  let code: string | null = null;
  /** the code column's text when it is no code (a code drawn twice over itself reads "B1.1.1.1B1.1.1.1") */
  let notCode: string | null = null;
  let title: string | null = null;
  let risk: string | null = null;
  const structures: Structures = [null, null, null];

  for (const cell of row.cells) {
    const kind = columns[cell.col] ?? "unknown";
    const level = LEVEL_OF[kind];
    const s = STRUCTURE_INDEX[kind];
    if (kind === "function") reading.functionLabel = { text: cell.text, rowSpan: cell.rowSpan };
    else if (level) {
      const coded = parseCoded(cell.text, letters);
      reading.labels.push({ depth: level, code: coded?.code ?? null, title: coded ? coded.title : cell.text, rowSpan: cell.rowSpan });
    } else if (kind === "activityCode") {
      if (CODE_PATTERN.test(cell.text)) code = cell.text;
      else notCode = cell.text;
    }
    else if (kind === "activityTitle") title = cell.text;
    else if (kind === "activity") {
      const coded = parseCoded(cell.text, letters);
      if (coded) ({ code, title } = coded);
      else title = cell.text;
    } else if (kind === "risk") risk = cell.text;
    else if (s !== undefined) structures[s] = cell.text;
  }
  // the schema would refuse the whole annex for it (exit 2): it is this row's reading that failed
  if (notCode !== null) reading.repairs.push(diag("repair/activity-code", "not-code", { text: notCode }, place));
  else if (code !== null) reading.activity = { code, title, risk, structures };
  else if (title !== null) {
    reading.repairs.push(diag("repair/activity-code", "no-code", { title }, place));
  } else if (risk !== null || structures.some((t) => t !== null)) {
    // cells of an activity with neither its code nor its title: never dropped without a word
    const cells = [risk, ...structures].filter((t): t is string => t !== null);
    reading.repairs.push(diag("repair/activity-code", "cells-only", { cells: cells.map((t) => `"${t}"`) }, place));
  }
  return reading;
}

/**
 * Text layer: cells come in table order but not always in their own column. Hierarchy labels
 * and the function label come first, then the activity code and title, then the risk cell and
 * the structures, which are placed by their distance from the title cell when that is plausible.
 */
function readBySequence(row: RawRow, place: Place): RowReading {
  const reading: RowReading = { place, functionLabel: null, labels: [], activity: null, shaded: row.shaded, repairs: [] };
  const cells = row.cells;
  const letters = rowLetters(cells.map((c) => c.text));
  let i = 0;
  // hierarchy part: stop at the activity code
  let activityCode: string | null = null;
  let activityTitle: string | null = null;
  let titleCol = -1;
  let letterLevel = 0;
  for (; i < cells.length; i++) {
    const cell = at(cells, i, "cell of the row");
    const next = cells[i + 1];
    const coded = parseCoded(cell.text, letters);
    if (coded) {
      const depth = codeDepth(coded.code);
      const isLetter = depth === 0;
      // a bare letter after the special row's sub-process is the activity's code
      const level = isLetter ? (coded.title === null && letterLevel >= 1 ? 4 : Math.min(++letterLevel, 3)) : depth;
      if (!isLevelDepth(level)) {
        activityCode = coded.code;
        if (coded.title !== null) {
          activityTitle = coded.title;
          titleCol = cell.col;
        } else if (next && !parseCoded(next.text, letters)) {
          activityTitle = next.text;
          titleCol = next.col;
          i++;
        } else titleCol = cell.col;
        i++;
        break;
      }
      let title = coded.title;
      // "D4.1.2<tab>Servizi di orientamento individuale": code and title in two cells
      if (title === null && next && !parseCoded(next.text, letters) && !isRiskCell(next.text)) {
        title = next.text;
        i++;
      }
      reading.labels.push({ depth: level, code: coded.code, title, rowSpan: 1 });
      if (isLetter) letterLevel = level;
    } else if (reading.labels.length === 0 && reading.functionLabel === null) {
      reading.functionLabel = { text: cell.text, rowSpan: 1 };
    } else {
      // an uncoded label after a coded one: the next level down, printed without its code
      const above = reading.labels.at(-1)?.depth ?? 0;
      const depth = above === 0 ? 1 : above === 1 ? 2 : 3;
      reading.labels.push({ depth, code: null, title: cell.text, rowSpan: 1 });
      if (letterLevel > 0) letterLevel = depth;
    }
  }
  if (activityCode === null) return reading;

  const rest = cells.slice(i);
  let risk: string | null = null;
  const structures: Structures = [null, null, null];
  const offset = (c: RawCell) => c.col - titleCol;
  const positional = rest.every((c) => offset(c) >= 1 && offset(c) <= 4 && (offset(c) === 1) === isRiskCell(c.text));
  if (positional) {
    for (const c of rest) {
      if (offset(c) === 1) risk = c.text;
      else put(structures, offset(c) - 2, c.text);
    }
  } else {
    const riskCells = rest.filter((c) => isRiskCell(c.text));
    const others = rest.filter((c) => !isRiskCell(c.text));
    risk = riskCells[0]?.text ?? null;
    let slots: number[];
    const rel = others.map((c) => c.col - titleCol);
    const shift = rel.length ? Math.min(...rel) - 2 : 0;
    if (others.length >= 3) slots = [0, 1, 2];
    else if (rel.every((o) => o - shift >= 2 && o - shift <= 4)) slots = rel.map((o) => o - shift - 2);
    else slots = others.map((_, k) => k);
    others.slice(0, 3).forEach((c, k) => {
      put(structures, slots[k], c.text);
    });
    if (others.length > 3) {
      reading.repairs.push(
        diag("repair/extra-cells", "extra", { code: activityCode, cells: others.slice(3).map((c) => `"${c.text}"`) }, place),
      );
    }
    reading.repairs.push(
      diag(
        "repair/column-shift",
        "shifted",
        { code: activityCode, cells: describe(risk, structures) },
        { ...place, code: activityCode },
      ),
    );
  }
  reading.activity = { code: activityCode, title: activityTitle, risk, structures };
  return reading;
}

/** Puts a cell's text in structure slot `slot`: 0 Area dirigenziale, 1 Servizio/Staff, 2 U.O. */
function put(structures: Structures, slot: number | undefined, text: string): void {
  if (slot !== 0 && slot !== 1 && slot !== 2) throw new Error(`internal error: no structure column ${String(slot)}`);
  structures[slot] = text;
}

function describe(risk: string | null, s: readonly (string | null)[]): Phrase[] {
  const value = (v: string | null): Param => (v === null ? ph("repair.empty") : `"${v}"`);
  const parts = STRUCTURE_FIELDS.map((field, k) => ph("repair.structure-read", { column: structureLabel(field), value: value(s[k] ?? null) }));
  return [ph("repair.risk-read", { value: value(risk) }), ...parts];
}
