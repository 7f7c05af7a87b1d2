// A seeded fuzz over the office readers: 24 variants (FUZZ_VARIANTS=n for more) of each format's seed (a small annex as
// LibreOffice writes it, test/fixtures/office/fuzz), each with a part damaged at random (the
// zip's bytes flipped or cut, an XML part cut short, bytes that are not UTF-8, a count or
// position made absurd, a row or merge written twice, a part missing). Every variant must be
// refused, or read as the seed's very annex: a different annex without an error, a crash, a
// reading that does not end or that takes more than 1 GiB of heap fails the test, which names
// the variant (its seed and what was done to it) so that it can be made again.
import { readFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { build } from "esbuild";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seeded } from "./helpers/random.ts";
import type { Outcome, Variant } from "./helpers/office-fuzz-worker.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SEEDS = join(ROOT, "test", "fixtures", "office", "fuzz");
/** inside the project, so that the packages it leaves out are found in node_modules */
const WORKER = join(ROOT, "node_modules", ".cache", "annex-tests", `office-fuzz-${String(process.pid)}.mjs`);
const VARIANTS = Number(process.env["FUZZ_VARIANTS"] ?? 24);
const SEED = 20261206;
/** far longer than any variant takes (a few tens of milliseconds): a variant still running is a hang */
const HANG_MS = 20_000;

beforeAll(async () => {
  mkdirSync(join(WORKER, ".."), { recursive: true });
  await build({ entryPoints: [join(ROOT, "test", "helpers", "office-fuzz-worker.ts")], bundle: true, format: "esm", platform: "node", target: "node20", packages: "external", outfile: WORKER, logLevel: "silent" });
});

afterAll(() => {
  rmSync(WORKER, { force: true });
});


const ABSURD = ["-1", "0", "NaN", "x", "", "1e9", "99999999", "4294967296", "1048577"];
/** Elements whose second copy is damage (a row or cell written twice, merges that overlap), or a row more (its code then twice) */
const TWICE: Record<string, readonly string[]> = {
  xlsx: ["row", "c", "mergeCell"],
  ods: ["table:table-row"],
  docx: ["w:tr", "w:tc"],
  odt: ["table:table-row"],
};

/** Where each element of these names starts and ends in `text` (its close tag, or its own "/>"), found without a regex that could backtrack. */
function elementsNamed(text: string, names: readonly string[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const name of names) {
    for (let at = text.indexOf(`<${name}`); at >= 0; at = text.indexOf(`<${name}`, at + 1)) {
      const next = text.charAt(at + name.length + 1);
      if (next !== " " && next !== ">" && next !== "/") continue;
      const close = text.indexOf(">", at);
      if (close < 0) break;
      if (text.charAt(close - 1) === "/") out.push({ start: at, end: close + 1 });
      else {
        const end = text.indexOf(`</${name}>`, close);
        if (end >= 0) out.push({ start: at, end: end + name.length + 3 });
      }
    }
  }
  return out;
}

/** The parts each reader reads: most damage goes there (the rest of a package is not read, and damage there changes nothing). */
const READ: Record<string, readonly string[]> = {
  xlsx: ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"],
  ods: ["content.xml", "styles.xml"],
  docx: ["word/document.xml", "word/styles.xml"],
  odt: ["content.xml", "styles.xml"],
};

function rezip(parts: Record<string, Uint8Array>): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of Object.entries(parts)) files[name] = [data, { level: name === "mimetype" ? 0 : 6 }];
  return zipSync(files);
}

