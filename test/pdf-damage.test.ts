// Damaged input never becomes data: a PDF whose bytes, fonts or pages were damaged is refused
// ("the PDF is damaged: …", exit 2) or read with errors that say where (exit 1), never turned
// into a different annex with exit 0. The pages are made with qpdf; the bytes changed by hand, and
// by a seeded fuzz over the 2020-2022 source.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadInput } from "../pipeline/app/load.ts";
import { FatalError } from "../pipeline/diagnostics/fatal.ts";
import { byteFlips, qpdfFindsDamage } from "./helpers/byte-flips.ts";
import { annex } from "./helpers/cli.ts";
import { expected2020, fieldDifferences } from "./helpers/expected.ts";

const SOURCE = "sources/2020-2022/allegato-1.pdf";
const source = readFileSync(SOURCE);
const dir = mkdtempSync(join(tmpdir(), "annex-damage-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The source with `from` replaced by `to` (same length) at its first place after `after`. */
function edited(name: string, from: string, to: string, after = 0): string {
  const data = Buffer.from(source);
  const at = data.indexOf(from, after);
  if (at < 0 || from.length !== to.length) throw new Error(`no ${from} to change`);
  data.write(to, at, "latin1");
  const file = join(dir, name);
  writeFileSync(file, data);
  return file;
}

function qpdf(name: string, args: readonly string[]): string {
  const file = join(dir, name);
  execFileSync("qpdf", [...args, file]);
  return file;
}

describe("a damaged byte", () => {
  it("in a font dictionary (the body font's descriptor pointing elsewhere) is refused, not read as an annex with no activities", async () => {
    // one changed byte: "/FontDescriptor 69 0 R" → "/FontDescriptor 60 0 R" in the Carlito font
    const file = edited("font.pdf", "/FontDescriptor 69", "/FontDescriptor 60");
    const run = await annex(["export", file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^annex: .*font\.pdf:page 1: The PDF is damaged: a font cannot be read\. Export or download it again\.\n$/);
  });

  it("in a font's text mapping (characters that no text holds) is refused", async () => {
    const file = edited("tounicode.pdf", "/ToUnicode 70", "/ToUnicode 79");
    const run = await annex(["export", file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/The PDF is damaged: its text has a character that no font draws as text \(U\+0001\)/);
  });

  it("inside a compressed stream (its checksum fails) is refused, naming the object", async () => {
    const data = Buffer.from(source);
    const stream = data.indexOf("stream\n", data.indexOf("70 0 obj")) + "stream\n".length;
    data[stream + 191] = (data[stream + 191] ?? 0) ^ 0x20;
    const file = join(dir, "checksum.pdf");
    writeFileSync(file, data);
    const run = await annex(["export", file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/The PDF is damaged: a compressed stream fails its checksum \(object 70\)/);
  });

  it("in a stream's filter name is refused", async () => {
    const file = edited("filter.pdf", "/FlateDecode", "/FlqteDecode");
    const run = await annex(["export", file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/a stream names a filter that does not exist \(\/FlqteDecode\)/);
  });

  it("in a page's size (text off the page) is an error, not fewer rows with exit 0", async () => {
    // MediaBox [0 0 841.889763779528 595.303937007874] → "595 303937…": pdf.js falls back to Letter
    const page = source.indexOf("/MediaBox[0 0 841.889763779528 595.303937007874]", source.indexOf("22 0 obj"));
    const file = edited("mediabox.pdf", "595.303937007874]", "595\f303937007874]", page);
    const run = await annex(["export", file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/page 8: error: \d+ characters are drawn outside the page .*\[pdf\/text-off-page\]/);
  });
});

describe("pages missing, out of order or turned", () => {
  it("a page dropped: 'Governo Camerale' is not cut to 'Governo' silently", async () => {
    const file = qpdf("drop3.pdf", ["--empty", "--pages", SOURCE, "1-2,4-z", "--"]);
    const run = await annex(["export", file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/page 3:row 1:Funzione: error: the merged cell "Governo" does not go on where it stopped: page 3 should go on with "Camerale" \(a page missing, or pages out of order\?\) \[pdf\/merge-broken\]/);
  });

  it("two pages swapped: reported, and the label's parts are not glued into 'CameraleGoverno'", async () => {
    const file = qpdf("swap23.pdf", ["--empty", "--pages", SOURCE, "1,3,2,4-z", "--"]);
    const run = await annex(["export", file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/\[pdf\/merge-broken\]/);
    expect(run.stdout).not.toMatch(/CameraleGoverno/);
  });

  it("the last page dropped: the cells left open at the table's end are errors", async () => {
    const file = qpdf("droplast.pdf", ["--empty", "--pages", SOURCE, "1-19", "--"]);
    const run = await annex(["export", file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/open at the bottom of the table's last page.*\[pdf\/merge-open-at-end\]/);
  });

  it("a page turned in a viewer is read with its text upright: the same 245 activities, and a warning", async () => {
    const file = qpdf("rotated.pdf", ["--rotate=+90:5", SOURCE]);
    const loaded = await loadInput(file);
    expect(fieldDifferences(loaded.annex.activities, expected2020.activities)).toEqual([]);
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(loaded.diagnostics.find((d) => d.rule === "pdf/page-turned")?.place.page).toBe(5);
  });
});

type Outcome = "same annex" | "different annex, exit 0" | "errors (exit 1)" | "refused (exit 2)" | "crash" | "hang";

/** Longer than any reading of the 20 pages takes: a variant still going then has hung. */
const HANG = 30_000;

async function outcome(file: string): Promise<{ outcome: Outcome; detail: string }> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<"hang">((resolve) => (timer = setTimeout(() => { resolve("hang"); }, HANG)));
  try {
    const loaded = await Promise.race([loadInput(file), hang]);
    if (loaded === "hang") return { outcome: "hang", detail: "" };
    const errors = loaded.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) return { outcome: "errors (exit 1)", detail: errors[0]?.rule ?? "" };
    const differences = fieldDifferences(loaded.annex.activities, expected2020.activities);
    const same = differences.length === 0 && loaded.annex.title === expected2020.title && loaded.annex.footnote === expected2020.footnote;
    return same ? { outcome: "same annex", detail: "" } : { outcome: "different annex, exit 0", detail: differences.slice(0, 3).join("; ") };
  } catch (error) {
    if (error instanceof FatalError) return { outcome: "refused (exit 2)", detail: error.diagnostic.rule };
    return { outcome: "crash", detail: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

describe("a seeded fuzz over the source PDF: 40 copies with 1 to 6 bytes changed at random", () => {
  it("never gives a different annex with exit 0 for a copy qpdf finds damaged, never crashes, never hangs", async () => {
    const variants = byteFlips(new Uint8Array(source), 2020, 40, 6);
    const results: { index: number; damaged: boolean; outcome: Outcome; detail: string }[] = [];
    for (const v of variants) {
      const file = join(dir, `fuzz-${v.index}.pdf`);
      writeFileSync(file, v.data);
      const [damaged, result] = await Promise.all([qpdfFindsDamage(file, v.data), outcome(file)]);
      results.push({ index: v.index, damaged, ...result });
    }
    // the fuzz is worth something only if most copies are damaged
    expect(results.filter((r) => r.damaged).length).toBeGreaterThanOrEqual(30);
    const bad = results.filter((r) => r.outcome === "crash" || r.outcome === "hang" || (r.damaged && r.outcome === "different annex, exit 0"));
    expect(bad).toEqual([]);
    // and no copy at all, damaged or not in qpdf's eyes, gives a different annex with exit 0
    expect(results.filter((r) => r.outcome === "different annex, exit 0")).toEqual([]);
  });
});
