// The geometry-based PDF reader: rebuilds the annex table from what each page draws (ruling
// lines, filled rectangles, positioned glyphs and the clip they are painted in), not from the
// text order, so merged cells keep their spans and clipped ghost text is left out. Three stages:
// the pages read once (pages.ts); the table read by the ruled path, or where no page is ruled by
// the text-grid path; then one account of what that reading did with every printed glyph.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { FatalError } from "../../diagnostics/fatal.ts";
import { customLabels, type HeaderKind } from "../../model/header-words.ts";
import type { RawTable } from "../../model/raw.ts";
import { account } from "./account.ts";
import { readPages, type PagesRead } from "./pages.ts";
import type { Reading } from "./reading.ts";
import { ruledReading } from "./ruled-reading.ts";
import { textGridReading } from "./text-grid-reading.ts";

export const ACCOUNT_MEASURE = "pdf account";

/** The account, its time left as a performance measure ("pdf account") for the benchmark to read. */
function timedAccount(input: Parameters<typeof account>[0]): Diagnostic[] {
  const start = performance.now();
  const result = account(input);
  performance.measure(ACCOUNT_MEASURE, { start, end: performance.now() });
  return result;
}

/** Neither path found a table: headings without any code under them are not prose, and are told apart. */
function noTable(read: PagesRead, file: string): FatalError {
  return read.headerWithoutGrid ? new FatalError("pdf/cells-unplaced", "unplaced", {}, { file }) : new FatalError("input/no-table", "pdf", {}, { file });
}

export interface PdfOptions {
  /** the body's own words (texts of its other annexes): they settle line breaks the file alone cannot */
  words?: readonly string[];
  /** header labels the plan names in its own words → the column each names */
  columns?: Readonly<Record<string, HeaderKind>>;
  /** told as each page is read (the web page shows it, and lets the browser draw it) */
  onPage?: (page: number, pages: number) => Promise<void>;
}

export async function extractPdf(data: Uint8Array, file: string, options: PdfOptions = {}): Promise<{ table: RawTable; diagnostics: Diagnostic[] }> {
  const read = await readPages(data, file, customLabels(options.columns), options.onPage);
  const breaks = { blank: read.blank, own: options.words ?? [] };
  const reading: Reading | null = ruledReading(read, file, breaks) ?? textGridReading(read, file, breaks);
  if (!reading) throw noTable(read, file);
  const { table } = reading;
  const counted = timedAccount({ file, printed: read.printed, uses: reading.uses, rows: table.rows, columns: table.columns });
  return { table, diagnostics: [...read.diagnostics, ...reading.diagnostics, ...counted] };
}
