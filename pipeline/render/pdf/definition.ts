// The PDF as a pdfmake document definition, drawn from the layout model: A4 landscape as the
// published annex, the two header rows on every page, merged hierarchy cells, thin ruling lines
// around every cell (the extractor reads the table back from them), shaded rows marked in words.
// Every text node carries a `_tag` naming its structure element, for the tagged renderer.
import { cutSpans, type AnnexLayout, type SpanPart } from "../layout.ts";
import { MERGED_COLUMNS, type ColumnKey, type DataKey } from "../table-header.ts";
import { COLOURS, PDF_STYLE, RULE_WIDTH } from "../print-style.ts";
import { FONT_FAMILY } from "./fonts.ts";
import type { DocDefinition, Tag } from "./engine.ts";


/** Structure-element keys: what the tagged renderer attaches each text to. */
export const keys = {
  title: "title",
  footnote: "footnote",
  legendTitle: "legend-title",
  legendEntry: (letter: string) => `legend-${letter}`,
  header: (row: number, column: ColumnKey) => `h${row}-${column}`,
  cell: (row: number, key: DataKey) => `r${row}-${key}`,
  span: (id: string) => `span-${id}`,
};

/** The row an activity-code cell belongs to, from its key (how pagination finds rows on pages). */
export function rowOfCodeKey(key: string): number | null {
  const match = /^r(\d+)-activityCode$/.exec(key);
  return match ? Number(match[1]) : null;
}

/** A pdfmake table cell; a property left undefined is pdfmake's default. */
interface CellDef {
  text?: unknown;
  rowSpan?: number;
  colSpan?: number;
  fillColor?: string | undefined;
  alignment?: string;
  verticalAlignment?: string;
  bold?: boolean;
}

function textOf(text: string, tag: Tag, extra: Record<string, unknown> = {}): unknown[] {
  return text === "" ? [] : [{ text, _tag: tag, ...extra }];
}

function columnWidths(layout: AnnexLayout): number[] {
  const { margins, cellPadding, pageWidth } = PDF_STYLE;
  const gaps = layout.columns.length * (2 * cellPadding.x) + (layout.columns.length + 1) * RULE_WIDTH;
  const available = pageWidth - margins[0] - margins[2] - gaps;
  const total = layout.columns.reduce((sum, c) => sum + c.width, 0);
  return layout.columns.map((c) => Math.floor((c.width * available * 100) / total) / 100);
}

function headerRows(layout: AnnexLayout): CellDef[][] {
  return layout.headerRows.map((cells, r) => {
    const row: CellDef[] = [];
    for (const cell of cells) {
      row.push({ text: textOf(cell.text, { key: keys.header(r, cell.column) }), colSpan: cell.colSpan, fillColor: COLOURS.header, alignment: "center", verticalAlignment: "middle", bold: true });
      for (let i = 1; i < cell.colSpan; i++) row.push({});
    }
    return row;
  });
}

function bodyRow(layout: AnnexLayout, index: number, starting: SpanPart[]): CellDef[] {
  const row = layout.rows[index];
  if (!row) throw new Error(`no row ${index}`);
  const shade = row.inactive ? COLOURS.inactive : undefined;
  const cells: CellDef[] = [];
  for (const level of MERGED_COLUMNS) {
    const part = starting.find((p) => p.span.level === level);
    if (!part) {
      cells.push({}); // covered by a merged cell above
      continue;
    }
    cells.push({
      text: textOf(part.text, { key: keys.span(part.span.id), repeat: part.continued }),
      rowSpan: part.count,
      fillColor: part.span.inactive ? COLOURS.inactive : undefined,
    });
  }
  const title: unknown[] = textOf(row.cells.activityTitle, { key: keys.cell(index, "activityTitle") });
  if (row.inactive) {
    // in words too, never by colour alone; on its own line, under the title
    title.push({ text: `${title.length > 0 ? "\n" : ""}${layout.labels.notActive}`, italics: true, _tag: { key: keys.cell(index, "activityTitle") } });
  }
  cells.push({ text: textOf(row.cells.activityCode, { key: keys.cell(index, "activityCode") }), alignment: "center", fillColor: shade });
  cells.push({ text: title, fillColor: shade });
  cells.push({ text: textOf(row.cells.riskAreas, { key: keys.cell(index, "riskAreas") }), alignment: "center", fillColor: shade });
  for (const key of ["areaDirigenziale", "servizio", "uo"] as const) {
    cells.push({ text: textOf(row.cells[key], { key: keys.cell(index, key) }), fillColor: shade });
  }
  return cells;
}

const tableLayout = {
  hLineWidth: () => RULE_WIDTH,
  vLineWidth: () => RULE_WIDTH,
  hLineColor: () => COLOURS.rule,
  vLineColor: () => COLOURS.rule,
  paddingLeft: () => PDF_STYLE.cellPadding.x,
  paddingRight: () => PDF_STYLE.cellPadding.x,
  paddingTop: () => PDF_STYLE.cellPadding.y,
  paddingBottom: () => PDF_STYLE.cellPadding.y,
};

export interface Slice {
  /** first row of the table */
  from: number;
  /** row after the last one */
  to: number;
  /** the title block above the table (the first page) */
  title: boolean;
  /** the footnote and the legend below the table (the last page) */
  closing: boolean;
}

/**
 * A document holding the rows [from, to) as one table (pdfmake breaks it between rows where they
 * no longer fit). Merged cells are cut at `from` and `to`; a part that starts at `from` while its
 * cell began earlier prints its label followed by the continued word.
 */
export function pdfDefinition(layout: AnnexLayout, slice: Slice): DocDefinition {
  const widths = columnWidths(layout);
  const parts = cutSpans(layout, [slice.from, slice.to], true);
  const body: CellDef[][] = headerRows(layout);
  for (let index = slice.from; index < slice.to; index++) body.push(bodyRow(layout, index, parts.get(index) ?? []));

  const content: unknown[] = [];
  if (slice.title) content.push({ text: textOf(layout.title, { key: keys.title }), bold: true, fontSize: PDF_STYLE.titleSize, alignment: "center", margin: [0, 0, 0, PDF_STYLE.titleGap] });
  content.push({ table: { headerRows: 2, dontBreakRows: true, widths, body }, layout: tableLayout });
  if (slice.closing) {
    content.push({ text: textOf(layout.footnote, { key: keys.footnote }), italics: true, margin: [0, PDF_STYLE.footnoteGap, 0, 0] });
    if (layout.legend.entries.length > 0) {
      content.push({ text: textOf(layout.legend.title, { key: keys.legendTitle }), bold: true, margin: [0, PDF_STYLE.legendTitleGap.above, 0, PDF_STYLE.legendTitleGap.below] });
      for (const { letter, name } of layout.legend.entries) {
        content.push({ text: textOf(`${letter}${layout.labels.legend.separator}${name}`, { key: keys.legendEntry(letter) }) });
      }
    }
  }

  return {
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: PDF_STYLE.margins,
    defaultStyle: { font: FONT_FAMILY, fontSize: PDF_STYLE.fontSize, lineHeight: PDF_STYLE.lineHeight, color: COLOURS.text },
    content,
  };
}
