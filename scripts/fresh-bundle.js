// Whether the bundle in dist/ was made from the sources as they are now (bin/annex.js asks on
// every start, before running it): the manifest records the time each source had when it was
// bundled; any other time (a source saved since, checked out, or gone) makes the bundle stale.
// About 140 stat calls: two milliseconds. A bundle whose files are not all there is stale too.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const MANIFEST = "manifest.json";

/**
 * The URL of the bundle's entry module in `outdir` when it is up to date, else null.
 * @param {string} [outdir]
 * @returns {string | null}
 */
export function freshBundle(outdir = join(ROOT, "dist")) {
  try {
    const manifest = JSON.parse(readFileSync(join(outdir, MANIFEST), "utf8"));
    for (const [file, time] of Object.entries(manifest.inputs)) if (statSync(join(ROOT, file)).mtimeMs !== time) return null;
    // the entry and the copies of pdf.js are there (statSync throws if not)
    for (const file of [manifest.entry, ...(manifest.pdfjs ?? [])]) statSync(join(outdir, file));
    return pathToFileURL(join(outdir, manifest.entry)).href;
  } catch {
    // no bundle yet, a source gone, or a file of the bundle
    return null;
  }
}
