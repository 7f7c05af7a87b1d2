// A workbook as Office Open XML (.xlsx), written as SpreadsheetML by hand and zipped: text cells
// are inline strings (never formulas), and the features LibreOffice and Excel both keep: a
// frozen header, a filter (with the _xlnm._FilterDatabase name LibreOffice needs to show it),
// data validation, conditional shading, print titles and a landscape page as wide as the table.
import { escapeXml } from "../xml.ts";
import { columnLetters, rangeRef } from "./cell-ref.ts";
import { CHARS as FONT_CHARS, WIDTHS as FONT_WIDTHS } from "./font-widths.ts";
import type { Cell, CellStyle, Range, RowShading, Sheet, Validation, Workbook } from "./workbook.ts";
import { NOT_XML, zipPackage } from "./zip.ts";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const FONT = { name: "Calibri", size: 11 };

/**
 * SpreadsheetML's escape for characters XML cannot hold (_xHHHH_); an underscore that would
 * read as the start of one is escaped itself, so the text reads back exactly.
 */
export function xstring(text: string): string {
  return escapeXml(text.replace(/_x[0-9a-fA-F]{4}_/g, (m) => `_x005F${m}`).replace(NOT_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`));
}

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function absolute(range: Range): string {
  return `$${columnLetters(range.left)}$${range.top + 1}:$${columnLetters(range.right)}$${range.bottom + 1}`;
}

const sqref = (r: Range) => rangeRef(r.top, r.left, r.bottom, r.right);

/** Styles in cellXfs order (0 is the default), with the fonts, fills and borders they use. */
function stylesPart(workbook: Workbook, shadingFills: readonly string[]): { xml: string; index: Map<string, number> } {
  const names = Object.keys(workbook.styles);
  const fonts = [`<font><sz val="${FONT.size}"/><name val="${FONT.name}"/><family val="2"/></font>`];
  const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  const index = new Map<string, number>();
  for (const name of names) {
    const s: CellStyle = workbook.styles[name] ?? {};
    let fontId = 0;
    if (s.bold || s.italic || s.size !== undefined) {
      fonts.push(`<font>${s.bold ? "<b/>" : ""}${s.italic ? "<i/>" : ""}<sz val="${s.size ?? FONT.size}"/><name val="${FONT.name}"/><family val="2"/></font>`);
      fontId = fonts.length - 1;
    }
    let fillId = 0;
    if (s.fill !== undefined) {
      fills.push(`<fill><patternFill patternType="solid"><fgColor rgb="${argb(s.fill)}"/><bgColor indexed="64"/></patternFill></fill>`);
      fillId = fills.length - 1;
    }
    const alignment = s.wrap ? '<alignment vertical="top" wrapText="1"/>' : '<alignment vertical="top"/>';
    const numFmt = s.textFormat ? 49 : 0;
    xfs.push(
      `<xf numFmtId="${numFmt}" fontId="${fontId}" fillId="${fillId}" borderId="${s.underline ? 1 : 0}" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">${alignment}</xf>`,
    );
    index.set(name, xfs.length - 1);
  }
  const dxfs = shadingFills.map((fill) => `<dxf><fill><patternFill patternType="solid"><bgColor rgb="${argb(fill)}"/></patternFill></fill></dxf>`);
  const xml =
    `${XML}<styleSheet xmlns="${MAIN}">` +
    `<fonts count="${fonts.length}">${fonts.join("")}</fonts>` +
    `<fills count="${fills.length}">${fills.join("")}</fills>` +
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    `<dxfs count="${dxfs.length}">${dxfs.join("")}</dxfs>` +
    "</styleSheet>";
  return { xml, index };
}

function cellXml(cell: Cell, ref: string, style: number | undefined): string {
  const s = style !== undefined && style > 0 ? ` s="${style}"` : "";
  const { value } = cell;
  if (value === null || value === "") return s ? `<c r="${ref}"${s}/>` : "";
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (typeof value === "number") return `<c r="${ref}"${s}><v>${value}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xstring(value)}</t></is></c>`;
}

