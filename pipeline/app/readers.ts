// The input formats, in one table: each kind of file with the reader that turns it into a raw
// table (a printed annex, to be repaired) or into the annex itself (annex data, the working
// copy). Readers are loaded only when a file of their kind is read: pdf.js alone takes a good
// part of a second to load, and a command on annex data never needs it. A new input format is
// one more entry here.
import type { Diagnostic, Place } from "../diagnostics/diagnostic.ts";
import { FatalError, type FatalArgs } from "../diagnostics/fatal.ts";
import { at } from "../lib/at.ts";
import { ANNEX_FILE } from "../model/files.ts";
import type { HeaderKind } from "../model/header-words.ts";
import type { RawTable } from "../model/raw.ts";
import type { SheetSettings } from "../formats/spreadsheet/working-copy/settings.ts";
import { MAX_BINARY_BYTES, MAX_TEXT_BYTES, openInput, readInput } from "./input-file.ts";

export type SourceKind = "pdf" | "text-layer" | "annex-data" | "office";

interface Format {
  kind: SourceKind;
  /** its file name extensions, in the order a plan-year folder is searched for its source */
  extensions: readonly string[];
  /** the extension alone tells the format (text formats whose first bytes say nothing) */
  byExtension?: true;
  /** the bytes a file of this format starts with (within its first kilobyte); a file with one of
   * its extensions that lacks them is refused with this rule and reason (if the extension does
   * not tell the format alone) */
  signature?: { bytes: string; refusal?: FatalArgs };
  /** the format of a file nothing else identifies */
  fallback?: true;
}

/** What a reader gives: the raw table of a printed annex (for repair), or the annex itself (for validation), with where each code was read. */
export type SourceRead =
  | { table: RawTable; diagnostics: Diagnostic[] }
  | { annex: unknown; provenance?: Map<string, Place>; diagnostics: Diagnostic[]; example?: boolean; settings?: SheetSettings; kept?: boolean };

/** What a reader may be told beside the file. */
export interface ReadOptions {
  /** the body's own words (its other annexes, its structures): they settle line breaks the file alone cannot */
  words?: readonly string[];
  /** header labels the plan names in its own words (plan.yaml `columns`) */
  columns?: Readonly<Record<string, HeaderKind>>;
  /** the plan-year folder's name, when the file sits in one */
  planYears?: string;
  /** told as each page of a PDF is read */
  onPage?: (page: number, pages: number) => Promise<void>;
}

/** A reader: `parse` takes the file's bytes (what the web page has), `read` the file's path (what the command line has). */
export type Reader = Format & {
  /** the largest file of this format read */
  maxBytes: number;
  parse(bytes: Uint8Array, file: string, options: ReadOptions): Promise<SourceRead>;
  read(file: string, options: ReadOptions): Promise<SourceRead>;
};

/** Text as Node's Buffer decodes it: malformed bytes replaced, a byte order mark kept. */
export function utf8(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

const FORMATS: readonly (Format & { maxBytes: number; parse: Reader["parse"] })[] = [
  {
    kind: "annex-data",
    extensions: [".yaml", ".yml", ".json"],
    byExtension: true,
    maxBytes: MAX_TEXT_BYTES,
    async parse(bytes, file) {
      const { readAnnexData } = await import("../formats/annex-data/read.ts");
      return readAnnexData(utf8(bytes), file);
    },
  },
  {
    // a spreadsheet or a document: the office's working copy, or the annex laid out as printed;
    // which of the four formats is told by the zip package's content
    kind: "office",
    extensions: [".xlsx", ".ods", ".docx", ".odt"],
    byExtension: true,
    signature: { bytes: "PK\u0003\u0004" },
    maxBytes: MAX_BINARY_BYTES,
    async parse(bytes, file, options) {
      const { readOffice } = await import("../formats/office/read.ts");
      return readOffice(bytes, file, options);
    },
  },
  {
    kind: "pdf",
    extensions: [".pdf"],
    signature: { bytes: "%PDF-", refusal: ["input/not-pdf", "signature", {}] },
    maxBytes: MAX_BINARY_BYTES,
    async parse(bytes, file, options) {
      const { extractPdf } = await import("../extract/pdf/index.ts");
      return extractPdf(bytes, file, options);
    },
  },
  {
    kind: "text-layer",
    extensions: [".txt"],
    fallback: true,
    maxBytes: MAX_TEXT_BYTES,
    async parse(bytes, file) {
      const { readTextLayer } = await import("../extract/text-layer/read.ts");
      return readTextLayer(utf8(bytes), file);
    },
  },
];

export const READERS: readonly Reader[] = FORMATS.map((format) => ({
  ...format,
  async read(file: string, options: ReadOptions) {
    return format.parse(new Uint8Array(await readInput(file, format.maxBytes)), file, options);
  },
}));

/** The names a plan-year folder's source may have, in order of preference. */
export const SOURCE_NAMES: readonly string[] = READERS.flatMap((reader) => reader.extensions.map((ext) => `${ANNEX_FILE}${ext}`));

/** How many bytes are looked at to recognise a format. */
const HEAD = 1024;

/** The first bytes of a file, and only those: /dev/zero or a FIFO is refused, not read (see openInput). */
async function head(file: string): Promise<Buffer> {
  const { handle } = await openInput(file);
  try {
    const buffer = Buffer.alloc(HEAD);
    const { bytesRead } = await handle.read(buffer, 0, HEAD, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A file name's extension, lower case, with its dot ("" when none). */
export function extensionOf(file: string): string {
  const name = file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

/** The reader of `file`: by its extension where that tells, else by its first bytes. */
export async function readerFor(file: string): Promise<Reader> {
  const named = readerByName(file);
  return named ?? readerByBytes(file, await head(file));
}

/** The reader of a file whose extension tells its format, if it does. */
export function readerByName(file: string): Reader | undefined {
  const ext = extensionOf(file);
  return READERS.find((r) => r.byExtension && r.extensions.includes(ext));
}

/** The reader of a file by its extension, else by its first bytes (a file given as bytes). */
export function readerOf(file: string, bytes: Uint8Array): Reader {
  return readerByName(file) ?? readerByBytes(file, bytes.subarray(0, HEAD));
}

function readerByBytes(file: string, first: Uint8Array): Reader {
  if (first.length === 0) throw new FatalError("input/empty", "empty", {}, { file });
  const text = String.fromCharCode(...first);
  const signed = READERS.find((r) => r.signature && text.includes(r.signature.bytes));
  if (signed) return signed;
  const ext = extensionOf(file);
  const refusal = READERS.find((r) => r.signature && r.extensions.includes(ext))?.signature?.refusal;
  if (refusal) throw FatalError.at(refusal, { file });
  return at(
    READERS.filter((r) => r.fallback),
    0,
    "fallback reader",
  );
}
