// OpenDocument text (.odt): the body's tables as grids (the table model of .ods: spans, covered
// cells, cell styles with fills), the paragraphs around each table kept for the title and the
// footnote.
import type { Grid } from "../office/grid.ts";
import { odfTable, odfText, openOdf } from "../office/odf.ts";
import type { Package } from "../office/package.ts";
import { elements, find, type El } from "../office/xml-tree.ts";
import { groupAround } from "./docx.ts";

const LOOKED_INTO = new Set(["text:section", "text:list", "text:list-item"]);

/** Block-level content in order: paragraphs and headings (as text), tables; sections and lists are looked into. */
function blocks(el: El, out: (string | El)[] = []): (string | El)[] {
  for (const c of elements(el)) {
    if (c.name === "text:p" || c.name === "text:h") out.push(odfText(c));
    else if (c.name === "table:table") out.push(c);
    else if (LOOKED_INTO.has(c.name)) blocks(c, out);
  }
  return out;
}

export function odtGrids(pkg: Package): Grid[] {
  const { content, fillOf } = openOdf(pkg);
  const text = find(content, "office:text");
  if (!text) return [];
  return groupAround(blocks(text), (table, n) => {
    const t = odfTable(table, fillOf);
    return { name: `table ${n}`, rows: t.rows, hidden: t.hidden, locate: (row: number, col: number) => `table ${n}, row ${t.numbers[row] ?? row + 1}, column ${col + 1}` };
  });
}
