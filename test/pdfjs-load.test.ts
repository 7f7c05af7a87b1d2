// pdf.js's build for Node replaces Array.prototype.push with a slower one of its polyfills; the
// reader puts the engine's own back once pdf.js is loaded (extract/pdf/pdfjs.ts). Each case runs
// in a fresh process, where nothing has loaded pdf.js before. The reader's module is compiled
// by esbuild, as the bundle compiles it (through tsx, the child process took a second to start).
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** inside the project, so that the packages it leaves out are found in node_modules */
const OUT = join(ROOT, "node_modules", ".cache", "annex-tests", `pdfjs-load-${String(process.pid)}.mjs`);

beforeAll(async () => {
  mkdirSync(join(OUT, ".."), { recursive: true });
  await build({ entryPoints: [join(ROOT, "pipeline", "extract", "pdf", "pdfjs.ts")], bundle: true, format: "esm", platform: "node", target: "node20", packages: "external", outfile: OUT, logLevel: "silent" });
});

afterAll(() => {
  rmSync(OUT, { force: true });
});

/** Whether Array.prototype.push is still the one the process started with after `load` runs (an ES module's body). */
function pushKept(load: string): string {
  const code = `const push = Array.prototype.push; ${load}; process.stdout.write(String(Array.prototype.push === push));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8", cwd: ROOT });
  expect(r.stderr).toBe("");
  return r.stdout;
}

describe("loading pdf.js", () => {
  // when this fails, pdf.js (or Node) no longer needs the polyfill, and extract/pdf/pdfjs.ts can import pdf.js plainly
  it("replaces Array.prototype.push when pdf.js is imported as it is", () => {
    expect(pushKept(`await import("pdfjs-dist/legacy/build/pdf.mjs")`)).toBe("false");
  });

  it("leaves the engine's own Array.prototype.push in place when the reader loads it", () => {
    expect(pushKept(`await import(${JSON.stringify(OUT)})`)).toBe("true");
  });
});
