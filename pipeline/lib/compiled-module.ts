// Runs a package's ES module that the bundler copied as CommonJS (scripts/bundle.js does it for
// pdf.js), with V8's code cache for it kept in a file beside it. Node 20 has no compile cache of
// its own (Node 22's module.enableCompileCache): every run of annex compiled pdf.js's 3 MB of
// JavaScript again, about a tenth of an export. The code is the same; only its compiled form is
// kept. The first run writes the cache as it ends (it then holds every function the run
// compiled); a cache that V8 refuses (another Node version, other V8 flags) is compiled as usual
// and written again. A folder that cannot be written only means no cache.
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import vm from "node:vm";

/**
 * Runs `file` (CommonJS whose `import.meta.url` the bundler wrote as `__moduleUrl`) as the module
 * at `moduleUrl` (its `require` resolves from there) and returns its exports.
 */
export function runCompiled(file: string, moduleUrl: string): unknown {
  const cacheFile = `${file}.v8cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // an ES module is strict code: so is its copy
  const source = `(function (exports, require, module, __filename, __dirname, __moduleUrl) {"use strict";${readFileSync(file, "utf8")}\n})`;
  const script = new vm.Script(source, {
    filename: file,
    ...(cachedData === undefined ? {} : { cachedData }),
    // the module's own import() calls load as they would from the original
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(moduleUrl), module, file, dirname(file), moduleUrl);
  if (cachedData === undefined || script.cachedDataRejected === true) process.once("exit", () => {
    writeCache(cacheFile, script);
  });
  return module.exports;
}

function writeCache(cacheFile: string, script: vm.Script): void {
  const temporary = `${cacheFile}.${String(process.pid)}.tmp`;
  try {
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  } catch {
    rmSync(temporary, { force: true });
  }
}
