// The application's file system: the operating system's errors in words a person can act on,
// naming the file the person gave. Inputs are read in input-file.ts, outputs written in
// output-file.ts, plan-year folders published in staging.ts.
import { constants } from "node:fs";
import { access, mkdir, stat } from "node:fs/promises";
import { FatalError } from "../diagnostics/fatal.ts";

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

/** The errno (and path, when the call had one) of a failed system call, or null for any other error. */
export function errnoOf(error: unknown): { code: string; path?: string } | null {
  if (!(error instanceof Error) || !("code" in error) || typeof error.code !== "string" || !/^E[A-Z0-9]+$/.test(error.code)) return null;
  const path = "path" in error && typeof error.path === "string" && error.path !== "" ? error.path : undefined;
  return path === undefined ? { code: error.code } : { code: error.code, path };
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
