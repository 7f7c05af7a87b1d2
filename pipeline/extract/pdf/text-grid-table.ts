// Pages read without rules (text-grid.ts) → one raw table. Cells are joined into text the way
// the ruled reader joins them; hierarchy labels cut by a page break are joined back; a coded
// label covers the run of rows whose codes it prefixes; a Funzione label, which has no code,
// covers whole macro-processes: a centred label the run it is centred on, a top-aligned one the
// rows from where it starts to where the next one starts. Where that cannot be told, it says so.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { diag, diagOf } from "../../diagnostics/rules.ts";
import { leadingCode } from "../../model/codes.ts";
import { at } from "../../lib/at.ts";
import type { ColumnKind, RawCell, RawRow } from "../../model/raw.ts";
import { plainText, toLines, toParagraphs, type Line } from "./lines.ts";
import type { TextGridPage, TextLabel } from "./text-grid.ts";
import { breakContext, joinCell, type BreakContext } from "./word-breaks.ts";
import { ph } from "../../messages/catalogue.ts";


interface GlobalRow {
  page: number;
  code: string;
  /** the row's extent on one axis that runs through all pages, header rows left out */
  y0: number;
  y1: number;
}

interface Chain {
  kind: ColumnKind;
  lines: Line[];
  /** extent on the continuous axis */
  y0: number;
  y1: number;
  page: number;
  open: TextLabel;
}

/** Row extents on one axis through all pages: rows of a page touch, pages follow each other. */
function continuousRows(pages: readonly TextGridPage[]): { rows: GlobalRow[]; toAxis: (page: number, y: number) => number } {
  const rows: GlobalRow[] = [];
  const offsets = new Map<number, { offset: number; top: number }>();
  let offset = 0;
  for (const p of pages) {
    const gaps = p.rows.slice(1).map((r, i) => r.top - at(p.rows, i, "row").bottom).sort((a, b) => a - b);
    const pad = Math.max(0, (gaps[Math.floor(gaps.length / 2)] ?? 0) / 2);
    const edges = p.rows.map((r, i) => (i === 0 ? r.top - pad : (at(p.rows, i - 1, "row").bottom + r.top) / 2));
    const top = edges[0] ?? p.headerBottom;
    const bottom = (p.rows.at(-1)?.bottom ?? top) + pad;
    offsets.set(p.page, { offset, top });
    p.rows.forEach((r, i) => rows.push({ page: p.page, code: r.code, y0: offset + at(edges, i, "row edge") - top, y1: offset + (edges[i + 1] ?? bottom) - top }));
    offset += bottom - top;
  }
  const toAxis = (page: number, y: number) => {
    const o = offsets.get(page);
    return o ? o.offset + y - o.top : y;
  };
  return { rows, toAxis };
}

const macroOf = (code: string): string => code.split(".")[0] ?? code;

export interface TextGridTable {
  columns: ColumnKind[];
  rows: RawRow[];
  title: string;
  footnote: string;
  diagnostics: Diagnostic[];
  context: BreakContext;
}

const distance = (y: number, g: GlobalRow): number => (y < g.y0 ? g.y0 - y : y > g.y1 ? y - g.y1 : 0);