/** A text's width in points in the spreadsheets' font (Carlito's measures, Calibri's); a character outside the table counts as the widest letter. */
function textWidth(text: string, size: number, bold: boolean): number {
  const table = bold ? FONT_WIDTHS.bold : FONT_WIDTHS.regular;
  let units = 0;
  for (const c of text) {
    const i = FONT_CHARS.indexOf(c);
    units += i >= 0 ? (table[i] ?? 1000) : 1000;
  }
  return (units / 1000) * size;
}

/** Lines a wrapped text takes in a column `width` characters wide: words laid out greedily, as a spreadsheet does, a word too long for a line broken. */
export function wrappedLines(text: string, width: number, size = FONT.size, bold = false): number {
  // a column's unit is the width of a digit in the default font (7 px = 5.25 pt at 11 pt), less the cell's padding
  const room = Math.max(1, (width + 0.7) * 5.25 - 6);
  const space = textWidth(" ", size, bold);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(" ")) {
      const w = textWidth(word, size, bold);
      if (used > 0 && used + space + w > room) {
        lines += 1;
        used = 0;
      }
      used = used === 0 ? w : used + space + w;
      while (used > room) {
        lines += 1;
        used -= room;
      }
    }
  }
  return lines;
}

/**
 * A row's height in points when some of its cells wrap. LibreOffice and Excel keep the height an
 * .xlsx gives a row of wrapped text (they fit only an .ods's rows to their text on opening), so
 * it is computed from the font's measures, with a line as tall as LibreOffice prints it. Not
 * marked custom: a cell edited later fits its row again.
 */
function rowHeight(cells: readonly Cell[], widths: readonly number[], styles: Readonly<Record<string, CellStyle>>): number | undefined {
  let height = 0;
  cells.forEach((cell, c) => {
    const style = cell.style !== undefined ? styles[cell.style] : undefined;
    const size = style?.size ?? FONT.size;
    if (!style?.wrap || typeof cell.value !== "string" || cell.value === "") return;
    height = Math.max(height, wrappedLines(cell.value, widths[c] ?? 8.43, size, style.bold === true) * size * 1.3 + 3);
  });
  return height > FONT.size * 1.3 + 3 ? Math.ceil(height) : undefined;
}

function validationXml(v: Validation): string {
  const attrs: string[] = [];
  let formula = "";
  const list = v.list;
  if (list !== undefined) {
    attrs.push('type="list"');
    const source = "sheet" in list ? `${quoteSheet(list.sheet)}!${absolute(list.range)}` : `"${list.join(",")}"`;
    formula = `<formula1>${xstring(source)}</formula1>`;
  }
  attrs.push('allowBlank="1"');
  if (v.prompt) attrs.push('showInputMessage="1"', `promptTitle="${xstring(v.prompt.title)}"`, `prompt="${xstring(v.prompt.message)}"`);
  if (v.error) {
    attrs.push('showErrorMessage="1"', `errorStyle="${v.error.style}"`, `errorTitle="${xstring(v.error.title)}"`, `error="${xstring(v.error.message)}"`);
  }
  return `<dataValidation ${attrs.join(" ")} sqref="${sqref(v.range)}">${formula}</dataValidation>`;
}

function shadingXml(shading: RowShading, dxf: number, priority: number): string {
  const cell = `$${columnLetters(shading.column)}${shading.range.top + 1}`;
  const formula = `LOWER(TRIM(${cell}))="${shading.equals.toLowerCase()}"`;
  return `<conditionalFormatting sqref="${sqref(shading.range)}"><cfRule type="expression" dxfId="${dxf}" priority="${priority}"><formula>${xstring(formula)}</formula></cfRule></conditionalFormatting>`;
}

