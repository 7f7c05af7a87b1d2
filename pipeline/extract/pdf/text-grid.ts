// A page's table rebuilt from its text alone, for tables printed without ruling lines (a sheet
// exported with neither borders nor gridlines). The header labels name the columns; the blank
// "rivers" that no line of the data crosses separate them; every activity code starts a row; a
// line belongs to the row it is aligned with (top-aligned cells start on the code's baseline,
// vertically centred ones are centred on it); lines in the hierarchy columns are grouped into
// labels; a filled rectangle behind a row's code and title shades the row. Nothing here knows
// the domain beyond what a code looks like and the header words (model/header-words.ts).
import { at } from "../../lib/at.ts";
import { isActivityCode, isBareLetter, isNumberedCode, leadingCode } from "../../model/codes.ts";
import { kindOf, MIN_NAMED, type CustomLabels, type HeaderKind } from "../../model/header-words.ts";
import { HIERARCHY_COLUMNS, isHierarchyColumn, type ColumnKind } from "../../model/raw.ts";
import type { PageContent } from "./content.ts";
import { isShading } from "../../model/shading.ts";
import type { Fill } from "./geometry.ts";
import { plainText, toLines, type Line, type Piece } from "./lines.ts";
import { placeText } from "./placement.ts";
import { ph, type Params } from "../../messages/catalogue.ts";
import { TOLERANCES } from "./tolerances.ts";

/** An activity code alone in its cell (model/codes.ts): letter, digits, then three dot-separated parts. */
const ACTIVITY_CODE = { test: isActivityCode };
/** A bare letter in the code column is an activity code too (the special "G" row). */
const LETTER_CODE = { test: isBareLetter };

/**
 * What the page's lines do not settle, its page added later: a line no row or column can be told
 * for (`pdf/text-grid-place`, an error: it was given to the nearest, a guess), or two columns with
 * no blank between them whose every line still lies clearly in one of them (`pdf/text-grid-edge`:
 * only the edge between them is estimated).
 */
export interface TextGridProblem {
  rule: "pdf/text-grid-place" | "pdf/text-grid-edge";
  message: "no-gap" | "not-centred" | "below-row" | "gap";
  params: Params;
}

export interface TextColumn {
  kind: ColumnKind;
  left: number;
  right: number;
  /** the header label that named it ("" for the code column split from "Attività") */
  header: string;
}

export interface TextRow {
  code: string;
  baseline: number;
  top: number;
  bottom: number;
  /** lines per column kind, their edge the column's */
  cells: Map<ColumnKind, Line[]>;
  shaded: boolean;
}

export interface TextLabel {
  kind: ColumnKind;
  lines: Line[];
  top: number;
  bottom: number;
  /** the first line is a code (always false in the function column) */
  coded: boolean;
  /** the first in its column on the page, starting at the table's top edge: maybe the rest of a label cut by the page break */
  atTop: boolean;
  /** the last in its column, ending at the table's bottom edge: maybe cut by the page break */
  atBottom: boolean;
}

export interface TextGridPage {
  page: number;
  /** labels on the header row that name no column ("Note", "Attiva" of a printed working copy): the reading is refused, never guessed */
  unnamed: string[];
  columns: TextColumn[];
  alignment: "top" | "middle";
  headerBottom: number;
  /** distance between the baselines of a cell's lines */
  pitch: number;
  rows: TextRow[];
  labels: TextLabel[];
  above: Piece[];
  below: Piece[];
  /** lines given to the nearest row or column, columns told apart without a blank between them */
  problems: TextGridProblem[];
  /** the lines given to a row or a label (the account checks that nothing else was printed there) */
  used: Line[];
  /** the header rows' top */
  headerTop: number;
  /** top-aligned cells' lines above the page's first activity: the rest of a row broken by the page break, per column */
  carried: Map<ColumnKind, Line[]>;
}

const centre = (p: { left: number; right: number }): number => (p.left + p.right) / 2;

