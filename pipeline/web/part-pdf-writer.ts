// The page's part "pdf-writer" (see parts.ts): pdfmake's modules, with pdfkit (its build for
// browsers), and the Roboto fonts the PDF embeds. The modules are CommonJS, each evaluated when the
// renderer first asks for it.
import italics from "pdfmake/fonts/Roboto/Roboto-Italic.ttf";
import bold from "pdfmake/fonts/Roboto/Roboto-Medium.ttf";
import bolditalics from "pdfmake/fonts/Roboto/Roboto-MediumItalic.ttf";
import normal from "pdfmake/fonts/Roboto/Roboto-Regular.ttf";

/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS modules the bundler includes */
export const MODULES: Record<string, () => unknown> = {
  "LayoutBuilder.js": (): unknown => require("pdfmake/js/LayoutBuilder.js"),
  "PageSize.js": (): unknown => require("pdfmake/js/PageSize.js"),
  "PDFDocument.js": (): unknown => require("pdfmake/js/PDFDocument.js"),
  "Renderer.js": (): unknown => require("pdfmake/js/Renderer.js"),
  "SVGMeasure.js": (): unknown => require("pdfmake/js/SVGMeasure.js"),
  "tableLayouts.js": (): unknown => require("pdfmake/js/tableLayouts.js"),
};
/* eslint-enable @typescript-eslint/no-require-imports */

export const FONTS: Record<string, Uint8Array> = {
  "Roboto-Regular.ttf": normal,
  "Roboto-Medium.ttf": bold,
  "Roboto-Italic.ttf": italics,
  "Roboto-MediumItalic.ttf": bolditalics,
};
