// An annex with no activities is never a real edition (a damaged source, a text layer cut after
// its header, an emptied list): it is an error, so it is neither exported with exit 0 nor published.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { annex } from "./helpers/cli.ts";

const TEXT_LAYER = "test/fixtures/allegato-1-2020-2022.text-layer.txt";
let dir: string;
let emptyList: string;
let headerOnly: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "annex-empty-"));
  emptyList = join(dir, "empty-list.yaml");
  writeFileSync(emptyList, "planYears: 2020-2022\ntitle: ALLEGATO 1 TRIENNIO 2020-2022\nfootnote: null\nactivities: []\n");
  // the published text layer up to its two header lines, and nothing after them
  const lines = readFileSync(TEXT_LAYER, "utf8").split("\n");
  const header = lines.findIndex((line) => line.startsWith("Funzio"));
  expect(header).toBeGreaterThan(0);
  headerOnly = join(dir, "header-only.txt");
  writeFileSync(headerOnly, `${lines.slice(0, header + 1).join("\n")}\n`);
});

describe("an annex with no activities", () => {
  it("is an error when validated, for an empty list of annex data and for a text layer with only its header", async () => {
    for (const input of [emptyList, headerOnly]) {
      const r = await annex(["validate", input]);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stdout).toMatch(/error: the annex has no activities: there is nothing to publish \[annex\/no-activities\]/);
      expect(r.stderr).toMatch(/: 0 activities, 1 error/);
    }
  });

  it("is never exported with exit 0", async () => {
    for (const input of [emptyList, headerOnly]) {
      const r = await annex(["export", input, "--format", "csv"]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("[annex/no-activities]");
    }
  });

  it("is not published: render writes nothing", async () => {
    const out = join(dir, "out");
    const r = await annex(["render", headerOnly, "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not published \(nothing written to/);
    expect(existsSync(out)).toBe(false);
  });
});
