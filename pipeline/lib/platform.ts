// What the pipeline takes from the machine it runs on, in one place: a zlib inflater that checks
// the checksum (the PDF stream checks), MD5 (an undated PDF's file identifier), pdfmake's own modules and its font files (the PDF
// renderer), and the files of templates/. Here they come from Node and node_modules; the web
// page's build (scripts/bundle-app.js) puts pipeline/web/platform.ts in this module's place,
// which gives the same from what the page carries inside. Everything else the stages do runs
// as it is in both.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { inflateSync } from "node:zlib";

/** Code that only some work needs: pdf.js to read a PDF, pdfmake with its fonts to make one. */
export type PlatformPart = "pdf-reader" | "pdf-writer";

export interface Platform {
  /** makes a part ready before its first use (here it is loaded with the modules; the web page runs it only then) */
  prepare(part: PlatformPart): Promise<void>;
  /** zlib data inflated whole with its checksum checked; throws on damage (what follows the end is ignored) */
  inflate(data: Uint8Array): Uint8Array;
  /** the MD5 digest of a text's UTF-8 bytes (16 bytes) */
  md5(text: string): Uint8Array;
  /** one of pdfmake's modules (pdfmake/js/<name>), as CommonJS exports */
  pdfmakeModule(name: string): unknown;
  /** a font file shipped with pdfmake (fonts/Roboto/<name>) */
  fontFile(name: string): Uint8Array;
  /** a file of templates/ as text */
  template(name: string): string;
}

const require = createRequire(import.meta.url);

export const platform: Platform = {
  prepare: () => Promise.resolve(),
  inflate: (data) => inflateSync(data),
  md5: (text) => createHash("md5").update(text).digest(),
  pdfmakeModule: (name) => require(`pdfmake/js/${name}`) as unknown,
  fontFile: (name) => readFileSync(join(dirname(require.resolve("pdfmake/package.json")), "fonts", "Roboto", name)),
  template: (name) => readFileSync(new URL(`../../templates/${name}`, import.meta.url), "utf8"),
};
