// The annex as a Word document, drawn from the layout model: A4 landscape, the title as a
// heading, the two header rows repeated on every page (w:tblHeader), every row naming its
// hierarchy (no vertical merges: a page never starts with rows that do not say where they belong), rows that cannot split (w:cantSplit), shaded rows marked in words, Italian as
// the document language, and fixed dates so that two builds give the same bytes.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  StringValueElement,
  Table,
  TableCell,
  TableLayoutType,
  TableProperties,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
  type ITableOptions,
} from "docx";
import type { AnnexLayout, Row } from "../layout.ts";
import type { HeaderCell } from "../table-header.ts";
import { MERGED_COLUMNS } from "../table-header.ts";
import { escapeXml } from "../../lib/xml.ts";
import { COLOURS, DOCX_STYLE, eighthPoints, halfPoints, PAGE_NUMBER_SIZE, RULE_WIDTH, wordColour } from "../print-style.ts";
import { setZipDates } from "./zip-dates.ts";

const { font: FONT, page: A4, margin: MARGIN } = DOCX_STYLE;
const SIZE = halfPoints(DOCX_STYLE.fontSize);
const SHADE = { inactive: wordColour(COLOURS.inactive), header: wordColour(COLOURS.header) };
const BLACK = wordColour(COLOURS.text);
/** a label said again: grey, contrast 7:1 on white, 4.9:1 on the inactive rows' grey */
const LIGHT = "595959";

const rule = { style: BorderStyle.SINGLE, size: eighthPoints(RULE_WIDTH), color: wordColour(COLOURS.rule) };

/**
 * A table with a title and a description for assistive technology (w:tblCaption and
 * w:tblDescription, the last of the table properties, after those docx writes).
 */
class DescribedTable extends Table {
  constructor(options: ITableOptions, caption: string, description: string) {
    super(options);
    const properties: unknown = this.root[0];
    if (!(properties instanceof TableProperties)) throw new Error("internal error: a table without properties");
    // docx has no option for them; this is how its own components add an element
    /* eslint-disable @typescript-eslint/no-deprecated */
    properties.addChildElement(new StringValueElement("w:tblCaption", caption));
    properties.addChildElement(new StringValueElement("w:tblDescription", description));
    /* eslint-enable @typescript-eslint/no-deprecated */
  }
}

interface Emphasis {
  bold?: true;
  italics?: true;
  /** a label said again (the hierarchy of a row that continues a group): grey and smaller */
  light?: boolean;
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
  /** on the same page as what follows (the last rows, the footnote and the legend stay together) */
  keepNext?: boolean;
}

function paragraphs(text: string, { alignment, keepNext, light, ...emphasis }: Emphasis = {}): Paragraph[] {
  const kept = keepNext ? { keepNext: true } : {};
  if (text === "") return [new Paragraph(kept)];
  return text.split("\n").map((line) => {
    const run: IRunOptions = { text: line, ...emphasis, ...(light ? { color: LIGHT, size: SIZE - 2 } : {}) };
    return new Paragraph({ ...(alignment ? { alignment } : {}), ...kept, children: [new TextRun(run)] });
  });
}

/** A cell's shading, when it has one. */
function shaded(fill: string | undefined): { shading?: { fill: string; type: typeof ShadingType.CLEAR; color: string } } {
  return fill ? { shading: { fill, type: ShadingType.CLEAR, color: "auto" } } : {};
}

/**
 * The two header rows, repeated on every page. A heading over both rows is drawn as two cells
 * without the rule between them, its words in the lower one as in the published annex: a cell
 * merged across repeated header rows is cut short on later pages by LibreOffice.
 */
function headerRows(layout: AnnexLayout): TableRow[] {
  const columnIndex = (cell: HeaderCell) => layout.columns.findIndex((c) => c.key === cell.column);
  const cell = (header: HeaderCell, text: string, open?: "top" | "bottom") =>
    new TableCell({
      columnSpan: header.colSpan,
      ...shaded(SHADE.header),
      ...(open ? { borders: { [open]: { style: BorderStyle.NIL, size: 0, color: "auto" } } } : {}),
      verticalAlign: VerticalAlignTable.CENTER,
      children: paragraphs(text, { bold: true, alignment: AlignmentType.CENTER }),
    });
  const [top, below] = layout.headerRows;
  const lower = [...below.map((h) => ({ h, text: h.text, open: undefined })), ...top.filter((h) => h.rowSpan > 1).map((h) => ({ h, text: h.text, open: "top" as const }))];
  lower.sort((a, b) => columnIndex(a.h) - columnIndex(b.h));
  return [
    top.map((h) => (h.rowSpan > 1 ? cell(h, "", "bottom") : cell(h, h.text))),
    lower.map(({ h, text, open }) => cell(h, text, open)),
  ].map((children) => new TableRow({ tableHeader: true, cantSplit: true, children }));
}

