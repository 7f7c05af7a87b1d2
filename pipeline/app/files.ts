// The application's file system: the operating system's errors in words a person can act on,
// naming the file the person gave. Inputs are read in input-file.ts, outputs written in
// output-file.ts, plan-year folders published in staging.ts.
import { constants } from "node:fs";
import { access, mkdir, stat } from "node:fs/promises";
import { FatalError } from "../diagnostics/fatal.ts";
import { type Phrase, ph } from "../messages/catalogue.ts";

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

// the errors a person can act on, in words (the catalogue's `errno.*` phrases)
const ERRNO_CODES = [
  "ENOENT", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "EEXIST", "EROFS", "ENOSPC", "EDQUOT", "EFBIG", "ENAMETOOLONG",
  "ELOOP", "EMFILE", "ENFILE", "EIO", "EBUSY", "ETXTBSY", "ENXIO", "EAGAIN", "EXDEV", "ENOTEMPTY", "EINVAL",
] as const;

/** "permission denied" for EACCES; the words of an error the list lacks are the system's refusal, not its code. */
export function describeErrno(code: string): Phrase {
  const known = ERRNO_CODES.find((c) => c === code);
  return ph(known === undefined ? "errno.other" : `errno.${known}`);
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
  return code ? new FatalError("io/failed", "cannot", { action: ph(`io.${what}`), what: describeErrno(code) }, { file }) : error;
}

/** Fails with one clear line when the output folder cannot be created or written to (`named`: the folder the person asked for). */
export async function ensureWritableFolder(dir: string, named = dir): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (error) {
    const code = error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : "";
    const message = error instanceof Error ? error.message : String(error);
    throw new FatalError("output/not-writable", "not-writable", { what: code ? describeErrno(code) : message }, { file: named });
  }
}
