// The raw table: the contract between the readers of a printed annex and repair. Readers (PDF
// geometry, text layer, spreadsheets and word-processor tables laid out as printed) produce it
// and know nothing of the domain; repair turns it into the annex.
import { z } from "zod";

/** Logical columns of Allegato 1, as recognised from the header rows. */
export const ColumnKind = z.enum([
  "function",
  "macro",
  "process",
  "subprocess",
  "activityCode",
  "activityTitle",
  /** code and title of the activity in one cell (some producers print them so) */
  "activity",
  "risk",
  "areaDirigenziale",
  "servizio",
  "uo",
  /** a column the reader could not name (text layer lines with shifted cells) */
  "unknown",
]);
export type ColumnKind = z.infer<typeof ColumnKind>;

/** The hierarchy's columns: their cells are labels merged over the rows of the activities under them. */
export const HIERARCHY_COLUMNS: readonly ColumnKind[] = ["function", "macro", "process", "subprocess"];
/** Whether a column holds hierarchy labels. */
export const isHierarchyColumn = (kind: ColumnKind): boolean => HIERARCHY_COLUMNS.includes(kind);

export const RawCell = z
  .object({
    /** index into RawTable.columns */
    col: z.number().int().nonnegative(),
    /** text as printed, wrapped lines joined with single spaces, trimmed */
    text: z.string(),
    /** rows covered (vertical merge), counted in RawTable.rows from this cell's row; 1 = not merged */
    rowSpan: z.number().int().positive(),
    /** pages whose part of a page-crossing merged cell contributed text (first page first) */
    pages: z.array(z.number().int().positive()).optional(),
  })
  .strict();
export type RawCell = z.infer<typeof RawCell>;

export const RawRow = z
  .object({
    /** 1 for an input without pages (a spreadsheet, a document's table) */
    page: z.number().int().positive(),
    /** 1-based data row on its page (text layer: the line number in the file; a spreadsheet: the sheet's row) */
    row: z.number().int().positive(),
    /** cells that start in this row; a cell of a merge appears only in its first row */
    cells: z.array(RawCell),
    /** printed shaded; null when the input cannot tell (text layer) */
    shaded: z.boolean().nullable(),
    /** an input without pages: where a person finds the row, "Allegato 1!E27" (its activity code's cell) */
    cell: z.string().optional(),
  })
  .strict();
export type RawRow = z.infer<typeof RawRow>;

export const RawTable = z
  .object({
    file: z.string(),
    format: z.enum(["pdf", "text-layer", "xlsx", "ods", "docx", "odt"]),
    title: z.string().nullable(),
    footnote: z.string().nullable(),
    columns: z.array(ColumnKind),
    rows: z.array(RawRow),
  })
  .strict();
export type RawTable = z.infer<typeof RawTable>;
