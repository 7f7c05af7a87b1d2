// The PDF's structure tree (what a screen reader reads), built from the layout model before any
// page is drawn: Document → H1 title, P identity, P example mark, Table (THead with the two header
// rows as TH, TBody with one TR per activity: the merged hierarchy cells and the activity code as
// row-header TH, the activity's cells as TD), P footnote, H2 + P legend. As in the HTML, every
// header cell has an identifier (/ID) and every cell lists the header cells that describe it
// (/Headers: the column headings over it and the hierarchy and code to its left), so a reader
// announces where each activity sits. The renderer then ties every drawn text to its element
// through marked content.
import type { AnnexLayout, Row } from "../layout.ts";
import { DATA_KEYS, headersOver, MERGED_COLUMNS, type ColumnKey } from "../table-header.ts";
import { keys } from "./definition.ts";
import type { PdfKitDocument, StructElement } from "./engine.ts";

export interface Tagged {
  element: StructElement;
  /** the structure type, also used as the marked-content tag */
  role: string;
}

interface TableAttributes {
  Scope?: "Row" | "Column" | undefined;
  RowSpan?: number;
  ColSpan?: number;
  /** the identifiers of the header cells that describe this cell */
  Headers?: string[];
}

/** Table attributes (PDF 32000-1 14.8.5.7): scope of a header, spans of a merged cell, its headers. */
function tableAttributes(element: StructElement, attributes: TableAttributes): void {
  const own: Record<string, unknown> = {};
  if (attributes.Scope !== undefined) own.Scope = attributes.Scope;
  if (attributes.RowSpan !== undefined && attributes.RowSpan !== 1) own.RowSpan = attributes.RowSpan;
  if (attributes.ColSpan !== undefined && attributes.ColSpan !== 1) own.ColSpan = attributes.ColSpan;
  // pdfkit writes a String object as a PDF string, a plain string as a name
  if (attributes.Headers && attributes.Headers.length > 0) own.Headers = attributes.Headers.map((id) => new String(id));
  if (Object.keys(own).length > 0) element.dictionary.data.A = { O: "Table", ...own };
}

/** Byte order of UTF-8 texts, as a PDF name tree sorts its keys. */
function byteOrder(x: Uint8Array, y: Uint8Array): number {
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return x.length - y.length;
}

/** `keys` in byte order, each encoded once (not once per comparison: thousands of ids). */
function inByteOrder(keys: Iterable<string>): string[] {
  const encoder = new TextEncoder();
  return [...keys]
    .map((key) => ({ key, bytes: encoder.encode(key) }))
    .sort((a, b) => byteOrder(a.bytes, b.bytes))
    .map(({ key }) => key);
}

/** The ids of the labelled hierarchy cells of a row, from the function to the level before `upTo`. */
function rowHeaders(row: Row, upTo: number): string[] {
  return MERGED_COLUMNS.slice(0, upTo)
    .map((level) => row.spans[level])
    .filter((span) => span.label !== "")
    .map((span) => span.id);
}

export function buildStructure(doc: PdfKitDocument, layout: AnnexLayout): Map<string, Tagged> {
  const tagged = new Map<string, Tagged>();
  const ids = new Map<string, StructElement>();
  const make = (role: string, key?: string, id?: string): StructElement => {
    const element = doc.struct(role);
    if (key !== undefined) tagged.set(key, { element, role });
    if (id !== undefined) {
      element.dictionary.data.ID = new String(id);
      ids.set(id, element);
    }
    return element;
  };
  const columnHeaders = (key: ColumnKey) => headersOver(layout.headerRows, layout.columns, key);

  const root = make("Document");
  doc.addStructure(root);
  root.add(make("H1", keys.title));
  if (layout.identityLine !== null) root.add(make("P", keys.identity));
  if (layout.exampleMark !== null) root.add(make("P", keys.example));

  const table = make("Table");
  root.add(table);
  const head = make("THead");
  table.add(head);
  layout.headerRows.forEach((cells, r) => {
    const tr = make("TR");
    head.add(tr);
    for (const cell of cells) {
      const th = make("TH", keys.header(r, cell.column), cell.id);
      tableAttributes(th, { Scope: "Column", ColSpan: cell.colSpan, RowSpan: cell.rowSpan, Headers: cell.headers });
      tr.add(th);
    }
  });

  const body = make("TBody");
  table.add(body);
  for (const row of layout.rows) {
    const tr = make("TR");
    body.add(tr);
    // A merged hierarchy cell belongs to the row it starts in and spans all its rows, across
    // pages: the label printed again on a new page is an artifact, not a second cell.
    MERGED_COLUMNS.forEach((level, depth) => {
      const span = row.spans[level];
      if (span.first !== row.index) return;
      const labelled = span.label !== "";
      const cell = make(labelled ? "TH" : "TD", keys.span(span.id), labelled ? span.id : undefined);
      tableAttributes(cell, { Scope: labelled ? "Row" : undefined, RowSpan: span.count, Headers: [...columnHeaders(level), ...rowHeaders(row, depth)] });
      tr.add(cell);
    });
    const hierarchy = rowHeaders(row, MERGED_COLUMNS.length);
    for (const key of DATA_KEYS) {
      const code = key === "activityCode";
      const cell = make(code ? "TH" : "TD", keys.cell(row.index, key), code ? row.id : undefined);
      tableAttributes(cell, { Scope: code ? "Row" : undefined, Headers: [...columnHeaders(key), ...hierarchy, ...(code ? [] : [row.id])] });
      tr.add(cell);
    }
  }

  root.add(make("P", keys.footnote));
  if (layout.legend.entries.length > 0) {
    root.add(make("H2", keys.legendTitle));
    for (const { letter } of layout.legend.entries) root.add(make("P", keys.legendEntry(letter)));
  }

  // the structure tree root maps every identifier to its element (required once elements have one)
  const names = inByteOrder(ids.keys()).flatMap((id) => [new String(id), ids.get(id)?.dictionary]);
  const idTree = doc.ref({ Names: names });
  idTree.end();
  doc.getStructTreeRoot().data.IDTree = idTree;
  return tagged;
}