/** A body row; the last one keeps with the footnote under the table, so that the legend never stands on a page alone. */
function bodyRow(layout: AnnexLayout, row: Row): TableRow {
  const keep = { keepNext: row.index === layout.rows.length - 1 };
  const fill = row.inactive ? SHADE.inactive : undefined;
  const cells: TableCell[] = [];
  // Every row names its function, macro process, process and sub-process: a Word table's merged
  // cell is not printed again on the next page (a page would show rows without saying where they
  // belong). The first row of a group says it plainly; the rows after it say it again in a light
  // style, so that the groups still show.
  for (const level of MERGED_COLUMNS) {
    const span = row.spans[level];
    const again = span.first !== row.index;
    cells.push(new TableCell({ ...shaded(span.inactive ? SHADE.inactive : undefined), children: paragraphs(span.label, again ? { ...keep, light: true } : keep) }));
  }
  const title = row.cells.activityTitle === "" ? [] : paragraphs(row.cells.activityTitle, keep);
  if (row.inactive) title.push(...paragraphs(layout.labels.notActive, { italics: true, ...keep }));
  cells.push(
    new TableCell({ ...shaded(fill), children: paragraphs(row.cells.activityCode, { alignment: AlignmentType.CENTER, ...keep }) }),
    new TableCell({ ...shaded(fill), children: title.length > 0 ? title : paragraphs("", keep) }),
    new TableCell({ ...shaded(fill), children: paragraphs(row.cells.riskAreas, { alignment: AlignmentType.CENTER, ...keep }) }),
    new TableCell({ ...shaded(fill), children: paragraphs(row.cells.areaDirigenziale, keep) }),
    new TableCell({ ...shaded(fill), children: paragraphs(row.cells.servizio, keep) }),
    new TableCell({ ...shaded(fill), children: paragraphs(row.cells.uo, keep) }),
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

/** docProps/core.xml with the layout's date, or none (docx itself stamps the current time). */
function coreProperties(layout: AnnexLayout): string {
  const when = layout.date?.toISOString().replace(/\.\d{3}Z$/, "Z");
  const element = (name: string, value: string | null) => (value ? `<${name}>${escapeXml(value)}</${name}>` : "");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    element("dc:title", layout.metadataTitle) +
    element("dc:subject", layout.subject) +
    element("dc:creator", layout.author) +
    element("dc:description", [layout.exampleMark, layout.identityLine].filter((part) => part !== null).join(layout.labels.identity.separator)) +
    element("cp:version", layout.identity.version) +
    element("dc:language", layout.language) +
    (when !== undefined ? `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` : "") +
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
    legend.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(layout.legend.title)] }));
    layout.legend.entries.forEach(({ letter, name }, i) => {
      legend.push(...paragraphs(`${letter}${layout.labels.legend.separator}${name}`, { keepNext: i < layout.legend.entries.length - 1 }));
    });
  }

  // the title block: the title, the edition's identity, an example's mark
  const titleBlock = [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(layout.title)] })];
  if (layout.identityLine !== null) titleBlock.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: DOCX_STYLE.titleAfter }, children: [new TextRun(layout.identityLine)] }));
  const mark = (after = 0): Paragraph[] => {
    if (layout.exampleMark === null) return [];
    const run: IRunOptions = { text: layout.exampleMark, bold: true, color: wordColour(COLOURS.example), size: halfPoints(DOCX_STYLE.exampleSize) };
    return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: [new TextRun(run)] })];
  };
  titleBlock.push(...mark(DOCX_STYLE.titleAfter));

  const doc = new Document({
    title: layout.metadataTitle,
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
        // an example says so at the top of every page
        ...(layout.exampleMark !== null ? { headers: { default: new Header({ children: mark() }) } } : {}),
        children: [
          ...titleBlock,
          new DescribedTable(
            {
            layout: TableLayoutType.FIXED,
            width: { size: contentWidth, type: WidthType.DXA },
            columnWidths,
            borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule },
            margins: { left: DOCX_STYLE.cellMargins.x, right: DOCX_STYLE.cellMargins.x, top: DOCX_STYLE.cellMargins.y, bottom: DOCX_STYLE.cellMargins.y },
            rows: [...headerRows(layout), ...layout.rows.map((row) => bodyRow(layout, row))],
            },
            layout.caption,
            layout.description,
          ),
          new Paragraph({ spacing: { before: DOCX_STYLE.footnoteBefore }, keepNext: layout.legend.entries.length > 0, children: [new TextRun(footnote)] }),
          ...legend,
        ],
      },
    ],
  });

  const zip = await Packer.pack(doc, "uint8array", false, [{ path: "docProps/core.xml", data: coreProperties(layout) }]);
  return setZipDates(zip, layout.date);
}
