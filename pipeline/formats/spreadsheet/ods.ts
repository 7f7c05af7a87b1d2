// OpenDocument spreadsheet (.ods): each visible sheet (table:table in content.xml) as a grid;
// fills from the cell styles of content.xml and styles.xml. A sheet hidden by its table style
// (table:display="false") is not read, and said so.
import { diag } from "../../diagnostics/rules.ts";
import { columnLetters } from "../../lib/workbook/cell-ref.ts";
import type { Grid } from "../office/grid.ts";
import { odfTable, openOdf } from "../office/odf.ts";
import type { Package } from "../office/package.ts";
import { elements, find } from "../office/xml-tree.ts";

export function odsGrids(pkg: Package): Grid[] {
  const { content, context } = openOdf(pkg);
  const spreadsheet = find(content, "office:spreadsheet");
  if (!spreadsheet) return [];
  return elements(spreadsheet, "table:table").flatMap((el) => {
    const name = el.attrs["table:name"] ?? "";
    if (context.hiddenTables.has(el.attrs["table:style-name"] ?? "")) {
      pkg.findings.push(diag("office/hidden-sheet", "hidden", { name }, { file: pkg.file }));
      return [];
    }
    const t = odfTable(el, context, (number, col) => `${name}!${columnLetters(col)}${number}`);
    return [
      {
        name: t.name,
        rows: t.rows,
        hidden: t.hidden,
        before: [],
        after: [],
        locate: (row: number, col: number) => `${t.name}!${columnLetters(col)}${t.numbers[row] ?? row + 1}`,
      },
    ];
  });
}
