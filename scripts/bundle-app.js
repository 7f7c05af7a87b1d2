// Builds the web page (out/app/index.html): pipeline/web/main.ts and everything it uses, bundled
// by esbuild for the browser into one script, inlined with the page's styles into one HTML file
// that opens from the disk or from any web server and asks nothing of the network. The Node-only
// module lib/platform.ts is replaced by pipeline/web/platform.ts, and pdf.js's loader by the
// page's own (its worker runs in the page's thread); pdfkit is its standalone build for browsers.
// The application layer, pdf.js, and pdfmake with pdfkit and its fonts, nearly all of the code,
// are built apart as the page's parts (pipeline/web/parts.ts) and carried in it deflated, in
// base64, in <script>s of an inert type: the browser parses and compiles them only once files are
// given, a PDF is read, a PDF is made. The page is
// ASCII (every other character escaped), which browsers decode faster than UTF-8.
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

/**
 * pdfkit's build for browsers with its Buffer.concat made linear: the copy of the Buffer package
 * it carries copies every piece twice (each is copied into a new Buffer first, then by a method
 * that checks its arguments), and a page's content stream is tens of thousands of small pieces.
 * The same bytes, in the same order, copied once.
 * @param {string} source
 */
function withLinearConcat(source) {
  const start = "Buffer.concat = function concat (list, length) {";
  const end = "\n}\n\nfunction byteLength (string, encoding) {";
  const from = source.indexOf(start);
  const to = source.indexOf(end, from);
  if (from < 0 || to < 0 || source.indexOf(start, from + 1) >= 0) throw new Error("pdfkit/js/pdfkit.standalone.js: its Buffer.concat is not the one scripts/bundle-app.js replaces (a new pdfkit?)");
  const concat = `Buffer.concat = function concat (list, length) {
  if (!Array.isArray(list)) throw new TypeError('"list" argument must be an Array of Buffers')
  if (list.length === 0) return Buffer.alloc(0)
  var i
  if (length === undefined) {
    length = 0
    for (i = 0; i < list.length; ++i) length += list[i].length
  }
  var buffer = Buffer.allocUnsafe(length)
  var pos = 0
  for (i = 0; i < list.length && pos < length; ++i) {
    var buf = list[i]
    if (!(buf instanceof Uint8Array)) throw new TypeError('"list" argument must be an Array of Buffers')
    var n = Math.min(buf.length, length - pos)
    buffer.set(n === buf.length ? buf : buf.subarray(0, n), pos)
    pos += n
  }
  return buffer`;
  return source.slice(0, from) + concat + source.slice(to);
}

/**
 * pdfkit's build for browsers with a stream's text kept as text until the stream ends: each
 * operator of a page's content is written as `Buffer.from(text + "\n", "binary")`, tens of
 * thousands of small Buffers, each a new typed array in the browser (Node takes them from a pool)
 * and each first copied into an array of character codes by the Buffer package it carries. Now
 * the texts written one after another become one Buffer when the stream ends: the same bytes, in
 * the same order ("binary" is one byte per character, so the stream's length is counted the same).
 * @param {string} source
 */
function withTextStreams(source) {
  /** @type {[string, string][]} */
  const replacements = [
    [
      `class PDFReference extends PDFAbstractReference {`,
      `function binaryBuffer(text) {
  var bytes = Buffer.allocUnsafe(text.length);
  for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}
function binaryRuns(pieces) {
  var out = [];
  var text = '';
  for (var i = 0; i < pieces.length; i++) {
    var piece = pieces[i];
    if (typeof piece === 'string') text += piece;
    else {
      if (text !== '') out.push(binaryBuffer(text));
      text = '';
      out.push(piece);
    }
  }
  if (text !== '') out.push(binaryBuffer(text));
  return out;
}
class PDFReference extends PDFAbstractReference {`,
    ],
    [
      `    if (!(chunk instanceof Uint8Array)) {
      chunk = Buffer.from(chunk + '\\n', 'binary');
    }
    this.uncompressedLength += chunk.length;`,
      `    if (!(chunk instanceof Uint8Array)) {
      chunk = chunk + '\\n';
    }
    this.uncompressedLength += chunk.length;`,
    ],
    [
      `      this.buffer = Buffer.concat(this.buffer);
      if (this.compress) {`,
      `      this.buffer = Buffer.concat(binaryRuns(this.buffer));
      if (this.compress) {`,
    ],
  ];
  let result = source;
  for (const [from, to] of replacements) {
    const at = result.indexOf(from);
    if (at < 0 || result.indexOf(from, at + 1) >= 0) throw new Error(`pdfkit/js/pdfkit.standalone.js: its PDFReference is not the one scripts/bundle-app.js changes (a new pdfkit?): ${JSON.stringify(from.slice(0, 50))}`);
    result = result.slice(0, at) + to + result.slice(at + from.length);
  }
  return result;
}

