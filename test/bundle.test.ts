// The bundle that bin/annex.js runs (scripts/bundle.js): made from the sources as they are, it
// gives what the sources give through tsx, byte for byte: the export of the source PDF (pdf.js run
// from the bundle's CommonJS copy, with its code cache) and a build in every format (templates and fonts found from
// the bundle's place). And bin/annex.js never runs a bundle older than its sources.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle } from "../scripts/bundle.js";
import { freshBundle, MANIFEST, ROOT } from "../scripts/fresh-bundle.js";
import { annex, annexProcess, type Run } from "./helpers/cli.ts";
import { sampleAnnex, samplePlan } from "./helpers/sample-annex.ts";

const PDF = "sources/2020-2022/allegato-1.pdf";

let entry: string;
let dir: string;

/** `annex …` run from the bundle's entry module, as bin/annex.js runs it. */
function bundled(args: readonly string[], cwd?: string, node: readonly string[] = []): Run {
  const r = spawnSync(process.execPath, [...node, entry, ...args], { encoding: "utf8", cwd, env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 64 * 1024 * 1024 });
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

  it("exports the source PDF exactly as the sources do, pdf.js run from its CommonJS copy with V8's code cache: written by the first run, used by the next, rewritten when V8 refuses it", async () => {
    const run = () => bundled(["export", PDF, "--format", "json"]);
    const manifest = JSON.parse(readFileSync(join(OUTDIR, MANIFEST), "utf8"));
    const caches: string[] = manifest.pdfjs.map((copy: string) => join(OUTDIR, `${copy}.v8cache`));
    expect(caches).toHaveLength(2);
    for (const cache of caches) expect(existsSync(cache)).toBe(false);
    const expected = await annex(["export", PDF, "--format", "json"]);
    expect(expected.status).toBe(0);
    expect(JSON.parse(expected.stdout).activities).toHaveLength(245);
    // the first run compiles pdf.js and writes the caches as it ends
    expect(run()).toEqual(expected);
    const written = caches.map((cache) => statSync(cache));
    for (const stat of written) expect(stat.size).toBeGreaterThan(100_000);
    // the next run uses them (a cache that V8 refused would be written again)
    expect(run()).toEqual(expected);
    expect(caches.map((cache) => statSync(cache).mtimeMs)).toEqual(written.map((stat) => stat.mtimeMs));
    // a cache that is not V8's (damaged, or from another Node) is refused: the same export, and a cache again
    const [first = ""] = caches;
    writeFileSync(first, "not a code cache");
    expect(run()).toEqual(expected);
    expect(statSync(first).size).toBeGreaterThan(100_000);
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
  it("takes the bundle as up to date only while every source keeps the time it was bundled with and its files are all there", () => {
    const outdir = mkdtempSync(join(tmpdir(), "annex-manifest-"));
    const source = join(outdir, "source.ts");
    writeFileSync(source, "export {};\n");
    const write = (time: number) => {
      writeFileSync(join(outdir, MANIFEST), JSON.stringify({ entry: "annex.js", pdfjs: ["pdfjs-main.cjs"], inputs: { [relative(ROOT, source)]: time } }));
    };
    writeFileSync(join(outdir, "annex.js"), "");
    write(statSync(source).mtimeMs);
    // a file of the bundle missing: stale
    expect(freshBundle(outdir)).toBeNull();
    writeFileSync(join(outdir, "pdfjs-main.cjs"), "");
    expect(freshBundle(outdir)).toMatch(/annex\.js$/);
    utimesSync(source, new Date(), new Date(Date.now() + 5000));
    expect(freshBundle(outdir)).toBeNull();
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
