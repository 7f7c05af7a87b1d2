// Draws pdfmake's laid-out pages into pdfkit with every piece of content marked: text that
// belongs to a structure element goes in marked content tied to it (MCID); everything else —
// ruling lines, shading, page numbers, header rows repeated on later pages, labels printed again
// where a merged cell continues — is an artifact. pdfmake's own `tagged` option only writes an
// empty structure tree; this gives the tree its content.
import { PdfmakeRenderer, type LaidOutPage, type PdfKitDocument } from "./engine.ts";
import { COLOURS, PAGE_NUMBER_SIZE, PDF_STYLE } from "../print-style.ts";
import { FONT_FAMILY } from "./fonts.ts";
import type { Tagged } from "./structure.ts";

type ArtifactType = "Layout" | "Pagination";

export interface PageFurniture {
  /** the page-number line ("Pagina 3 di 19"), drawn here because the pages come from separate layouts and only now is their number known */
  footer: (page: number, pages: number) => string;
  /** printed at the top of every page (an example's "ESEMPIO — non pubblicare"), or null */
  mark: string | null;
}

/** Draws the pages, each with its furniture. */
export function renderTagged(doc: PdfKitDocument, pages: readonly LaidOutPage[], tagged: ReadonlyMap<string, Tagged>, furniture: PageFurniture): void {
  const renderer = new PdfmakeRenderer(doc);
  /** the page on which a structure element got its content: drawn on a later page, it is a repetition */
  const firstPage = new Map<string, number>();
  let open: ArtifactType | null = null;
  const closeArtifact = () => {
    if (open !== null) doc.endMarkedContent();
    open = null;
  };
  const artifact = (type: ArtifactType) => {
    if (open === type) return;
    closeArtifact();
    doc.markContent("Artifact", { type });
    open = type;
  };

  pages.forEach((page, pageIndex) => {
    doc.addPage({ size: [page.pageSize.width, page.pageSize.height] });
    for (const { type, item } of page.items) {
      switch (type) {
        case "line": {
          const tag = item.inlines[0]?._tag;
          const target = tag ? tagged.get(tag.key) : undefined;
          const seenOn = tag ? firstPage.get(tag.key) : undefined;
          // a row taller than a page continues on the next: its cells are content on every page;
          // the header rows, repeated on every page, only where first drawn
          if (tag && target && !tag.repeat && (!tag.once || seenOn === undefined || seenOn === pageIndex)) {
            firstPage.set(tag.key, pageIndex);
            closeArtifact();
            target.element.add(doc.markStructureContent(target.role));
            renderer.renderLine(item, item.x, item.y);
            doc.endMarkedContent();
          } else {
            artifact("Pagination");
            renderer.renderLine(item, item.x, item.y);
          }
          break;
        }
        case "vector":
          artifact("Layout");
          renderer.renderVector(item);
          break;
        case "image":
          artifact("Layout");
          renderer.renderImage(item);
          break;
        case "svg":
          artifact("Layout");
          renderer.renderSVG(item);
          break;
        case "attachment":
          renderer.renderAttachment(item);
          break;
        case "beginClip":
          closeArtifact(); // graphics-state changes stay outside marked content
          renderer.beginClip(item);
          break;
        case "endClip":
          closeArtifact(); // graphics-state changes stay outside marked content
          renderer.endClip();
          break;
        case "beginVerticalAlignment":
          closeArtifact(); // graphics-state changes stay outside marked content
          renderer.beginVerticalAlignment(item);
          break;
        case "endVerticalAlignment":
          closeArtifact(); // graphics-state changes stay outside marked content
          renderer.endVerticalAlignment(item);
          break;
      }
    }
    artifact("Pagination");
    const text = furniture.footer(pageIndex + 1, pages.length);
    doc._font = doc.provideFont(FONT_FAMILY, false, false);
    doc.fontSize(PAGE_NUMBER_SIZE).fillColor(COLOURS.text);
    const [left, top, right, bottom] = PDF_STYLE.margins;
    const x = page.pageSize.width - right - doc.widthOfString(text);
    doc.text(text, x, page.pageSize.height - bottom + PDF_STYLE.pageNumberDrop, { lineBreak: false });
    if (furniture.mark !== null) {
      // in the top margin of every page, for whoever sees one page alone (the first page says it in its title block too)
      doc._font = doc.provideFont(FONT_FAMILY, true, false);
      doc.fontSize(PDF_STYLE.exampleSize).fillColor(COLOURS.example);
      doc.text(furniture.mark, left, top - PDF_STYLE.exampleRise - PDF_STYLE.exampleSize, { lineBreak: false });
    }
    closeArtifact();
  });
}
