// The package as a person installs it: `npm pack` of a copy of the project as a clean clone has
// it (no dist/ yet: the tarball's bundle is made by `prepack`), `npm install --global` of the
// tarball into a prefix of its own (from npm's cache), the install then made read-only, and
// `annex` run from another folder by another user (nobody, when the tests run as root), as
// the checkout runs it. Packed and installed once for the whole file: the two take most of its time.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { subset } from "semver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MANIFEST, ROOT } from "../scripts/fresh-bundle.js";
import { annex } from "./helpers/cli.ts";

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string; engines: { node: string }; files: string[] };
/** What a clean clone holds that packing needs (tests, sources and benchmarks are not packed). */
const CLONE = ["bin", "scripts", "pipeline", "templates", "package.json", "package-lock.json", "tsconfig.json", "README.md", "LICENSE", "CHANGELOG.md", "publiccode.yml"];
const PDF = "sources/2020-2022/allegato-1.pdf";
/** The user the installed command runs as: nobody when the tests run as root, else the tester (to whom the install is read-only as well). */
const ROOT_USER = process.getuid?.() === 0;
const NOBODY = 65534;

/** The test's folder: the clone, the tarball, the install, the other user's folder. */
let made: string | undefined;
let tarball: string;
let packed: { path: string; size: number }[];
let packedSize: number;
let installLog: string;
/** The copy of the project that was packed. */
let clone: string;
/** The installed package's folder, and its command. */
let installed: string;
let bin: string;
/** The other user's folder, where the command runs. */
let work: string;

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_loglevel: "warn" }, timeout: 110_000 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${String(r.status)}): ${r.stderr}`);
  return r;
}

/** Every file under `dir`, relative to it. */
const filesUnder = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => statSync(join(dir, file)).isFile());

/** Makes `path` and everything under it writable by its owner, or read-only for everyone (links are not followed). */
function setMode(path: string, writable: boolean): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  chmodSync(path, writable ? stat.mode | 0o200 : stat.mode & ~0o222);
  if (stat.isDirectory()) for (const name of readdirSync(path)) setMode(join(path, name), writable);
}

beforeAll(() => {
  const top = mkdtempSync(join(tmpdir(), "annex-package-"));
  made = top;
  // the other user goes through this folder to the install and to its own folder
  chmodSync(top, 0o755);
  clone = join(top, "clone");
  mkdirSync(clone);
  for (const entry of CLONE) cpSync(join(ROOT, entry), join(clone, entry), { recursive: true });
  // the checkout's installed packages, as `npm ci` would have put them there
  symlinkSync(join(ROOT, "node_modules"), join(clone, "node_modules"));
  const output = run("npm", ["pack", "--json", "--offline", "--pack-destination", top], clone).stdout;
  // (after what the prepack script printed)
  const report = JSON.parse(output.slice(output.indexOf("[\n"))) as [{ filename: string; size: number; files: { path: string; size: number }[] }];
  tarball = join(top, report[0].filename);
  packed = report[0].files;
  packedSize = report[0].size;
  const prefix = join(top, "prefix");
  installLog = run("npm", ["install", "--global", "--prefix", prefix, "--prefer-offline", "--no-audit", "--no-fund", tarball], top).stderr;
  installed = join(prefix, "lib", "node_modules", "ptpct-annex");
  bin = join(prefix, "bin", "annex");
  work = join(top, "work");
  mkdirSync(join(work, "home"), { recursive: true });
  cpSync(join(ROOT, dirname(PDF)), join(work, dirname(PDF)), { recursive: true });
  cpSync(join(ROOT, "test", "fixtures", "bad", "paragraph.pdf"), join(work, "paragraph.pdf"));
  if (ROOT_USER) for (const path of [work, ...readdirSync(work, { recursive: true, encoding: "utf8" }).map((file) => join(work, file))]) chownSync(path, NOBODY, NOBODY);
  setMode(prefix, false);
});

afterAll(() => {
  if (made !== undefined && existsSync(made)) {
    setMode(made, true);
    rmSync(made, { recursive: true, force: true });
  }
});

/** The installed `annex` run by the other user in its folder, with `env` only. */
function asUser(args: readonly string[], env: Record<string, string>) {
  const command = [bin, ...args];
  const [file, ...rest] = ROOT_USER ? ["setpriv", `--reuid=${String(NOBODY)}`, `--regid=${String(NOBODY)}`, "--clear-groups", "--", ...command] : command;
  const r = spawnSync(file ?? bin, rest, { cwd: work, encoding: "utf8", env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, NO_COLOR: "1", ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the package", () => {
  it("carries its bundle, whole, and the command's files, LICENSE, CHANGELOG.md and publiccode.yml; no sources, tests or development tools", () => {
    const paths = packed.map((file) => file.path);
    const manifest = JSON.parse(readFileSync(join(installed, "dist", MANIFEST), "utf8")) as { files: Record<string, number> };
    // the bundle in the tarball is the one its manifest lists, every file of it, and nothing of an earlier one
    expect(paths.filter((path) => path.startsWith("dist/")).sort()).toEqual([MANIFEST, ...Object.keys(manifest.files)].map((file) => `dist/${file}`).sort());
    for (const file of ["bin/annex.js", "scripts/fresh-bundle.js", "templates/labels.yaml", "README.md", "LICENSE", "CHANGELOG.md", "publiccode.yml", "package.json"]) expect(paths).toContain(file);
    expect(paths.filter((path) => /^(pipeline|test|bench|sources|examples)\//.test(path) || path.endsWith(".ts"))).toEqual([]);
    expect(packedSize).toBeGreaterThan(0);
  });

  it("installs without a warning about the Node versions it declares, and every installed package accepts all of them", () => {
    expect(installLog).not.toMatch(/EBADENGINE/);
    const manifests = filesUnder(join(installed, "node_modules")).filter((file) => file.endsWith("package.json") && /(^|\/)node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/.test(`node_modules/${file}`));
    expect(manifests.length).toBeGreaterThan(20);
    const refused = manifests.flatMap((file) => {
      const { name, version, engines } = JSON.parse(readFileSync(join(installed, "node_modules", file), "utf8")) as { name?: string; version?: string; engines?: { node?: string } };
      const range = engines?.node;
      return range === undefined || subset(pkg.engines.node, range) ? [] : [`${String(name)}@${String(version)}: node ${range}`];
    });
    expect(refused).toEqual([]);
  });

  it("installs no tsx, no esbuild and no TypeScript source: the command can only run its bundle", () => {
    const everything = filesUnder(dirname(dirname(installed)));
    expect(everything.filter((file) => /(^|\/)(tsx|esbuild|@esbuild)\//.test(file))).toEqual([]);
    expect(filesUnder(installed).filter((file) => !file.startsWith("node_modules/") && /\.(ts|mts|cts)$/.test(file))).toEqual([]);
    // and there is none above the install for Node to find
    for (let dir = dirname(installed); dir !== dirname(dir); dir = dirname(dir)) for (const tool of ["tsx", "esbuild"]) expect(existsSync(join(dirname(dir), "node_modules", tool))).toBe(false);
  });
});

describe("the installed command, read-only, run by another user from its own folder", () => {
  it("prints the package's version", () => {
    const r = asUser(["--version"], { HOME: join(work, "home") });
    expect(r).toEqual({ status: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  it("exports the source PDF as the checkout does, keeping pdf.js's code cache in the user's cache folder, or none when the user has none", async () => {
    const args = ["export", PDF, "--format", "json"];
    const checkout = await annex(args);
    expect(checkout.status).toBe(0);
    expect(JSON.parse(checkout.stdout).activities).toHaveLength(245);
    const home = join(work, "home");
    expect(asUser(args, { HOME: home })).toEqual(checkout);
    // the code cache went to ~/.cache/ptpct-annex, not into the install (which the user cannot write)
    const caches = readdirSync(join(home, ".cache", "ptpct-annex"));
    expect(caches.filter((name) => name.endsWith(".v8cache"))).toHaveLength(2);
    // a user with no home folder to write: pdf.js without a cache, the same answer (a PDF without the annex's table, one page: exit 2)
    const paragraph = ["export", "paragraph.pdf"];
    const expected = await annex(paragraph, { cwd: join(ROOT, "test", "fixtures", "bad") });
    expect(expected.status).toBe(2);
    expect(asUser(paragraph, { HOME: "/nonexistent" })).toEqual(expected);
  });
});

describe("a damaged install", () => {
  it("is an error that names the damaged file of the bundle and says how to repair it: a chunk missing or cut short", () => {
    const dist = join(installed, "dist");
    const manifest = JSON.parse(readFileSync(join(dist, MANIFEST), "utf8")) as { files: Record<string, number> };
    // a chunk that `--version` never loads: the check covers every file, not only those a run loads
    const chunk = Object.keys(manifest.files).find((file) => file.startsWith("chunk-") && file.endsWith(".js") && manifest.files[file] !== undefined && manifest.files[file] > 1000);
    expect(chunk).toBeDefined();
    const path = join(dist, chunk ?? "");
    const bytes = readFileSync(path);
    const repair = `install it again (npm install --global ptpct-annex@${pkg.version}, or the same tarball)`;
    setMode(dist, true);
    try {
      truncateSync(path, 100);
      let r = asUser(["--version"], { HOME: "/nonexistent" });
      expect(r).toEqual({ status: 2, stdout: "", stderr: `annex: this installation of ptpct-annex ${pkg.version} is damaged: ${path} has 100 bytes instead of ${String(bytes.length)}; ${repair}\n` });
      rmSync(path);
      r = asUser(["--version"], { HOME: "/nonexistent" });
      expect(r).toEqual({ status: 2, stdout: "", stderr: `annex: this installation of ptpct-annex ${pkg.version} is damaged: ${path} is missing; ${repair}\n` });
    } finally {
      writeFileSync(path, bytes);
      setMode(dist, false);
    }
    expect(asUser(["--version"], { HOME: "/nonexistent" }).status).toBe(0);
    expect(relative(installed, path)).toBe(`dist/${chunk ?? ""}`);
  });
});

describe("a checkout whose sources cannot be compiled", () => {
  it("is an error that says so and how to run or check the sources, not a silent run of the sources through tsx", () => {
    const cli = join(clone, "pipeline", "cli.ts");
    writeFileSync(cli, `${readFileSync(cli, "utf8")}\nexport const = ;\n`);
    const r = spawnSync(process.execPath, [join(clone, "bin", "annex.js"), "--version"], { cwd: work, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^annex: pipeline\/ cannot be compiled into dist\/ \(.*pipeline\/cli\.ts:\d+:\d+: ERROR: .*\): fix the sources \(npm run dev -- <arguments> runs them as they are, npm run typecheck shows where\)\n$/);
  });
});