function sheetXml(sheet: Sheet, index: number, workbook: Workbook, styles: ReadonlyMap<string, number>, dxfOf: (fill: string) => number): string {
  const height = sheet.rows.length;
  const width = Math.max(sheet.widths.length, ...sheet.rows.map((r) => r.length));
  const parts: string[] = [];
  if (sheet.print) parts.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  parts.push(`<dimension ref="${height > 0 ? rangeRef(0, 0, height - 1, Math.max(0, width - 1)) : "A1"}"/>`);
  const tab = index === 0 ? ' tabSelected="1"' : "";
  const frozen = sheet.freezeRows ?? 0;
  parts.push(
    frozen > 0
      ? `<sheetViews><sheetView workbookViewId="0"${tab}><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/></sheetView></sheetViews>`
      : `<sheetViews><sheetView workbookViewId="0"${tab}/></sheetViews>`,
  );
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  const columnStyle = sheet.columnStyle !== undefined ? styles.get(sheet.columnStyle) : undefined;
  const colStyle = columnStyle !== undefined ? ` style="${columnStyle}"` : "";
  if (sheet.widths.length > 0) parts.push(`<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w + 0.7}"${colStyle} customWidth="1"/>`).join("")}</cols>`);
  const rows = sheet.rows.map((cells, r) => {
    const inner = cells.map((cell, c) => cellXml(cell, `${columnLetters(c)}${r + 1}`, cell.style !== undefined ? styles.get(cell.style) : undefined)).join("");
    const ht = rowHeight(cells, sheet.widths, workbook.styles);
    return inner === "" ? "" : `<row r="${r + 1}"${ht !== undefined ? ` ht="${ht}"` : ""}>${inner}</row>`;
  });
  parts.push(`<sheetData>${rows.join("")}</sheetData>`);
  if (sheet.filter) parts.push(`<autoFilter ref="${sqref(sheet.filter)}"/>`);
  (sheet.shading ?? []).forEach((s, i) => parts.push(shadingXml(s, dxfOf(s.fill), i + 1)));
  const validations = sheet.validations ?? [];
  if (validations.length > 0) parts.push(`<dataValidations count="${validations.length}">${validations.map(validationXml).join("")}</dataValidations>`);
  parts.push('<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>');
  if (sheet.print) {
    parts.push('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    parts.push("<headerFooter><oddFooter>&amp;CPagina &amp;P di &amp;N</oddFooter></headerFooter>");
  }
  return `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${parts.join("")}</worksheet>`;
}

function workbookXml(workbook: Workbook): string {
  const names: string[] = [];
  workbook.sheets.forEach((sheet, i) => {
    const q = quoteSheet(sheet.name);
    if (sheet.filter) names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(`${q}!${absolute(sheet.filter)}`)}</definedName>`);
    const repeat = sheet.print?.repeatRows ?? 0;
    const area = sheet.print?.area;
    if (area !== undefined) names.push(`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${escapeXml(`${q}!${absolute(area)}`)}</definedName>`);
    if (repeat > 0) names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(`${q}!$1:$${repeat}`)}</definedName>`);
  });
  const sheets = workbook.sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  return `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets}</sheets>${names.length > 0 ? `<definedNames>${names.join("")}</definedNames>` : ""}</workbook>`;
}

function corePart(workbook: Workbook): string {
  const { title, author, language, date } = workbook.properties;
  const when = date?.toISOString().replace(/\.\d{3}Z$/, "Z");
  return (
    `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${escapeXml(title)}</dc:title>${author !== undefined ? `<dc:creator>${escapeXml(author)}</dc:creator>` : ""}<dc:language>${escapeXml(language)}</dc:language>` +
    (when !== undefined ? `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` : "") +
    "</cp:coreProperties>"
  );
}

export function writeXlsx(workbook: Workbook): Uint8Array {
  const fills = [...new Set(workbook.sheets.flatMap((s) => (s.shading ?? []).map((x) => x.fill)))];
  const styles = stylesPart(workbook, fills);
  const sheetParts = workbook.sheets.map((sheet, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet, i, workbook, styles.index, (fill) => fills.indexOf(fill))]);
  const overrides = [
    ["/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"],
    ["/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"],
    ["/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"],
    ...sheetParts.map(([path]) => [`/${path}`, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"]),
  ];
  const types =
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join("") +
    "</Types>";
  const rootRels = `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
  const sheetRels = workbook.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("");
  const workbookRels = `${XML}<Relationships xmlns="${PKG_REL}">${sheetRels}<Relationship Id="rId${workbook.sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
  return zipPackage(
    [
      ["[Content_Types].xml", types],
      ["_rels/.rels", rootRels],
      ["docProps/core.xml", corePart(workbook)],
      ["xl/workbook.xml", workbookXml(workbook)],
      ["xl/_rels/workbook.xml.rels", workbookRels],
      ["xl/styles.xml", styles.xml],
      ...sheetParts,
    ],
    workbook.properties.date,
  );
}
