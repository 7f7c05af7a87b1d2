// Reading the annex from an office file: a spreadsheet (.xlsx, .ods) or a word-processor
// document (.docx, .odt), told apart by what its zip package holds, not by its name. Its first
// table with the annex's header row is read as the working copy when the header has the working
// copy's own columns (Note, Attiva: the annex itself, one row per activity), else as a printed
// annex (the raw table, to be repaired like a PDF's).
import type { Diagnostic, Place } from "../../diagnostics/diagnostic.ts";
import { FatalError } from "../../diagnostics/fatal.ts";
import { PUBLICATION_ONLY_HEADERS } from "../../model/columns.ts";
import { customLabels, foldLabel, type HeaderKind } from "../../model/header-words.ts";
import type { RawTable } from "../../model/raw.ts";
import { docxGrids } from "../document/docx.ts";
import { odtGrids } from "../document/odt.ts";
import { odsGrids } from "../spreadsheet/ods.ts";
import { isWorkingCopyHeader } from "../spreadsheet/working-copy/columns.ts";
import { readWorkingCopy, type WorkingCopyOptions, type WorkingCopyRead } from "../spreadsheet/working-copy/read.ts";
import { xlsxGrids } from "../spreadsheet/xlsx.ts";
import type { Grid } from "./grid.ts";
import { openPackage, type Package } from "./package.ts";
import { findAnnexGrid, gridsToRawTable, type OfficeFormat } from "./printed-table.ts";

export type OfficeRead = { table: RawTable; diagnostics: Diagnostic[] } | ({ annex: unknown; provenance: Map<string, Place>; diagnostics: Diagnostic[] } & Partial<Pick<WorkingCopyRead, "settings" | "kept">>);

const MIMETYPES: Record<string, OfficeFormat> = {
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/vnd.oasis.opendocument.text": "odt",
};

function formatOf(pkg: Package): OfficeFormat {
  if (pkg.has("xl/workbook.xml")) return "xlsx";
  if (pkg.has("word/document.xml")) return "docx";
  const format = pkg.has("mimetype") ? MIMETYPES[pkg.text("mimetype").trim()] : undefined;
  if (format) return format;
  throw new FatalError("office/not-office", "not-office", {}, { file: pkg.file });
}

const GRIDS: Record<OfficeFormat, (pkg: Package) => Grid[]> = { xlsx: xlsxGrids, ods: odsGrids, docx: docxGrids, odt: odtGrids };

export interface OfficeReadOptions extends WorkingCopyOptions {
  /** header labels the plan prints in its own words (plan.yaml `columns`), for a table laid out as printed */
  columns?: Readonly<Record<string, HeaderKind>>;
}

export function readOffice(bytes: Uint8Array, file: string, options: OfficeReadOptions = {}): OfficeRead {
  const pkg = openPackage(bytes, file);
  const format = formatOf(pkg);
  const grids = GRIDS[format](pkg);
  const custom = customLabels(options.columns);
  const found = findAnnexGrid(grids, file, format, custom, pkg.findings);
  const headings = (found.grid.rows[found.header] ?? []).map((c) => c.text);
  // the published spreadsheet has the working copy's words and more: read as one, it would lose every level's code
  const published = PUBLICATION_ONLY_HEADERS.map(foldLabel);
  const own = (found.grid.rows[found.header] ?? []).find((c) => published.includes(foldLabel(c.text)));
  if (own) {
    throw new FatalError(
      "office/publication",
      "publication",
      { column: own.text },
      { file, cell: found.grid.locate(found.header, own.col) },
    );
  }
  const read = isWorkingCopyHeader(headings)
    ? readWorkingCopy(grids, found.grid, found.header, file, options.planYears !== undefined ? { planYears: options.planYears } : {})
    : gridsToRawTable(grids, found, file, format, custom);
  // what the package's readers found (hidden sheets, hidden text) comes first, as it was met first
  return { ...read, diagnostics: [...pkg.findings, ...read.diagnostics] };
}
