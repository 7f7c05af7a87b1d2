// The PDF's bookmarks (outline): one per function and, under it, one per macro process, each
// pointing at the page and the height where its merged cell starts, so that a reader jumps to
// "D1 INTERNAZIONALIZZAZIONE" as from the HTML's table of contents.
import type { AnnexLayout, Span } from "../layout.ts";
import { keys } from "./definition.ts";
import type { LaidOutPage, OutlineItem, PdfKitDocument } from "./engine.ts";

/** Where each merged cell's label is first drawn as content (not as a label printed again). */
function startsOf(pages: readonly LaidOutPage[]): Map<string, { page: number; y: number }> {
  const starts = new Map<string, { page: number; y: number }>();
  pages.forEach((page, index) => {
    for (const { type, item } of page.items) {
      if (type !== "line") continue;
      const tag = item.inlines[0]?._tag;
      if (!tag || tag.repeat === true || starts.has(tag.key)) continue;
      starts.set(tag.key, { page: index, y: item.y });
    }
  });
  return starts;
}

/** Room left above a bookmarked label, in points, so that it is not at the very edge of the window. */
const ABOVE = 6;

export function addOutline(doc: PdfKitDocument, layout: AnnexLayout, pages: readonly LaidOutPage[]): void {
  const starts = startsOf(pages);
  const add = (parent: OutlineItem, span: Span, expanded: boolean): OutlineItem | null => {
    const start = starts.get(keys.span(span.id));
    const page = pages[start?.page ?? -1];
    if (span.label === "" || !start || !page) return null;
    // pdfkit measures `left` from the right edge: the page's width puts the view at its left edge
    return parent.addItem(span.label, { pageNumber: start.page, top: Math.max(0, start.y - ABOVE), left: page.pageSize.width, expanded });
  };
  const functions = layout.spans.function;
  let f = 0;
  let current: OutlineItem | null = null;
  for (const macro of layout.spans.macro) {
    // the function whose cell covers the macro process's first row
    while (f < functions.length && (functions[f]?.first ?? 0) + (functions[f]?.count ?? 0) <= macro.first) {
      f++;
      current = null;
    }
    const fn = functions[f];
    if (fn && fn.first <= macro.first && current === null && fn.label !== "") current = add(doc.outline, fn, true);
    add(fn && fn.label !== "" && current ? current : doc.outline, macro, false);
  }
}
