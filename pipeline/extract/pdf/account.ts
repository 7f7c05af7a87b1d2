// The account of a reading: whatever reader rebuilt the table (ruled grid, text grid), every
// glyph printed on a page must end in a field, or lie where the reader classified text with a
// reason (a header row, the title, the footnote, text beside the table, page furniture); text
// drawn twice over itself is not read as one; every activity code printed as a token of its
// own becomes exactly one activity, on the page where it is printed; and the activity codes run
// in order. What is left over is an error that names the page and quotes the text, so that a
// reading the reader got wrong stops with exit 1 instead of becoming a different annex.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { diag } from "../../diagnostics/rules.ts";
import { compareCodes, isActivityCode } from "../../model/codes.ts";
import type { ColumnKind, RawRow } from "../../model/raw.ts";
import { TOLERANCES } from "./tolerances.ts";
import type { TextRun } from "./text.ts";
import { placeText } from "./placement.ts";

/** Where a reader put text on a page: a line's extent, or a band of the page (a header row). */
export interface Extent {
  baseline: number;
  size: number;
  left: number;
  right: number;
}

export interface Band {
  /** glyphs with a baseline in [top, bottom] are covered */
  top: number;
  bottom: number;
}

/** A ruled cell wholly on its page (not cut by a page break), with its lines. */
export interface BoxedCell {
  top: number;
  bottom: number;
  lines: readonly { baseline: number; size: number; text: string }[];
}

/** What a reader says it did with one page's text. */
export interface PageUse {
  page: number;
  /** lines that ended in a field, or were classified (title, footnote, text beside the table) */
  lines: Extent[];
  /** bands classified whole: the header rows */
  bands: Band[];
  /** the whole page was classified: a title page before the table, a legend after it, a page already reported */
  whole?: boolean;
  /** a ruled reader's cells: where the producer puts a cell's text in its box tells a line gone or come */
  cells?: BoxedCell[];
}

/** The printed text of a page, as the account sees it: its visible runs, artifacts left out. */
export interface PrintedPage {
  page: number;
  runs: readonly TextRun[];
}

