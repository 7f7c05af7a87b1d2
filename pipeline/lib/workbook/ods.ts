// A workbook as an OpenDocument spreadsheet (.ods), written as ODF XML by hand and zipped: text
// cells are strings (never formulas), with what LibreOffice keeps and shows: a frozen header
// (settings.xml), a filter (a database range with buttons), content validations (drop-downs,
// help and error messages), conditional shading, header rows repeated on printed pages and a
// landscape page as wide as the table.
import { escapeXml } from "../xml.ts";
import { columnLetters } from "./cell-ref.ts";
import type { Cell, CellStyle, Range, Sheet, Validation, Workbook } from "./workbook.ts";
import { NOT_XML, zipPackage } from "./zip.ts";

const MIME = "application/vnd.oasis.opendocument.spreadsheet";
const XML = '<?xml version="1.0" encoding="UTF-8"?>\n';
/** The namespaces of the parts written here (a flat .fods needs the same). */
export const ODF_NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"',
  'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
  'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"',
].join(" ");
const FONT = { name: "Liberation Sans", size: 10 };
/** Centimetres per character of column width (the width of a digit, with the cell's padding). */
const CM_PER_CHAR = 0.196;

/** ODF has no escape for the characters XML cannot hold: each becomes U+FFFD. */
const text = (s: string) => escapeXml(s.replace(NOT_XML, "\ufffd"));

/** 'Allegato 1'.A3 */
function address(sheet: string, row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}'${sheet.replace(/'/g, "''")}'.${d}${columnLetters(col)}${d}${row + 1}`;
}

function rangeAddress(sheet: string, r: Range): string {
  return `${address(sheet, r.top, r.left)}:${address(sheet, r.bottom, r.right)}`;
}

function cellStyleXml(name: string, s: CellStyle, family: "automatic" | "common"): string {
  const cell = [
    s.fill !== undefined ? `fo:background-color="${s.fill}"` : "",
    s.wrap ? 'fo:wrap-option="wrap"' : "",
    s.underline ? 'fo:border-bottom="0.75pt solid #000000"' : "",
    family === "automatic" ? 'style:vertical-align="top"' : "",
  ].filter(Boolean);
  const font = [s.bold ? 'fo:font-weight="bold"' : "", s.italic ? 'fo:font-style="italic"' : "", s.size !== undefined ? `fo:font-size="${s.size}pt"` : ""].filter(Boolean);
  const data = s.textFormat ? ' style:data-style-name="text-format"' : "";
  return (
    `<style:style style:name="${name}" style:family="table-cell" style:parent-style-name="Default"${data}>` +
    `<style:table-cell-properties ${cell.join(" ")}/>${font.length > 0 ? `<style:text-properties ${font.join(" ")}/>` : ""}</style:style>`
  );
}

function cellXml(cell: Cell | undefined, validation: string | undefined): string {
  const attrs = [cell?.style !== undefined ? `table:style-name="s-${cell.style}"` : "", validation !== undefined ? `table:content-validation-name="${validation}"` : ""].filter(Boolean);
  const value = cell?.value ?? null;
  if (value === null || value === "") return `<table:table-cell${attrs.length > 0 ? ` ${attrs.join(" ")}` : ""}/>`;
  if (typeof value === "boolean") attrs.push(`office:value-type="boolean" office:boolean-value="${value}"`);
  else if (typeof value === "number") attrs.push(`office:value-type="float" office:value="${value}"`);
  else attrs.push('office:value-type="string"');
  const shown = typeof value === "boolean" ? (value ? "VERO" : "FALSO") : String(value);
  return `<table:table-cell ${attrs.join(" ")}><text:p>${text(shown)}</text:p></table:table-cell>`;
}

function validationXml(v: Validation, name: string, sheet: string): string {
  const attrs = [`table:name="${name}"`];
  const list = v.list;
  if (list !== undefined) {
    const source = "sheet" in list ? `[$${address(list.sheet, list.range.top, list.range.left, true).replace(/^\$/, "")}:.$${columnLetters(list.range.right)}$${list.range.bottom + 1}]` : list.map((item) => `"${item.replace(/"/g, '""')}"`).join(";");
    attrs.push(`table:condition="${text(`of:cell-content-is-in-list(${source})`)}"`, 'table:allow-empty-cell="true"', 'table:display-list="unsorted"');
  }
  attrs.push(`table:base-cell-address="${text(address(sheet, v.range.top, v.range.left))}"`);
  const help = v.prompt ? `<table:help-message table:title="${text(v.prompt.title)}" table:display="true"><text:p>${text(v.prompt.message)}</text:p></table:help-message>` : "";
  const error = v.error
    ? `<table:error-message table:message-type="${v.error.style}" table:title="${text(v.error.title)}" table:display="true"><text:p>${text(v.error.message)}</text:p></table:error-message>`
    : "";
  return `<table:content-validation ${attrs.join(" ")}>${help}${error}</table:content-validation>`;
}

interface SheetNames {
  validations: { range: Range; name: string }[];
}

