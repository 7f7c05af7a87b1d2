// Publishing whole or not at all. A plan year's output folder is assembled beside it (a hidden
// staging folder) and swapped in only once every file is written, so a failed or interrupted
// build leaves the previous edition as it was, never a mix of two. Loose files (render --out into
// a folder that holds other things) are all written under temporary names first, then renamed.
// Whatever this process leaves half-done is undone on SIGINT/SIGTERM (removeTemporaryFilesSync)
// and, after a crash or kill -9, by the next build (removeStale).
import { existsSync, renameSync, rmSync } from "node:fs";
import { mkdir, readdir, realpath, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { errnoOf } from "./files.ts";

/** Temporary files and folders of this process, and folders it moved aside (→ their place). */
const temporary = new Set<string>();
const movedAside = new Map<string, string>();

/** Undoes what this process has not finished: temporary files removed, folders moved aside put back. */
export function removeTemporaryFilesSync(): void {
  for (const path of temporary) rmSync(path, { recursive: true, force: true });
  temporary.clear();
  for (const [aside, original] of movedAside) {
    if (existsSync(original)) rmSync(aside, { recursive: true, force: true });
    else renameSync(aside, original);
  }
  movedAside.clear();
}

type Kind = "tmp" | "old";

/** A hidden name beside `path` carrying this process's id: .2020-2022.4242.tmp */
function besideName(path: string, kind: Kind): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${kind}`);
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}

/**
 * What a process that was killed left beside `target`: its staging folders and temporary files
 * are removed; a previous edition it had moved aside is put back if nothing took its place.
 * Another build running now is left alone (its process is alive).
 */
export async function removeStale(target: string): Promise<void> {
  const dir = dirname(target);
  const prefix = `.${basename(target)}.`;
  const entries = await readdir(dir).catch(() => []);
  for (const name of entries) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)\.(tmp|old)$/.exec(name.slice(prefix.length));
    if (!match || alive(Number(match[1]))) continue;
    const path = join(dir, name);
    if (match[2] === "old" && !existsSync(target)) await rename(path, target);
    else await rm(path, { recursive: true, force: true });
  }
}

/**
 * Fills a staging folder beside `folder` (`fill` writes into the folder it is given) and swaps it
 * in for `folder`: the folder holds exactly the files written, and appears whole or not at all.
 * A folder that is a link (to where a web server reads, say) is replaced where it points, the
 * link kept.
 */
export async function replaceFolder(folder: string, fill: (staging: string) => Promise<void>): Promise<void> {
  const target = await realpath(folder).catch(() => folder);
  if (target !== folder) await removeStale(target);
  const staging = besideName(target, "tmp");
  temporary.add(staging);
  try {
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    await fill(staging);
    await swapIn(staging, target);
  } finally {
    await rm(staging, { recursive: true, force: true });
    temporary.delete(staging);
  }
}

async function swapIn(staging: string, target: string): Promise<void> {
  const aside = besideName(target, "old");
  let moved = false;
  try {
    await rename(target, aside);
    moved = true;
    movedAside.set(aside, target);
  } catch (error) {
    if (errnoOf(error)?.code !== "ENOENT") throw error;
  }
  try {
    await rename(staging, target);
  } catch (error) {
    if (moved) await rename(aside, target);
    throw error;
  } finally {
    movedAside.delete(aside);
  }
  if (moved) await rm(aside, { recursive: true, force: true });
}

/** Writes files into `dir` all together: every one under a temporary name first, then each renamed into place. */
export async function writeFilesTogether(dir: string, files: readonly { name: string; data: Uint8Array | string }[]): Promise<void> {
  const written: [string, string][] = [];
  try {
    for (const { name, data } of files) {
      const path = join(dir, name);
      const tmp = besideName(path, "tmp");
      temporary.add(tmp);
      written.push([tmp, path]);
      await writeFile(tmp, data);
    }
    for (const [tmp, path] of written) await rename(tmp, path);
  } finally {
    for (const [tmp] of written) {
      await rm(tmp, { force: true });
      temporary.delete(tmp);
    }
  }
}
