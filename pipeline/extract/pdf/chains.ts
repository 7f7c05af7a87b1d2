// A cell collected over page breaks: its parts, page after page, and how they join into one
// text. Where the producer draws a merged cell's whole text on every page it crosses (Calc), the
// parts must follow each other through that text; a part that does not is a break in the chain.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { diag } from "../../diagnostics/rules.ts";
import { at } from "../../lib/at.ts";
import type { ColumnKind, RawCell, RawRow } from "../../model/raw.ts";
import { plainText, type Line } from "./lines.ts";
import type { Ghost } from "./page-table.ts";
import { preview } from "./reading.ts";
import { joinCell, type BreakContext } from "./word-breaks.ts";

/** The part of a merged cell, or of a broken row's cell, on one page. */
export interface Part {
  page: number;
  lines: Line[];
  ghost: Ghost | undefined;
}

/** A cell being collected, possibly over several pages. */
export interface Chain {
  row: number;
  col: number;
  parts: Part[];
  span: number;
  crossed: boolean;
}

const lineTexts = (lines: readonly Line[]): string[] => lines.map((l) => plainText([l])).filter((t) => t !== "");

/**
 * Where the producer drew a merged cell's whole text on each page it crosses, the visible parts
 * must follow each other through that text, page after page: the first part starts it, each
 * part goes on where the one before stopped (or repeats its last line, cut by the page break),
 * the last one ends it. The first line of the text where that fails, or null.
 */
function brokenAt(chain: Chain): { page: number; expected: string } | null {
  const drawn = chain.parts.filter((p) => p.ghost !== undefined);
  const first = drawn[0];
  if (!first?.ghost) return null;
  const whole = [...first.ghost.above, ...lineTexts(first.lines), ...first.ghost.below];
  const key = whole.join("\n");
  let next = 0;
  for (const part of chain.parts) {
    const visible = lineTexts(part.lines);
    const expected = whole[next] ?? whole[whole.length - 1] ?? "";
    if (!part.ghost) {
      if (visible.length === 0) continue;
      if (visible.every((t, i) => whole[next + i] === t)) next += visible.length;
      else if (next > 0 && visible.every((t, i) => whole[next - 1 + i] === t)) next += visible.length - 1;
      else return { page: part.page, expected };
      continue;
    }
    if ([...part.ghost.above, ...visible, ...part.ghost.below].join("\n") !== key) return { page: part.page, expected };
    const start = part.ghost.above.length;
    if (start !== next && !(visible.length > 0 && start === next - 1)) return { page: part.page, expected };
    next = start + visible.length;
  }
  return next === whole.length ? null : { page: at(chain.parts, chain.parts.length - 1, "part").page, expected: whole[next] ?? "" };
}

export function partsText(chain: Chain): string {
  return plainText(chain.parts.flatMap((p) => p.lines));
}

/** A chain's lines, part after part. */
export function linesOf(chain: Chain): Line[] {
  const lines: Line[] = [];
  chain.parts.forEach((part, i) => {
    // A line cut exactly at its middle by the page break can show on both pages: keep one.
    const last = lines[lines.length - 1];
    const head = part.lines[0];
    const repeated = i > 0 && last && head && plainText([head]) === plainText([last]);
    lines.push(...(repeated ? part.lines.slice(1) : part.lines));
  });
  return lines;
}

/** A chain's text, its parts joined by the line-break rules where they line up, with what it could not settle. */
export function finishChain(
  chain: Chain,
  lines: readonly Line[],
  context: BreakContext,
  file: string,
  rows: readonly RawRow[],
  columns: readonly ColumnKind[],
  diagnostics: Diagnostic[],
): RawCell | null {
  const row = rows[chain.row];
  const place = { file, page: row?.page, row: row?.row, column: columns[chain.col] };
  const broken = chain.parts.length > 1 ? brokenAt(chain) : null;
  let text: string;
  if (broken) {
    diagnostics.push(
      diag(
        "pdf/merge-broken",
        "broken",
        { text: preview(partsText(chain)), page: broken.page, expected: broken.expected },
        { ...place, page: broken.page },
      ),
    );
    text = chain.parts.map((p) => joinCell(p.lines, context).text).filter((t) => t !== "").join(" ");
  } else {
    const joined = joinCell(lines, context);
    text = joined.text;
    for (const doubt of joined.doubts)
      diagnostics.push(diag("pdf/word-break", "doubt", { joined: doubt.joined.trim(), spaced: doubt.spaced.trim() }, place));
  }
  if (text === "") return null;
  const pages = [...new Set(chain.parts.filter((p) => p.lines.length > 0).map((p) => p.page))];
  const cell: RawCell = { col: chain.col, text, rowSpan: chain.span };
  if (chain.crossed) cell.pages = pages;
  if (pages.length > 1 && !broken)
    diagnostics.push(diag("pdf/merge-joined", "joined", { text: preview(text), pages }, place));
  return cell;
}