const preview = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}...` : text);

/** An activity code printed as a token of its own (its cell, or the start of a code-and-title cell). */
function codeToken(text: string): string | null {
  const first = text.trim().split(/\s+/, 1)[0] ?? "";
  return isActivityCode(first) ? first : null;
}

/** Index of the first extent whose baseline is at least `y` (extents sorted by baseline). */
function firstFrom(extents: readonly Extent[], y: number): number {
  let lo = 0;
  let hi = extents.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((extents[mid]?.baseline ?? Infinity) < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Glyphs no field and no classification covers, as the texts of their runs, top to bottom. */
function leftovers(printed: PrintedPage, use: PageUse | undefined): string[] {
  if (use?.whole) return [];
  const extents = [...(use?.lines ?? [])].sort((a, b) => a.baseline - b.baseline);
  const bands = use?.bands ?? [];
  const out: string[] = [];
  for (const run of printed.runs) {
    const reach = TOLERANCES.sameLineEm * run.size;
    if (bands.some((b) => run.baseline >= b.top && run.baseline <= b.bottom)) continue;
    let text = "";
    for (const g of run.glyphs) {
      if (g.text === "" || g.text.trim() === "") continue;
      const x = (g.left + g.right) / 2;
      let covered = false;
      for (let i = firstFrom(extents, run.baseline - reach); i < extents.length && !covered; i++) {
        const e = extents[i];
        if (!e || e.baseline > run.baseline + reach) break;
        covered = x >= e.left - TOLERANCES.glyphReachPt && x <= e.right + TOLERANCES.glyphReachPt;
      }
      if (!covered) text += g.text;
    }
    if (text !== "") out.push(text);
  }
  return out;
}

/** Texts drawn twice at one place: the same glyph at the same position (a copy laid over itself). */
function overprinted(printed: PrintedPage): string[] {
  // keyed by position (tenths of a point), the text compared only where two glyphs share one
  const seen = new Map<number, string>();
  const twice: string[] = [];
  for (const run of printed.runs) {
    let text = "";
    const y = Math.round(run.baseline * 10);
    for (const g of run.glyphs) {
      if (g.text === "" || g.text === " ") continue;
      const key = Math.round(g.left * 10) * 100_000 + y;
      const before = seen.get(key);
      if (before === g.text) text += g.text;
      else if (before === undefined) seen.set(key, g.text);
    }
    if (text !== "") twice.push(text);
  }
  return twice;
}

/** The activity codes of the raw rows, each with its row. */
function rowCodes(rows: readonly RawRow[], columns: readonly ColumnKind[]): { row: RawRow; code: string }[] {
  const out: { row: RawRow; code: string }[] = [];
  for (const row of rows)
    for (const cell of row.cells) {
      const kind = columns[cell.col];
      if (kind !== "activityCode" && kind !== "activity") continue;
      const code = codeToken(cell.text);
      if (code !== null) out.push({ row, code });
    }
  return out;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/**
 * A producer puts every cell's text the same way in its box: at its top (a constant gap above
 * the first line) or in its middle (the gaps above and below alike). Which, the cells tell:
 * the placement whose offsets agree best. A cell whose text sits otherwise has lost a line, or
 * gained one, since it was laid out.
 */
function misplaced(uses: readonly PageUse[]): { page: number; cell: BoxedCell }[] {
  const all = uses.flatMap((u) => (u.cells ?? []).filter((c) => c.lines.length > 0).map((cell) => ({ page: u.page, cell })));
  if (all.length < TOLERANCES.placementSampleCount) return [];
  const top = (c: BoxedCell) => (c.lines[0]?.baseline ?? 0) - c.top;
  const middle = (c: BoxedCell) => ((c.lines[0]?.baseline ?? 0) - c.top - (c.bottom - (c.lines.at(-1)?.baseline ?? 0))) / 2;
  const spread = (f: (c: BoxedCell) => number) => {
    const m = median(all.map((a) => f(a.cell)));
    return { m, mad: median(all.map((a) => Math.abs(f(a.cell) - m))) };
  };
  const t = spread(top);
  const c = spread(middle);
  const [f, { m }] = t.mad <= c.mad ? [top, t] : [middle, c];
  // a cell's lines follow one another at the document's leading: a wider gap between two of them is
  // a line missing there, which leaves a centred cell centred (a label merged over many rows, say)
  const steps = all.flatMap(({ cell }) => cell.lines.slice(1).map((l, i) => (l.baseline - (cell.lines[i]?.baseline ?? 0)) / l.size));
  const leading = steps.length > 0 ? median(steps) : Infinity;
  const gapped = (cell: BoxedCell) => cell.lines.slice(1).some((l, i) => l.baseline - (cell.lines[i]?.baseline ?? 0) > TOLERANCES.cellGapPitches * leading * l.size);
  return all.filter((a) => Math.abs(f(a.cell) - m) > TOLERANCES.misplacedEm * (a.cell.lines[0]?.size ?? 10) || gapped(a.cell));
}

export interface AccountInput {
  file: string;
  printed: readonly PrintedPage[];
  uses: readonly PageUse[];
  rows: readonly RawRow[];
  columns: readonly ColumnKind[];
}

export function account(input: AccountInput): Diagnostic[] {
  const { file } = input;
  const diagnostics: Diagnostic[] = [];
  const uses = new Map(input.uses.map((u) => [u.page, u]));

  // every glyph in a field or classified; nothing drawn twice over itself
  for (const printed of input.printed) {
    const left = leftovers(printed, uses.get(printed.page));
    if (left.length > 0)
      diagnostics.push(
        diag(
          "pdf/unaccounted",
          left.length > 1 ? "left-many" : "left",
          { text: preview(left.join(" ")), count: left.length },
          { file, page: printed.page },
        ),
      );
    const twice = overprinted(printed);
    if (twice.length > 0) diagnostics.push(diag("pdf/overprinted", "twice", { text: preview(twice.join(" ")) }, { file, page: printed.page }));
  }

  // every cell's text placed in its box as the producer places all the others
  for (const { page, cell } of misplaced(input.uses))
    diagnostics.push(
      diag("pdf/cell-misplaced", "misplaced", { text: preview(cell.lines.map((l) => l.text.trim()).join(" ")) }, {
        file,
        page,
      }),
    );

  // every code printed as a token of its own: one activity, on its page
  const read = rowCodes(input.rows, input.columns);
  const readOn = new Map<string, number>();
  for (const { row, code } of read) readOn.set(`${row.page}|${code}`, (readOn.get(`${row.page}|${code}`) ?? 0) + 1);
  for (const printed of input.printed) {
    const counts = new Map<string, number>();
    for (const piece of placeText(printed.runs, null).outside) {
      const code = codeToken(piece.text);
      if (code !== null) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    for (const [code, n] of counts) {
      const m = readOn.get(`${printed.page}|${code}`) ?? 0;
      if (m < n)
        diagnostics.push(diag("pdf/code-unread", "unread", { code }, { file, page: printed.page, code }));
      else if (m > n)
        diagnostics.push(diag("pdf/code-unread", "many", { code, count: m }, { file, page: printed.page, code }));
    }
  }

  // activity codes in order, across pages
  let previous: { row: RawRow; code: string } | null = null;
  for (const entry of read) {
    if (previous && compareCodes(previous.code, entry.code) >= 0)
      diagnostics.push(
        diag("pdf/code-order", "order", { code: entry.code, previous: previous.code, page: previous.row.page }, {
          file,
          page: entry.row.page,
          row: entry.row.row,
          code: entry.code,
        }),
      );
    previous = entry;
  }
  return diagnostics;
}
