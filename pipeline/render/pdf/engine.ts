// pdfmake, opened up: its public API lays out and renders in one call, but a tagged PDF needs
// both steps separately — lay out (to learn where pages break), then render each laid-out item
// inside marked content tied to a structure element. These are pdfmake 0.3's own modules, used
// as its Printer uses them (pdfmake/src/Printer.js createPdfKitDocument).
import { platform } from "../../lib/platform.ts";
import { fontDescriptors, fontFiles } from "./fonts.ts";

const require = (name: string): unknown => platform.pdfmakeModule(name.replace(/^pdfmake\/js\//, ""));

/* The few shapes of pdfmake's internals this program touches. */

/** A text fragment as laid out; custom properties of the text node (here `_tag`) are carried along. */
export interface Inline {
  text: string;
  _tag?: Tag;
}
export interface LaidOutLine {
  inlines: Inline[];
  x: number;
  y: number;
  getHeight(): number;
}
export interface PageItem {
  type: "vector" | "line" | "image" | "svg" | "attachment" | "beginClip" | "endClip" | "beginVerticalAlignment" | "endVerticalAlignment";
  item: LaidOutLine & Record<string, unknown>;
}
export interface LaidOutPage {
  items: PageItem[];
  pageSize: { width: number; height: number };
}

/** What a text node is, for the structure tree: the key of its structure element. */
export interface Tag {
  key: string;
  /** printed again for the reader's eye only (a label continued on a new page): an artifact */
  repeat?: boolean;
  /** repeated by the layout on every page (the header rows): only its first drawing is content */
  once?: boolean;
}

/** pdfkit's document as extended by pdfmake (fonts by family), with the tagging API of pdfkit 0.19. */
export interface PdfKitDocument extends NodeJS.ReadableStream {
  info: Record<string, unknown>;
  _font: unknown;
  provideFont(family: string, bold: boolean, italics: boolean): unknown;
  fontSize(size: number): PdfKitDocument;
  fillColor(color: string): PdfKitDocument;
  widthOfString(text: string): number;
  text(text: string, x: number, y: number, options?: Record<string, unknown>): PdfKitDocument;
  addPage(options?: Record<string, unknown>): PdfKitDocument;
  page: { dictionary: unknown } | null;
  struct(type: string, options?: Record<string, unknown>, children?: unknown): StructElement;
  addStructure(element: StructElement): PdfKitDocument;
  markContent(tag: string, options?: Record<string, unknown> | null): PdfKitDocument;
  markStructureContent(tag: string, options?: Record<string, unknown>): unknown;
  endMarkedContent(): PdfKitDocument;
  /** an indirect object; written when ended */
  ref(data: Record<string, unknown>): PdfReference;
  getStructTreeRoot(): PdfReference;
  outline: OutlineItem;
  /** adds an rdf:Description to the XMP metadata */
  appendXML(xml: string, newline?: boolean): void;
  /** called at the end: writes the PDF/A (or PDF/UA) identification */
  endSubset(): void;
  end(): void;
  _addInfo(): void;
  /** the file identifier (the trailer's /ID), which pdfkit derives from the properties and the clock */
  _id: Buffer;
}
export interface PdfReference {
  data: Record<string, unknown>;
  end(): void;
}
export interface OutlineItem {
  /** `top` and `left` are measured from the page's top and right edges (pdfkit's convention) */
  addItem(title: string, options?: { pageNumber?: number; top?: number; left?: number; expanded?: boolean }): OutlineItem;
}
export interface StructElement {
  dictionary: { data: Record<string, unknown> };
  add(child: unknown): StructElement;
  end(): void;
}

interface Renderer {
  pdfDocument: PdfKitDocument;
  renderLine(line: LaidOutLine, x: number, y: number): void;
  renderVector(vector: unknown): void;
  renderImage(image: unknown): void;
  renderSVG(svg: unknown): void;
  renderAttachment(attachment: unknown): void;
  beginClip(rect: unknown): void;
  endClip(): void;
  beginVerticalAlignment(item: unknown): void;
  endVerticalAlignment(item: unknown): void;
  renderWatermark(page: unknown): void;
}
export type RendererClass = new (doc: PdfKitDocument, progress?: (fraction: number) => void) => Renderer;

const PdfmakeDocument = (require("pdfmake/js/PDFDocument.js") as { default: new (...args: unknown[]) => PdfKitDocument }).default;
const LayoutBuilder = (require("pdfmake/js/LayoutBuilder.js") as { default: new (...args: unknown[]) => LayoutBuilderInstance }).default;
const SVGMeasure = (require("pdfmake/js/SVGMeasure.js") as { default: new () => unknown }).default;
const { tableLayouts } = require("pdfmake/js/tableLayouts.js") as { tableLayouts: Record<string, unknown> };
const { normalizePageSize, normalizePageMargin } = require("pdfmake/js/PageSize.js") as {
  normalizePageSize: (size: unknown, orientation: unknown) => { width: number; height: number };
  normalizePageMargin: (margin: unknown) => unknown;
};
export const PdfmakeRenderer = (require("pdfmake/js/Renderer.js") as { default: RendererClass }).default;

interface LayoutBuilderInstance {
  registerTableLayouts(layouts: Record<string, unknown>): void;
  layoutDocument(content: unknown, doc: PdfKitDocument, styles: unknown, defaultStyle: unknown, background: unknown, header: unknown, footer: unknown, watermark: unknown, pageBreakBefore: unknown): LaidOutPage[];
}

/** The part of a pdfmake document definition this program uses. */
export interface DocDefinition {
  pageSize: string;
  pageOrientation: "landscape" | "portrait";
  pageMargins: [number, number, number, number];
  content: unknown[];
  styles?: Record<string, unknown>;
  defaultStyle: Record<string, unknown>;
}

export interface PdfOptions {
  info: Record<string, unknown>;
  lang: string;
  /** pdfkit "subset" (PDF/A or PDF/UA identification), none by default */
  subset?: string;
}

/** A pdfkit document that reads its fonts from memory (nothing from the file system at render time). */
export function createDocument(options: PdfOptions): PdfKitDocument {
  const files = fontFiles();
  const virtualfs = { existsSync: (name: string) => files.has(name), readFileSync: (name: string) => files.get(name) };
  const size = normalizePageSize("A4", "landscape");
  return new PdfmakeDocument(
    fontDescriptors(),
    {},
    {},
    {},
    {
      size: [size.width, size.height],
      pdfVersion: "1.7",
      tagged: true,
      displayTitle: true,
      compress: true,
      lang: options.lang,
      subset: options.subset,
      fontLayoutCache: true,
      bufferPages: false,
      autoFirstPage: false,
      info: options.info,
      font: null,
    },
    virtualfs,
    () => false,
  );
}

/** pdfmake's layout: the pages with every positioned line and vector. Mutates the definition. */
export function layOut(definition: DocDefinition, doc: PdfKitDocument): LaidOutPage[] {
  const size = normalizePageSize(definition.pageSize, definition.pageOrientation);
  const builder = new LayoutBuilder(size, normalizePageMargin(definition.pageMargins), new SVGMeasure());
  builder.registerTableLayouts(tableLayouts);
  return builder.layoutDocument(definition.content, doc, definition.styles ?? {}, definition.defaultStyle, undefined, undefined, undefined, undefined, undefined);
}
