// The office's files through the command line: a spreadsheet or a document is an input like any
// other (a plan year's source, either side of diff); one that cannot be read gives one line on
// stderr and exit 2, and nothing is written.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { annex, annexProcess } from "./helpers/cli.ts";
import { expected2020 } from "./helpers/expected.ts";

const OFFICE = resolve("test/fixtures/office");
const PLAN = resolve("sources/2020-2022/plan.yaml");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "annex-office-"));
  writeFileSync(join(dir, "rows.xlsx"), "code,title\nA1.1.1.1,Relazione\n");
  // the first sector of an old binary .xls: the compound-file signature, no encryption streams
  writeFileSync(join(dir, "old.xls.xlsx"), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
});

describe("an office file that cannot be read: one line, exit 2, nothing written", () => {
  const cases: [string, RegExp][] = [
    ["bad/no-table.xlsx", /^annex: .*no-table\.xlsx: no annex table: no row has the column headings Funzione, .*\(sheets: Referenti\)$/],
    ["bad/password.xlsx", /^annex: .*password\.xlsx: the file is protected by a password: save a copy without the password and read that$/],
    ["bad/truncated.xlsx", /^annex: .*truncated\.xlsx: the file is damaged: its zip package cannot be opened \(.*\); was it cut short while copying\?$/],
    ["bad/no-table.docx", /^annex: .*no-table\.docx: no annex table: .*\(the document has no table\)$/],
    ["bad/no-codice.xlsx", /^annex: .*no-codice\.xlsx:Allegato 1!A2: the header row has no column "Codice": a working copy has the columns Funzione, Macro processo, Processo, Sotto processo, Codice, Attività, /],
  ];
  // in this process (the same parsing, messages and exit status), and once as a real process: the status it ends with
  it.each(cases)("%s", async (name, message) => {
    const out = join(dir, `out-${name.replace(/\W/g, "-")}`);
    const args = ["render", join(OFFICE, name), "--out", out];
    const r = name.includes("password") ? annexProcess(args) : await annex(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it("a file named .xlsx that is not a zip package, and an old binary .xls renamed", async () => {
    const text = await annex(["export", join(dir, "rows.xlsx")]);
    expect([text.status, text.stdout, text.stderr]).toEqual([2, "", `annex: ${join(dir, "rows.xlsx")}: not a spreadsheet or document: the file is not a zip package (.xlsx, .ods, .docx and .odt all are)\n`]);
    const old = await annex(["export", join(dir, "old.xls.xlsx")]);
    expect(old.status).toBe(2);
    expect(old.stderr).toMatch(/old binary \.xls or \.doc file: save it as \.xlsx or \.ods/);
  });

  it("extract refuses the working copy, which is already the annex", async () => {
    const sources = join(dir, "wc");
    mkdirSync(join(sources, "sources", "2020-2022"), { recursive: true });
    copyFileSync(join(OFFICE, "allegato-1.ods"), join(sources, "sources", "2020-2022", "allegato-1.ods"));
    copyFileSync(PLAN, join(sources, "sources", "2020-2022", "plan.yaml"));
    expect((await annex(["init", "2021-2023", "--from", "2020-2022", "--format", "ods"], { cwd: sources })).status).toBe(0);
    const r = await annex(["extract", "2021-2023"], { cwd: sources });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("annex: sources/2021-2023/allegato-1.ods: a working copy has no raw table: it is already the annex, one row per activity\n");
  });
});

describe("a plan year kept as the office prints it, in a spreadsheet or a document", () => {
  it("is the plan year's source: extract places each row at its cell, build publishes it", async () => {
    const sources = join(dir, "printed");
    const year = join(sources, "sources", "2020-2022");
    mkdirSync(year, { recursive: true });
    copyFileSync(join(OFFICE, "allegato-1.docx"), join(year, "allegato-1.docx"));
    copyFileSync(PLAN, join(year, "plan.yaml"));
    const extract = await annex(["extract", "2020-2022"], { cwd: sources });
    expect(extract.status).toBe(0);
    const table = JSON.parse(extract.stdout);
    expect(table.format).toBe("docx");
    expect(table.rows[0]).toMatchObject({ cell: "table 1, row 3, column 5", shaded: false });
    const build = await annex(["build", "--format", "json"], { cwd: sources });
    expect(build.status).toBe(0);
    expect(readdirSync(join(sources, "out", "2020-2022")).sort()).toEqual(["allegato-1.json", "build-report.json", "build-report.txt"]);
    const published = JSON.parse(readFileSync(join(sources, "out", "2020-2022", "allegato-1.json"), "utf8"));
    expect(published.activities).toEqual(expected2020.activities);
  });

  it("diff compares any two inputs: last year's PDF against the same annex as a spreadsheet, and a document against a sheet", async () => {
    const pdfSheet = await annex(["diff", "sources/2020-2022/allegato-1.pdf", join(OFFICE, "allegato-1.xlsx"), "--format", "json"]);
    expect(pdfSheet.stderr).toBe("");
    expect([pdfSheet.status, JSON.parse(pdfSheet.stdout)]).toEqual([0, { from: "2020-2022", to: "2020-2022", changes: [] }]);
    const docSheet = await annex(["diff", join(OFFICE, "allegato-1.odt"), join(OFFICE, "allegato-1.ods"), "--format", "json"]);
    expect([docSheet.status, JSON.parse(docSheet.stdout).changes]).toEqual([0, []]);
  });
});
