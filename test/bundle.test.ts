// The bundle that bin/annex.js runs (scripts/bundle.js): made from the sources as they are, it
// gives what the sources give through tsx, byte for byte: the export of the source PDF (pdf.js run
// from the bundle's CommonJS copy, with its code cache) and a build in every format (templates and fonts found from
// the bundle's place). pdf.js's code cache is used only when it proves whole and made from the
// copy it is for. And bin/annex.js never runs a bundle older than its sources, nor one missing a
// file or holding one cut short.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle } from "../scripts/bundle.js";
import { bundleState, freshBundle, MANIFEST, ROOT } from "../scripts/fresh-bundle.js";
import { cacheFile, cacheFolder, sealedCache, verifiedCache } from "../pipeline/lib/compiled-module.ts";
import { annex, annexProcess, type Run } from "./helpers/cli.ts";
import { sampleAnnex, samplePlan } from "./helpers/sample-annex.ts";

const PDF = "sources/2020-2022/allegato-1.pdf";

let entry: string;
let dir: string;
/** The user's cache folder for the bundle's runs (XDG_CACHE_HOME): a test's own. */
let cacheHome: string;

/** `annex …` run from the bundle's entry module, as bin/annex.js runs it. */
function bundled(args: readonly string[], cwd?: string, node: readonly string[] = []): Run {
  const r = spawnSync(process.execPath, [...node, entry, ...args], { encoding: "utf8", cwd, env: { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: cacheHome }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The bundle these tests run: made by the same function as dist/, in a folder of its own (no
 * other test's process writes its code caches meanwhile), inside the project so that the
 * packages it leaves out are found in node_modules.
 */
const OUTDIR = join(ROOT, "node_modules", ".cache", "annex-tests", `bundle-${String(process.pid)}`);

beforeAll(async () => {
  rmSync(OUTDIR, { recursive: true, force: true });
  entry = fileURLToPath(await bundle({ outdir: OUTDIR }));
  dir = mkdtempSync(join(tmpdir(), "annex-bundle-"));
  cacheHome = join(dir, "cache");
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(OUTDIR, { recursive: true, force: true });
});

describe("the bundle", () => {
  it("prints the version of package.json", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8"));
    const r = bundled(["--version"]);
    expect(r).toMatchObject({ status: 0, stdout: `${String(pkg.version)}\n` });
  });

  it("exports the source PDF exactly as the sources do, pdf.js run from its CommonJS copy with V8's code cache in the user's cache folder: written by the first run, used by the next, rewritten when V8 refuses it", async () => {
    const run = () => bundled(["export", PDF, "--format", "json"]);
    const manifest = JSON.parse(readFileSync(join(OUTDIR, MANIFEST), "utf8"));
    const caches = (manifest.pdfjs as string[]).map((copy) => cacheFile(join(OUTDIR, copy), cacheFolder({ XDG_CACHE_HOME: cacheHome })) ?? "");
    expect(caches).toHaveLength(2);
    for (const cache of caches) expect(cache.startsWith(join(cacheHome, "ptpct-annex"))).toBe(true);
    for (const cache of caches) expect(existsSync(cache)).toBe(false);
    const expected = await annex(["export", PDF, "--format", "json"]);
    expect(expected.status).toBe(0);
    expect(JSON.parse(expected.stdout).activities).toHaveLength(245);
    // the first run compiles pdf.js and writes the caches as it ends
    expect(run()).toEqual(expected);
    const written = caches.map((cache) => statSync(cache));
    for (const stat of written) expect(stat.size).toBeGreaterThan(100_000);
    // nothing is written beside the bundle
    expect(readdirSync(OUTDIR).filter((file) => !(file in manifest.files) && file !== MANIFEST)).toEqual([]);
    // the next run uses them (a cache that V8 refused would be written again)
    expect(run()).toEqual(expected);
    expect(caches.map((cache) => statSync(cache).mtimeMs)).toEqual(written.map((stat) => stat.mtimeMs));
    // a cache that is not V8's (damaged, or from another Node) is refused: the same export, and a cache again
    const [first = ""] = caches;
    writeFileSync(first, "not a code cache");
    expect(run()).toEqual(expected);
    expect(statSync(first).size).toBeGreaterThan(100_000);
  });

  it("uses no code cache damaged behind its header (which V8 would run, and crash on) nor one made from another copy: the same export, and a sound cache written again", async () => {
    // V8 reads a cache as pdf.js loads: a one-page PDF (without the annex's table, exit 2) is enough
    const args = ["export", "test/fixtures/bad/paragraph.pdf"];
    const run = () => bundled(args);
    const expected = await annex(args);
    expect(expected.status).toBe(2);
    const manifest = JSON.parse(readFileSync(join(OUTDIR, MANIFEST), "utf8"));
    const copies = (manifest.pdfjs as string[]).map((copy) => join(OUTDIR, copy));
    const caches = copies.map((copy) => cacheFile(copy, cacheFolder({ XDG_CACHE_HOME: cacheHome })) ?? "");
    if (!caches.every((cache) => existsSync(cache))) expect(run()).toEqual(expected);
    const sources = copies.map((copy) => createHash("sha256").update(readFileSync(copy)).digest());
    const sound = caches.map((cache, i) => verifiedCache(readFileSync(cache), sources[i] ?? Buffer.alloc(0)));
    for (const data of sound) expect(data?.length).toBeGreaterThan(100_000);
    const [worker = ""] = caches.filter((cache) => cache.includes("pdfjs-worker-"));
    const i = caches.indexOf(worker);
    const data = Buffer.from(sound[i] ?? Buffer.alloc(0));
    // V8's own header (its version, flags and the source's length) left as it is, the compiled code behind it changed
    for (let at = 4096; at < data.length; at += 997) data[at] = (data[at] ?? 0) ^ 0x5a;
    const sealed = readFileSync(worker);
    writeFileSync(worker, Buffer.concat([sealed.subarray(0, sealed.length - data.length), data]));
    expect(verifiedCache(readFileSync(worker), sources[i] ?? Buffer.alloc(0))).toBeUndefined();
    expect(run()).toEqual(expected);
    expect(verifiedCache(readFileSync(worker), sources[i] ?? Buffer.alloc(0))?.length).toBeGreaterThan(100_000);
    // a whole cache, sealed for another source (the other copy's cache under this copy's name)
    const [main = ""] = caches.filter((cache) => cache.includes("pdfjs-main-"));
    const mainCache = readFileSync(main);
    const j = caches.indexOf(main);
    writeFileSync(worker, sealedCache(mainCache.subarray(mainCache.length - (sound[j]?.length ?? 0)), sources[j] ?? Buffer.alloc(0)));
    expect(run()).toEqual(expected);
    expect(verifiedCache(readFileSync(worker), sources[i] ?? Buffer.alloc(0))?.length).toBeGreaterThan(100_000);
  });

  it("keeps its code cache where the user can write: $XDG_CACHE_HOME, else the home folder's cache folder (LOCALAPPDATA on Windows), or nowhere", () => {
    expect(cacheFolder({ XDG_CACHE_HOME: "/var/cache/u" }, "linux", "/home/u")).toBe("/var/cache/u/ptpct-annex");
    expect(cacheFolder({ XDG_CACHE_HOME: "relative" }, "linux", "/home/u")).toBe("/home/u/.cache/ptpct-annex");
    expect(cacheFolder({}, "linux", "/home/u")).toBe("/home/u/.cache/ptpct-annex");
    expect(cacheFolder({}, "darwin", "/Users/u")).toBe("/Users/u/Library/Caches/ptpct-annex");
    expect(cacheFolder({ LOCALAPPDATA: "C:\\Users\\u\\AppData\\Local" }, "win32", "C:\\Users\\u")).toMatch(/ptpct-annex.Cache$/);
    expect(cacheFolder({}, "win32", "C:\\Users\\u")).toBeUndefined();
    expect(cacheFolder({}, "linux", "")).toBeUndefined();
  });

  it("builds every format with the same bytes as the sources do", async () => {
    const folder = join(dir, "sources", "2020-2022");
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "allegato-1.json"), JSON.stringify(sampleAnnex(), null, 2));
    writeFileSync(join(folder, "plan.yaml"), stringify(samplePlan()));
    const fromSources = await annex(["build", "--out", "from-sources"], { cwd: dir });
    const fromBundle = bundled(["build", "--out", "from-bundle"], dir);
    expect(fromSources.status).toBe(0);
    expect(fromBundle.status).toBe(0);
    const files = readdirSync(join(dir, "from-sources", "2020-2022")).sort();
    expect(files).toContain("allegato-1.pdf");
    expect(readdirSync(join(dir, "from-bundle", "2020-2022")).sort()).toEqual(files);
    for (const name of files) {
      const a = readFileSync(join(dir, "from-sources", "2020-2022", name));
      const b = readFileSync(join(dir, "from-bundle", "2020-2022", name));
      expect(Buffer.compare(a, b), name).toBe(0);
    }
  });

  it("names the TypeScript sources in a stack trace when source maps are on (--debug)", () => {
    const letter = join(dir, "letter.pdf");
    writeFileSync(letter, "Dear office,\n");
    const r = bundled(["--debug", "export", letter], undefined, ["--enable-source-maps"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at .*pipeline\/app\/readers\.ts:\d+/);
  });
});

describe("bin/annex.js", () => {
  it("takes the bundle as up to date only while every source keeps the time it was bundled with, every file of it is there with its size, and it was made for this version", () => {
    const outdir = mkdtempSync(join(tmpdir(), "annex-manifest-"));
    const source = join(outdir, "source.ts");
    writeFileSync(source, "export {};\n");
    const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;
    const write = (time: number, more: object = {}) => {
      writeFileSync(join(outdir, MANIFEST), JSON.stringify({ version, entry: "annex.js", pdfjs: ["pdfjs-main.cjs"], files: { "annex.js": 6, "chunk-A.js": 4, "pdfjs-main.cjs": 0 }, inputs: { [relative(ROOT, source)]: time }, ...more }));
    };
    writeFileSync(join(outdir, "annex.js"), "entry;");
    writeFileSync(join(outdir, "chunk-A.js"), "a();");
    write(statSync(source).mtimeMs);
    // a file of the bundle missing: stale
    expect(bundleState(outdir)).toEqual({ why: `${join(outdir, "pdfjs-main.cjs")} is missing` });
    writeFileSync(join(outdir, "pdfjs-main.cjs"), "");
    expect(freshBundle(outdir)).toMatch(/annex\.js$/);
    // a chunk cut short, or gone
    writeFileSync(join(outdir, "chunk-A.js"), "a(");
    expect(bundleState(outdir)).toEqual({ why: `${join(outdir, "chunk-A.js")} has 2 bytes instead of 4` });
    rmSync(join(outdir, "chunk-A.js"));
    expect(freshBundle(outdir)).toBeNull();
    writeFileSync(join(outdir, "chunk-A.js"), "a();");
    expect(freshBundle(outdir)).toMatch(/annex\.js$/);
    // made for another version of the package
    write(statSync(source).mtimeMs, { version: "0.0.0-other" });
    expect(bundleState(outdir)).toEqual({ why: `the bundle in ${outdir} was made for version 0.0.0-other, not ${version}` });
    write(statSync(source).mtimeMs);
    utimesSync(source, new Date(), new Date(Date.now() + 5000));
    expect(freshBundle(outdir)).toBeNull();
    // an installed package has no sources: their times are not asked for there
    expect(bundleState(outdir, { sources: false })).toEqual({ url: expect.stringMatching(/annex\.js$/) as unknown });
    write(statSync(source).mtimeMs);
    rmSync(source);
    expect(freshBundle(outdir)).toBeNull();
    rmSync(join(outdir, MANIFEST));
    expect(freshBundle(outdir)).toBeNull();
    rmSync(outdir, { recursive: true });
  });

  it("bundles again before running when a source changed since the bundle was made", () => {
    const manifestFile = join(ROOT, "dist", MANIFEST);
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    const source = "pipeline/cli.ts";
    // as if pipeline/cli.ts had been saved after the bundle was made
    manifest.inputs[source] = 0;
    writeFileSync(manifestFile, JSON.stringify(manifest));
    expect(freshBundle()).toBeNull();
    const r = annexProcess(["--version"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(manifestFile, "utf8")).inputs[source]).toBe(statSync(join(ROOT, source)).mtimeMs);
    expect(freshBundle()).not.toBeNull();
  });
});
