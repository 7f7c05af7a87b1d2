// Compiles pipeline/ once into JavaScript (dist/), so that a run of `annex` does not transpile
// TypeScript every time it starts. In a checkout `npm install` runs it (the `prepare` script), and
// bin/annex.js runs it again when a source changed since (see scripts/fresh-bundle.js); `npm pack`
// and `npm publish` run it with --clean (the `prepack` script), so that the package carries this
// bundle and nothing of an earlier one: an installed package runs only what it carries.
//
// One ESM entry and chunks (esbuild's code splitting), so that the modules a command loads on
// demand (pdf.js's reader, the renderers) stay loaded on demand.
//
// Every output file is named by a hash of its content and written whole (temporary file, then
// rename), and the manifest last: a process that started from the previous bundle still finds the
// chunks it loads later, and two processes bundling at once write the same files.
import { build } from "esbuild";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire, isBuiltin } from "node:module";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleState, MANIFEST, packageVersion, ROOT } from "./fresh-bundle.js";

const DIST = join(ROOT, "dist");
/**
 * What the bundle is made from besides our sources: its settings, and the versions of the
 * packages it includes (their files are not looked at one by one: an install that changes them
 * changes the lockfile).
 */
const SETTINGS = ["scripts/bundle.js", "tsconfig.json", "package.json", "package-lock.json"].filter((file) => existsSync(join(ROOT, file)));
/**
 * Packages compiled into the bundle: plain JavaScript that reads no file of its own; one chunk
 * loads faster than their many files (an export 6 % faster, a build 4 % and 20 MiB smaller).
 * They are development dependencies: the installed package carries them in dist/ (docx's own
 * 23 MB of files, and a dependency of it that declares no Node 20, are not installed). The others
 * are loaded from node_modules as they are, and are the package's dependencies: pdf.js starts its
 * worker and reads its data from its own folder, pdfmake and pdfkit their fonts, and a package
 * added later is safe there until it is listed here (test/metadata.test.ts checks both lists).
 */
export const BUNDLED = new Set(["commander", "csv-stringify", "diff", "docx", "fastest-levenshtein", "fflate", "js-yaml", "saxes", "yaml", "zod"]);
/** The bundled packages written as CommonJS (commander, yaml, saxes) require Node's modules. */
const REQUIRE = 'import { createRequire as createRequireForBundle } from "node:module"; const require = createRequireForBundle(import.meta.url);';
/**
 * pdf.js's two modules, also copied as CommonJS, which Node 20 can run with a V8 code cache
 * (pipeline/lib/compiled-module.ts): it is then not compiled again at every start. The copy is
 * the same code; its `import.meta.url` is a parameter, given the original module's URL (resolved
 * when it runs: an installed package may find pdfjs-dist in its own node_modules or above it).
 */
const PDFJS = { main: "pdfjs-dist/legacy/build/pdf.mjs", worker: "pdfjs-dist/legacy/build/pdf.worker.mjs" };
/** The folder of pipeline/extract/pdf/pdfjs.ts, which finds the copies relative to itself. */
const PDFJS_LOADER = join(ROOT, "pipeline", "extract", "pdf");
/** Files of earlier bundles are removed once this old: no run of annex lasts that long. */
const KEEP_MS = 60 * 60 * 1000;

/**
 * A source's `import.meta.url` is its own place (templates/ and package.json are found from it),
 * not the chunk's: it is rewritten as the source file's URL, relative to the output folder.
 * @param {string} outdir
 * @returns {import("esbuild").Plugin}
 */
function sourceUrls(outdir) {
  return {
    name: "source-urls",
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
        const text = await readFile(path, "utf8");
        if (!text.includes("import.meta.url")) return undefined;
        const from = relative(outdir, path).split(sep).join("/");
        return { contents: text.replaceAll("import.meta.url", `new URL(${JSON.stringify(from)}, import.meta.url).href`), loader: "ts" };
      });
    },
  };
}

/**
 * A package our sources import is bundled when listed in BUNDLED, else left to Node; what a
 * bundled package imports is bundled with it.
 * @returns {import("esbuild").Plugin}
 */
function packagesOutside() {
  return {
    name: "packages-outside",
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, ({ path, importer }) => {
        if (path.startsWith("node:") || importer.includes(`${sep}node_modules${sep}`)) return undefined;
        const name = path.split("/").slice(0, path.startsWith("@") ? 2 : 1).join("/");
        return BUNDLED.has(name) ? undefined : { path, external: true };
      });
    },
  };
}

/**
 * The CommonJS copies of pdf.js, and where pdfjs.ts finds them and the modules they copy.
 * @param {string} outdir
 */