/**
 * pdfkit's build for browsers as the page carries it (its Buffer.concat linear, a stream's text
 * kept as text): test/web-pdfkit.test.ts checks it writes the same bytes as the build it changes.
 * @param {string} source
 */
export function pdfkitForPage(source) {
  return withTextStreams(withLinearConcat(source));
}

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
    b.onLoad({ filter: /[\\/]pdfkit\.standalone\.js$/ }, ({ path }) => ({ contents: pdfkitForPage(readFileSync(path, "utf8")), loader: "js" }));
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

/** The page's parts (pipeline/web/parts.ts): name → entry module. */
const PARTS = { engine: join(WEB, "engine.ts"), "pdf-reader": join(WEB, "part-pdf-reader.ts"), "pdf-writer": join(WEB, "part-pdf-writer.ts") };

/** pdf.js's constants that the reader's modules use as they load, from the package the part is built from. */
async function pdfjsConstants() {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    const { OPS, AnnotationMode } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    return { OPS, AnnotationMode };
  } finally {
    console.warn = warn;
  }
}

/** Every character outside ASCII as a JavaScript escape (the script's strings, regular expressions and template literals all read it as the character). */
function asciiScript(text) {
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Every character outside ASCII as an HTML character reference (the page's text and styles). */
function asciiHtml(text) {
  return text.replace(/[\u{80}-\u{10ffff}]/gu, (c) => `&#${String(c.codePointAt(0))};`);
}

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
  const { deflateSync } = await import("fflate");
  const constants = await pdfjsConstants();
  /** @param {string} entry @param {Partial<import("esbuild").BuildOptions>} options */
  const bundle = async (entry, options) => {
    const result = await build({
      absWorkingDir: ROOT,
      metafile: true,
      entryPoints: [entry],
      bundle: true,
      platform: "browser",
      target: ["chrome120", "firefox120"],
      minify: process.env.ANNEX_APP_DEBUG === undefined,
      legalComments: "none",
      write: false,
      outdir: outDir,
      loader: { ".ttf": "binary", ".hbs": "text", ".yaml": "text", ".css": "text" },
      // the documents' date is the plan's, as the command line's without SOURCE_DATE_EPOCH
      define: { "process.env.NODE_ENV": '"production"', "process.env": "{}", global: "globalThis", __ANNEX_PDFJS_CONSTANTS__: JSON.stringify(constants) },
      plugins: [browser],
      logLevel: "warning",
      // pdf.js names its own file (import.meta.url) only to start a worker from it; the page gives it its worker
      logOverride: { "empty-import-meta": "silent" },
      ...options,
    });
    if (process.env.ANNEX_APP_DEBUG !== undefined) {
      // which modules reach Node's (empty in the page): each must be one whose path-based functions the page never calls
      for (const [file, input] of Object.entries(result.metafile.inputs)) {
        const nodeOnly = input.imports.filter((i) => i.path.startsWith("node-only:")).map((i) => i.path.slice("node-only:".length));
        if (nodeOnly.length > 0) process.stderr.write(`${file}: ${nodeOnly.join(", ")}\n`);
      }
    }
    const script = result.outputFiles.find((file) => file.path.endsWith(".js"));
    if (!script) throw new Error(`${relative(ROOT, entry)} was not built`);
    return { text: asciiScript(script.text), inputs: Object.keys(result.metafile.inputs) };
  };
  const [main, ...parts] = await Promise.all([
    bundle(join(WEB, "main.ts"), { format: "esm" }),
    ...Object.values(PARTS).map((entry) => bundle(entry, { format: "iife", globalName: "__annexPart" })),
  ]);
  if (!main) throw new Error("the page's script was not built");
  const carried = Object.keys(PARTS)
    .map((name, i) => {
      const deflated = deflateSync(Buffer.from(parts[i]?.text ?? "", "utf8"), { level: 9 });
      return `<script type="application/octet-stream" id="part-${name}">${Buffer.from(deflated).toString("base64")}</script>`;
    })
    .join("\n");
  const page = readFileSync(join(WEB, "page.html"), "utf8");
  const css = readFileSync(join(WEB, "page.css"), "utf8");
  // the script is inlined: a module script in its own file is refused by browsers on file://
  // the styles are ASCII already (a character reference is not one inside <style>)
  if (/[\u0080-\uffff]/.test(css)) throw new Error("pipeline/web/page.css: write its characters outside ASCII as CSS escapes (\\2014)");
  const html = asciiHtml(page)
    .replace("/* page.css */", () => css)
    .replace("<!-- parts -->", () => carried)
    .replace("/* main.ts */", () => main.text.replaceAll("</script", "<\\/script"));
  const inputs = [main, ...parts].flatMap((built) => built.inputs);
  const sources = [...new Set([...inputs.filter((file) => !file.startsWith("node-only:") && !file.startsWith("<")).map((file) => relative(ROOT, resolve(ROOT, file.replace(/^text:/, "")))), ...SETTINGS])];
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
