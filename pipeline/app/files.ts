// The application's file system: outputs written whole or not at all (beside the target, then
// renamed) when the target is a regular file, written to as they are when it is not, and the
// operating system's errors in words a person can act on. Inputs are read in input-file.ts.
import { constants, fstatSync, writeSync } from "node:fs";
import { access, lstat, mkdir, open, readlink, rename, rm, stat, writeFile, type FileHandle } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { isatty } from "node:tty";
import { FatalError } from "../diagnostics/fatal.ts";

/**
 * Writes a regular file whole or not at all: into a temporary file beside it, then renamed over
 * it. For regular files only: renaming over a device or a FIFO would replace it (see writeOutput).
 * A failure names `shownAs`, the file the person asked for, never the temporary file.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, shownAs = path): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw refused(error, shownAs, "write");
  }
}

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
  throw new FatalError("io/failed", "cannot write: too many symbolic links (one may point to itself)", { file: path });
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
    if (stats === null || stats.isFile()) return writeFileAtomic(target.path, data, path);
    if (stats.isDirectory()) throw new FatalError("io/failed", "cannot write: it is a folder, not a file", { file: path });
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

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

const ERRNO_WORDS: Partial<Record<string, string>> = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "is a folder, not a file",
  ENOTDIR: "a part of the path is a file, not a folder",
  EEXIST: "a file with that name is in the way",
  EROFS: "read-only file system",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EFBIG: "the file would be larger than this system allows (a file-size limit, ulimit -f)",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "too many symbolic links (one may point to itself)",
  EMFILE: "too many files open",
  ENFILE: "too many files open",
  EIO: "input/output error: the device failed",
  EBUSY: "the file or device is busy",
  ETXTBSY: "the file is busy",
  ENXIO: "no such device, or nothing reading at the other end",
  EAGAIN: "the device is not ready",
  EXDEV: "the file cannot be moved between file systems",
  ENOTEMPTY: "the folder is not empty",
  EINVAL: "the system does not accept this file here",
};

/** "permission denied" for EACCES; the words of an error the table lacks are the system's refusal, not its code. */
export function describeErrno(code: string): string {
  return Object.hasOwn(ERRNO_WORDS, code) ? (ERRNO_WORDS[code] ?? code) : "the operating system refused it";
}

/** The errno and path of a failed file-system call, or null for any other error. */
export function errnoOf(error: unknown): { code: string; path: string } | null {
  if (!(error instanceof Error) || !("code" in error) || !("path" in error)) return null;
  const { code, path } = error;
  return typeof code === "string" && code !== "" && typeof path === "string" && path !== "" ? { code, path } : null;
}

/** A failed read or write as one line that names the file the person gave (not a temporary file, not a descriptor). */
export function refused(error: unknown, file: string, what: "read" | "write"): unknown {
  if (error instanceof FatalError) return error;
  const code = error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : "";
  return code ? new FatalError("io/failed", `cannot ${what}: ${describeErrno(code)}`, { file }) : error;
}

/** Fails with one clear line when the output folder cannot be created or written to (`named`: the folder the person asked for). */
export async function ensureWritableFolder(dir: string, named = dir): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (error) {
    const code = error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : "";
    const message = error instanceof Error ? error.message : String(error);
    throw new FatalError("output/not-writable", `cannot write the output folder: ${code ? describeErrno(code) : message}`, { file: named });
  }
}
