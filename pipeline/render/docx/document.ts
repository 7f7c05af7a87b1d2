// The annex as a Word document, drawn from the layout model: A4 landscape, the title as a
// heading, the two header rows repeated on every page (w:tblHeader), merged hierarchy cells as
// vertical merges, rows that cannot split (w:cantSplit), shaded rows marked in words, Italian as
// the document language, and fixed dates so that two builds give the same bytes.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from "docx";
import type { AnnexLayout, Row } from "../layout.ts";
import { MERGED_COLUMNS } from "../table-header.ts";
import { escapeXml } from "../../lib/xml.ts";
import { COLOURS, DOCX_STYLE, eighthPoints, halfPoints, PAGE_NUMBER_SIZE, RULE_WIDTH, wordColour } from "../print-style.ts";
import { setZipDates } from "./zip-dates.ts";

const { font: FONT, page: A4, margin: MARGIN } = DOCX_STYLE;
const SIZE = halfPoints(DOCX_STYLE.fontSize);
const SHADE = { inactive: wordColour(COLOURS.inactive), header: wordColour(COLOURS.header) };
const BLACK = wordColour(COLOURS.text);

const rule = { style: BorderStyle.SINGLE, size: eighthPoints(RULE_WIDTH), color: wordColour(COLOURS.rule) };

interface Emphasis {
  bold?: true;
  italics?: true;
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
}

function paragraphs(text: string, { alignment, ...emphasis }: Emphasis = {}): Paragraph[] {
  if (text === "") return [new Paragraph({})];
  return text.split("\n").map((line) => {
    const run: IRunOptions = { text: line, ...emphasis };
    return new Paragraph({ ...(alignment ? { alignment } : {}), children: [new TextRun(run)] });
  });
}

/** A cell's shading, when it has one. */
function shaded(fill: string | undefined): { shading?: { fill: string; type: typeof ShadingType.CLEAR; color: string } } {
  return fill ? { shading: { fill, type: ShadingType.CLEAR, color: "auto" } } : {};
}

function headerRows(layout: AnnexLayout): TableRow[] {
  return layout.headerRows.map(
    (cells) =>
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: cells.map(
          (cell) =>
            new TableCell({
              columnSpan: cell.colSpan,
              ...shaded(SHADE.header),
              verticalAlign: VerticalAlignTable.CENTER,
              children: paragraphs(cell.text, { bold: true, alignment: AlignmentType.CENTER }),
            }),
        ),
      }),
  );
}

function bodyRow(layout: AnnexLayout, row: Row): TableRow {
  const fill = row.inactive ? SHADE.inactive : undefined;
  const cells: TableCell[] = [];
  // A merged cell is written in the row it starts in; docx adds the continuing cells below it.
  for (const level of MERGED_COLUMNS) {
    const span = row.spans[level];
    if (span.first !== row.index) continue;
    cells.push(new TableCell({ rowSpan: span.count, ...shaded(span.inactive ? SHADE.inactive : undefined), children: paragraphs(span.label) }));
  }
  const title = row.cells.activityTitle === "" ? [] : paragraphs(row.cells.activityTitle);
  if (row.inactive) title.push(...paragraphs(layout.labels.notActive, { italics: true }));
  cells.push(
    new TableCell({ ...shaded(fill), children: paragraphs(row.cells.activityCode, { alignment: AlignmentType.CENTER }) }),
    new TableCell({ ...shaded(fill), children: title.length > 0 ? title : [new Paragraph({})] }),
    new TableCell({ ...shaded(fill), children: paragraphs(row.cells.riskAreas, { alignment: AlignmentType.CENTER }) }),
    new TableCell({ ...shaded(fill), children: paragraphs(row.cells.areaDirigenziale) }),
    new TableCell({ ...shaded(fill), children: paragraphs(row.cells.servizio) }),
    new TableCell({ ...shaded(fill), children: paragraphs(row.cells.uo) }),
  );
  return new TableRow({ cantSplit: true, children: cells });
}

/** "Pagina {page} di {pages}" with Word's page fields in place of the placeholders. */
function pageFooter(template: string): Paragraph {
  const children: string[] = [];
  for (const part of template.split(/(\{page\}|\{pages\})/)) {
    if (part === "{page}") children.push(PageNumber.CURRENT);
    else if (part === "{pages}") children.push(PageNumber.TOTAL_PAGES);
    else if (part !== "") children.push(part);
  }
  return new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ children, size: halfPoints(PAGE_NUMBER_SIZE) })] });
}

/** docProps/core.xml with the layout's fixed date (docx itself stamps the current time). */
function coreProperties(layout: AnnexLayout): string {
  const when = layout.date.toISOString().replace(/\.\d{3}Z$/, "Z");
  const element = (name: string, value: string | null) => (value ? `<${name}>${escapeXml(value)}</${name}>` : "");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    element("dc:title", layout.title) +
    element("dc:subject", layout.subject) +
    element("dc:creator", layout.author) +
    element("dc:language", layout.language) +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    `</cp:coreProperties>`
  );
}

export async function renderDocx(layout: AnnexLayout): Promise<Uint8Array> {
  const contentWidth = A4.height - 2 * MARGIN;
  const total = layout.columns.reduce((sum, c) => sum + c.width, 0);
  const columnWidths = layout.columns.map((c) => Math.floor((c.width * contentWidth) / total));

  const footnote: IRunOptions = { text: layout.footnote, italics: true };
  const legend: Paragraph[] = [];
  if (layout.legend.entries.length > 0) {
    legend.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(layout.legend.title)] }));
    for (const { letter, name } of layout.legend.entries) legend.push(...paragraphs(`${letter}${layout.labels.legend.separator}${name}`));
  }

  const doc = new Document({
    title: layout.title,
    subject: layout.subject,
    ...(layout.author !== null ? { creator: layout.author } : {}),
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE, language: { value: layout.language } }, paragraph: { spacing: { before: 0, after: 0 } } },
        heading1: { run: { font: FONT, size: halfPoints(DOCX_STYLE.titleSize), bold: true, color: BLACK }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: DOCX_STYLE.titleAfter } } },
        heading2: { run: { font: FONT, size: SIZE, bold: true, color: BLACK }, paragraph: { spacing: DOCX_STYLE.legendTitle } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: MARGIN / 2, footer: MARGIN / 2 },
          },
        },
        footers: { default: new Footer({ children: [pageFooter(layout.labels.page)] }) },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(layout.title)] }),
          new Table({
            layout: TableLayoutType.FIXED,
            width: { size: contentWidth, type: WidthType.DXA },
            columnWidths,
            borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule },
            margins: { left: DOCX_STYLE.cellMargins.x, right: DOCX_STYLE.cellMargins.x, top: DOCX_STYLE.cellMargins.y, bottom: DOCX_STYLE.cellMargins.y },
            rows: [...headerRows(layout), ...layout.rows.map((row) => bodyRow(layout, row))],
          }),
          new Paragraph({ spacing: { before: DOCX_STYLE.footnoteBefore }, children: [new TextRun(footnote)] }),
          ...legend,
        ],
      },
    ],
  });

  const zip = await Packer.pack(doc, "uint8array", false, [{ path: "docProps/core.xml", data: coreProperties(layout) }]);
  return setZipDates(zip, layout.date);
}
