// The platform of the web page (see lib/platform.ts, whose place it takes in the page's build):
// fflate for zlib with the checksum checked as Node's zlib checks it, pdfmake's modules and
// fonts and the templates bundled inside the page. Nothing is fetched.
import { inflateSync } from "fflate";
import italics from "pdfmake/fonts/Roboto/Roboto-Italic.ttf";
import bold from "pdfmake/fonts/Roboto/Roboto-Medium.ttf";
import bolditalics from "pdfmake/fonts/Roboto/Roboto-MediumItalic.ttf";
import normal from "pdfmake/fonts/Roboto/Roboto-Regular.ttf";
import annexCss from "../../templates/annex.css";
import annexHtml from "../../templates/annex.html.hbs";
import printScript from "../../templates/annex-print.js.txt";
import searchScript from "../../templates/annex-search.js.txt";
import diffCss from "../../templates/diff.css";
import diffHtml from "../../templates/diff.html.hbs";
import labels from "../../templates/labels.yaml";
import type { Platform } from "../lib/platform.ts";

/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS modules the bundler includes, evaluated only when the PDF is rendered (pdfkit alone is 2 MB of script the page would otherwise run as it opens) */
const MODULES: Record<string, () => unknown> = {
  "LayoutBuilder.js": (): unknown => require("pdfmake/js/LayoutBuilder.js"),
  "PageSize.js": (): unknown => require("pdfmake/js/PageSize.js"),
  "PDFDocument.js": (): unknown => require("pdfmake/js/PDFDocument.js"),
  "Renderer.js": (): unknown => require("pdfmake/js/Renderer.js"),
  "SVGMeasure.js": (): unknown => require("pdfmake/js/SVGMeasure.js"),
  "tableLayouts.js": (): unknown => require("pdfmake/js/tableLayouts.js"),
};
/* eslint-enable @typescript-eslint/no-require-imports */

const FONTS: Record<string, Uint8Array> = {
  "Roboto-Regular.ttf": normal,
  "Roboto-Medium.ttf": bold,
  "Roboto-Italic.ttf": italics,
  "Roboto-MediumItalic.ttf": bolditalics,
};

const TEMPLATES: Record<string, string> = {
  "annex.css": annexCss,
  "annex.html.hbs": annexHtml,
  "annex-print.js": printScript,
  "annex-search.js": searchScript,
  "diff.css": diffCss,
  "diff.html.hbs": diffHtml,
  "labels.yaml": labels,
};

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 bytes is the most that can be summed before the sums must be reduced (zlib's NMAX)
  for (let start = 0; start < data.length; start += 5552) {
    const end = Math.min(start + 5552, data.length);
    for (let i = start; i < end; i++) {
      a += data[i] ?? 0;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** What may follow a zlib stream's checksum before the stream's end: an end of line and some spaces. */
const TRAILING = 8;

export const platform: Platform = {
  inflate(data) {
    const cmf = data[0] ?? 0;
    const flg = data[1] ?? 0;
    if (data.length < 6 || (cmf & 0x0f) !== 8 || ((cmf << 8) | flg) % 31 !== 0 || (flg & 0x20) !== 0) throw new Error("incorrect header check");
    const out = inflateSync(data.subarray(2));
    const sum = adler32(out);
    // fflate does not say where the deflate data ended: the checksum is the four bytes after it
    for (let end = data.length; end >= Math.max(6, data.length - TRAILING); end--) {
      const stored = (((data[end - 4] ?? 0) << 24) | ((data[end - 3] ?? 0) << 16) | ((data[end - 2] ?? 0) << 8) | (data[end - 1] ?? 0)) >>> 0;
      if (stored === sum) return out;
    }
    throw new Error("incorrect data check");
  },
  pdfmakeModule(name) {
    const module = MODULES[name];
    if (module === undefined) throw new Error(`pdfmake/js/${name} is not in the page`);
    return module();
  },
  fontFile(name) {
    const bytes = FONTS[name];
    if (bytes === undefined) throw new Error(`font ${name} is not in the page`);
    return bytes;
  },
  template(name) {
    const text = TEMPLATES[name];
    if (text === undefined) throw new Error(`template ${name} is not in the page`);
    return text;
  },
};
