// `annex diff` as a person or a program runs it: exit status, outputs, and one-line errors.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { annexDataHeader, annexToYaml } from "../pipeline/formats/annex-data/write.ts";
import { diffAnnexes, diffToJson } from "../pipeline/diff/index.ts";
import type { Annex } from "../pipeline/model/annex.ts";
import { annex, annexProcess, type Run } from "./helpers/cli.ts";
import { applyKnownEdits, expectedAnnex2020 } from "./helpers/diff.ts";

const yaml = (annex: Annex) => annexToYaml(annex, annexDataHeader(annex.planYears, "2019-2021"));

let dir: string;
let edits: ReturnType<typeof applyKnownEdits>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "annex-diff-"));
  edits = applyKnownEdits(expectedAnnex2020());
  for (const side of [edits.a, edits.b]) {
    mkdirSync(join(dir, "sources", side.planYears), { recursive: true });
    writeFileSync(join(dir, "sources", side.planYears, "allegato-1.yaml"), yaml(side));
  }
  writeFileSync(join(dir, "old.json"), JSON.stringify(edits.a));
  writeFileSync(join(dir, "new.yaml"), yaml(edits.b));
});

/** A copy of the later edition with one line replaced: bad input a person could write. */
function spoiled(name: string, find: RegExp, replace: string): string {
  const text = yaml(edits.b);
  if (!find.test(text)) throw new Error(`test setup: ${find} not found`);
  writeFileSync(join(dir, name), text.replace(find, replace));
  return name;
}

describe("annex diff (command)", () => {
  it("finds no changes between an edition and itself: exit 0", async () => {
    const result = await annex(["diff", "2020-2022", "2020-2022"], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("No changes.");
    expect(result.stderr).toBe("");
  });

  it("prints the changes as the JSON of the contract, in the documented order: exit 1", () => {
    // in a process of its own: the exit status is the one the process ends with
    const result = annexProcess(["diff", "2020-2022", "2021-2023", "--format", "json"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual(diffToJson(diffAnnexes(edits.a, edits.b)));
    expect(JSON.parse(result.stdout).changes).toHaveLength(edits.expected.length);
  });

  it("compares any two inputs, and writes the HTML report to a file with -o", async () => {
    const result = await annex(["diff", "old.json", "new.yaml", "--format", "html", "-o", "out/changes.html"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    const html = readFileSync(join(dir, "out", "changes.html"), "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="it">/);
    expect(readdirSync(join(dir, "out"))).toEqual(["changes.html"]);
  });

  it("prints plain text when the output is not a terminal", async () => {
    const result = await annex(["diff", "2020-2022", "2021-2023"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("Allegato 1 — changes from 2020-2022 to 2021-2023");
    expect(result.stdout).not.toContain("\u001b[");
  });
});

describe("annex diff: bad input is one clear line and exit 2", () => {
  const expectOneLine = (result: Run, pattern: RegExp) => {
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  };

  it("a YAML syntax error, with its line and column", async () => {
    // the commonest slip: a title with ": " in it, not in quotes
    const file = spoiled("syntax.yaml", /\n {4}title: ([^":\n]+)\n/, "\n    title: Nota: $1\n");
    const line = readFileSync(join(dir, file), "utf8").split("\n").findIndex((l) => l.includes("title: Nota: ")) + 1;
    expectOneLine(await annex(["diff", "2020-2022", file], { cwd: dir }), new RegExp(`^annex: syntax\\.yaml:${line}:\\d+: YAML syntax error: .*double quotes`));
  });

  it("an unknown field, named with its line and column", async () => {
    const file = spoiled("unknown.yaml", /\n {4}servizio: /, "\n    servzio: ");
    const line = readFileSync(join(dir, file), "utf8").split("\n").findIndex((l) => l.includes("servzio:")) + 1;
    expectOneLine(await annex(["diff", "2020-2022", file], { cwd: dir }), new RegExp(`^annex: unknown\\.yaml:${line}:5: unknown field "servzio" in activity A1\\.1\\.1\\.1`));
  });

  it("a duplicated activity code, named with both its lines", async () => {
    const file = spoiled("duplicate.yaml", /code: A1\.1\.1\.2\n/, "code: A1.1.1.1\n");
    expectOneLine(await annex(["diff", "2020-2022", file], { cwd: dir }), /^annex: duplicate\.yaml:\d+:\d+:A1\.1\.1\.1: duplicated activity code A1\.1\.1\.1 at lines \d+ and \d+/);
  });

  it("a plan year that does not exist", async () => {
    expectOneLine(await annex(["diff", "2019-2021", "2020-2022"], { cwd: dir }), /^annex: no plan year 2019-2021 in sources\/ \(there are: 2020-2022, 2021-2023\)$/m);
  });

  it("a malformed plan-year name", async () => {
    expectOneLine(await annex(["diff", "21-23", "2020-2022"], { cwd: dir }), /^annex: "21-23" is not a plan-year name: /);
  });

  it("an unknown output format", async () => {
    const result = await annex(["diff", "2020-2022", "2021-2023", "--format", "pdf"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--format");
  });
});
