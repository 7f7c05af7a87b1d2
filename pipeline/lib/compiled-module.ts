// Runs a package's ES module that the bundler copied as CommonJS (scripts/bundle.js does it for
// pdf.js), with V8's code cache for it kept between runs. Node 20 has no compile cache of its own
// (Node 22's module.enableCompileCache): every run of annex compiled pdf.js's 3 MB of JavaScript
// again, about a tenth of an export. The code is the same; only its compiled form is kept. The
// first run writes the cache as it ends (it then holds every function the run compiled); a cache
// that V8 refuses (another Node version, other V8 flags) is compiled as usual and written again.
//
// The cache is kept in the user's own cache folder, not beside the bundle: an installed package
// is often read-only for the person who runs it. A folder that cannot be written only means no
// cache. And a cache is trusted only when it proves whole: V8 checks its header but, in a release
// build, not the checksum of what follows, so a cache damaged past its header crashed the process
// (SIGSEGV) on every PDF read. Each cache is written in one file (temporary file, then rename) with
// a SHA-256 of the source it was made from and one of its own bytes; one that does not match is
// ignored and written again.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { basename, dirname, join, posix, win32 } from "node:path";
import vm from "node:vm";

const MAGIC = Buffer.from("annex v8 cache 1\n", "latin1");
const HASH = 32;

/**
 * The folder of annex's caches for the user who runs it: $XDG_CACHE_HOME/ptpct-annex, else
 * %LOCALAPPDATA%\ptpct-annex\Cache on Windows, ~/Library/Caches/ptpct-annex on macOS,
 * ~/.cache/ptpct-annex elsewhere; undefined when none can be named.
 */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string | undefined {
  const path = platform === "win32" ? win32 : posix;
  const xdg = env.XDG_CACHE_HOME;
  if (xdg !== undefined && path.isAbsolute(xdg)) return path.join(xdg, "ptpct-annex");
  const local = env.LOCALAPPDATA;
  if (platform === "win32") return local !== undefined && path.isAbsolute(local) ? path.join(local, "ptpct-annex", "Cache") : undefined;
  if (home === "" || !path.isAbsolute(home)) return undefined;
  return platform === "darwin" ? path.join(home, "Library", "Caches", "ptpct-annex") : path.join(home, ".cache", "ptpct-annex");
}

/**
 * Where the code cache of the copy `file` is kept: named by the copy (whose name carries a hash of
 * its content) and the V8 that compiles it, so that installs of different versions share nothing.
 */
export function cacheFile(file: string, folder: string | undefined = cacheFolder()): string | undefined {
  return folder === undefined ? undefined : join(folder, `${basename(file)}.v8-${process.versions.v8}-${process.arch}.v8cache`);
}

const sha256 = (bytes: Uint8Array): Buffer => createHash("sha256").update(bytes).digest();

/** The code cache in `bytes` when it was made from the source with hash `source` and is whole. */
export function verifiedCache(bytes: Buffer, source: Buffer): Buffer | undefined {
  const start = MAGIC.length + 2 * HASH;
  if (bytes.length <= start || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  if (!bytes.subarray(MAGIC.length, MAGIC.length + HASH).equals(source)) return undefined;
  const data = bytes.subarray(start);
  return bytes.subarray(MAGIC.length + HASH, start).equals(sha256(data)) ? data : undefined;
}

/** A code cache as it is written: the source's hash, the cache's hash, the cache. */
export function sealedCache(data: Buffer, source: Buffer): Buffer {
  return Buffer.concat([MAGIC, source, sha256(data), data]);
}

/**
 * Runs `file` (CommonJS whose `import.meta.url` the bundler wrote as `__moduleUrl`) as the module
 * at `moduleUrl` (its `require` resolves from there) and returns its exports.
 */
export function runCompiled(file: string, moduleUrl: string): unknown {
  const code = readFileSync(file);
  const sourceHash = sha256(code);
  const cache = cacheFile(file);
  let cachedData: Buffer | undefined;
  if (cache !== undefined) {
    try {
      cachedData = verifiedCache(readFileSync(cache), sourceHash);
    } catch {
      cachedData = undefined;
    }
  }
  // an ES module is strict code: so is its copy
  const source = `(function (exports, require, module, __filename, __dirname, __moduleUrl) {"use strict";${code.toString("utf8")}\n})`;
  const script = new vm.Script(source, {
    filename: file,
    ...(cachedData === undefined ? {} : { cachedData }),
    // the module's own import() calls load as they would from the original
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(moduleUrl), module, file, dirname(file), moduleUrl);
  if (cache !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) process.once("exit", () => {
    writeCache(cache, sealedCache(script.createCachedData(), sourceHash));
  });
  return module.exports;
}

function writeCache(cache: string, contents: Buffer): void {
  const temporary = `${cache}.${String(process.pid)}.tmp`;
  try {
    mkdirSync(dirname(cache), { recursive: true, mode: 0o700 });
    writeFileSync(temporary, contents, { mode: 0o600 });
    renameSync(temporary, cache);
  } catch {
    rmSync(temporary, { force: true });
  }
}
