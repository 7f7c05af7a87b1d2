// The PDF's font: Roboto, shipped inside the pdfmake package itself, so that the PDF looks the
// same and embeds the same font on every machine (nothing depends on the system's fonts). The
// files are part of the library, read like its code, not input: nothing here reads a user's file.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export const FONT_FAMILY = "Roboto";

const FILES = {
  normal: "Roboto-Regular.ttf",
  bold: "Roboto-Medium.ttf",
  italics: "Roboto-Italic.ttf",
  bolditalics: "Roboto-MediumItalic.ttf",
} as const;

let cache: Map<string, Buffer> | undefined;

/** The font files by name, read once from node_modules/pdfmake/fonts/Roboto. */
export function fontFiles(): Map<string, Buffer> {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve("pdfmake/package.json")), "fonts", "Roboto");
  cache = new Map(Object.values(FILES).map((name) => [name, readFileSync(join(dir, name))]));
  return cache;
}

/** pdfmake's font table: family → style → file name (resolved through fontFiles()). */
export function fontDescriptors(): Record<string, Record<keyof typeof FILES, string>> {
  return { [FONT_FAMILY]: { ...FILES } };
}