async function copyPdfjs(outdir) {
  const require = createRequire(join(ROOT, "package.json"));
  const modules = Object.fromEntries(Object.entries(PDFJS).map(([name, spec]) => [name, require.resolve(spec)]));
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(modules).map(([name, path]) => [`pdfjs-${name}`, path])),
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    outdir,
    entryNames: "[name]-[hash]",
    outExtension: { ".js": ".cjs" },
    define: { "import.meta.url": "__moduleUrl" },
    metafile: true,
    write: false,
    logLevel: "silent",
  });
  const fromLoader = (/** @type {string} */ path) => relative(PDFJS_LOADER, path).split(sep).join("/");
  /** @type {Record<string, string>} */
  const places = {};
  for (const [name, path] of Object.entries(modules)) {
    const output = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint !== undefined && join(ROOT, o.entryPoint) === path)?.[0];
    if (output === undefined) throw new Error(`esbuild gave no copy of ${path}`);
    places[name] = fromLoader(join(ROOT, output));
    places[`${name}Module`] = PDFJS[/** @type {keyof typeof PDFJS} */ (name)];
  }
  return { files: result.outputFiles, places };
}

/** @param {string} path @param {string | Uint8Array} contents */
function writeWhole(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/**
 * Bundles pipeline/cli.ts into `outdir` and returns the URL of the entry module. With `clean`,
 * every other file in `outdir` is removed (else the files of earlier bundles are kept an hour,
 * for the processes that started from them).
 * @param {{ outdir?: string, clean?: boolean }} [options]
 * @returns {Promise<string>}
 */
export async function bundle({ outdir = DIST, clean = false } = {}) {
  outdir = resolve(outdir);
  // the sources' times are taken before esbuild reads them: one saved during the bundling makes the bundle stale
  const sources = readdirSync(join(ROOT, "pipeline"), { recursive: true, encoding: "utf8" }).map((file) => join("pipeline", file));
  const before = new Map([...sources.filter((file) => file.endsWith(".ts")), ...SETTINGS].map((file) => [join(ROOT, file), statSync(join(ROOT, file)).mtimeMs]));
  const pdfjs = await copyPdfjs(outdir);
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { annex: "pipeline/cli.ts" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    banner: { js: REQUIRE },
    outdir,
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    // read only when asked for (--debug): bin/annex.js turns source maps on then
    sourcemap: "linked",
    sourcesContent: false,
    plugins: [packagesOutside(), sourceUrls(outdir)],
    define: { __ANNEX_PDFJS__: JSON.stringify(pdfjs.places) },
    metafile: true,
    write: false,
    logLevel: "silent",
  });
  const entry = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint === "pipeline/cli.ts")?.[0];
  if (entry === undefined) throw new Error("esbuild gave no entry module");
  /** @type {Record<string, number>} */
  const inputs = {};
  // (a define is an input of its own, "<define:…>", made from the settings)
  for (const input of [...Object.keys(result.metafile.inputs).filter((file) => !file.startsWith("node_modules/") && !file.startsWith("<")), ...SETTINGS]) {
    const path = join(ROOT, input);
    inputs[input] = before.get(path) ?? statSync(path).mtimeMs;
  }
  // the packages the bundle imports from node_modules: the package's dependencies (pdfmake, which is required, is not seen here)
  const externals = [...new Set(Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external && !isBuiltin(i.path)).map((i) => i.path.split("/").slice(0, i.path.startsWith("@") ? 2 : 1).join("/"))))].sort();
  mkdirSync(outdir, { recursive: true });
  const fresh = new Set();
  /** @type {Record<string, number>} */
  const files = {};
  for (const file of [...pdfjs.files, ...result.outputFiles]) {
    writeWhole(file.path, file.contents);
    fresh.add(file.path);
    files[relative(outdir, file.path)] = file.contents.byteLength;
  }
  const manifest = join(outdir, MANIFEST);
  const copies = pdfjs.files.map((file) => relative(outdir, file.path));
  writeWhole(manifest, JSON.stringify({ version: packageVersion(), entry: relative(outdir, join(ROOT, entry)), pdfjs: copies, files, externals, inputs }, null, 1));
  for (const dirent of readdirSync(outdir, { withFileTypes: true })) {
    const path = join(outdir, dirent.name);
    if (path === manifest || fresh.has(path)) continue;
    if (clean || (dirent.isFile() && Date.now() - statSync(path).mtimeMs > KEEP_MS)) rmSync(path, { recursive: true, force: true });
  }
  return pathToFileURL(join(ROOT, entry)).href;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // --if-stale (`prepare`): not again when `npm pack` has just made it (`prepack`)
  const args = process.argv.slice(2);
  const outdir = args.find((arg) => !arg.startsWith("--")) ?? DIST;
  const state = args.includes("--if-stale") ? bundleState(outdir, { sources: true }) : { why: "asked for" };
  if ("url" in state) console.log(`annex: ${relative(process.cwd(), fileURLToPath(state.url))} is up to date`);
  else {
    const url = await bundle({ outdir, clean: args.includes("--clean") });
    console.log(`annex: bundled ${relative(process.cwd(), fileURLToPath(url))}`);
  }
}