/** Header labels: pieces joined when they overlap in x and are a line apart; `top` is the first line's baseline. */
function headerLabels(pieces: Piece[], custom?: CustomLabels): { text: string; left: number; right: number; top: number; bottom: number }[] {
  const sorted = [...pieces].sort((a, b) => a.baseline - b.baseline || a.left - b.left);
  const overlaps = (p: Piece, q: Piece) => p.left < q.right && p.right > q.left;
  const under = (q: Piece, p: Piece) => p.baseline - q.baseline > TOLERANCES.baselinesAlignedEm * p.size && p.baseline - q.baseline <= TOLERANCES.labelLeadingEm * p.size;
  // a heading over several columns ("STRUTTURE RESPONSABILI") has more than one label under it: it ends its own label
  const spanning = new Set(sorted.filter((q) => sorted.filter((p) => under(q, p) && overlaps(p, q)).length > 1));
  const groups: Piece[][] = [];
  for (const p of sorted) {
    const group = groups.find((g) => {
      const last = at(g, g.length - 1, "piece of a label");
      return !spanning.has(last) && p.baseline - last.baseline <= TOLERANCES.labelLeadingEm * p.size && p.left < Math.max(...g.map((q) => q.right)) && p.right > Math.min(...g.map((q) => q.left));
    });
    if (group) group.push(p);
    else groups.push([p]);
  }
  // a group that names no column may still end in a label: the level row ("LIV 1") stacked above it
  return groups.map((g) => {
    for (let k = 0; k < g.length; k++) {
      const first = at(g, k, "piece of a label");
      if (k > 0 && first.baseline === at(g, k - 1, "piece of a label").baseline) continue;
      const rest = g.slice(k);
      if (kindOf(plainText(rest.map((p) => p.text)), custom) !== null) return rest;
    }
    return g;
  }).map((g) => ({
    text: plainText(g.map((p) => p.text)),
    left: Math.min(...g.map((p) => p.left)),
    right: Math.max(...g.map((p) => p.right)),
    top: Math.min(...g.map((p) => p.baseline)),
    bottom: Math.max(...g.map((p) => p.baseline + TOLERANCES.descentEm * p.size)),
  }));
}

/** Uncovered x intervals inside (from, to): where no data line lies. */
function rivers(lines: readonly Line[], from: number, to: number): { left: number; right: number }[] {
  const spans = lines.filter((l) => l.right > from && l.left < to).map((l) => [Math.max(l.left, from), Math.min(l.right, to)] as const);
  spans.sort((a, b) => a[0] - b[0]);
  const out: { left: number; right: number }[] = [];
  let x = from;
  for (const [l, r] of spans) {
    if (l > x) out.push({ left: x, right: l });
    x = Math.max(x, r);
  }
  if (to > x) out.push({ left: x, right: to });
  return out;
}

function widest(gaps: readonly { left: number; right: number }[]): { left: number; right: number } | null {
  let best: { left: number; right: number } | null = null;
  for (const g of gaps) if (!best || g.right - g.left > best.right - best.left) best = g;
  return best;
}

/** Median distance between consecutive baselines closer than two font sizes: the line pitch. */
function linePitch(lines: readonly Line[]): number {
  const byX = new Map<number, number[]>();
  for (const l of lines) {
    const key = Math.round(l.left);
    const list = byX.get(key) ?? [];
    list.push(l.baseline);
    byX.set(key, list);
  }
  const steps: number[] = [];
  for (const list of byX.values()) {
    list.sort((a, b) => a - b);
    for (let i = 1; i < list.length; i++) {
      const d = at(list, i, "baseline") - at(list, i - 1, "baseline");
      if (d > TOLERANCES.samePitchPt && d < TOLERANCES.widestPitchEm * (lines[0]?.size ?? 10)) steps.push(d);
    }
  }
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)] ?? TOLERANCES.defaultPitchEm * (lines[0]?.size ?? 10);
}

/** Consecutive lines of one column, split where the gap is wider than a cell's own leading. */
function blocks(lines: readonly Line[], pitch: number): Line[][] {
  const out: Line[][] = [];
  for (const l of [...lines].sort((a, b) => a.baseline - b.baseline)) {
    const block = out[out.length - 1];
    const last = block?.[block.length - 1];
    if (block && last && l.baseline - last.baseline <= TOLERANCES.cellGapPitches * pitch) block.push(l);
    else out.push([l]);
  }
  return out;
}

