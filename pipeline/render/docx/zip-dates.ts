// Zip writers stamp every entry with the current time, so two builds of the same DOCX differ.
// This sets the modification date of every entry (central directory and local headers) to a
// fixed date, in place: the contents, sizes and checksums are untouched. A document without a
// date gets the zip format's earliest (1 January 1980), which says nothing.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function dosDateTime(date: Date | null): { time: number; date: number } {
  if (date === null) return { time: 0, date: (1 << 5) | 1 };
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

export function setZipDates(zip: Uint8Array, when: Date | null): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let eocd = -1;
  // the end record is in the last 22 + 65535 bytes (its comment is at most 65535 bytes)
  for (let at = out.length - 22; at >= Math.max(0, out.length - 22 - 65535); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip file: no end of central directory");
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const stamp = dosDateTime(when);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error(`zip central directory entry ${i} is damaged`);
    view.setUint16(at + 12, stamp.time, true);
    view.setUint16(at + 14, stamp.date, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL) throw new Error(`zip local header of entry ${i} is damaged`);
    view.setUint16(local + 10, stamp.time, true);
    view.setUint16(local + 12, stamp.date, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}
