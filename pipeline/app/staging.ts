// Publishing whole or not at all. A plan year's output folder is assembled beside it (a hidden
// staging folder) and swapped in only once every file is written, so a failed or interrupted
// build leaves the previous edition as it was, never a mix of two. The swap moves the files into
// the folder one by one under a journal, never the folder itself: the folder is never absent, not
// even for a moment, and a swap cut short is finished by the signal handler or the next build. Loose files (render --out into
// a folder that holds other things) are all written under temporary names first, then renamed.
// Whatever this process leaves half-done is undone on SIGINT/SIGTERM (removeTemporaryFilesSync)
// and, after a crash or kill -9, by the next build (removeStale).
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { mkdir, readFile, readdir, realpath, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { errnoOf } from "./files.ts";

/** Temporary files and folders of this process, and folders it moved aside (→ their place). */
const temporary = new Set<string>();
const movedAside = new Map<string, string>();
/** Swaps this process has committed (their journal written) and not yet finished. */
const committedSwaps = new Set<string>();

/** Undoes what this process has not finished: temporary files removed, folders moved aside put back. */
export function removeTemporaryFilesSync(): void {
  // a committed swap is finished, not undone: its journal promises the new edition whole
  for (const journal of committedSwaps) finishSwapSync(journal);
  committedSwaps.clear();
  for (const path of temporary) rmSync(path, { recursive: true, force: true });
  temporary.clear();
  for (const [aside, original] of movedAside) {
    if (existsSync(original)) rmSync(aside, { recursive: true, force: true });
    else renameSync(aside, original);
  }
  movedAside.clear();
}

type Kind = "tmp" | "old" | "swap" | "swap.tmp";

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
  const stale = async () =>
    (await readdir(dir).catch(() => [])).flatMap((name) => {
      const match = name.startsWith(prefix) ? /^(\d+)\.(tmp|old|swap|swap\.tmp)$/.exec(name.slice(prefix.length)) : null;
      return match && !alive(Number(match[1])) ? [{ path: join(dir, name), kind: match[2] }] : [];
    });
  // a committed swap first: its staging folder holds the rest of the new edition
  for (const { path, kind } of await stale()) if (kind === "swap") finishSwapSync(path);
  for (const { path, kind } of await stale()) {
    if (kind === "old" && !existsSync(target)) await rename(path, target);
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

interface SwapJournal {
  /** the staging folder's name, beside the target */
  staging: string;
  target: string;
  /** the staging folder's entries, moved into the target */
  incoming: string[];
  /** the target's entries the new edition does not have, removed */
  outgoing: string[];
}

/**
 * Finishes a committed swap: what is still in the staging folder is moved into the folder (each
 * entry renamed over its old self, so each file is whole at every moment), what the new edition
 * does not have is removed, then the staging folder and the journal. Run again on the same
 * journal it does what is left, so a second interruption is finished too.
 */
function finishSwapSync(journal: string): void {
  let plan: SwapJournal;
  try {
    plan = JSON.parse(readFileSync(journal, "utf8")) as SwapJournal;
  } catch {
    rmSync(journal, { force: true });
    return;
  }
  const dir = dirname(journal);
  const staging = join(dir, basename(plan.staging));
  const target = join(dir, basename(plan.target));
  const moving = existsSync(staging) ? new Set(readdirSync(staging)) : new Set<string>();
  for (const name of plan.incoming.map((n) => basename(n))) {
    if (!moving.has(name)) continue;
    const to = join(target, name);
    try {
      renameSync(join(staging, name), to);
    } catch (error) {
      // a folder over a folder: the old one out of the way first
      if (errnoOf(error)?.code !== "EISDIR" && errnoOf(error)?.code !== "ENOTEMPTY" && errnoOf(error)?.code !== "EEXIST" && errnoOf(error)?.code !== "ENOTDIR") throw error;
      rmSync(to, { recursive: true, force: true });
      renameSync(join(staging, name), to);
    }
  }
  for (const name of plan.outgoing.map((n) => basename(n))) rmSync(join(target, name), { recursive: true, force: true });
  rmSync(staging, { recursive: true, force: true });
  rmSync(journal, { force: true });
}

async function swapIn(staging: string, target: string): Promise<void> {
  if (existsSync(target)) {
    // the folder stays where it is: its files are replaced under a journal (see finishSwapSync)
    const incoming = await readdir(staging);
    const outgoing = (await readdir(target)).filter((name) => !incoming.includes(name));
    const journal = besideName(target, "swap");
    const part = besideName(target, "swap.tmp");
    const plan: SwapJournal = { staging: basename(staging), target: basename(target), incoming, outgoing };
    temporary.add(part);
    await writeFile(part, JSON.stringify(plan));
    await rename(part, journal);
    temporary.delete(part);
    committedSwaps.add(journal);
    temporary.delete(staging);
    finishSwapSync(journal);
    committedSwaps.delete(journal);
    return;
  }
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

/** The list of renames a set of files is committed by, beside them: .annex-files.4242.journal */
const JOURNAL = /^\.annex-files\.(\d+)\.journal$/;
const journalName = (pid: number) => `.annex-files.${pid}.journal`;
/** A temporary file of writeFilesTogether: .allegato-1.pdf.4242.tmp */
const TEMPORARY_FILE = /^\..+\.(\d+)\.tmp$/;

/**
 * What a killed writeFilesTogether left in `dir`, finished or undone: a set whose journal was
 * written had every file written, so its renames are done (rolled forward); a temporary file of
 * one of `names` without a journal is of a set never committed, and is removed (only those: a
 * folder may hold other programs' files named alike). Another process's files are left alone
 * while it runs.
 */
export async function recoverFiles(dir: string, names: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(dir).catch(() => [])) {
    const match = JOURNAL.exec(name);
    if (!match || alive(Number(match[1]))) continue;
    const journal = join(dir, name);
    let renames: [string, string][] = [];
    try {
      renames = (JSON.parse(await readFile(journal, "utf8")) as [string, string][]).filter((r) => r.every((n) => typeof n === "string" && basename(n) === n));
    } catch {
      // a journal cut short was never committed: its files are removed below
    }
    for (const [tmp, final] of renames) {
      if (existsSync(join(dir, tmp))) await rename(join(dir, tmp), join(dir, final));
    }
    await rm(journal, { force: true });
  }
  for (const name of await readdir(dir).catch(() => [])) {
    const match = TEMPORARY_FILE.exec(name);
    if (!match || alive(Number(match[1]))) continue;
    const of = name.slice(1, -`.${match[1]}.tmp`.length);
    if (names.has(of) || JOURNAL.test(`.${of}`)) await rm(join(dir, name), { force: true });
  }
}

/**
 * Writes files into `dir` all together: every one under a temporary name first, then a journal
 * that lists the renames (written whole, under its own temporary name), then each renamed into
 * place, then the journal removed. A process killed among the renames leaves the journal, and
 * the next write into the folder finishes them, so the folder never stays a mix of two runs.
 */
export async function writeFilesTogether(dir: string, files: readonly { name: string; data: Uint8Array | string }[]): Promise<void> {
  await recoverFiles(dir, new Set(files.map((f) => f.name)));
  const written: [string, string][] = [];
  const journal = join(dir, journalName(process.pid));
  const journalTmp = besideName(journal, "tmp");
  try {
    for (const { name, data } of files) {
      const path = join(dir, name);
      const tmp = besideName(path, "tmp");
      temporary.add(tmp);
      written.push([tmp, path]);
      await writeFile(tmp, data);
    }
    temporary.add(journalTmp);
    await writeFile(journalTmp, JSON.stringify(written.map(([tmp, path]) => [basename(tmp), basename(path)])));
    await rename(journalTmp, journal);
    // from here on the set is committed: a signal does not undo it, the next write finishes it
    for (const [tmp] of written) temporary.delete(tmp);
    for (const [tmp, path] of written) await rename(tmp, path);
    await rm(journal, { force: true });
  } finally {
    for (const [tmp] of written) {
      if (temporary.has(tmp)) await rm(tmp, { force: true });
      temporary.delete(tmp);
    }
    await rm(journalTmp, { force: true });
    temporary.delete(journalTmp);
  }
}