/** Top-aligned cells start on their row's code baseline; centred ones are centred on it. */
function alignmentOf(columns: readonly Line[][], codes: readonly number[], pitch: number, size: number): "top" | "middle" {
  let top = 0;
  let middle = 0;
  const near = (y: number) => codes.some((c) => Math.abs(c - y) <= TOLERANCES.baselinesAlignedEm * size);
  for (const lines of columns)
    for (const b of blocks(lines, pitch)) {
      if (b.length < 2) continue;
      const first = at(b, 0, "line of a block").baseline;
      if (near(first)) top++;
      if (near((first + at(b, b.length - 1, "line of a block").baseline) / 2)) middle++;
    }
  return middle > top ? "middle" : "top";
}

/**
 * Centred cells: a block of lines may hold the cells of several rows that follow each other
 * closely. Each row's cell is centred on its code, so its last line mirrors its first about the
 * code's baseline; cut the block there, row after row.
 */
function splitCentred(block: readonly Line[], codes: readonly number[], size: number, from = 0): { row: number; lines: Line[] }[] | null {
  const out: { row: number; lines: Line[] }[] = [];
  let s = from;
  while (s < block.length) {
    const first = at(block, s, "line of a block").baseline;
    let found: { row: number; end: number } | null = null;
    for (let r = 0; r < codes.length && !found; r++) {
      const c = at(codes, r, "code baseline");
      if (c < first - TOLERANCES.baselinesAlignedEm * size) continue;
      // a row's cell lies between the rows above and below it: it never reaches another row's code
      if (r > 0 && first <= at(codes, r - 1, "code baseline") + TOLERANCES.baselinesAlignedEm * size) break;
      const next = codes[r + 1] ?? Infinity;
      const mirror = 2 * c - first;
      for (let e = s; e < block.length && at(block, e, "line of a block").baseline < next - TOLERANCES.baselinesAlignedEm * size; e++)
        if (Math.abs(at(block, e, "line of a block").baseline - mirror) <= TOLERANCES.baselinesAlignedEm * size) {
          found = { row: r, end: e };
          break;
        }
    }
    // the page's last row broken by the page break: the producer fills its part on this page from the top, on the code's line
    const last = codes.length - 1;
    if ((!found || found.row === last) && Math.abs(first - at(codes, last, "code baseline")) <= TOLERANCES.baselinesAlignedEm * size) found = { row: last, end: block.length - 1 };
    if (!found) return null;
    out.push({ row: found.row, lines: block.slice(s, found.end + 1) });
    s = found.end + 1;
  }
  return out;
}

/**
 * Centred cells on a page whose first row may go on from the page before: the fewest lines above
 * the first code that leave the rest of the block centred are that row's rest (filled from the top).
 */
function splitCentredCarried(block: readonly Line[], codes: readonly number[], size: number): { carried: Line[]; parts: { row: number; lines: Line[] }[] } | null {
  const firstCode = codes[0];
  if (firstCode === undefined) return null;
  for (let k = 0; k <= block.length; k++) {
    if (k > 0 && at(block, k - 1, "line of a block").baseline >= firstCode - TOLERANCES.baselinesAlignedEm * size) return null;
    const parts = splitCentred(block, codes, size, k);
    if (parts) return { carried: block.slice(0, k), parts };
  }
  return null;
}

function shadedAt(fills: readonly Fill[], x: number, y: number): boolean {
  return fills.some((f) => isShading(f.color) && f.left <= x && x <= f.right && f.top <= y && y <= f.bottom);
}

/**
 * The named header labels of a page without rules: the row of labels that starts on one baseline
 * and names the most columns. A label of several lines starts on the row's baseline too; a line
 * that happens to be a column's name elsewhere (the last line of a title printed over two lines,
 * "PROCESSI") is not on that row.
 */
