// Damaged copies of a PDF for the fuzz test: a fixed seed, each copy with a few bytes changed at
// random places, and what `qpdf --check` says of each (damaged or not), cached on disk by the
// copy's hash so that a second run does not call qpdf again.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** mulberry32: a small seeded generator, so that the variants are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Variant {
  index: number;
  /** offset → new byte */
  changes: [number, number][];
  data: Uint8Array;
}

/** `count` copies of `data`, each with 1 to `most` bytes set to a different random value. */
export function byteFlips(data: Uint8Array, seed: number, count: number, most: number): Variant[] {
  const random = seeded(seed);
  const variants: Variant[] = [];
  for (let index = 0; index < count; index++) {
    const copy = data.slice();
    const changes: [number, number][] = [];
    const n = 1 + Math.floor(random() * most);
    for (let k = 0; k < n; k++) {
      const offset = Math.floor(random() * copy.length);
      const old = copy[offset] ?? 0;
      const value = (old + 1 + Math.floor(random() * 255)) % 256;
      copy[offset] = value;
      changes.push([offset, value]);
    }
    variants.push({ index, changes, data: copy });
  }
  return variants;
}

const CACHE = join(tmpdir(), "ptpct-annex-qpdf-check");

/** Whether `qpdf --check` finds the file damaged (any exit status but 0), cached by content hash. */
export async function qpdfFindsDamage(file: string, data: Uint8Array): Promise<boolean> {
  const hash = createHash("sha256").update(data).digest("hex");
  const cached = join(CACHE, hash);
  try {
    return readFileSync(cached, "utf8") === "damaged";
  } catch {
    // not checked yet
  }
  const damaged = await new Promise<boolean>((resolve) => {
    execFile("qpdf", ["--check", file], { timeout: 60_000 }, (error) => {
      resolve(error !== null);
    });
  });
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(cached, damaged ? "damaged" : "clean");
  return damaged;
}