/** One variant of `seed`: what was done to it (to name it in a failure) and its bytes. */
function damage(ext: string, seed: Uint8Array, rnd: () => number): { what: string; bytes: Uint8Array } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const parts = unzipSync(seed);
  const xmlParts = Object.keys(parts).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"));
  const op = pick(["flip-byte", "cut-zip", "cut-part", "not-utf8", "absurd-number", "absurd-number", "twice", "twice", "drop-part"] as const);
  const read = (READ[ext] ?? []).filter((n) => n in parts);
  const part = rnd() < 0.8 && read.length > 0 ? pick(read) : pick(xmlParts);
  const text = strFromU8(parts[part] ?? new Uint8Array());
  switch (op) {
    case "flip-byte": {
      const bytes = seed.slice();
      const at = Math.floor(rnd() * bytes.length);
      bytes[at] = (bytes[at] ?? 0) ^ (1 << Math.floor(rnd() * 8));
      return { what: `byte ${at} of the zip flipped`, bytes };
    }
    case "cut-zip": {
      const at = Math.floor(rnd() * seed.length);
      return { what: `the zip cut at byte ${at}`, bytes: seed.slice(0, at) };
    }
    case "cut-part": {
      const at = Math.floor(rnd() * text.length);
      return { what: `${part} cut at character ${at}`, bytes: rezip({ ...parts, [part]: strToU8(text.slice(0, at)) }) };
    }
    case "not-utf8": {
      const data = parts[part] ?? new Uint8Array();
      const at = Math.floor(rnd() * data.length);
      const bytes = new Uint8Array([...data.subarray(0, at), 0xe0, 0x41, ...data.subarray(at)]);
      return { what: `bytes E0 41 put in ${part} at ${at}`, bytes: rezip({ ...parts, [part]: bytes }) };
    }
    case "absurd-number": {
      // an attribute's number, or a cell's value (a shared string's index)
      const numbers = [...text.matchAll(/\s([\w:]+)="(\d+)"/g), ...text.matchAll(/<(v)>(\d+)</g)];
      if (numbers.length === 0) return { what: `${part} unchanged (no number)`, bytes: seed };
      const m = pick(numbers);
      const value = pick(ABSURD);
      const at = m.index + m[0].indexOf(m[2] ?? "", (m[1] ?? "").length);
      return { what: `${m[1]} ${m[2]} at ${at} of ${part} made "${value}"`, bytes: rezip({ ...parts, [part]: strToU8(text.slice(0, at) + value + text.slice(at + (m[2] ?? "").length)) }) };
    }
    case "twice": {
      // a row written twice is damage only when it holds an activity (its code then twice): a title row twice is a title printed twice
      const found = elementsNamed(text, TWICE[ext] ?? []).filter(({ start, end }) => !/row|w:tr/.test(text.slice(start, start + 16)) || /[A-Z]\d+(?:\.\d+[a-z]?){3}/.test(text.slice(start, end)));
      if (found.length === 0) return { what: `${part} unchanged (nothing to write twice)`, bytes: seed };
      const { start, end } = pick(found);
      const element = text.slice(start, end);
      return { what: `${element.slice(0, 40)}… at ${start} of ${part} written twice`, bytes: rezip({ ...parts, [part]: strToU8(text.slice(0, end) + element + text.slice(end)) }) };
    }
    case "drop-part": {
      const { [part]: _dropped, ...rest } = parts;
      return { what: `${part} left out`, bytes: rezip(rest) };
    }
  }
}

/** Reads every variant in one worker with a 1 GiB heap; a hang or a crash of the worker names the variant it was reading. */
async function readAll(ext: string, variants: readonly (Variant & { what: string })[]): Promise<{ variant: Variant & { what: string }; outcome: Outcome }[]> {
  const seed = JSON.parse(readFileSync(join(SEEDS, "seed.json"), "utf8")) as unknown;
  const results: { variant: Variant & { what: string }; outcome: Outcome }[] = [];
  let worker: Worker | null = null;
  const start = () => {
    const w = new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 32 } });
    w.postMessage({ seed });
    return w;
  };
  for (const variant of variants) {
    worker ??= start();
    const w = worker;
    const outcome = await new Promise<Outcome>((resolve) => {
      const listeners = {
        message: (o: Outcome) => {
          done(o);
        },
        error: (error: Error) => {
          done({ id: variant.id, kind: "crash", why: `the worker failed: ${error.message}` });
        },
        exit: (code: number) => {
          done({ id: variant.id, kind: "crash", why: `the worker exited (${code})` });
        },
      };
      const timer = setTimeout(() => {
        done({ id: variant.id, kind: "crash", why: `still reading after ${HANG_MS / 1000} s` });
      }, HANG_MS);
      function done(o: Outcome): void {
        clearTimeout(timer);
        w.off("message", listeners.message).off("error", listeners.error).off("exit", listeners.exit);
        resolve(o);
      }
      w.on("message", listeners.message).on("error", listeners.error).on("exit", listeners.exit);
      w.postMessage({ id: variant.id, name: `fuzz.${ext}`, bytes: variant.bytes });
    });
    if (outcome.kind === "crash") {
      await w.terminate();
      worker = null;
    }
    results.push({ variant, outcome });
  }
  await worker?.terminate();
  return results;
}

describe.each(["xlsx", "ods", "docx", "odt"])("the %s reader, given damaged variants of a real file", (ext) => {
  it.concurrent(`refuses each of ${VARIANTS} variants or reads the seed's very annex: never a different annex, a crash, a hang or a heap past 1 GiB`, { timeout: 120_000 }, async () => {
    const seed = new Uint8Array(readFileSync(join(SEEDS, `seed.${ext}`)));
    // the seeded generator: a failing variant is made again from its number
    const rnd = seeded(SEED + ext.charCodeAt(0) * 31 + ext.charCodeAt(1));
    const variants = Array.from({ length: VARIANTS }, (_, i) => ({ id: `${ext}#${i}`, name: `fuzz.${ext}`, ...damage(ext, seed, rnd) }));
    const results = await readAll(ext, variants);
    const bad = results.filter((r) => r.outcome.kind === "different" || r.outcome.kind === "crash").map((r) => `${r.variant.id} (${r.variant.what}): ${r.outcome.kind}: ${"why" in r.outcome ? r.outcome.why : ""}`);
    expect(bad).toEqual([]);
    // the seed itself is read as its annex, and most variants are refused: the fuzz reaches the readers' checks
    const kinds = results.map((r) => r.outcome.kind);
    expect(kinds.filter((k) => k === "refused").length).toBeGreaterThanOrEqual(VARIANTS / 3);
  });
});