export function textHeader(content: PageContent, custom?: CustomLabels): { kind: HeaderKind; text: string; left: number; right: number; top: number; bottom: number }[] {
  const pieces = placeText(content.runs.filter((r) => !r.artifact), null).outside.filter((p) => p.text.trim() !== "");
  const wide = (p: Piece) => p.right - p.left > TOLERANCES.wideShare * content.width;
  const size = pieces[0]?.size ?? 10;
  const row = headerRow(pieces.filter((p) => !wide(p)), size, custom);
  if (row.length === 0) return [];
  // the first activity under the row ends the header: a stacked label's words never reach into the first row
  const rowTop = Math.min(...row.map((l) => l.top));
  const firstCode = Math.min(...pieces.filter((p) => p.baseline > rowTop + TOLERANCES.baselinesAlignedEm * size && ACTIVITY_CODE.test(p.text.trim())).map((p) => p.baseline));
  const cut = firstCode - TOLERANCES.baselinesAlignedEm * size;
  if (row.some((l) => l.bottom - TOLERANCES.descentEm * size >= cut)) return headerRow(pieces.filter((p) => !wide(p) && p.baseline < cut), size, custom);
  return row;
}

/** The row of labels that starts on one baseline, or is centred on one, and names the most columns; [] if fewer than MIN_NAMED. */
function headerRow(pieces: Piece[], size: number, custom?: CustomLabels): { kind: HeaderKind; text: string; left: number; right: number; top: number; bottom: number }[] {
  const labels = headerLabels(pieces, custom).flatMap((l) => {
    const kind = kindOf(l.text, custom);
    return kind === null ? [] : [{ ...l, kind }];
  });
  if (labels.length < MIN_NAMED) return [];
  // labels of one row start on one baseline (top-aligned) or are centred on one (a label of several lines in a centred cell)
  const middle = (l: { top: number; bottom: number }) => (l.top + l.bottom - TOLERANCES.descentEm * size) / 2;
  const onRow = (y: number) => labels.filter((l) => Math.abs(l.top - y) <= TOLERANCES.baselinesAlignedEm * size || Math.abs(middle(l) - y) <= TOLERANCES.baselinesAlignedEm * size);
  let row: typeof labels = [];
  for (const y of labels.flatMap((l) => [l.top, middle(l)])) {
    const candidates = onRow(y);
    if (candidates.length > row.length) row = candidates;
  }
  if (row.length < MIN_NAMED) return [];
  // a label of the row that reaches further down than the others (stacked words) is still the row's
  const rowTop = Math.min(...row.map((l) => l.top));
  return row.filter((l) => l.top <= rowTop + TOLERANCES.headerDepthEm * size).sort((a, b) => centre(a) - centre(b));
}

/** The top of the header rows: the named row, and the rows just above it (the level row, "LIV 1"), up to the first gap wider than a label's leading. */
function headerTopOf(pieces: readonly Piece[], rowTop: number, size: number): number {
  let top = rowTop;
  const above = pieces.filter((p) => p.baseline < rowTop - TOLERANCES.baselinesAlignedEm * size).sort((a, b) => b.baseline - a.baseline);
  for (const p of above) {
    // a wider gap, or a larger type (a title's), ends the header
    if (top - p.baseline > TOLERANCES.headerGapEm * size || p.size > TOLERANCES.titleSizeShare * size) break;
    top = Math.min(top, p.baseline);
  }
  return top - size;
}

