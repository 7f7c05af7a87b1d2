// The header row of an office table: found by its words (the vocabulary of every printed-annex
// reader, model/header-words.ts), and the table's columns named from it.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { FatalError } from "../../diagnostics/fatal.ts";
import { diag } from "../../diagnostics/rules.ts";
import { kindOf, MIN_NAMED, type CustomLabels } from "../../model/header-words.ts";
import type { ColumnKind } from "../../model/raw.ts";
import type { Grid } from "./grid.ts";


/** The index of the grid's column-name row, or -1; `custom`: the plan's own header labels. */
export function findHeaderRow(grid: Grid, custom?: CustomLabels): number {
  return grid.rows.findIndex((cells) => cells.filter((c) => kindOf(c.text, custom) !== null).length >= MIN_NAMED);
}

export interface Columns {
  /** table column index of each grid column the header names */
  map: Map<number, number>;
  kinds: ColumnKind[];
  /** grid columns with a heading that names no column of the annex */
  unnamed: { col: number; label: string }[];
  /** grid columns holding the activity code (or code and title) */
  codeCols: number[];
}

export function nameColumns(grid: Grid, headerRow: number, file: string, diagnostics: Diagnostic[], custom?: CustomLabels): Columns {
  const cells = grid.rows[headerRow] ?? [];
  const hasCodice = cells.some((c) => kindOf(c.text, custom) === "activityCode");
  const named: { col: number; kind: ColumnKind }[] = [];
  const unnamed: { col: number; label: string }[] = [];
  for (const cell of cells) {
    const kind = kindOf(cell.text, custom);
    const where = { file, cell: grid.locate(headerRow, cell.col) };
    if (kind === "activities") {
      if (cell.colSpan === 2) named.push({ col: cell.col, kind: "activityCode" }, { col: cell.col + 1, kind: "activityTitle" });
      else if (hasCodice) named.push({ col: cell.col, kind: "activityTitle" });
      else named.push({ col: cell.col, kind: "activity" });
      if (cell.colSpan > 2) diagnostics.push(diag("office/wide-header", "two-named", { text: cell.text, span: cell.colSpan }, where));
    } else if (kind !== null) {
      named.push({ col: cell.col, kind });
      if (cell.colSpan > 1) diagnostics.push(diag("office/wide-header", "one-named", { text: cell.text, span: cell.colSpan }, where));
    } else if (cell.text !== "") unnamed.push({ col: cell.col, label: cell.text });
  }
  const codeCols = named.filter((n) => n.kind === "activityCode" || n.kind === "activity").map((n) => n.col);
  if (codeCols.length === 0) throw new FatalError("office/no-code-column", "no-code-column", {}, { file, cell: grid.locate(headerRow, cells[0]?.col ?? 0) });
  named.sort((a, b) => a.col - b.col);
  return { map: new Map(named.map((n, i) => [n.col, i])), kinds: named.map((n) => n.kind), unnamed, codeCols };
}
