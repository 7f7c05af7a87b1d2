// The PDF's font: Roboto, shipped inside the pdfmake package itself, so that the PDF looks the
// same and embeds the same font on every machine (nothing depends on the system's fonts). The
// files are part of the library, read like its code, not input: nothing here reads a user's file.
import { platform } from "../../lib/platform.ts";

export const FONT_FAMILY = "Roboto";

const FILES = {
  normal: "Roboto-Regular.ttf",
  bold: "Roboto-Medium.ttf",
  italics: "Roboto-Italic.ttf",
  bolditalics: "Roboto-MediumItalic.ttf",
} as const;

let cache: Map<string, Uint8Array> | undefined;

/** The font files by name, read once from pdfmake's fonts/Roboto. */
export function fontFiles(): Map<string, Uint8Array> {
  if (cache) return cache;
  cache = new Map(Object.values(FILES).map((name) => [name, platform.fontFile(name)]));
  return cache;
}

/** pdfmake's font table: family → style → file name (resolved through fontFiles()). */
export function fontDescriptors(): Record<string, Record<keyof typeof FILES, string>> {
  return { [FONT_FAMILY]: { ...FILES } };
}
