// `annex build` and `annex render` as an office runs them: every plan year published, a plan
// year with errors refused without stopping the others, nothing written for it, clear one-line
// failures, and the same bytes from two builds.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import type { Annex } from "../pipeline/model/annex.ts";
import { annex, type Run } from "./helpers/cli.ts";
import { sampleAnnex, samplePlan } from "./helpers/sample-annex.ts";

const OUTPUTS = [
  "allegato-1-aree-di-rischio.csv",
  "allegato-1.csv",
  "allegato-1.docx",
  "allegato-1.html",
  "allegato-1.json",
  "allegato-1.ods",
  "allegato-1.pdf",
  "allegato-1.xlsx",
  "build-report.json",
  "build-report.txt",
  "datapackage.json",
];

function planYear(dir: string, annexData: Annex): void {
  const folder = join(dir, "sources", annexData.planYears);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "allegato-1.json"), JSON.stringify(annexData, null, 2));
  writeFileSync(join(folder, "plan.yaml"), stringify(samplePlan()));
}

/** An annex that fails validation: an activity whose code does not belong under its sub process. */
function invalid(planYears: string): Annex {
  const bad = { ...sampleAnnex(), planYears };
  const second = bad.activities[1];
  if (!second) throw new Error("fixture changed");
  second.code = "A9.9.9.9";
  return bad;
}

let dir: string;
let first: Run;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "annex-build-"));
  planYear(dir, sampleAnnex());
  planYear(dir, invalid("2021-2023"));
  first = await annex(["build", "--out", "out"], { cwd: dir });
});

describe("annex build", () => {
  it("publishes every valid plan year with all formats and a build report, and says which one failed (exit 1)", () => {
    expect(first.status).toBe(1);
    expect(readdirSync(join(dir, "out", "2020-2022")).sort()).toEqual(OUTPUTS);
    expect(first.stderr).toContain("annex: 2020-2022 [1/2]: read 48 activities");
    expect(first.stderr).toMatch(/A9\.9\.9\.9: error: .*\[code\/parent\]/);
    expect(first.stderr).toContain("annex: built 1 of 2 plan years; not published: 2021-2023");
  });

  it("writes nothing for a plan year with errors", () => {
    expect(existsSync(join(dir, "out", "2021-2023"))).toBe(false);
  });

  it("writes a build report listing the diagnostics, the repairs and the files, like a compiler", () => {
    const text = readFileSync(join(dir, "out", "2020-2022", "build-report.txt"), "utf8");
    expect(text).toContain("activities: 48 (4 not active)");
    expect(text).toMatch(/allegato-1\.json:A1\.3\.3: warning: .*\[title\/missing\]/);
    expect(text).toMatch(/allegato-1\.pdf {2}\d+ bytes {2}sha256 [0-9a-f]{64}/);
    const json = JSON.parse(readFileSync(join(dir, "out", "2020-2022", "build-report.json"), "utf8"));
    expect(json).toMatchObject({ planYears: "2020-2022", activities: 48, inactive: 4 });
    expect(json.files.map((f: { file: string }) => f.file)).toEqual([
      "allegato-1.pdf",
      "allegato-1.docx",
      "allegato-1.html",
      "allegato-1.csv",
      "allegato-1-aree-di-rischio.csv",
      "datapackage.json",
      "allegato-1.json",
      "allegato-1.xlsx",
      "allegato-1.ods",
    ]);
  });

  it("gives byte-identical files when built twice", async () => {
    const second = await annex(["build", "--out", "again"], { cwd: dir });
    expect(second.status).toBe(1);
    for (const name of OUTPUTS) {
      const a = readFileSync(join(dir, "out", "2020-2022", name));
      const b = readFileSync(join(dir, "again", "2020-2022", name));
      expect(Buffer.compare(a, b), name).toBe(0);
    }
  });
});

describe("annex render", () => {
  it("refuses an annex with errors: exit 1, the diagnostics, nothing written", async () => {
    const result = await annex(["render", join("sources", "2021-2023"), "--out", "refused"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/error: activity A9\.9\.9\.9 is under sub-process A1\.1\.1/);
    expect(result.stderr).toContain("not published (nothing written to refused)");
    expect(existsSync(join(dir, "refused"))).toBe(false);
  });

  it("fails with one clear line (exit 2) when the output folder cannot be written", async () => {
    writeFileSync(join(dir, "a-file"), "");
    const result = await annex(["render", join("sources", "2020-2022"), "--format", "csv", "--out", join("a-file", "out")], { cwd: dir });
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split("\n");
    expect(lines.at(-1)).toBe(`annex: ${join("a-file", "out")}: cannot write the output folder: a part of the path is a file, not a folder`);
  });

  it("writes only the formats asked for, by default in out/<plan years>", async () => {
    const result = await annex(["render", join("sources", "2020-2022"), "--format", "csv,json"], { cwd: dir });
    expect(result.status).toBe(0);
    expect(readdirSync(join(dir, "out", "2020-2022"))).toContain("allegato-1.csv");
    const bad = await annex(["render", join("sources", "2020-2022"), "--format", "pdf,odt"], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--format takes a comma-separated list of pdf, docx, html, csv, json, xlsx, ods (got "pdf,odt")');
  });
});
