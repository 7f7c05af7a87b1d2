// Builds the web page (out/app/index.html): pipeline/web/main.ts and everything it uses, bundled
// by esbuild for the browser into one script, inlined with the page's styles into one HTML file
// that opens from the disk or from any web server and asks nothing of the network. The Node-only
// module lib/platform.ts is replaced by pipeline/web/platform.ts, and pdf.js's loader by the
// page's own (its worker runs in the page's thread); pdfkit is its standalone build for browsers.
// Run by `npm start` and `npm run build`; `node scripts/bundle-app.js [output folder]`.
// The page is deterministic: the same sources give the same bytes.
import { build } from "esbuild";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
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

export async function bundleApp(outDir = join(ROOT, "out", "app")) {
  const result = await build({
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
    metafile: process.env.ANNEX_APP_DEBUG !== undefined,
  });
  if (result.metafile) {
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
  mkdirSync(outDir, { recursive: true });
  const target = join(outDir, "index.html");
  const temporary = `${target}.${String(process.pid)}.tmp`;
  try {
    writeFileSync(temporary, html);
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
  return { file: target, bytes: Buffer.byteLength(html) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { file, bytes } = await bundleApp(process.argv[2] ? resolve(process.argv[2]) : undefined);
  process.stdout.write(`annex: wrote ${file} (${(bytes / 1024 / 1024).toFixed(1)} MiB)\n`);
}
