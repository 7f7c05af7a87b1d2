// Inputs that are not files to read whole: a device that never ends, a FIFO nobody writes to, a
// file far larger than any annex, a file nested deeper than any annex (YAML, JSON, a spreadsheet's
// XML). Each is refused at once with one line and exit 2, never read until memory or patience
// runs out.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { annex, annexProcess, type Run } from "./helpers/cli.ts";

const TEXT_LAYER = "test/fixtures/allegato-1-2020-2022.text-layer.txt";
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "annex-special-"));
  execFileSync("mkfifo", [join(dir, "fifo.txt")]);
  const year = join(dir, "sources", "2020-2022");
  mkdirSync(year, { recursive: true });
  copyFileSync(TEXT_LAYER, join(year, "allegato-1.txt"));
  execFileSync("mkfifo", [join(year, "corrections.yaml")]);
});

function expectOneLine(r: Run, message: RegExp): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(new RegExp(`^annex: ${message.source}\\n$`));
}

describe("an input that is not a regular file", () => {
  // real processes with a time limit: reading /dev/zero or opening a FIFO would never end
  it("is refused when it is a device (/dev/zero), not read for ever", () => {
    expectOneLine(annexProcess(["validate", "/dev/zero"], { timeout: 20_000 }), /\/dev\/zero: is a device, not a file: give the file to read/);
  });

  it("is refused when it is a FIFO, not waited on", () => {
    expectOneLine(annexProcess(["validate", join(dir, "fifo.txt")], { timeout: 20_000 }), /.*fifo\.txt: is a FIFO \(named pipe\), not a file: give the file to read/);
  });

  it("is refused when it is the corrections file beside a source", () => {
    expectOneLine(annexProcess(["export", join(dir, "sources", "2020-2022")], { timeout: 20_000 }), /.*corrections\.yaml: is a FIFO \(named pipe\), not a file: give the file to read/);
  });
});

describe("an input larger or deeper than any annex", () => {
  it("is refused by its size before it is read (64 MiB of text)", async () => {
    const huge = join(dir, "huge.txt");
    writeFileSync(huge, "");
    truncateSync(huge, 65 * 1024 * 1024);
    expectOneLine(await annex(["validate", huge]), /.*huge\.txt: the file is larger than 64 MiB, more than any input of its kind: is it the right file\?/);
  });

  it("is one line naming the file and its line, not 'Maximum call stack size exceeded', when nested too deeply", async () => {
    const deep = join(dir, "deep.yaml");
    writeFileSync(deep, `planYears: 2020-2022\ntitle: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`);
    const r = await annex(["validate", deep]);
    expectOneLine(r, /.*deep\.yaml:2: lists or mappings nested more than 100 levels deep \(an annex or settings file nests a few\): not read/);
    expect(r.stderr).not.toMatch(/call stack/i);
  });

  it("is one line when a corrections file nests too deeply by indentation", async () => {
    const year = join(dir, "indented", "2020-2022");
    mkdirSync(year, { recursive: true });
    copyFileSync(TEXT_LAYER, join(year, "allegato-1.txt"));
    const levels = Array.from({ length: 300 }, (_, k) => `${" ".repeat(k)}k${k}:`).join("\n");
    writeFileSync(join(year, "corrections.yaml"), `${levels} x\n`);
    expectOneLine(await annex(["validate", year]), /.*corrections\.yaml:\d+: lists or mappings nested more than 100 levels deep .*/);
  });

  it("is one line, not 'Maximum call stack size exceeded', when a spreadsheet's XML nests too deeply", async () => {
    const files = unzipSync(new Uint8Array(readFileSync("test/fixtures/office/allegato-1.ods")));
    const content = new TextDecoder().decode(files["content.xml"]);
    const at = content.indexOf("<text:p>") + "<text:p>".length;
    files["content.xml"] = new TextEncoder().encode(`${content.slice(0, at)}${"<text:span>".repeat(50_000)}A${"</text:span>".repeat(50_000)}${content.slice(at)}`);
    const deep = join(dir, "deep.ods");
    writeFileSync(deep, zipSync(files));
    expectOneLine(await annex(["validate", deep]), /.*deep\.ods: the file's part content\.xml nests elements more than 256 levels deep \(a spreadsheet or document nests a few dozen\): not read/);
  });

  it("counts only real lists and mappings: brackets inside a text are not nesting", async () => {
    const year = join(dir, "brackets", "2020-2022");
    mkdirSync(year, { recursive: true });
    copyFileSync(TEXT_LAYER, join(year, "allegato-1.txt"));
    writeFileSync(join(year, "corrections.yaml"), `titles:\n  A1.3.3: "Sistemi ${"[".repeat(300)}"\n`);
    const r = await annex(["export", year]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Sistemi ${"[".repeat(300)}`);
  });

  it("is one line when annex data in JSON nests too deeply where it must be placed in the file", async () => {
    // JSON.parse reads it; finding the line of the unknown field "a" is what nests too deeply
    const deep = join(dir, "deep.json");
    writeFileSync(deep, `{"planYears": "2020-2022", "title": "x", "footnote": null, "activities": [${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}]}`);
    expectOneLine(await annex(["validate", deep]), /.*deep\.json:1: lists or mappings nested more than 100 levels deep .*/);
  });
});