function tableXml(sheet: Sheet, index: number, names: SheetNames, shadingStyle: (fill: string) => string): string {
  const width = Math.max(sheet.widths.length, ...sheet.rows.map((r) => r.length));
  const spare = Math.max(-1, ...names.validations.map((v) => v.range.bottom), ...(sheet.shading ?? []).map((s) => s.range.bottom));
  const height = Math.max(sheet.rows.length, spare + 1);
  const validationAt = (row: number, col: number) => names.validations.find((v) => row >= v.range.top && row <= v.range.bottom && col >= v.range.left && col <= v.range.right)?.name;
  const columnStyle = sheet.columnStyle !== undefined ? ` table:default-cell-style-name="s-${sheet.columnStyle}"` : "";
  const columns = Array.from({ length: width }, (_, c) => `<table:table-column table:style-name="co${index}-${c}"${columnStyle}/>`).join("");

  const rowXml = (r: number): string => {
    const cells = sheet.rows[r] ?? [];
    const out: string[] = [];
    for (let c = 0; c < width; c++) out.push(cellXml(cells[c], validationAt(r, c)));
    return `<table:table-row table:style-name="ro">${out.join("")}</table:table-row>`;
  };
  const repeatRows = sheet.print?.repeatRows ?? 0;
  const head: string[] = [];
  const body: string[] = [];
  for (let r = 0; r < sheet.rows.length; r++) (r < repeatRows ? head : body).push(rowXml(r));
  // the rows a person may add below: empty, but with the drop-downs of their columns, written once and repeated
  if (height > sheet.rows.length) {
    const empty = rowXml(sheet.rows.length).replace("<table:table-row ", `<table:table-row table:number-rows-repeated="${height - sheet.rows.length}" `);
    body.push(empty);
  }
  const shading = (sheet.shading ?? [])
    .map(
      (s) =>
        `<calcext:conditional-format calcext:target-range-address="${text(rangeAddress(sheet.name, s.range))}">` +
        `<calcext:condition calcext:apply-style-name="${shadingStyle(s.fill)}" calcext:value="${text(`formula-is(LOWER(TRIM([.$${columnLetters(s.column)}${s.range.top + 1}]))="${s.equals.toLowerCase()}")`)}" calcext:base-cell-address="${text(address(sheet.name, s.range.top, s.range.left))}"/>` +
        "</calcext:conditional-format>",
    )
    .join("");
  return (
    `<table:table table:name="${text(sheet.name)}" table:style-name="${sheet.print ? "ta-print" : "ta"}"${sheet.print?.area ? ` table:print-ranges="${text(rangeAddress(sheet.name, sheet.print.area))}"` : ""}>${columns}` +
    `${head.length > 0 ? `<table:table-header-rows>${head.join("")}</table:table-header-rows>` : ""}${body.join("")}` +
    `${shading ? `<calcext:conditional-formats>${shading}</calcext:conditional-formats>` : ""}</table:table>`
  );
}

function contentXml(workbook: Workbook): string {
  const fills = [...new Set(workbook.sheets.flatMap((s) => (s.shading ?? []).map((x) => x.fill)))];
  const shadingStyle = (fill: string) => `shade-${fills.indexOf(fill)}`;
  const validations: string[] = [];
  const perSheet = workbook.sheets.map((sheet): SheetNames => {
    const list = (sheet.validations ?? []).map((v) => {
      const name = `val${validations.length + 1}`;
      validations.push(validationXml(v, name, sheet.name));
      return { range: v.range, name };
    });
    return { validations: list };
  });
  const columnStyles = workbook.sheets.flatMap((sheet, i) =>
    sheet.widths.map((w, c) => `<style:style style:name="co${i}-${c}" style:family="table-column"><style:table-column-properties fo:break-before="auto" style:column-width="${((w + 0.7) * CM_PER_CHAR).toFixed(3)}cm"/></style:style>`),
  );
  const styles = [
    ...columnStyles,
    '<style:style style:name="ro" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="true" fo:break-before="auto"/></style:style>',
    '<style:style style:name="ta" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>',
    '<style:style style:name="ta-print" style:family="table" style:master-page-name="Wide"><style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>',
    '<number:text-style style:name="text-format"><number:text-content/></number:text-style>',
    ...Object.entries(workbook.styles).map(([name, s]) => cellStyleXml(`s-${name}`, s, "automatic")),
  ];
  const filters = workbook.sheets.flatMap((sheet, i) =>
    sheet.filter ? [`<table:database-range table:name="__Anonymous_Sheet_DB__${i}" table:target-range-address="${text(rangeAddress(sheet.name, sheet.filter))}" table:display-filter-buttons="true"/>`] : [],
  );
  return (
    `${XML}<office:document-content ${ODF_NAMESPACES} office:version="1.3"><office:automatic-styles>${styles.join("")}</office:automatic-styles>` +
    '<office:body><office:spreadsheet><table:calculation-settings table:case-sensitive="false"/>' +
    (validations.length > 0 ? `<table:content-validations>${validations.join("")}</table:content-validations>` : "") +
    workbook.sheets.map((sheet, i) => tableXml(sheet, i, perSheet[i] ?? { validations: [] }, shadingStyle)).join("") +
    (filters.length > 0 ? `<table:database-ranges>${filters.join("")}</table:database-ranges>` : "") +
    "</office:spreadsheet></office:body></office:document-content>"
  );
}

