// Bad input: one clear line on stderr that names the problem and the file, exit 2, nothing on stdout.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { annex, annexProcess } from "./helpers/cli.ts";
import { pdfWithoutTable, pdfWithoutText } from "./helpers/minimal-pdf.ts";

const SOURCE = "sources/2020-2022/allegato-1.pdf";
const TEXT_LAYER = "test/fixtures/allegato-1-2020-2022.text-layer.txt";
let dir: string;

function planYear(name: string, corrections: string): string {
  const d = join(dir, "sources", name);
  mkdirSync(d, { recursive: true });
  copyFileSync(TEXT_LAYER, join(d, "allegato-1.txt"));
  writeFileSync(join(d, "corrections.yaml"), corrections);
  return d;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "annex-bad-"));
  writeFileSync(join(dir, "empty.pdf"), "");
  writeFileSync(join(dir, "letter.pdf"), "Gentile Responsabile,\nin allegato la mappatura.\n");
  const pdf = readFileSync(SOURCE);
  writeFileSync(join(dir, "truncated.pdf"), pdf.subarray(0, Math.floor(pdf.length / 3)));
  execFileSync("qpdf", ["--encrypt", "segreta", "segreta", "256", "--", SOURCE, join(dir, "locked.pdf")]);
  writeFileSync(join(dir, "scanned.pdf"), pdfWithoutText());
  writeFileSync(join(dir, "no-table.pdf"), pdfWithoutTable());
});

async function expectOneLineError(args: string[], message: RegExp): Promise<void> {
  const r = await annex(args);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe("export refuses input it cannot read, with one line and exit 2", () => {
  it("a missing file", () => expectOneLineError(["export", join(dir, "absent.pdf")], /absent\.pdf: no such file/));
  it("an empty file", () => expectOneLineError(["export", join(dir, "empty.pdf")], /empty\.pdf: the file is empty/));
  it("a file that is not a PDF", () => expectOneLineError(["export", join(dir, "letter.pdf")], /letter\.pdf: not a PDF file/));
  it("a truncated PDF", () => expectOneLineError(["export", join(dir, "truncated.pdf")], /truncated\.pdf: .*(incomplete|cut short|damaged)/i));
  it("a password-protected PDF", () => expectOneLineError(["export", join(dir, "locked.pdf")], /locked\.pdf: .*password/i));
  it("a PDF with no text (scanned pages)", () => expectOneLineError(["export", join(dir, "scanned.pdf")], /scanned\.pdf: .*no text/i));
  it("a PDF with no annex table", () => expectOneLineError(["export", join(dir, "no-table.pdf")], /no-table\.pdf: .*annex table/i));
  it("a plan year that is not in sources/", () => expectOneLineError(["export", "2031-2033"], /no plan year 2031-2033/));
  it("an unknown format", () => expectOneLineError(["export", TEXT_LAYER, "--format", "xml"], /--format must be one of json, csv/));

  it("a corrections file with a YAML error, naming its line and column", async () => {
    const d = planYear("2020-2022", "titles:\n  A1.3.3: [Sistemi\n");
    await expectOneLineError(["export", d], /corrections\.yaml:\d+:\d+: YAML syntax error/);
  });

  it("a corrections file naming a code that does not exist, with its line", async () => {
    const d = planYear("2020-2022", "# reviewed\ntitles:\n  A1.3.9: Sistemi informativi\n");
    await expectOneLineError(["export", d], /corrections\.yaml:3:A1\.3\.9: correction names code A1\.3\.9, which the annex does not have/);
  });

});

describe("the annex process", () => {
  it("ends with exit status 2 and one line on stderr when the input cannot be read", () => {
    const r = annexProcess(["export", join(dir, "absent.pdf")]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^annex: .*absent\.pdf: no such file or folder\n$/);
  });

  it("prints a stack trace only when asked with --debug", () => {
    const r = annexProcess(["--debug", "export", join(dir, "letter.pdf")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  it("ends quietly when the reader of its output stops early (export | head)", () => {
    const shell = `"${process.execPath}" bin/annex.js export ${TEXT_LAYER} --format csv 2>"${join(dir, "pipe.err")}" | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`;
    const r = spawnSync("bash", ["-c", shell], { encoding: "utf8" });
    expect(r.stdout.trim()).toBe("0");
    expect(readFileSync(join(dir, "pipe.err"), "utf8")).toMatch(/^[^\n]*: 0 errors, 20 warnings \(see them with: annex validate [^)]*\)\n$/);
  });
});

describe("corrections file", () => {
  it("supplies a missing title and overrides a cell, and logs both with their lines", async () => {
    const d = planYear("2020-2022", [
      "titles:",
      "  A1.3.3: Sistemi informativi",
      "cells:",
      "  - code: B3.1.1.1",
      "    field: servizio",
      "    value: Risorse economiche e finanziarie",
      "    reason: verified on the signed plan",
      "",
    ].join("\n"));
    const out = await annex(["export", d]);
    expect(out.status, out.stderr).toBe(0);
    const data = JSON.parse(out.stdout) as { activities: { code: string; servizio: string | null; subprocess: { title: string | null } }[] };
    expect(data.activities.find((a) => a.code === "A1.3.3.1")?.subprocess.title).toBe("Sistemi informativi");
    expect(data.activities.find((a) => a.code === "B3.1.1.1")?.servizio).toBe("Risorse economiche e finanziarie");
    const log = (await annex(["repair", d, "--log"])).stdout;
    expect(log).toMatch(/corrections\.yaml:2:A1\.3\.3: info: title of A1\.3\.3: null → "Sistemi informativi"/);
    expect(log).toMatch(/corrections\.yaml:4:B3\.1\.1\.1: info: Servizio\/Staff of activity B3\.1\.1\.1: null → "Risorse economiche e finanziarie" \(corrections file: verified on the signed plan\)/);
  });
});