export function assembleTextGrid(
  pages: readonly TextGridPage[],
  file: string,
  breaks: { blank: number | null; own: readonly string[] },
): TextGridTable | null {
  const first = pages[0];
  if (!first) return null;
  const columns = first.columns.map((c) => c.kind);
  const list = pages.map((p) => p.page);
  const diagnostics: Diagnostic[] = [
    diag("pdf/text-grid", "text-grid", { alignment: ph(first.alignment === "middle" ? "pdf.middle" : "pdf.top"), pages: list }, { file }),
  ];
  for (const p of pages) for (const problem of p.problems) diagnostics.push(diagOf(problem.rule, problem.message, problem.params, { file, page: p.page }));

  // labels, with the parts cut by a page break joined
  const chains: Chain[] = [];
  const open = new Map<ColumnKind, Chain>();
  const { rows: global, toAxis } = continuousRows(pages);
  for (const p of pages)
    for (const label of p.labels) {
      const pending = open.get(label.kind);
      // a hierarchy label opens with its code: one without, the first of its column on the page, goes on from the label
      // the page before left open at its bottom, wherever in its part of the cell the producer prints it (Writer centres it there)
      const first = p.labels.find((l) => l.kind === label.kind) === label;
      const joins =
        pending !== undefined &&
        pending.page === p.page - 1 &&
        (label.kind === "function" ? label.atTop && pending.open.atBottom : !label.coded && (label.atTop || (first && pending.open.atBottom)));
      const y0 = toAxis(p.page, label.top);
      const y1 = toAxis(p.page, label.bottom);
      let chain: Chain;
      if (joins) {
        chain = pending;
        chain.lines.push(...label.lines);
        chain.y1 = y1;
        chain.page = p.page;
        chain.open = label;
      } else {
        // nor can a label without a code be given to a row by where it lies
        if (label.kind !== "function" && !label.coded)
          diagnostics.push(diag("pdf/text-grid-place", "continues", { text: plainText(label.lines), column: ph(`column.${label.kind}`) }, { file, page: p.page }));
        chain = { kind: label.kind, lines: [...label.lines], y0, y1, page: p.page, open: label };
        chains.push(chain);
      }
      open.set(label.kind, chain);
    }

  // a row broken by a page break goes on above the next page's first activity
  pages.forEach((p, i) => {
    const before = pages[i - 1];
    const last = before?.rows.at(-1);
    for (const [kind, lines] of p.carried) {
      const target = before && last && before.page === p.page - 1 ? last : p.rows[0];
      if (!target) continue;
      if (target !== last) diagnostics.push(diag("pdf/text-grid-place", "above-first", { text: plainText(lines), column: ph(`column.${kind}`) }, { file, page: p.page }));
      else diagnostics.push(diag("pdf/row-continued", "continued", { first: before?.page ?? p.page, next: p.page }, { file, page: before?.page, row: before?.rows.length }));
      target.cells.set(kind, target === last ? [...(target.cells.get(kind) ?? []), ...lines] : [...lines, ...(target.cells.get(kind) ?? [])]);
    }
  });

  const context = breakContext([...pages.flatMap((p) => p.rows.flatMap((r) => [...r.cells.values()])), ...chains.map((c) => c.lines)], breaks.blank, breaks.own);
  // a break the joiner cannot settle is an error at its cell, as in the ruled reader
  const join = (lines: readonly Line[], place: { page?: number; row?: number; column?: ColumnKind } = {}): string => {
    const joined = joinCell(lines, context);
    for (const doubt of joined.doubts)
      diagnostics.push(
        diag("pdf/word-break", "doubt", { joined: doubt.joined.trim(), spaced: doubt.spaced.trim() }, { file, ...place }),
      );
    return joined.text;
  };
  const raw: RawRow[] = [];
  const codeCol = columns.indexOf("activityCode");
  for (const p of pages)
    p.rows.forEach((r, i) => {
      const cells: RawCell[] = [{ col: codeCol, text: r.code, rowSpan: 1 }];
      for (const [kind, lines] of r.cells) {
        const text = join(lines, { page: p.page, row: i + 1, column: kind });
        if (text !== "" && columns.includes(kind)) cells.push({ col: columns.indexOf(kind), text, rowSpan: 1 });
      }
      raw.push({ page: p.page, row: i + 1, cells, shaded: r.shaded });
    });

  const put = (row: number, kind: ColumnKind, text: string, rowSpan: number): void => {
    raw[row]?.cells.push({ col: columns.indexOf(kind), text, rowSpan });
  };
  const nearest = (y: number): number => {
    let best = 0;
    global.forEach((g, i) => {
      if (distance(y, g) < distance(y, at(global, best, "row"))) best = i;
    });
    return best;
  };

  // coded labels: the run of rows under their code that lies beside them
  for (const chain of chains.filter((c) => c.kind !== "function")) {
    const text = join(chain.lines, { page: chain.page, column: chain.kind });
    const code = leadingCode(text) ?? undefined;
    const under = (c: string): boolean => code !== undefined && (c === code || c.startsWith(`${code}.`));
    const beside = nearest((chain.y0 + chain.y1) / 2);
    let start = beside;
    let end = beside;
    if (under(at(global, beside, "row").code)) {
      while (start > 0 && under(at(global, start - 1, "row").code)) start--;
      while (end + 1 < global.length && under(at(global, end + 1, "row").code)) end++;
    }
    put(start, chain.kind, text, end - start + 1);
  }

  // Funzione labels: whole macro-processes, chosen by how the label is aligned
  const bounds: number[] = [];
  global.forEach((g, i) => {
    if (i === 0 || macroOf(g.code) !== macroOf(at(global, i - 1, "row").code)) bounds.push(i);
  });
  bounds.push(global.length);
  const edge = (b: number): number => (b < global.length ? at(global, b, "row").y0 : (global.at(-1)?.y1 ?? 0));
  const functions = chains.filter((c) => c.kind === "function");
  const tolerance = first.pitch;
  const runs: { a: number; b: number; text: string; page: number }[] = [];
  functions.forEach((chain, k) => {
    const text = join(chain.lines, { page: chain.page, column: chain.kind });
    let best: { a: number; b: number; error: number } | null = null;
    if (first.alignment === "middle") {
      const middle = (chain.y0 + chain.y1) / 2;
      for (const a of bounds)
        for (const b of bounds) {
          if (b <= a || edge(a) > chain.y0 + tolerance || edge(b) < chain.y1 - tolerance) continue;
          const error = Math.abs((edge(a) + edge(b)) / 2 - middle);
          if (!best || error < best.error) best = { a, b, error };
        }
    } else {
      const a = [...bounds].reverse().find((b) => edge(b) <= chain.y0 + tolerance) ?? 0;
      const next = functions[k + 1];
      let b = next ? ([...bounds].reverse().find((x) => edge(x) <= next.y0 + tolerance) ?? global.length) : global.length;
      // a top-aligned label gives no sign of where its cell ends: it covers the macro-processes of the
      // letter it starts on (the letter is the function's, A1…A3 under one), never those of the next letter
      const letter = global[a]?.code.charAt(0);
      const other = bounds.find((x) => x > a && x < b && global[x]?.code.charAt(0) !== letter);
      if (other !== undefined) b = other;
      best = { a, b, error: 0 };
    }
    if (!best || best.error > tolerance) {
      diagnostics.push(diag("pdf/text-grid-span", "span", { text }, { file, page: chain.page }));
      put(nearest((chain.y0 + chain.y1) / 2), "function", text, 1);
      return;
    }
    const taken = best;
    // two labels never cover one row: where their runs overlap, neither can be told
    const clash = runs.find((r) => r.a < taken.b && taken.a < r.b);
    if (clash) {
      diagnostics.push(diag("pdf/text-grid-span", "span", { text }, { file, page: chain.page }));
      diagnostics.push(diag("pdf/text-grid-span", "span", { text: clash.text }, { file, page: clash.page }));
      return;
    }
    runs.push({ a: taken.a, b: taken.b, text, page: chain.page });
    put(taken.a, "function", text, taken.b - taken.a);
  });
  for (const r of raw) r.cells.sort((a, b) => a.col - b.col);

  const titleLines = toLines(first.above);
  const footLines = toParagraphs(pages.at(-1)?.below ?? [])[0] ?? [];
  const paragraph = (lines: Line[]): Line[] => {
    const right = Math.max(...lines.map((l) => l.right));
    return lines.map((l) => ({ ...l, edge: right }));
  };
  return {
    columns,
    rows: raw,
    title: titleLines.length > 0 ? join(paragraph(titleLines), { page: first.page }) : "",
    footnote: footLines.length > 0 ? join(paragraph(footLines), { page: pages.at(-1)?.page ?? first.page }) : "",
    diagnostics,
    context,
  };
}
