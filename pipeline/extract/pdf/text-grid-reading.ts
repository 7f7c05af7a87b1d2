// The text-grid path: where no page draws a ruled table, the table is read from where its text
// stands (text-grid.ts, page by page; text-grid-table.ts, the pages together). What the reader
// did with each page's text is handed on to the account.
import { FatalError } from "../../diagnostics/fatal.ts";
import type { PageUse } from "./account.ts";
import type { PagesRead } from "./pages.ts";
import type { Breaks, Reading } from "./reading.ts";
import type { TextGridPage } from "./text-grid.ts";
import { assembleTextGrid } from "./text-grid-table.ts";
import { TOLERANCES } from "./tolerances.ts";

/** A short line with a number under a page's table: a page number, a date (page furniture). */
const FURNITURE = /\d/;

/** What the text grid did with each page's text: lines in cells, header rows, title, footnote; pages it did not read, nothing. */
function textGridUses(textPages: readonly TextGridPage[], loose: PagesRead["loose"]): PageUse[] {
  const first = textPages[0]?.page ?? Infinity;
  const last = textPages.at(-1);
  const read = new Set(textPages.map((p) => p.page));
  const furniture = (b: { text: string }) => FURNITURE.test(b.text) && b.text.trim().length <= TOLERANCES.furnitureCharsCount;
  return [
    ...textPages.map((p) => ({
      page: p.page,
      lines: [...p.used, ...p.above, ...(p === last ? p.below : p.below.filter(furniture))],
      bands: [{ top: p.headerTop, bottom: p.headerBottom }],
    })),
    // a page before the table (a title page) or after it (a legend) is not the table's; one among its pages is
    ...loose.filter((l) => !read.has(l.page)).map((l) => ({ page: l.page, lines: [], bands: [], whole: l.page < first || l.page > (last?.page ?? -Infinity) })),
  ];
}

/** The table of the pages without rules, or null where their text makes none. */
export function textGridReading(read: PagesRead, file: string, breaks: Breaks): Reading | null {
  // as on a ruled page: a header label that names no column refuses the PDF rather than have its text given to a neighbour
  const unnamed = read.textPages.find((p) => p.unnamed.length > 0);
  if (unnamed) throw new FatalError("pdf/unknown-header", "label", { label: unnamed.unnamed[0] ?? "" }, { file, page: unnamed.page });
  const grid = assembleTextGrid(read.textPages, file, breaks);
  if (!grid) return null;
  return {
    table: {
      file,
      format: "pdf",
      title: grid.title === "" ? null : grid.title,
      footnote: grid.footnote === "" ? null : grid.footnote,
      columns: grid.columns,
      rows: grid.rows,
    },
    diagnostics: grid.diagnostics,
    uses: textGridUses(read.textPages, read.loose),
  };
}
