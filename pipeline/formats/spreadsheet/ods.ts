// OpenDocument spreadsheet (.ods): each sheet (table:table in content.xml) as a grid; fills from
// the cell styles of content.xml and styles.xml.
import { columnLetters } from "../../lib/workbook/cell-ref.ts";
import type { Grid } from "../office/grid.ts";
import { odfTable, openOdf } from "../office/odf.ts";
import type { Package } from "../office/package.ts";
import { elements, find } from "../office/xml-tree.ts";

export function odsGrids(pkg: Package): Grid[] {
  const { content, fillOf } = openOdf(pkg);
  const spreadsheet = find(content, "office:spreadsheet");
  if (!spreadsheet) return [];
  return elements(spreadsheet, "table:table").map((el) => {
    const t = odfTable(el, fillOf);
    return {
      name: t.name,
      rows: t.rows,
      hidden: t.hidden,
      before: [],
      after: [],
      locate: (row: number, col: number) => `${t.name}!${columnLetters(col)}${t.numbers[row] ?? row + 1}`,
    };
  });
}
