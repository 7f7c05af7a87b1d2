// The PDF's column widths and the texts as they fit them, measured with the PDF's own font:
// every column at least as wide as its widest unbreakable piece of text, so that no word is cut
// by a line break ("Internazionalizzazione" whole, never "Internazionalizzazio" / "ne"); a piece
// no width can hold is broken with a visible hyphen. A merged label too tall to be printed again
// on every page its cell reaches is printed again as its code alone.
import { continuedLabel, type AnnexLayout, type SpanPart } from "../layout.ts";
import { PDF_STYLE, RULE_WIDTH } from "../print-style.ts";
import type { ColumnKey } from "../table-header.ts";
import { breakLongWords, fitColumns, lineCount, widestPiece, type Measure } from "../text-fit.ts";
import type { PdfKitDocument } from "./engine.ts";
import { FONT_FAMILY } from "./fonts.ts";

export interface Fitting {
  /** the width of each column's text, in points (padding and rules excluded) */
  widths: number[];
  /** a cell's text as it fits its column (words too long for it broken) */
  cell(column: ColumnKey, text: string): string;
  /** a text across the page (title, footnote, legend) as it fits */
  line(text: string, style?: { bold?: boolean; size?: number }): string;
  /** the label of a merged cell continued on a new page, as printed there */
  continued(part: SpanPart): string;
}

/** Beyond this share of the table's width, a column does not grow for one piece of text: the piece is broken. */
const WIDEST_SHARE = 0.3;
/** A continued label may take this share of the page's table height before it is shortened to its code. */
const CONTINUED_SHARE = 0.4;

type Style = { bold: boolean; italics: boolean; size: number };

function measurer(doc: PdfKitDocument): (style: Style) => Measure {
  const caches = new Map<string, Map<string, number>>();
  return (style) => {
    const key = `${String(style.bold)}/${String(style.italics)}/${style.size}`;
    let cache = caches.get(key);
    if (!cache) caches.set(key, (cache = new Map<string, number>()));
    const known = cache;
    return (text) => {
      let width = known.get(text);
      if (width === undefined) {
        doc._font = doc.provideFont(FONT_FAMILY, style.bold, style.italics);
        doc.fontSize(style.size);
        width = doc.widthOfString(text);
        if (text.length < 200) known.set(text, width);
      }
      return width;
    };
  };
}

/** The texts each column prints: its heading, and every cell. */
function columnTexts(layout: AnnexLayout, key: ColumnKey): string[] {
  if (key === "function" || key === "macro" || key === "process" || key === "subprocess") {
    return layout.spans[key].flatMap((span) => (span.label === "" ? [] : [span.label, continuedLabel(span.label, layout.labels)]));
  }
  return layout.rows.map((row) => row.cells[key]);
}

export function fitting(layout: AnnexLayout, doc: PdfKitDocument): Fitting {
  const measure = measurer(doc);
  const { fontSize, margins, cellPadding, pageWidth, pageHeight, lineHeight } = PDF_STYLE;
  const normal = measure({ bold: false, italics: false, size: fontSize });
  const bold = measure({ bold: true, italics: false, size: fontSize });
  const italic = measure({ bold: false, italics: true, size: fontSize });
  const pageText = pageWidth - margins[0] - margins[2];
  const gaps = layout.columns.length * (2 * cellPadding.x) + (layout.columns.length + 1) * RULE_WIDTH;
  const available = pageText - gaps;

  // the widest piece of each text, found once (its pieces are words, measured once each): a text
  // whose widest piece fits its column is printed as it is
  const pieces = new Map<string, number>();
  const widestOf = (text: string): number => {
    let widest = pieces.get(text);
    if (widest === undefined) {
      widest = widestPiece(text, normal);
      pieces.set(text, widest);
    }
    return widest;
  };
  const singleHeadings = layout.headerRows.flat().filter((cell) => cell.colSpan === 1);
  const needs = layout.columns.map((column) => {
    let widest = 0;
    for (const text of columnTexts(layout, column.key)) widest = Math.max(widest, widestOf(text));
    for (const heading of singleHeadings) if (heading.column === column.key) widest = Math.max(widest, widestPiece(heading.text, bold));
    if (column.key === "activityTitle") widest = Math.max(widest, widestPiece(layout.labels.notActive, italic));
    // a hair more than the text: pdfmake compares widths after rounding
    return { base: column.width, widest: widest + 0.5 };
  });
  const widths = fitColumns(needs, available, available * WIDEST_SHARE).map((w) => Math.floor(w * 100) / 100);
  const widthOf = new Map(layout.columns.map((column, i) => [column.key, widths[i] ?? 0]));

  // the height a row may take: the page less its margins and the two header rows (three lines each at most)
  const lineStep = fontSize * lineHeight;
  const tableHeight = pageHeight - margins[1] - margins[3] - 2 * (3 * lineStep + 2 * cellPadding.y);

  const cell = (column: ColumnKey, text: string) => {
    const width = widthOf.get(column) ?? 0;
    return widestOf(text) <= width ? text : breakLongWords(text, width, normal);
  };
  return {
    widths,
    cell,
    line: (text, style = {}) => breakLongWords(text, pageText, measure({ bold: style.bold === true, italics: false, size: style.size ?? fontSize })),
    continued: (part) => {
      const width = widthOf.get(part.span.level) ?? 0;
      const full = cell(part.span.level, part.text);
      if (lineCount(full, width, normal) * lineStep <= tableHeight * CONTINUED_SHARE) return full;
      // a label without a code: its first words (cut between words, never inside one)
      const short = part.span.code ?? part.span.label.slice(0, 40).replace(/\s+\S*$/, "");
      return cell(part.span.level, continuedLabel(`${short}…`, layout.labels));
    },
  };
}