function stylesXml(workbook: Workbook): string {
  const fills = [...new Set(workbook.sheets.flatMap((s) => (s.shading ?? []).map((x) => x.fill)))];
  const language = workbook.properties.language.split("-");
  const lang = `fo:language="${language[0] ?? "it"}" fo:country="${language[1] ?? "IT"}"`;
  return (
    `${XML}<office:document-styles ${ODF_NAMESPACES} office:version="1.3">` +
    `<office:font-face-decls><style:font-face style:name="${FONT.name}" svg:font-family="'${FONT.name}'" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>` +
    "<office:styles>" +
    `<style:default-style style:family="table-cell"><style:text-properties style:font-name="${FONT.name}" fo:font-size="${FONT.size}pt" ${lang}/></style:default-style>` +
    '<style:style style:name="Default" style:family="table-cell"/>' +
    fills.map((fill, i) => `<style:style style:name="shade-${i}" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:background-color="${fill}"/></style:style>`).join("") +
    "</office:styles><office:automatic-styles>" +
    '<style:page-layout style:name="pl-default"><style:page-layout-properties fo:margin="1cm"/></style:page-layout>' +
    '<style:page-layout style:name="pl-wide"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin="1cm" style:scale-to-X="1" style:scale-to-Y="0"/>' +
    '<style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.25cm"/></style:footer-style></style:page-layout>' +
    "</office:automatic-styles><office:master-styles>" +
    '<style:master-page style:name="Default" style:page-layout-name="pl-default"><style:header style:display="false"/><style:footer style:display="false"/></style:master-page>' +
    '<style:master-page style:name="Wide" style:page-layout-name="pl-wide"><style:header style:display="false"/>' +
    "<style:footer><text:p>Pagina <text:page-number>1</text:page-number> di <text:page-count>1</text:page-count></text:p></style:footer></style:master-page>" +
    "</office:master-styles></office:document-styles>"
  );
}

/** The frozen header rows, per sheet: LibreOffice keeps a view's settings here. */
function settingsXml(workbook: Workbook): string {
  const item = (name: string, type: string, value: string | number) => `<config:config-item config:name="${name}" config:type="${type}">${value}</config:config-item>`;
  const tables = workbook.sheets
    .filter((s) => (s.freezeRows ?? 0) > 0)
    .map((s) => {
      const n = s.freezeRows ?? 0;
      return (
        `<config:config-item-map-entry config:name="${text(s.name)}">` +
        item("HorizontalSplitMode", "short", 0) +
        item("VerticalSplitMode", "short", 2) +
        item("HorizontalSplitPosition", "int", 0) +
        item("VerticalSplitPosition", "int", n) +
        item("ActiveSplitRange", "short", 2) +
        item("PositionLeft", "int", 0) +
        item("PositionRight", "int", 0) +
        item("PositionTop", "int", 0) +
        item("PositionBottom", "int", n) +
        "</config:config-item-map-entry>"
      );
    })
    .join("");
  const first = workbook.sheets[0]?.name ?? "";
  return (
    `${XML}<office:document-settings ${ODF_NAMESPACES} office:version="1.3"><office:settings><config:config-item-set config:name="ooo:view-settings">` +
    '<config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>' +
    item("ViewId", "string", "view1") +
    `<config:config-item-map-named config:name="Tables">${tables}</config:config-item-map-named>` +
    item("ActiveTable", "string", text(first)) +
    "</config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings></office:document-settings>"
  );
}

function metaXml(workbook: Workbook): string {
  const { title, author, language, date } = workbook.properties;
  const when = date?.toISOString().replace(/\.\d{3}Z$/, "");
  return (
    `${XML}<office:document-meta ${ODF_NAMESPACES} office:version="1.3"><office:meta>` +
    `<dc:title>${text(title)}</dc:title>${author !== undefined ? `<meta:initial-creator>${text(author)}</meta:initial-creator><dc:creator>${text(author)}</dc:creator>` : ""}` +
    `<dc:language>${text(language)}</dc:language>${when !== undefined ? `<meta:creation-date>${when}</meta:creation-date><dc:date>${when}</dc:date>` : ""}</office:meta></office:document-meta>`
  );
}

export function writeOds(workbook: Workbook): Uint8Array {
  const parts = ["content.xml", "styles.xml", "meta.xml", "settings.xml"];
  const manifest =
    `${XML}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">` +
    `<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${MIME}"/>` +
    parts.map((p) => `<manifest:file-entry manifest:full-path="${p}" manifest:media-type="text/xml"/>`).join("") +
    "</manifest:manifest>";
  return zipPackage(
    [
      ["mimetype", MIME],
      ["META-INF/manifest.xml", manifest],
      ["content.xml", contentXml(workbook)],
      ["styles.xml", stylesXml(workbook)],
      ["meta.xml", metaXml(workbook)],
      ["settings.xml", settingsXml(workbook)],
    ],
    workbook.properties.date,
    new Set(["mimetype"]),
  );
}
