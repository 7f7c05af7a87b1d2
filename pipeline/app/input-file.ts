// Reading an input whole, and only an input that can be read whole: a regular file of a plausible
// size. A device such as /dev/zero never ends and a FIFO may never open; a file far larger than
// any annex is the wrong file. Each is refused with one line before it is read.
import { constants, type Stats } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { FatalError } from "../diagnostics/fatal.ts";
import { refused } from "./files.ts";
import { type Phrase, ph } from "../messages/catalogue.ts";

/**
 * The most a text input can hold: a text layer, annex data, a settings file. The 2020-2022 annex
 * (245 activities) is 60 kB as a text layer and 140 kB as annex data: 64 MiB is room for a
 * hundred thousand activities, and stops a wrong file (a disk image, a log) from filling memory.
 */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;
/** The most a PDF or an office document can hold: the 20-page source PDF is 113 kB; a scan of hundreds of pages stays far below. */
export const MAX_BINARY_BYTES = 256 * 1024 * 1024;

const MiB = 1024 * 1024;

/** What a file that is not a regular file is, for a person. */
function kindOf(stats: Stats): Phrase {
  if (stats.isDirectory()) return ph("file.folder");
  if (stats.isFIFO()) return ph("file.fifo");
  if (stats.isSocket()) return ph("file.socket");
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return ph("file.device");
  return ph("file.other");
}

/**
 * Opens an input for reading, refusing anything but a regular file: a device such as /dev/zero
 * never ends, and a FIFO may never open. Opened without blocking, so that a FIFO is refused at
 * once rather than waited on.
 */
export async function openInput(file: string): Promise<{ handle: FileHandle; size: number }> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new FatalError("input/not-file", "not-file", { kind: kindOf(stats) }, { file });
    return { handle, size: stats.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** A whole input file, refused when it is not a regular file or larger than `maxBytes`. */
export async function readInput(file: string, maxBytes: number): Promise<Buffer> {
  const { handle, size } = await openInput(file);
  const tooLarge = () =>
    new FatalError("input/too-large", "too-large", { mib: maxBytes / MiB }, { file });
  try {
    if (size > maxBytes) throw tooLarge();
    // read up to one byte past the limit: a file may grow while it is read, and some report no size
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(Math.max(size - total, 64 * 1024), maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw tooLarge();
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    throw refused(error, file, "read");
  } finally {
    await handle.close();
  }
}

/** A whole text input (UTF-8), with the limits of readInput. */
export async function readInputText(file: string, maxBytes = MAX_TEXT_BYTES): Promise<string> {
  return (await readInput(file, maxBytes)).toString("utf8");
}
