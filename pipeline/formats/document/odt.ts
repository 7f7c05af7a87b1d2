// OpenDocument text (.odt): the body's tables as grids (the table model of .ods: spans, covered
// cells, cell styles with fills), the paragraphs around each table kept for the title and the
// footnote. What Writer does not print is not read, and said so: a hidden section (with its
// tables), hidden paragraphs and text.
import type { Grid } from "../office/grid.ts";
import { hiddenTextFinding, isHidden, odfTable, odfText, openOdf, type OdfContext } from "../office/odf.ts";
import type { Package } from "../office/package.ts";
import { elements, find, type El } from "../office/xml-tree.ts";
import { groupAround } from "./docx.ts";

const LOOKED_INTO = new Set(["text:section", "text:list", "text:list-item", "text:list-header", "text:soft-page-break"]);

/** A section hidden outright (text:display="none"), or when its condition holds ("condition"): Writer hides both as saved. */
function hiddenSection(el: El, context: OdfContext): boolean {
  if (el.name !== "text:section") return false;
  const display = el.attrs["text:display"] ?? "true";
  return display === "none" || display === "condition" || isHidden(el, context);
}

/** Block-level content in order: paragraphs and headings (as text), tables; sections and lists are looked into. */
function blocks(el: El, context: OdfContext, out: (string | El)[] = []): (string | El)[] {
  for (const c of elements(el)) {
    if (c.name === "text:p" || c.name === "text:h") out.push(odfText(c, context));
    else if (c.name === "table:table") out.push(c);
    else if (hiddenSection(c, context)) hiddenTextFinding(context, `the section "${c.attrs["text:name"] ?? ""}"${find(c, "table:table") ? ", with a table," : ""}`);
    else if (LOOKED_INTO.has(c.name)) blocks(c, context, out);
  }
  return out;
}

export function odtGrids(pkg: Package): Grid[] {
  const { content, context } = openOdf(pkg);
  const text = find(content, "office:text");
  if (!text) return [];
  return groupAround(blocks(text, context), (table, n) => {
    const t = odfTable(table, context, (number, col) => `table ${n}, row ${number}, column ${col + 1}`);
    return { name: `table ${n}`, rows: t.rows, hidden: t.hidden, locate: (row: number, col: number) => `table ${n}, row ${t.numbers[row] ?? row + 1}, column ${col + 1}` };
  });
}
