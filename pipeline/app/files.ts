// The application's file system: outputs written whole or not at all (beside the target, then
// renamed), and the operating system's errors in words a person can act on.
import { constants } from "node:fs";
import { access, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { FatalError } from "../diagnostics/fatal.ts";

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
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
};

/** "permission denied" for EACCES; an errno without words stays as it is. */
export function describeErrno(code: string): string {
  return ERRNO_WORDS[code] ?? code;
}

/** The errno and path of a failed file-system call, or null for any other error. */
export function errnoOf(error: unknown): { code: string; path: string } | null {
  if (!(error instanceof Error) || !("code" in error) || !("path" in error)) return null;
  const { code, path } = error;
  return typeof code === "string" && code !== "" && typeof path === "string" && path !== "" ? { code, path } : null;
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
