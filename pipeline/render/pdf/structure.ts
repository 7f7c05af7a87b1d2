// The PDF's structure tree (what a screen reader reads), built from the layout model before any
// page is drawn: Document → H1 title, Table (THead with the two header rows as TH, TBody with
// one TR per activity: the merged hierarchy cells as row-header TH spanning their rows, the
// activity's cells as TD), P footnote, H2 + P legend. The renderer then ties every drawn text to
// its element through marked content.
import type { AnnexLayout } from "../layout.ts";
import { DATA_KEYS, MERGED_COLUMNS } from "../table-header.ts";
import { keys } from "./definition.ts";
import type { PdfKitDocument, StructElement } from "./engine.ts";

export interface Tagged {
  element: StructElement;
  /** the structure type, also used as the marked-content tag */
  role: string;
}

/** Table attributes (PDF 32000-1 14.8.5.7): Scope of a header, spans of a merged cell. */
function tableAttributes(element: StructElement, attributes: { Scope?: "Row" | "Column" | undefined; RowSpan?: number; ColSpan?: number }): void {
  const own = Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined && v !== 1));
  if (Object.keys(own).length > 0) element.dictionary.data.A = { O: "Table", ...own };
}

export function buildStructure(doc: PdfKitDocument, layout: AnnexLayout): Map<string, Tagged> {
  const tagged = new Map<string, Tagged>();
  const make = (role: string, key?: string): StructElement => {
    const element = doc.struct(role);
    if (key !== undefined) tagged.set(key, { element, role });
    return element;
  };

  const root = make("Document");
  doc.addStructure(root);
  root.add(make("H1", keys.title));

  const table = make("Table");
  root.add(table);
  const head = make("THead");
  table.add(head);
  layout.headerRows.forEach((cells, r) => {
    const tr = make("TR");
    head.add(tr);
    for (const cell of cells) {
      const th = make("TH", keys.header(r, cell.column));
      tableAttributes(th, { Scope: "Column", ColSpan: cell.colSpan });
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
    for (const level of MERGED_COLUMNS) {
      const span = row.spans[level];
      if (span.first !== row.index) continue;
      const th = make(span.label === "" ? "TD" : "TH", keys.span(span.id));
      tableAttributes(th, { Scope: span.label === "" ? undefined : "Row", RowSpan: span.count });
      tr.add(th);
    }
    for (const key of DATA_KEYS) tr.add(make("TD", keys.cell(row.index, key)));
  }

  root.add(make("P", keys.footnote));
  if (layout.legend.entries.length > 0) {
    root.add(make("H2", keys.legendTitle));
    for (const { letter } of layout.legend.entries) root.add(make("P", keys.legendEntry(letter)));
  }
  return tagged;
}
