// The zip package of an office file, written with fflate: entries in the given order (the
// first, uncompressed, may be a `mimetype` as OpenDocument asks), every entry with the same
// fixed date, so that the same workbook always gives the same bytes: the document's date, or,
// for a document without one, the zip format's earliest (1 January 1980), which says nothing.
import { strToU8, zipSync, type Zippable } from "fflate";

export function zipPackage(parts: readonly [string, string][], date: Date | null, store: ReadonlySet<string> = new Set()): Uint8Array {
  // a zip's dates are local DOS times from 1980: keep the UTC date's fields as they are
  const mtime = date === null ? new Date(1980, 0, 1) : new Date(Math.max(date.getUTCFullYear(), 1980), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
  const files: Zippable = {};
  for (const [path, text] of parts) files[path] = [strToU8(text), { level: store.has(path) ? 0 : 6, mtime }];
  return zipSync(files);
}

/** Characters XML 1.0 cannot hold at all (controls other than tab, line feed, carriage return). */
// eslint-disable-next-line no-control-regex -- these control characters are what the pattern is for
export const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

