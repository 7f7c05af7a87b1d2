// Opening an office file: a zip package (OOXML .xlsx/.docx, OpenDocument .ods/.odt) read within
// limits (zip.ts), its XML parts decoded as strict UTF-8 and parsed on demand. An encrypted,
// damaged or old binary file is refused with one line that says what to do.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { FatalError } from "../../diagnostics/fatal.ts";
import { parseXml, type El } from "./xml-tree.ts";
import { openZip } from "./zip.ts";

/** OLE compound file signature: an encrypted OOXML package, or an old binary .xls/.doc. */
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** A stream name inside the compound file's directory (names are UTF-16LE there). */
function hasStream(bytes: Uint8Array, name: string): boolean {
  const units = Array.from(name, (c) => c.charCodeAt(0));
  const first = units[0] ?? 0;
  for (let i = bytes.indexOf(first); i >= 0 && i + units.length * 2 <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    if (units.every((unit, k) => bytes[i + 2 * k] === (unit & 0xff) && bytes[i + 2 * k + 1] === unit >> 8)) return true;
  }
  return false;
}

export interface Package {
  file: string;
  /** what the readers found while reading the parts (hidden sheets, hidden text): warnings to pass on */
  findings: Diagnostic[];
  has(path: string): boolean;
  text(path: string): string;
  xml(path: string): El;
}


/** The offset of the first byte that breaks UTF-8, for the message. */
function firstBadByte(data: Uint8Array): number {
  for (let i = 0; i < data.length; ) {
    const b = data[i] ?? 0;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((data[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return data.length;
}

export function openPackage(bytes: Uint8Array, file: string): Package {
  if (bytes.length === 0) throw new FatalError("input/empty", "empty", {}, { file });
  if (startsWith(bytes, CFB)) {
    if (hasStream(bytes, "EncryptedPackage") || hasStream(bytes, "EncryptionInfo")) throw new FatalError("office/password", "password", {}, { file });
    throw new FatalError("office/old-binary", "old-binary", {}, { file });
  }
  if (!startsWith(bytes, ZIP)) throw new FatalError("office/not-zip", "not-zip", {}, { file });
  const zip = openZip(bytes, file);
  const names = new Set(zip.names);
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  const text = (path: string): string => {
    const data = zip.read(path);
    if (!data) throw new FatalError("office/damaged", "no-part", { part: path }, { file });
    try {
      // a part in UTF-16 (XML allows it; a byte-order mark says so) is decoded as such
      if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le", { fatal: true }).decode(data);
      if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16be", { fatal: true }).decode(data);
      return utf8.decode(data);
    } catch {
      // never U+FFFD in place of what the file holds: the bytes would be read as other text
      throw new FatalError("office/damaged", "not-utf8", { part: path, offset: firstBadByte(data) }, { file });
    }
  };
  const pkg: Package = { file, findings: [], has: (path) => names.has(path), text, xml: (path) => parseXml(text(path), file, path) };
  // an OpenDocument file saved with a password keeps its zip, but encrypts the parts
  if (pkg.has("META-INF/manifest.xml") && text("META-INF/manifest.xml").includes("encryption-data")) throw new FatalError("office/password", "password", {}, { file });
  return pkg;
}
