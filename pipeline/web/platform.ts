// The platform of the web page (see lib/platform.ts, whose place it takes in the page's build):
// fflate for zlib with the checksum checked as Node's zlib checks it, MD5 in a few lines, the
// templates bundled inside the page, and pdf.js, pdfmake's modules and its fonts from the parts the
// page carries compressed (parts.ts), run when first needed. Nothing is fetched.
import { inflateSync } from "fflate";
import annexCss from "../../templates/annex.css";
import annexHtml from "../../templates/annex.html.hbs";
import printScript from "../../templates/annex-print.js.txt";
import searchScript from "../../templates/annex-search.js.txt";
import diffCss from "../../templates/diff.css";
import diffHtml from "../../templates/diff.html.hbs";
import labels from "../../templates/labels.yaml";
import type { Platform } from "../lib/platform.ts";
import { loadPart, partOf } from "./parts.ts";

/** The part "pdf-writer" (part-pdf-writer.ts). */
type PdfWriter = typeof import("./part-pdf-writer.ts");

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

/** MD5's per-round shifts and sines (RFC 1321). */
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const SINES = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

/** The MD5 digest of `bytes` (RFC 1321): 16 bytes, as Node's createHash("md5") gives them. */
function md5(bytes: Uint8Array): Uint8Array {
  const length = bytes.length;
  // the message, a 1 bit, zeros up to 56 bytes modulo 64, then its length in bits (little-endian)
  const padded = new Uint8Array((((length + 8) >> 6) + 1) * 64);
  padded.set(bytes);
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, (length * 8) >>> 0, true);
  view.setUint32(padded.length - 4, Math.floor(length / 2 ** 29), true);
  const state = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  const words = new Array<number>(16);
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) words[i] = view.getUint32(block + i * 4, true);
    let [a, b, c, d] = state as [number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const round = i >> 4;
      const f = round === 0 ? (b & c) | (~b & d) : round === 1 ? (d & b) | (~d & c) : round === 2 ? b ^ c ^ d : c ^ (b | ~d);
      const g = round === 0 ? i : round === 1 ? (5 * i + 1) % 16 : round === 2 ? (3 * i + 5) % 16 : (7 * i) % 16;
      const sum = (a + f + (SINES[i] ?? 0) + (words[g] ?? 0)) >>> 0;
      const shift = SHIFTS[round * 4 + (i % 4)] ?? 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << shift) | (sum >>> (32 - shift)))) >>> 0;
    }
    state[0] = ((state[0] ?? 0) + a) >>> 0;
    state[1] = ((state[1] ?? 0) + b) >>> 0;
    state[2] = ((state[2] ?? 0) + c) >>> 0;
    state[3] = ((state[3] ?? 0) + d) >>> 0;
  }
  const digest = new Uint8Array(16);
  const out = new DataView(digest.buffer);
  state.forEach((word, i) => {
    out.setUint32(i * 4, word, true);
  });
  return digest;
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
  md5: (text) => md5(new TextEncoder().encode(text)),
  prepare: loadPart,
  pdfmakeModule(name) {
    const module = partOf<PdfWriter>("pdf-writer").MODULES[name];
    if (module === undefined) throw new Error(`pdfmake/js/${name} is not in the page`);
    return module();
  },
  fontFile(name) {
    const bytes = partOf<PdfWriter>("pdf-writer").FONTS[name];
    if (bytes === undefined) throw new Error(`font ${name} is not in the page`);
    return bytes;
  },
  template(name) {
    const text = TEMPLATES[name];
    if (text === undefined) throw new Error(`template ${name} is not in the page`);
    return text;
  },
};
