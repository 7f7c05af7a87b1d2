// The output of a command given with -o, and stdout when it is a file: written whole, or the
// command fails with one line. A regular file is replaced whole (a temporary file beside it,
// renamed over it); anything else is written to as it is and never replaced, since renaming over
// a device, a FIFO or /dev/stdout would put a regular file in its place.
import { constants, fstatSync, writeSync } from "node:fs";
import { lstat, mkdir, open, readlink, stat, type FileHandle } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { isatty } from "node:tty";
import { FatalError } from "../diagnostics/fatal.ts";
import { refused } from "./files.ts";
import { writeFilesTogether } from "./staging.ts";
import { ph } from "../messages/catalogue.ts";

/** Where a path leads: the file at the end of its symbolic links, or a descriptor of this process (/dev/stdout, /dev/fd/N). */
async function followLinks(path: string): Promise<{ descriptor: true } | { descriptor: false; path: string }> {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    if (/^\/(proc\/[^/]+\/fd|dev\/fd)\//.test(current) || /^\/dev\/std(out|err)$/.test(current)) return { descriptor: true };
    const link = await lstat(current).then(
      (s) => s.isSymbolicLink(),
      () => false,
    );
    if (!link) return { descriptor: false, path: current };
    current = resolve(dirname(current), await readlink(current));
  }
  throw new FatalError("io/failed", "cannot", { action: ph("io.write"), what: ph("io.loop") }, { file: path });
}

/**
 * The output of -o. A regular file (or a new one) is written whole or not at all, at the end of
 * its symbolic links, so that a link stays a link. Anything else is written to directly and never
 * replaced: a device (/dev/null stays a device), a FIFO, or a descriptor of this process such as
 * /dev/stdout, which is appended to as the shell opened it (`>>` keeps what is there).
 */
export async function writeOutput(path: string, data: string | Uint8Array): Promise<void> {
  const target = await followLinks(path);
  if (!target.descriptor) {
    const stats = await stat(target.path).catch(() => null);
    if (stats === null || stats.isFile()) {
      // written whole or not at all: under a temporary name beside it (removed on Ctrl-C), then renamed over it
      try {
        await mkdir(dirname(target.path), { recursive: true });
        await writeFilesTogether(dirname(target.path), [{ name: basename(target.path), data }]);
      } catch (error) {
        throw refused(error, path, "write");
      }
      return;
    }
    if (stats.isDirectory()) throw new FatalError("io/failed", "cannot", { action: ph("io.write"), what: ph("io.folder") }, { file: path });
  }
  let handle: FileHandle | undefined;
  try {
    // no O_CREAT, no O_TRUNC: what is there is written to, never made again
    handle = await open(path, constants.O_WRONLY | constants.O_APPEND);
    await handle.writeFile(data);
  } catch (error) {
    throw refused(error, path, "write");
  } finally {
    await handle?.close();
  }
}

/** stdout is a regular file or a device (not a terminal, not a pipe): it is written to with writeAllSync. */
export function stdoutIsFileOrDevice(): boolean {
  try {
    const stats = fstatSync(1);
    return stats.isFile() || ((stats.isCharacterDevice() || stats.isBlockDevice()) && !isatty(1));
  } catch {
    return false;
  }
}

/**
 * Writes all of `text` to descriptor `fd`, or fails. Node's own stream ignores a short write, so
 * a file-size limit (ulimit -f) would leave a truncated file and exit 0; here the write that
 * cannot go on is an error.
 */
export function writeAllSync(fd: number, text: string, shownAs: string): void {
  const data = Buffer.from(text, "utf8");
  let done = 0;
  try {
    while (done < data.length) {
      const written = writeSync(fd, data, done, data.length - done);
      if (written <= 0) throw Object.assign(new Error("no progress writing"), { code: "EIO" });
      done += written;
    }
  } catch (error) {
    throw refused(error, shownAs, "write");
  }
}
