// Reader for a tab-separated text layer (the text of a published PDF, as copied out of it):
// one line per printed line, tabs between cells, blank lines between pages. It has no geometry
// and no shading, so every row says `shaded: null`; repair works from the content.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { FatalError } from "../../diagnostics/fatal.ts";
import type { ColumnKind, RawRow, RawTable } from "../../model/raw.ts";
import { isHeaderRow } from "../../model/header-words.ts";
import { normalizeText } from "../../lib/text.ts";

export function readTextLayer(text: string, file: string): { table: RawTable; diagnostics: Diagnostic[] } {
  if (text.trim() === "") throw new FatalError("input/empty", "empty", {}, { file });
  if (text.includes("\u0000")) throw new FatalError("text-layer/binary", "binary", {}, { file });

  const lines = text.split(/\r?\n/);
  const rows: RawRow[] = [];
  let title: string | null = null;
  let footnote: string | null = null;
  let page = 1;
  let seenContentOnPage = false;
  let headerSeen = false;
  let width = 0;

  for (const [index, line] of lines.entries()) {
    const cells = line.split("\t").map(normalizeText);
    if (cells.every((c) => c === "")) {
      if (seenContentOnPage) {
        page++;
        seenContentOnPage = false;
      }
      continue;
    }
    seenContentOnPage = true;
    const nonEmpty = cells.filter((c) => c !== "");
    if (isHeaderRow(nonEmpty)) {
      headerSeen = true;
      continue;
    }
    if (!headerSeen && title === null && nonEmpty.length === 1) {
      title = nonEmpty[0] ?? null;
      continue;
    }
    if (nonEmpty.length === 1 && /^N\.\s?B\./.test(nonEmpty[0] ?? "")) {
      footnote = nonEmpty[0] ?? null;
      continue;
    }
    if (!headerSeen) continue;
    width = Math.max(width, cells.length);
    rows.push({
      page,
      // the line number in the file places a row exactly for a person reading the text layer
      row: index + 1,
      cells: cells.flatMap((t, col) => (t === "" ? [] : [{ col, text: t, rowSpan: 1 }])),
      shaded: null,
    });
  }

  if (!headerSeen) {
    throw new FatalError("input/no-table", "text-layer", {}, { file });
  }
  return {
    table: { file, format: "text-layer", title, footnote, columns: new Array<ColumnKind>(width).fill("unknown"), rows },
    diagnostics: [],
  };
}
