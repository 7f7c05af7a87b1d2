// Whether the bundle in dist/ can be run as it is (bin/annex.js asks on every start, before
// running it). Its manifest (scripts/bundle.js) lists every file of the bundle with its size:
// one missing or cut short (a chunk that a command would load half-way through its work) makes
// the bundle unusable, and so does a manifest made for another version of the package. In a
// checkout, where the sources are, the manifest also records the time each source had when it
// was bundled: any other time (a source saved since, checked out, or gone) makes the bundle stale.
// About 200 stat calls: two milliseconds.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const MANIFEST = "manifest.json";
/** The sources are here in a checkout; an installed package carries only the bundle (package.json's `files`). */
export const CHECKOUT = existsSync(join(ROOT, "pipeline", "cli.ts"));

/** The version in package.json: a bundle made for another one is not this package's. */
export function packageVersion() {
  return String(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
}

/**
 * The URL of the bundle's entry module in `outdir` when it can be run, else why not.
 * @param {string} [outdir]
 * @param {{ sources?: boolean }} [options] whether the sources' times count (by default, in a checkout)
 * @returns {{ url: string } | { why: string }}
 */
export function bundleState(outdir = join(ROOT, "dist"), { sources = CHECKOUT } = {}) {
  /** @type {{ entry: string, version?: string, files?: Record<string, number>, inputs: Record<string, number> }} */
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(outdir, MANIFEST), "utf8"));
  } catch {
    return { why: `there is no ${MANIFEST} in ${outdir}` };
  }
  if (manifest.version !== packageVersion()) return { why: `the bundle in ${outdir} was made for version ${String(manifest.version)}, not ${packageVersion()}` };
  if (manifest.files === undefined || !(manifest.entry in manifest.files)) return { why: `${join(outdir, MANIFEST)} lists no files` };
  for (const [file, size] of Object.entries(manifest.files)) {
    /** @type {number | undefined} */
    let actual;
    try {
      actual = statSync(join(outdir, file)).size;
    } catch {
      return { why: `${join(outdir, file)} is missing` };
    }
    if (actual !== size) return { why: `${join(outdir, file)} has ${String(actual)} bytes instead of ${String(size)}` };
  }
  if (sources) {
    for (const [file, time] of Object.entries(manifest.inputs)) {
      /** @type {number | undefined} */
      let actual;
      try {
        actual = statSync(join(ROOT, file)).mtimeMs;
      } catch {
        return { why: `${file} is gone since the bundle was made` };
      }
      if (actual !== time) return { why: `${file} changed since the bundle was made` };
    }
  }
  return { url: pathToFileURL(join(outdir, manifest.entry)).href };
}

/**
 * The URL of the bundle's entry module in `outdir` when it is up to date, else null.
 * @param {string} [outdir]
 * @returns {string | null}
 */
export function freshBundle(outdir = join(ROOT, "dist")) {
  const state = bundleState(outdir);
  return "url" in state ? state.url : null;
}
