// The integrity of a PDF's compressed streams. Page contents, fonts and their text mappings are
// deflate streams, each ending with a checksum of what it holds; pdf.js inflates them without
// checking it and stops quietly where the data breaks, so a damaged byte in a page or a font
// becomes missing or different text. zlib checks the checksum: a stream that fails it is damage.
import { platform } from "../../lib/platform.ts";

const KEYWORD = "stream";
const END = "endstream";
/** A stream dictionary's filters: one name or an array of names. */
const FILTER = /\/Filter\s*(\[[^\]]*\]|\/[^\s/<>[\]()]+)/;
/** The filters of ISO 32000 (the short names are for inline images only, which are not streams). */
const FILTERS = new Set(["ASCIIHexDecode", "ASCII85Decode", "LZWDecode", "FlateDecode", "RunLengthDecode", "CCITTFaxDecode", "JBIG2Decode", "DCTDecode", "JPXDecode", "Crypt"]);
const DIRECT_LENGTH = /\/Length\s+(\d+)(?!\s+\d+\s+R)/;
const OBJECT = /(\d+)\s+\d+\s+obj\s*$/;
/** How far back from a dictionary's start its "N 0 obj" is looked for. */
const OBJECT_WINDOW = 32;

export interface StreamDamage {
  /** the object number of the stream, when it can be told */
  object: number | null;
  reason: string;
}

const isSpace = (b: number | undefined): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;

/** The start of the dictionary that ends at `close` (the index of its ">>"), nested dictionaries skipped. */
function dictionaryStart(data: Uint8Array, close: number): number {
  let depth = 0;
  for (let i = close; i > 0; i--) {
    if (data[i] === 0x3e && data[i - 1] === 0x3e) {
      depth++;
      i--;
    } else if (data[i] === 0x3c && data[i - 1] === 0x3c) {
      depth--;
      i--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function latin1(data: Uint8Array, from: number, to: number): string {
  return new TextDecoder("latin1").decode(data.subarray(from, to));
}

/** Where the ASCII `needle` first occurs in `data` from `from`, or -1 (Buffer's indexOf, for a plain Uint8Array). */
function indexOfAscii(data: Uint8Array, needle: string, from: number): number {
  const first = needle.charCodeAt(0);
  for (let i = data.indexOf(first, from); i >= 0 && i + needle.length <= data.length; i = data.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && data[i + k] === needle.charCodeAt(k)) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

/**
 * The first deflate stream of the file that does not inflate whole with a good checksum, or null.
 * An encrypted file's streams cannot be checked before they are decrypted: none is checked.
 */
export function findDamagedStream(data: Uint8Array): StreamDamage | null {
  const bytes = data;
  if (indexOfAscii(bytes, "/Encrypt", 0) >= 0) return null;
  let from = 0;
  for (;;) {
    const at = indexOfAscii(bytes, KEYWORD, from);
    if (at < 0) return null;
    from = at + KEYWORD.length;
    // the keyword follows a dictionary's ">>" and is followed by an end of line
    let k = at - 1;
    while (k > 0 && isSpace(bytes[k])) k--;
    if (bytes[k] !== 0x3e || bytes[k - 1] !== 0x3e) continue;
    let start = from;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] !== 0x0a && bytes[start - 1] !== 0x0d) continue;
    if (bytes[start] === 0x0a) start++;
    const open = dictionaryStart(bytes, k);
    if (open < 0) continue;
    const dictionary = latin1(bytes, open, k + 1);
    const filter = FILTER.exec(dictionary)?.[1];
    if (filter === undefined) continue;
    const object = OBJECT.exec(latin1(bytes, Math.max(0, open - OBJECT_WINDOW), open));
    const number = object?.[1] === undefined ? null : Number(object[1]);
    // a misspelt filter leaves the stream undecoded: pdf.js would read its bytes as they are
    const names = filter.match(/[^\s/[\]]+/g) ?? [];
    const unknown = names.find((n) => !FILTERS.has(n));
    if (unknown !== undefined) return { object: number, reason: `a stream names a filter that does not exist (/${unknown})` };
    if (names[0] !== "FlateDecode") continue;
    const end = streamEnd(bytes, start, dictionary);
    if (end < 0) return { object: number, reason: "a compressed stream has no end" };
    try {
      platform.inflate(bytes.subarray(start, end));
    } catch {
      return { object: number, reason: "a compressed stream fails its checksum" };
    }
    from = end;
  }
}

/** Where a stream's data ends: after its direct /Length when "endstream" follows there, else at the next "endstream". */
function streamEnd(bytes: Uint8Array, start: number, dictionary: string): number {
  const length = DIRECT_LENGTH.exec(dictionary)?.[1];
  if (length !== undefined) {
    const end = start + Number(length);
    let k = end;
    while (k < bytes.length && isSpace(bytes[k])) k++;
    if (latin1(bytes, k, Math.min(bytes.length, k + END.length)) === END) return end;
  }
  // zlib ignores what follows the end of its data (the end of line before the keyword)
  return indexOfAscii(bytes, END, start);
}
