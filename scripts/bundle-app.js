// Builds the web page (out/app/index.html): pipeline/web/main.ts and everything it uses, bundled
// by esbuild for the browser into one script, inlined with the page's styles into one HTML file
// that opens from the disk or from any web server and asks nothing of the network. The Node-only
// module lib/platform.ts is replaced by pipeline/web/platform.ts, and pdf.js's loader by the
// page's own (its worker runs in the page's thread); pdfkit is its standalone build for browsers.
// Run by `npm start` and `npm run build`; `node scripts/bundle-app.js [output folder]`.
// The page is deterministic: the same sources give the same bytes.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const WEB = join(ROOT, "pipeline", "web");
const require = createRequire(import.meta.url);

/** Node-only modules and what takes their place in the page. */
const REPLACED = new Map([
  [join(ROOT, "pipeline", "lib", "platform.ts"), join(WEB, "platform.ts")],
  [join(ROOT, "pipeline", "extract", "pdf", "pdfjs.ts"), join(WEB, "pdfjs.ts")],
]);

/** @type {import("esbuild").Plugin} */
const browser = {
  name: "browser",
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, ({ path, resolveDir }) => {
      const target = resolve(resolveDir, path);
      const replacement = REPLACED.get(target);
      if (replacement) return { path: replacement };
      // a template's script, carried as text
      if (target.endsWith(".js.txt")) return { path: target.slice(0, -".txt".length), namespace: "text" };
      return undefined;
    });
    b.onLoad({ filter: /.*/, namespace: "text" }, ({ path }) => ({ contents: readFileSync(path, "utf8"), loader: "text" }));
    b.onResolve({ filter: /^events$/ }, () => ({ path: join(WEB, "events.ts") }));
    b.onResolve({ filter: /^pdfkit$/ }, () => ({ path: require.resolve("pdfkit/js/pdfkit.standalone.js") }));
    // csv-stringify's build for browsers (its own build needs Node's Buffer)
    b.onResolve({ filter: /^csv-stringify\/sync$/ }, () => ({ path: join(ROOT, "node_modules", "csv-stringify", "dist", "esm", "sync.js") }));
    // what the application layer does with files by their path (the command line's) is never
    // called in the page: Node's modules are empty there, and a call would say so
    b.onResolve({ filter: /^(node:)?(fs|fs\/promises|path|url|util|module|crypto|os|tty|vm|zlib|child_process)$/ }, ({ path }) => ({ path, namespace: "node-only" }));
    b.onLoad({ filter: /.*/, namespace: "node-only" }, ({ path }) => ({
      contents: `module.exports = new Proxy({}, { get(_, name) { if (name === "__esModule") return false; return () => { throw new Error(${JSON.stringify(path)} + "." + String(name) + " is not available in the web page"); }; } });`,
      loader: "js",
    }));
  },
};

/** Beside the page: the time each of its sources had when it was built (any other time makes it stale). */
const STAMP = ".built-from.json";
/** What the page is made from besides the modules esbuild reads. */
const SETTINGS = ["scripts/bundle-app.js", "pipeline/web/page.html", "pipeline/web/page.css", "package-lock.json"];

/** Whether the page in `outDir` was built from the sources as they are now (`npm start` then does not build it again). */
function fresh(outDir) {
  try {
    statSync(join(outDir, "index.html"));
    const stamp = JSON.parse(readFileSync(join(outDir, STAMP), "utf8"));
    return Object.entries(stamp).every(([file, time]) => statSync(join(ROOT, file)).mtimeMs === time);
  } catch {
    return false;
  }
}

/**
 * Writes `outDir`/index.html, unless it is up to date (`force`: in any case).
 * @returns {Promise<{ file: string, bytes: number, built: boolean }>}
 */
export async function bundleApp(outDir = join(ROOT, "out", "app"), force = false) {
  const target = join(outDir, "index.html");
  if (!force && fresh(outDir)) return { file: target, bytes: statSync(target).size, built: false };
  const { build } = await import("esbuild");
  const result = await build({
    absWorkingDir: ROOT,
    metafile: true,
    entryPoints: [join(WEB, "main.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["chrome120", "firefox120"],
    minify: process.env.ANNEX_APP_DEBUG === undefined,
    legalComments: "none",
    write: false,
    outdir: outDir,
    loader: { ".ttf": "binary", ".hbs": "text", ".yaml": "text", ".css": "text" },
    // the documents' date is the plan's, as the command line's without SOURCE_DATE_EPOCH
    define: { "process.env.NODE_ENV": '"production"', "process.env": "{}", global: "globalThis" },
    plugins: [browser],
    logLevel: "warning",
  });
  if (process.env.ANNEX_APP_DEBUG !== undefined) {
    // which modules reach Node's (empty in the page): each must be one whose path-based functions the page never calls
    for (const [file, input] of Object.entries(result.metafile.inputs)) {
      const nodeOnly = input.imports.filter((i) => i.path.startsWith("node-only:")).map((i) => i.path.slice("node-only:".length));
      if (nodeOnly.length > 0) process.stderr.write(`${file}: ${nodeOnly.join(", ")}\n`);
    }
  }
  const script = result.outputFiles.find((file) => file.path.endsWith(".js"));
  if (!script) throw new Error("the page's script was not built");
  const page = readFileSync(join(WEB, "page.html"), "utf8");
  const css = readFileSync(join(WEB, "page.css"), "utf8");
  // the script is inlined: a module script in its own file is refused by browsers on file://
  const html = page
    .replace("/* page.css */", () => css)
    .replace("/* main.ts */", () => script.text.replaceAll("</script", "<\\/script"));
  const sources = [...Object.keys(result.metafile.inputs).filter((file) => !file.startsWith("node-only:") && !file.startsWith("<")).map((file) => relative(ROOT, resolve(ROOT, file.replace(/^text:/, "")))), ...SETTINGS];
  const stamp = Object.fromEntries(sources.map((file) => [file, statSync(join(ROOT, file)).mtimeMs]));
  mkdirSync(outDir, { recursive: true });
  const temporary = `${target}.${String(process.pid)}.tmp`;
  try {
    writeFileSync(temporary, html);
    renameSync(temporary, target);
    writeFileSync(join(outDir, STAMP), JSON.stringify(stamp));
  } finally {
    rmSync(temporary, { force: true });
  }
  return { file: target, bytes: Buffer.byteLength(html), built: true };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { file, bytes, built } = await bundleApp(process.argv[2] ? resolve(process.argv[2]) : undefined);
  process.stdout.write(`annex: ${built ? "wrote" : "up to date:"} ${file} (${(bytes / 1024 / 1024).toFixed(1)} MiB)\n`);
}
