// The PDF as a pdfmake document definition, drawn from the layout model: A4 landscape as the
// published annex, the two header rows on every page, merged hierarchy cells, thin ruling lines
// around every cell (the extractor reads the table back from them), shaded rows marked in words.
// Every text node carries a `_tag` naming its structure element, for the tagged renderer.
import { cutSpans, type AnnexLayout, type SpanPart } from "../layout.ts";
import { MERGED_COLUMNS, type ColumnKey, type DataKey } from "../table-header.ts";
import { COLOURS, PDF_STYLE, RULE_WIDTH } from "../print-style.ts";
import { FONT_FAMILY } from "./fonts.ts";
import type { DocDefinition, Tag } from "./engine.ts";
import type { Fitting } from "./fitting.ts";

/** Structure-element keys: what the tagged renderer attaches each text to. */
export const keys = {
  title: "title",
  identity: "identity",
  example: "example",
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
  /** which of its left, top, right and bottom rules are drawn */
  border?: [boolean, boolean, boolean, boolean];
  alignment?: string;
  verticalAlignment?: string;
  bold?: boolean;
}

function textOf(text: string, tag: Tag, extra: Record<string, unknown> = {}): unknown[] {
  return text === "" ? [] : [{ text, _tag: tag, ...extra }];
}

/**
 * The two header rows as pdfmake's grid: a cell where each header cell starts, `{}` in the slots
 * it covers to its right. A heading over both rows is drawn as two cells without the rule between
 * them, its words in the lower one as in the published annex (pdfmake neither centres nor grows a
 * cell spanning rows). Printed again on every page, the header is content only where first drawn.
 */
function headerRows(layout: AnnexLayout): CellDef[][] {
  const columnIndex = (key: ColumnKey) => layout.columns.findIndex((c) => c.key === key);
  const grid: CellDef[][] = layout.headerRows.map(() => layout.columns.map(() => ({})));
  const style = { fillColor: COLOURS.header, alignment: "center", verticalAlignment: "middle", bold: true };
  layout.headerRows.forEach((cells, r) => {
    for (const cell of cells) {
      const column = columnIndex(cell.column);
      const text = { text: textOf(cell.text, { key: keys.header(r, cell.column), once: true }), colSpan: cell.colSpan, ...style };
      const top = grid[r];
      const below = grid[r + 1];
      if (cell.rowSpan > 1 && top && below) {
        top[column] = { text: [], colSpan: cell.colSpan, ...style, border: [true, true, true, false] };
        below[column] = { ...text, border: [true, false, true, true] };
      } else if (top) {
        top[column] = text;
      }
    }
  });
  return grid;
}

function bodyRow(layout: AnnexLayout, fit: Fitting, index: number, starting: SpanPart[]): CellDef[] {
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
      text: textOf(part.continued ? fit.continued(part) : fit.cell(level, part.text), { key: keys.span(part.span.id), repeat: part.continued }),
      rowSpan: part.count,
      fillColor: part.span.inactive ? COLOURS.inactive : undefined,
    });
  }
  const title: unknown[] = textOf(fit.cell("activityTitle", row.cells.activityTitle), { key: keys.cell(index, "activityTitle") });
  if (row.inactive) {
    // in words too, never by colour alone; on its own line, under the title
    title.push({ text: `${title.length > 0 ? "\n" : ""}${layout.labels.notActive}`, italics: true, _tag: { key: keys.cell(index, "activityTitle") } });
  }
  cells.push({ text: textOf(fit.cell("activityCode", row.cells.activityCode), { key: keys.cell(index, "activityCode") }), alignment: "center", fillColor: shade });
  cells.push({ text: title, fillColor: shade });
  cells.push({ text: textOf(fit.cell("riskAreas", row.cells.riskAreas), { key: keys.cell(index, "riskAreas") }), alignment: "center", fillColor: shade });
  for (const key of ["areaDirigenziale", "servizio", "uo"] as const) {
    cells.push({ text: textOf(fit.cell(key, row.cells[key]), { key: keys.cell(index, key) }), fillColor: shade });
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

/**
 * Above the table on the first page: the title, the edition's identity under it, and for an
 * example its mark. The title stays a paragraph of its own (a gap under it), as a reader of the
 * PDF expects the annex's title.
 */
function titleBlock(layout: AnnexLayout, fit: Fitting): unknown[] {
  const { titleSize, titleGap, identityGap } = PDF_STYLE;
  const block: unknown[] = [
    { text: textOf(fit.line(layout.title, { bold: true, size: titleSize }), { key: keys.title }), bold: true, fontSize: titleSize, alignment: "center", margin: [0, 0, 0, titleGap] },
  ];
  if (layout.identityLine !== null) {
    block.push({ text: textOf(fit.line(layout.identityLine), { key: keys.identity }), alignment: "center", margin: [0, identityGap, 0, identityGap] });
  }
  if (layout.exampleMark !== null) {
    block.push({ text: textOf(layout.exampleMark, { key: keys.example }), bold: true, fontSize: PDF_STYLE.exampleSize, color: COLOURS.example, alignment: "center", margin: [0, 0, 0, identityGap] });
  }
  return block;
}

export interface Slice {
  /** first row of the table */
  from: number;
  /** row after the last one */
  to: number;
  /** the title block above the table (the first page) */
  title: boolean;
  /** the footnote and the legend below the table (the last page) */
  closing: boolean;
  /** a row taller than a page continues on the next (a slice of that row alone); otherwise rows never split */
  breakRows?: boolean;
}

/**
 * A document holding the rows [from, to) as one table (pdfmake breaks it between rows where they
 * no longer fit, or inside the one row of a slice that breaks rows). Merged cells are cut at `from` and `to`; a part that starts at `from` while its
 * cell began earlier prints its label followed by the continued word.
 */
export function pdfDefinition(layout: AnnexLayout, fit: Fitting, slice: Slice): DocDefinition {
  const parts = cutSpans(layout, [slice.from, slice.to], true);
  const body: CellDef[][] = headerRows(layout);
  for (let index = slice.from; index < slice.to; index++) body.push(bodyRow(layout, fit, index, parts.get(index) ?? []));

  const content: unknown[] = [];
  if (slice.title) content.push(...titleBlock(layout, fit));
  content.push({ table: { headerRows: 2, dontBreakRows: slice.breakRows !== true, widths: fit.widths, body }, layout: tableLayout });
  if (slice.closing) {
    content.push({ text: textOf(fit.line(layout.footnote), { key: keys.footnote }), italics: true, margin: [0, PDF_STYLE.footnoteGap, 0, 0] });
    if (layout.legend.entries.length > 0) {
      content.push({ text: textOf(fit.line(layout.legend.title, { bold: true }), { key: keys.legendTitle }), bold: true, margin: [0, PDF_STYLE.legendTitleGap.above, 0, PDF_STYLE.legendTitleGap.below] });
      for (const { letter, name } of layout.legend.entries) {
        content.push({ text: textOf(fit.line(`${letter}${layout.labels.legend.separator}${name}`), { key: keys.legendEntry(letter) }) });
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
