// The zip package of an office file, read within limits on what it unpacks to, not on what it
// weighs: a few megabytes of zip can inflate to gigabytes. The central directory is read by
// hand; each part is inflated only when a reader asks for it, by fflate's streaming inflater,
// counting the bytes as they come and stopping at the limit, and checked against the size and
// CRC-32 the directory declares, so a damaged or lying entry is refused, not read as it falls.
import { Inflate } from "fflate";
import { FatalError } from "../../diagnostics/fatal.ts";
import { ph, type Param, type Phrase } from "../../messages/catalogue.ts";

/** What one part may inflate to: an annex's largest part (a document's body) is a few megabytes. */
export const MAX_PART_BYTES = 32 * 1024 * 1024;
/** What all the parts read may inflate to together. */
export const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
/** Entries in the directory: an office file has tens; a zip may claim millions. */
export const MAX_ENTRIES = 100_000;

const MIB = 1024 * 1024;
/** Compressed bytes pushed to the inflater at a time (deflate inflates at most ~1000 times). */
const CHUNK = 16 * 1024;

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** What is wrong with the zip, in the person's language (a phrase of the catalogue). */
class Damaged extends Error {
  constructor(readonly detail: Phrase) {
    super(detail.phrase);
  }
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return ~c >>> 0;
}

class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private need(at: number, n: number): void {
    if (!Number.isSafeInteger(at) || at < 0 || at + n > this.bytes.length) throw new Damaged(ph("zip.past-end"));
  }
  u16(at: number): number {
    this.need(at, 2);
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    this.need(at, 4);
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    const low = this.u32(at);
    const high = this.u32(at + 4);
    if (high >= 0x200000) throw new Damaged(ph("zip.size-64"));
    return high * 0x100000000 + low;
  }
  slice(at: number, n: number): Uint8Array {
    this.need(at, n);
    return this.bytes.subarray(at, at + n);
  }
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEnd(r: Reader): number {
  const last = r.bytes.length - 22;
  for (let at = last; at >= Math.max(0, last - 0xffff); at--) if (r.u32(at) === EOCD) return at;
  throw new Damaged(ph("zip.no-directory"));
}

function directory(r: Reader): Entry[] {
  const end = findEnd(r);
  let count = r.u16(end + 10);
  let offset = r.u32(end + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || r.u32(locator) !== EOCD64_LOCATOR) throw new Damaged(ph("zip.no-locator"));
    const end64 = r.u64(locator + 8);
    if (r.u32(end64) !== EOCD64) throw new Damaged(ph("zip.no-record"));
    count = r.u64(end64 + 32);
    offset = r.u64(end64 + 48);
  }
  if (count > MAX_ENTRIES) throw new Damaged(ph("zip.entries", { count, max: MAX_ENTRIES }));
  const names = new TextDecoder("utf-8");
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (r.u32(at) !== CENTRAL) throw new Damaged(ph("zip.entry-misplaced", { n: i + 1 }));
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const entry: Entry = {
      flags: r.u16(at + 8),
      method: r.u16(at + 10),
      crc: r.u32(at + 16),
      compressedSize: r.u32(at + 20),
      size: r.u32(at + 24),
      localOffset: r.u32(at + 42),
      name: names.decode(r.slice(at + 46, nameLength)),
    };
    zip64Sizes(r, entry, at + 46 + nameLength, extraLength);
    entries.push(entry);
    at += 46 + nameLength + extraLength + r.u16(at + 32);
  }
  return entries;
}

/** The zip64 extra field holds, in order, the sizes and offset the record marks 0xffffffff. */
function zip64Sizes(r: Reader, entry: Entry, extra: number, length: number): void {
  const wide = (["size", "compressedSize", "localOffset"] as const).filter((k) => entry[k] === 0xffffffff);
  if (wide.length === 0) return;
  for (let at = extra; at + 4 <= extra + length; at += 4 + r.u16(at + 2)) {
    if (r.u16(at) !== 0x0001) continue;
    wide.forEach((k, i) => (entry[k] = r.u64(at + 4 + 8 * i)));
    return;
  }
  throw new Damaged(ph("zip.no-sizes", { name: entry.name }));
}

export interface ZipPackage {
  names: readonly string[];
  /** the entry's bytes, inflated within the limits; undefined when there is no such entry */
  read(name: string): Uint8Array | undefined;
  /** an entry is encrypted (a zip password, not an office one) */
  encrypted: boolean;
}

/** Opens the zip's directory; a damaged one, or one past the limits, is a fatal error naming the file. */
export function openZip(bytes: Uint8Array, file: string): ZipPackage {
  const r = new Reader(bytes);
  const damaged = (reason: Param) =>
    new FatalError("office/damaged", "zip-detail", { reason }, { file });
  let entries: Entry[];
  try {
    entries = directory(r);
  } catch (error) {
    if (error instanceof Damaged) throw damaged(error.detail);
    throw error;
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  let inflated = 0;
  const cache = new Map<string, Uint8Array>();
  const read = (name: string): Uint8Array | undefined => {
    const entry = byName.get(name);
    if (!entry) return undefined;
    const known = cache.get(name);
    if (known) return known;
    const tooLarge = (what: Param) =>
      new FatalError(
        "office/too-large",
        "part",
        { part: name, what, partMib: MAX_PART_BYTES / MIB, totalMib: MAX_TOTAL_BYTES / MIB },
        { file },
      );
    if (entry.size > MAX_PART_BYTES) throw tooLarge(ph("limit.unpack-to", { mib: Math.ceil(entry.size / MIB) }));
    const room = Math.min(MAX_PART_BYTES, MAX_TOTAL_BYTES - inflated);
    if (entry.size > room) throw tooLarge(ph("limit.unpack-past", { mib: MAX_TOTAL_BYTES / MIB }));
    let data: Uint8Array;
    try {
      const start = entry.localOffset;
      if (r.u32(start) !== LOCAL) throw new Damaged(ph("zip.part-misplaced", { name }));
      const raw = r.slice(start + 30 + r.u16(start + 26) + r.u16(start + 28), entry.compressedSize);
      if (entry.method === 0) data = raw;
      // inflated no further than the size the directory declares (itself within the limits): a lie is found at that size
      else if (entry.method === 8) data = inflateWithin(raw, entry.size, () => new Damaged(ph("zip.unpacks-more", { name, size: entry.size })));
      else throw new Damaged(ph("zip.method", { name, method: entry.method }));
      if (data.length !== entry.size) throw new Damaged(ph("zip.unpacks-other", { name, length: data.length, size: entry.size }));
      if (crc32(data) !== entry.crc) throw new Damaged(ph("zip.crc", { name }));
    } catch (error) {
      if (error instanceof Damaged) throw damaged(error.detail);
      if (error instanceof FatalError) throw error;
      throw damaged(ph("zip.entry-error", { name, error: error instanceof Error ? error.message : String(error) }));
    }
    inflated += data.length;
    cache.set(name, data);
    return data;
  };
  return { names: entries.map((e) => e.name), read, encrypted: entries.some((e) => (e.flags & 1) !== 0) };
}

/** Inflates `raw`, refusing (with `tooLarge`) once the output passes `limit` bytes. */
function inflateWithin(raw: Uint8Array, limit: number, tooLarge: () => Error): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  // fflate throws on a stream that stops before its last block, once told the input is final
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw tooLarge();
    chunks.push(chunk);
  });
  if (raw.length === 0) inflater.push(raw, true);
  for (let at = 0; at < raw.length; at += CHUNK) inflater.push(raw.subarray(at, at + CHUNK), at + CHUNK >= raw.length);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
