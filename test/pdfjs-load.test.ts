// pdf.js's build for Node replaces Array.prototype.push with a slower one of its polyfills; the
// reader puts the engine's own back once pdf.js is loaded (extract/pdf/pdfjs.ts). Each case runs
// in a fresh process, where nothing has loaded pdf.js before.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** Whether Array.prototype.push is still the one the process started with after `load` runs (an ES module's body). */
function pushKept(load: string, node: readonly string[] = []): string {
  const code = `const push = Array.prototype.push; ${load}; process.stdout.write(String(Array.prototype.push === push));`;
  const r = spawnSync(process.execPath, [...node, "--input-type=module", "-e", code], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  return r.stdout;
}

describe("loading pdf.js", () => {
  // when this fails, pdf.js (or Node) no longer needs the polyfill, and extract/pdf/pdfjs.ts can import pdf.js plainly
  it("replaces Array.prototype.push when pdf.js is imported as it is", () => {
    expect(pushKept(`await import("pdfjs-dist/legacy/build/pdf.mjs")`)).toBe("false");
  });

  it("leaves the engine's own Array.prototype.push in place when the reader loads it", () => {
    expect(pushKept(`await import("./pipeline/extract/pdf/pdfjs.ts")`, ["--import", "tsx"])).toBe("true");
  });
});
