// The corrections file is reviewed by a person and applied as written, so whatever it cannot
// mean stops the build at its line: two entries for one cell, a title of only spaces, a value
// its field does not take, a code the annex does not have (`__proto__` is a code like any other).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { annex } from "./helpers/cli.ts";

const TEXT_LAYER = "test/fixtures/allegato-1-2020-2022.text-layer.txt";
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "annex-corrections-"));
});

/** A plan year of the published text layer with this corrections file; the one line `export` fails with. */
async function failure(corrections: string): Promise<string> {
  const year = join(dir, "2020-2022");
  rmSync(year, { recursive: true, force: true });
  mkdirSync(year);
  copyFileSync(TEXT_LAYER, join(year, "allegato-1.txt"));
  writeFileSync(join(year, "corrections.yaml"), corrections);
  const r = await annex(["export", year]);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines, r.stderr).toHaveLength(1);
  return (lines[0] ?? "").replace(`${year}/`, "");
}

describe("corrections that conflict", () => {
  it("two entries for one cell are an error at the second, naming both lines", async () => {
    const file = ["cells:", "  - code: B3.1.1.1", "    field: servizio", "    value: Ragioneria", "  - code: B3.1.1.1", "    field: servizio", "    value: Provveditorato", ""].join("\n");
    expect(await failure(file)).toBe("annex: corrections.yaml:5:B3.1.1.1: two corrections set Servizio/Staff of activity B3.1.1.1 (lines 2 and 5): keep the one that is right");
  });

  it("`titles` and a `cells` title for one code are an error", async () => {
    const file = ["titles:", "  A1.1.1.1: Relazione previsionale", "cells:", "  - code: A1.1.1.1", "    field: title", "    value: Relazione programmatica", ""].join("\n");
    expect(await failure(file)).toBe("annex: corrections.yaml:4:A1.1.1.1: two corrections set title of activity A1.1.1.1 (lines 2 and 4): keep the one that is right");
  });
});

describe("values a correction cannot give", () => {
  it("a title of only spaces supplies nothing: an error at its line", async () => {
    expect(await failure('titles:\n  A1.3.3: "   "\n')).toBe(
      "annex: corrections.yaml:2: not a valid corrections file: titles.A1.3.3: a title of only spaces supplies nothing: write the title, or leave the entry out",
    );
  });

  it("a risk area that is not a capital letter is reported at the value's line in the corrections file", async () => {
    const file = ["cells:", "  - code: B3.1.1.1", "    field: riskAreas", '    value: "c/e"', ""].join("\n");
    expect(await failure(file)).toBe('annex: corrections.yaml:4:B3.1.1.1: correction of "riskAreas" with "c/e": a risk area is one capital letter');
  });

  it("a structure of only spaces is reported at its value's line", async () => {
    const file = ["cells:", "  - code: B3.1.1.1", "    field: uo", "    reason: checked", '    value: "  "', ""].join("\n");
    expect(await failure(file)).toMatch(/^annex: corrections\.yaml:5:B3\.1\.1\.1: correction of "uo" with " {2}": has only spaces/);
  });

  it("a value of the wrong kind is reported at the value's line, in words", async () => {
    const file = ["cells:", "  - code: B3.1.1.1", "    field: servizio", "    value: 42", ""].join("\n");
    expect(await failure(file)).toBe(
      "annex: corrections.yaml:4: not a valid corrections file: cells.0.value: a value is a text, null (an empty cell), true or false, or a list of risk letters",
    );
  });
});

describe("keys that name no code", () => {
  it("`__proto__` as a title's code is an unknown code, not a silently ignored line", async () => {
    expect(await failure('titles:\n  A1.3.3: Sistemi informativi\n  __proto__: "Sistemi"\n')).toBe(
      "annex: corrections.yaml:3:__proto__: correction names code __proto__, which the annex does not have",
    );
  });

  it("`constructor` as a title's code is an unknown code", async () => {
    expect(await failure("titles:\n  constructor: Sistemi\n")).toBe("annex: corrections.yaml:2:constructor: correction names code constructor, which the annex does not have");
  });
});
