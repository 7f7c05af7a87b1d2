// Opening an office file: a zip package (OOXML .xlsx/.docx, OpenDocument .ods/.odt) read with
// fflate, its XML parts parsed on demand. An encrypted, damaged or old binary file is refused
// with one line that says what to do.
import { strFromU8, unzipSync } from "fflate";
import { FatalError } from "../../diagnostics/fatal.ts";
import { parseXml, type El } from "./xml-tree.ts";

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
  has(path: string): boolean;
  text(path: string): string;
  xml(path: string): El;
}

const PASSWORD = "the file is protected by a password: save a copy without the password and read that";

export function openPackage(bytes: Uint8Array, file: string): Package {
  if (bytes.length === 0) throw new FatalError("input/empty", "the file is empty", { file });
  if (startsWith(bytes, CFB)) {
    if (hasStream(bytes, "EncryptedPackage") || hasStream(bytes, "EncryptionInfo")) throw new FatalError("office/password", PASSWORD, { file });
    throw new FatalError("office/old-binary", "an old binary .xls or .doc file: save it as .xlsx or .ods (a spreadsheet), .docx or .odt (a document) and read that", { file });
  }
  if (!startsWith(bytes, ZIP)) throw new FatalError("office/not-zip", "not a spreadsheet or document: the file is not a zip package (.xlsx, .ods, .docx and .odt all are)", { file });
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FatalError("office/damaged", `the file is damaged: its zip package cannot be opened (${reason}); was it cut short while copying?`, { file });
  }
  const text = (path: string): string => {
    const data = entries[path];
    if (!data) throw new FatalError("office/damaged", `the file is damaged: it has no part ${path}`, { file });
    return strFromU8(data);
  };
  const pkg: Package = { file, has: (path) => path in entries, text, xml: (path) => parseXml(text(path), file, path) };
  // an OpenDocument file saved with a password keeps its zip, but encrypts the parts
  if (pkg.has("META-INF/manifest.xml") && text("META-INF/manifest.xml").includes("encryption-data")) throw new FatalError("office/password", PASSWORD, { file });
  return pkg;
}