/** Reads one page as a table without rules; null when it has no header row or no activity code. */
export function readTextGrid(content: PageContent, custom?: CustomLabels): TextGridPage | null {
  const pieces = placeText(content.runs.filter((r) => !r.artifact), null).outside.filter((p) => p.text.trim() !== "");
  const wide = (p: Piece) => p.right - p.left > TOLERANCES.wideShare * content.width;
  // the header: the first named labels from the top, below any wide line (the title) above them
  const named = textHeader(content, custom);
  if (named.length < MIN_NAMED) return null;
  const headerBottom = Math.max(...named.map((l) => l.bottom));
  const rowTop = Math.min(...named.map((l) => l.top));
  const headerSize = pieces.find((p) => Math.abs(p.baseline - rowTop) < TOLERANCES.edgeReachPt)?.size ?? pieces[0]?.size ?? 10;
  const headerTop = headerTopOf(
    pieces.filter((p) => !wide(p)),
    rowTop,
    headerSize,
  );
  const above = pieces.filter((p) => p.baseline < headerTop);
  const unnamed = headerLabels(
    pieces.filter((p) => !wide(p)),
    custom,
  )
    .filter((l) => kindOf(l.text, custom) === null && Math.abs(l.top - rowTop) <= TOLERANCES.baselinesAlignedEm * headerSize && !named.some((n) => l.left < n.right && l.right > n.left))
    .map((l) => l.text);

  // data lines: below the header, not wide, and not past the footnote (the first wide line below)
  const footTop = Math.min(Infinity, ...pieces.filter((p) => p.baseline > headerBottom && wide(p)).map((p) => p.baseline - p.size));
  const under = pieces.filter((p) => p.baseline > headerBottom && p.baseline < footTop && !wide(p));
  // page furniture under the table (a page number in the footer): past a blank wider than any between a row's lines
  const codeShaped = under.filter((p) => ACTIVITY_CODE.test(p.text.trim()) || LETTER_CODE.test(p.text.trim()));
  const lastCode = codeShaped.length > 0 ? Math.max(...codeShaped.map((p) => p.baseline)) : Infinity;
  const step = TOLERANCES.footerGapPitches * linePitch(under.map((p) => at(toLines([p]), 0, "line of a piece")));
  let tableEnd = lastCode;
  for (const b of under.map((p) => p.baseline).filter((b) => b > lastCode).sort((x, y) => x - y)) {
    if (b - tableEnd > step) break;
    tableEnd = b;
  }
  const data: Line[] = under.filter((p) => p.baseline <= tableEnd).map((p) => at(toLines([p]), 0, "line of a piece"));
  const below = pieces.filter((p) => p.baseline >= footTop || (p.baseline > tableEnd && under.includes(p)));
  const size = data[0]?.size ?? 10;

  // columns: the code column from the codes; every other boundary in the widest river between two labels
  const activities = named.find((l) => l.kind === "activities");
  // a bare letter is the special row's code only in the column of the numbered codes (a letter alone elsewhere is a wrapped word)
  const numbered = data.filter((d) => ACTIVITY_CODE.test(d.text.trim()));
  const inCodeColumn = (d: Line): boolean =>
    numbered.length > 0 ? d.left >= Math.min(...numbered.map((c) => c.left)) - size && d.right <= Math.max(...numbered.map((c) => c.right)) + size : activities !== undefined && d.right < centre(activities);
  const codes = [...numbered, ...data.filter((d) => LETTER_CODE.test(d.text.trim()) && inCodeColumn(d))];
  if (codes.length === 0) return null;
  const codeLeft = Math.min(...codes.map((c) => c.left));
  const codeRight = Math.max(...codes.map((c) => c.right));
  // a column lies between its label's edges at least (a label is printed inside its column, left-aligned or centred)
  type Anchor = { kind: ColumnKind; header: string; left: number; right: number; middle: number };
  const anchors: Anchor[] = [];
  for (const l of named) {
    if (l.kind === "activities") {
      const titles = data.filter((d) => d.left > codeRight);
      const titleLeft = Math.min(...titles.map((d) => d.left));
      anchors.push({ kind: "activityCode", header: "", left: codeLeft, right: codeRight, middle: centre({ left: codeLeft, right: codeRight }) });
      anchors.push({ kind: "activityTitle", header: l.text, left: titleLeft, right: titleLeft, middle: titleLeft });
    } else anchors.push({ kind: l.kind, header: l.text, left: l.left, right: l.right, middle: centre(l) });
  }
  anchors.sort((a, b) => a.left - b.left);
  const problems: TextGridProblem[] = [];
  const bounds: number[] = [Math.min(...data.map((d) => d.left), ...named.map((l) => l.left)) - 1];
  for (let k = 0; k + 1 < anchors.length; k++) {
    const left = at(anchors, k, "column anchor");
    const right = at(anchors, k + 1, "column anchor");
    const gap = (left.right < right.left ? widest(rivers(data, left.right, right.left)) : null) ?? widest(rivers(data, left.middle, right.middle));
    if (!gap) {
      // each column holds its label's extent: a line that starts between the two labels may be in either
      const [from, to] = left.right < right.left ? [left.right, right.left] : [left.middle, right.middle];
      const between = data.find((d) => d.left > from + TOLERANCES.baselinesAlignedEm * size && d.left < to - TOLERANCES.baselinesAlignedEm * size);
      const params = { left: ph(`column.${left.kind}`), right: ph(`column.${right.kind}`) };
      if (between) problems.push({ rule: "pdf/text-grid-place", message: "no-gap", params: { ...params, text: between.text.trim() } });
      else problems.push({ rule: "pdf/text-grid-edge", message: "no-gap", params });
      bounds.push((left.middle + right.middle) / 2);
    } else bounds.push((gap.left + gap.right) / 2);
  }
  bounds.push(Math.max(...data.map((d) => d.right), ...named.map((l) => l.right)) + 1);
  const columns: TextColumn[] = anchors.map((a, k) => ({ kind: a.kind, header: a.header, left: at(bounds, k, "column boundary"), right: at(bounds, k + 1, "column boundary") }));
  const columnOf = (l: Line): TextColumn | undefined => columns.find((c) => l.left + TOLERANCES.edgeReachPt >= c.left && l.left + TOLERANCES.edgeReachPt < c.right);

  // rows from the codes
  const codeColumn = columns.find((c) => c.kind === "activityCode");
  if (!codeColumn) return null;
  const rowCodes = data
    .filter((d) => columnOf(d) === codeColumn && (ACTIVITY_CODE.test(d.text.trim()) || LETTER_CODE.test(d.text.trim())))
    .sort((a, b) => a.baseline - b.baseline);
  const baselines = rowCodes.map((c) => c.baseline);
  const byColumn = new Map<ColumnKind, Line[]>();
  for (const d of data) {
    const c = columnOf(d);
    if (!c || c === codeColumn) continue;
    const list = byColumn.get(c.kind) ?? [];
    // where text in the column must stop: the blank between it and the next column
    list.push({ ...d, edge: c.right });
    byColumn.set(c.kind, list);
  }
  // how far each column's text reaches on the page: the river's middle is only an estimate of its edge
  for (const list of byColumn.values()) {
    const reach = Math.max(...list.map((l) => l.right));
    for (const l of list) l.reach = reach;
  }
  const pitch = linePitch(data);
  const cellKinds = columns.map((c) => c.kind).filter((k) => k !== "activityCode" && !isHierarchyColumn(k));
  const alignment = alignmentOf(cellKinds.map((k) => byColumn.get(k) ?? []), baselines, pitch, size);

  const used: Line[] = [...rowCodes];
  const carried = new Map<ColumnKind, Line[]>();
  const rows: TextRow[] = rowCodes.map((c) => ({ code: c.text.trim(), baseline: c.baseline, top: c.baseline - size, bottom: c.baseline + TOLERANCES.descentEm * size, cells: new Map(), shaded: false }));
  const give = (row: number, kind: ColumnKind, lines: readonly Line[]) => {
    const r = at(rows, row, "row of the page");
    r.cells.set(kind, [...(r.cells.get(kind) ?? []), ...lines]);
    used.push(...lines);
    for (const l of lines) {
      r.top = Math.min(r.top, l.baseline - l.size);
      r.bottom = Math.max(r.bottom, l.baseline + TOLERANCES.descentEm * l.size);
    }
  };
  for (const kind of cellKinds) {
    for (const block of blocks(byColumn.get(kind) ?? [], pitch)) {
      if (alignment === "top") {
        for (const l of block) {
          const r = baselines.findLastIndex((b) => b <= l.baseline + TOLERANCES.baselinesAlignedEm * size);
          // above the page's first activity: the rest of the previous page's last row, broken by the page break
          if (r < 0) {
            carried.set(kind, [...(carried.get(kind) ?? []), l]);
            used.push(l);
          } else give(r, kind, [l]);
        }
        continue;
      }
      const split = splitCentredCarried(block, baselines, size);
      if (split) {
        // above the page's first activity: the rest of the previous page's last row, broken by the page break
        if (split.carried.length > 0) {
          carried.set(kind, [...(carried.get(kind) ?? []), ...split.carried]);
          used.push(...split.carried);
        }
        for (const p of split.parts) give(p.row, kind, p.lines);
      } else
        for (const l of block) {
          problems.push({ rule: "pdf/text-grid-place", message: "not-centred", params: { text: l.text.trim(), column: ph(`column.${kind}`) } });
          let best = 0;
          baselines.forEach((b, i) => {
            if (Math.abs(b - l.baseline) < Math.abs(at(baselines, best, "code baseline") - l.baseline)) best = i;
          });
          give(best, kind, [l]);
        }
    }
  }
  // A cell's lines follow one another a line's pitch apart, and a top-aligned cell starts on its
  // row's line: a wider gap, or a first line below the row's, is a line that is not there (drawn
  // nowhere, or covered), and the cell's text would leave shorter with no word said. A centred
  // cell's first line is held by its symmetry already; a line missing in its middle keeps it.
  for (const row of rows)
    for (const [kind, lines] of row.cells) {
      const sorted = [...lines].sort((a, b) => a.baseline - b.baseline);
      const first = sorted[0];
      if (alignment === "top" && first && first.baseline - row.baseline > TOLERANCES.baselinesAlignedEm * size)
        problems.push({ rule: "pdf/text-grid-place", message: "below-row", params: { text: first.text.trim(), column: ph(`column.${kind}`), code: row.code } });
      sorted.forEach((l, i) => {
        const before = sorted[i - 1];
        if (before && l.baseline - before.baseline > TOLERANCES.cellGapPitches * pitch)
          problems.push({ rule: "pdf/text-grid-place", message: "gap", params: { text: l.text.trim(), column: ph(`column.${kind}`), code: row.code } });
      });
    }

  // hierarchy labels: a coded label starts at its code, any label after a gap wider than a cell's leading
  const textLabels: TextLabel[] = [];
  for (const kind of HIERARCHY_COLUMNS) {
    const lines = [...(byColumn.get(kind) ?? [])].sort((a, b) => a.baseline - b.baseline);
    let current: TextLabel | null = null;
    let last: Line | null = null;
    for (const l of lines) {
      // a bare letter opens a label only where a row of the page has that letter for its code ("G")
      const opening = leadingCode(l.text.trim());
      const coded = kind !== "function" && opening !== null && (isNumberedCode(opening) || rows.some((r) => r.code === opening));
      if (!current || !last || coded || l.baseline - last.baseline > TOLERANCES.cellGapPitches * pitch) {
        const first = textLabels.every((t) => t.kind !== kind);
        const atTop = first && l.baseline - l.size - headerBottom < pitch;
        current = { kind, lines: [], top: l.baseline - l.size, bottom: 0, coded, atTop, atBottom: false };
        textLabels.push(current);
      }
      current.lines.push(l);
      used.push(l);
      current.bottom = l.baseline + TOLERANCES.descentEm * l.size;
      last = l;
    }
  }

  const tableBottom = Math.max(...rows.map((r) => r.bottom), ...textLabels.map((t) => t.bottom));
  for (const kind of HIERARCHY_COLUMNS) {
    const last = textLabels.filter((t) => t.kind === kind).at(-1);
    if (last) last.atBottom = tableBottom - last.bottom < pitch;
  }

  // shading: a fill behind the middle of the row's code and of its title
  const title = columns.find((c) => c.kind === "activityTitle");
  for (const r of rows) {
    const y = (r.top + r.bottom) / 2;
    r.shaded = shadedAt(content.geometry.fills, centre(codeColumn), y) && (!title || shadedAt(content.geometry.fills, centre(title), y));
  }
  return { page: content.page, unnamed, columns, alignment, headerBottom, pitch, rows, labels: textLabels, above, below, problems, used, headerTop, carried };
}
