// The bundle that bin/annex.js runs (scripts/bundle.js): made from the sources as they are, it
// gives what the sources give through tsx, byte for byte: the export of the source PDF (pdf.js
// loaded from the bundle's chunks) and a build in every format (templates and fonts found from
// the bundle's place). And bin/annex.js never runs a bundle older than its sources.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
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

beforeAll(async () => {
  entry = fileURLToPath(await bundle());
  dir = mkdtempSync(join(tmpdir(), "annex-bundle-"));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("the bundle", () => {
  it("prints the version of package.json", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8"));
    const r = bundled(["--version"]);
    expect(r).toMatchObject({ status: 0, stdout: `${String(pkg.version)}\n` });
  });

  it("exports the source PDF exactly as the sources do", async () => {
    const fromSources = await annex(["export", PDF, "--format", "json"]);
    const fromBundle = bundled(["export", PDF, "--format", "json"]);
    expect(fromSources.status).toBe(0);
    expect(JSON.parse(fromBundle.stdout).activities).toHaveLength(245);
    expect(fromBundle).toEqual(fromSources);
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
  it("takes the bundle as up to date only while every source keeps the time it was bundled with", () => {
    const outdir = mkdtempSync(join(tmpdir(), "annex-manifest-"));
    const source = join(outdir, "source.ts");
    writeFileSync(source, "export {};\n");
    const write = (time: number) => {
      writeFileSync(join(outdir, MANIFEST), JSON.stringify({ entry: "annex.js", inputs: { [relative(ROOT, source)]: time } }));
    };
    write(statSync(source).mtimeMs);
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
