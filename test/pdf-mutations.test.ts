// The account of a reading, tried on the source PDF: seeded variants of sources/2020-2022/
// allegato-1.pdf whose content streams have a single text run, or a whole row's runs, removed,
// drawn twice, or moved in the drawing order. Each variant reads the same annex, or exits 1 with
// the place of what it could not read; none gives a different annex with exit 0, and none is
// refused as a whole (exit 2): a page drawn otherwise is a reading error, not damage. The one
// different annex allowed is the one the variant prints: a cell whose only line was removed is
// printed empty, and is read empty, that field alone.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInput } from "../pipeline/app/load.ts";
import { FatalError } from "../pipeline/diagnostics/fatal.ts";
import { expand, mutations, type Mutation, type Variant } from "./helpers/content-mutations.ts";
import { expected2020, fieldDifferences } from "./helpers/expected.ts";

const SOURCE = "sources/2020-2022/allegato-1.pdf";
const VARIANTS = 20;
const dir = mkdtempSync(join(tmpdir(), "annex-mutations-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

type Outcome = "same annex" | "errors (exit 1)" | "errors without a page" | "refused (exit 2)" | "the cell it prints empty, read empty" | "different annex, exit 0" | "crash";

async function outcome(variant: Variant): Promise<{ outcome: Outcome; detail: string }> {
  const file = join(dir, `variant-${variant.index}.pdf`);
  writeFileSync(file, variant.data);
  try {
    // in this process; no borrowed words (the source settles its own line breaks)
    const loaded = await loadInput(file, { sourcesDir: join(dir, "no-sources") });
    const errors = loaded.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0 && !errors.some((e) => e.place.page !== undefined)) return { outcome: "errors without a page", detail: errors.map((e) => e.rule).join(", ") };
    if (errors.length > 0) return { outcome: "errors (exit 1)", detail: [...new Set(errors.map((e) => e.rule))].join(", ") };
    const differences = fieldDifferences(loaded.annex.activities, expected2020.activities);
    if (differences.length === 0 && loaded.annex.title === expected2020.title && loaded.annex.footnote === expected2020.footnote) return { outcome: "same annex", detail: "" };
    if (variant.emptied && differences.length === 1 && / got null$/.test(differences[0] ?? "")) return { outcome: "the cell it prints empty, read empty", detail: differences[0] ?? "" };
    return { outcome: "different annex, exit 0", detail: differences.slice(0, 3).join("; ") };
  } catch (error) {
    if (error instanceof FatalError) return { outcome: "refused (exit 2)", detail: error.diagnostic.rule };
    return { outcome: "crash", detail: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

describe(`${VARIANTS} seeded variants of the source with text runs or rows removed, drawn twice or moved`, () => {
  it("each reads the same annex or exits 1; none gives a different annex with exit 0, none exits 2", async () => {
    const variants = mutations(expand(SOURCE), 16, VARIANTS);
    const results: { variant: Variant; outcome: Outcome; detail: string }[] = [];
    for (const variant of variants) results.push({ variant, ...(await outcome(variant)) });
    const wrong = results.filter((r) => r.outcome === "different annex, exit 0" || r.outcome === "refused (exit 2)" || r.outcome === "errors without a page" || r.outcome === "crash");
    expect(wrong.map((r) => `#${r.variant.index} ${r.variant.mutation} on page ${r.variant.page} (${r.variant.what}): ${r.outcome} ${r.detail}`)).toEqual([]);

    // every kind of change was tried, and the account is what stops those a reader alone would read as data
    const kinds = new Set<Mutation>(results.map((r) => r.variant.mutation));
    expect(kinds.size).toBe(5);
    const rules = results.flatMap((r) => r.detail.split(", "));
    expect(rules).toContain("pdf/overprinted");
    expect(rules).toContain("pdf/cell-misplaced");
    // a run moved in the drawing order draws the same page: the same annex
    expect(results.filter((r) => r.variant.mutation === "move run").every((r) => r.outcome === "same annex")).toBe(true);
  });
});

// The same on a print without rules, whose cells the text grid reads from the text's positions
// alone (Calc, top-aligned cells): a line removed from the top or the middle of a cell leaves the
// cell's other lines where they were, and must be an error at its page (a cell starting below
// its row's line, or a gap in it), never a cell read shorter with exit 0. What a variant may still
// give with exit 0 is what its page prints: a cell whose last or only line was removed, read as the
// beginning of the text or empty, that one field alone.
const PRINT = "test/fixtures/producers/calc-portrait.pdf";

/** The one field a variant prints shorter: its text cut after a word, or nothing at all. */
function printedShorter(differences: readonly string[]): boolean {
  if (differences.length !== 1) return false;
  const m = /: expected (.*), got (.*)$/.exec(differences[0] ?? "");
  if (!m) return false;
  const [expected, got] = [JSON.parse(m[1] ?? "") as unknown, JSON.parse(m[2] ?? "") as unknown];
  if (got === null || (Array.isArray(got) && got.length === 0)) return true;
  return typeof expected === "string" && typeof got === "string" && got.length < expected.length && expected.startsWith(`${got} `);
}

describe("seeded variants of a print without rules with a text run or a row removed", () => {
  it("each reads the same annex, exits 1 at a page, or gives exactly the shorter cell it prints; a cell's top or middle line removed is an error", async () => {
    const results: string[] = [];
    let caught = 0;
    // the variants that take text away (those that draw it twice or move it are tried on the source above)
    for (const variant of mutations(expand(PRINT), 7, 14).filter((v) => v.mutation.startsWith("remove"))) {
      const file = join(dir, `print-${variant.index}.pdf`);
      writeFileSync(file, variant.data);
      const label = `#${variant.index} ${variant.mutation} on page ${variant.page}`;
      try {
        const loaded = await loadInput(file, { sourcesDir: join(dir, "no-sources"), wordsFrom: "examples" });
        const errors = loaded.diagnostics.filter((d) => d.severity === "error");
        if (errors.length > 0) {
          if (!errors.every((e) => e.place.page !== undefined)) results.push(`${label}: an error without its page`);
          if (errors.some((e) => e.rule === "pdf/text-grid-place")) caught++;
          continue;
        }
        const differences = fieldDifferences(loaded.annex.activities, expected2020.activities);
        if (differences.length > 0 && !(variant.mutation === "remove run" && printedShorter(differences))) results.push(`${label}: a different annex with exit 0: ${differences.slice(0, 2).join("; ")}`);
      } catch (error) {
        // a header label drawn twice names no column: the page is refused whole, at its place
        if (!(error instanceof FatalError && error.diagnostic.place.page !== undefined)) results.push(`${label}: ${String(error)}`);
      }
    }
    expect(results).toEqual([]);
    // the first lines removed from B3.1.1.1's and A2.1.1.1's cells, the middle of D4.3.2.1's title
    expect(caught).toBeGreaterThanOrEqual(3);
  });
});

// A ruled print whose hierarchy labels are merged over many rows and centred in them (Writer),
// tried with a few variants of its seeded series. A line removed from the middle of a label leaves
// the label centred, and only the gap it leaves tells that a line is missing. A row's text removed
// where the row also opens labels (A3, A3.1, A3.1.1) leaves a row of labels alone, which the next
// activity would take as its own, the activity gone.
describe("Writer's ruled table with a line or a row taken away", () => {
  const picked = new Map<number, { page: number; file: string }>();
  beforeAll(() => {
    for (const variant of mutations(expand("test/fixtures/producers/word-table.pdf"), 103, 31)) {
      if (![10, 23, 25, 30].includes(variant.index)) continue;
      const file = join(dir, `writer-${variant.index}.pdf`);
      writeFileSync(file, variant.data);
      picked.set(variant.index, { page: variant.page, file });
    }
  });
  const errorsOf = async (index: number, rule: string) => {
    const variant = picked.get(index);
    if (!variant) throw new Error(`variant #${index} is not in the series`);
    const loaded = await loadInput(variant.file, { sourcesDir: join(dir, "no-sources"), wordsFrom: "examples" });
    return { page: variant.page, pages: loaded.diagnostics.filter((d) => d.severity === "error" && d.rule === rule).map((d) => d.place.page) };
  };

  it("a line removed from the middle of a centred label is an error at its page (pdf/cell-misplaced), never a shorter label with exit 0", async () => {
    for (const index of [10, 25, 30]) {
      const { page, pages } = await errorsOf(index, "pdf/cell-misplaced");
      expect(pages, `variant #${index}`).toEqual([page]);
    }
  });

  it("a row left with labels alone, its activity's text removed, is an empty row (pdf/empty-row), never an activity gone with exit 0", async () => {
    const { page, pages } = await errorsOf(23, "pdf/empty-row");
    expect(pages).toEqual([page]);
  });
});
