// What a publication promises an office that uploads out/ as it is: only real editions from
// `npm start`; an example, built on purpose, marked as one in every format; the edition's identity
// in every format; never another plan year's folder written; a plan year published whole or not
// at all, whatever happens during the build.
import { spawn } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { stringify } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { replaceFolder } from "../pipeline/app/staging.ts";
import type { Annex } from "../pipeline/model/annex.ts";
import type { PlanConfig } from "../pipeline/model/plan.ts";
import { annex as runAnnex } from "./helpers/cli.ts";
import { largeSampleAnnex, sampleAnnex, samplePlan } from "./helpers/sample-annex.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const MARK = "ESEMPIO — non pubblicare";
const BIN = join(ROOT, "bin", "annex.js");

function planYear(folder: string, data: Annex, plan: PlanConfig = samplePlan()): string {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "allegato-1.json"), JSON.stringify(data, null, 2));
  writeFileSync(join(folder, "plan.yaml"), stringify(plan));
  return folder;
}

const sample = (planYears: string): Annex => {
  const annex = sampleAnnex();
  return { ...annex, planYears, title: annex.title?.replace("2020-2022", planYears) ?? null };
};

function text(file: string): string {
  return readFileSync(file, "utf8");
}

function unzip(file: string, part: string): string {
  return execFileSync("unzip", ["-p", file, part], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** The text of each page of a PDF. */
function pdfPages(file: string): string[] {
  return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).split("\f").filter((p) => p.trim() !== "");
}

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "annex-editions-"));
});

describe("npm start on a clean clone", () => {
  it("publishes only the real editions of sources/, never the example in examples/", async () => {
    const clone = join(dir, "clone");
    for (const folder of ["sources", "examples"]) cpSync(join(ROOT, folder), join(clone, folder), { recursive: true });
    const result = await runAnnex(["build", "--format", "json"], { cwd: clone });
    expect(result.status).toBe(0);
    expect(readdirSync(join(clone, "out"))).toEqual(["2020-2022"]);
    expect(text(join(clone, "out", "2020-2022", "allegato-1.json"))).not.toContain("ESEMPIO");
    // the example is still there to build on purpose, and to compare with
    const diff = await runAnnex(["diff", "2020-2022", "examples/2021-2023", "--format", "json"], { cwd: clone });
    expect(diff.status).toBe(1);
    expect(JSON.parse(diff.stdout).to).toBe("2021-2023");
  });
});

describe("an example built on purpose", () => {
  let out: string;
  let build: Awaited<ReturnType<typeof runAnnex>>;

  beforeAll(async () => {
    const root = join(dir, "example");
    planYear(join(root, "examples", "2021-2023"), sample("2021-2023"), { ...samplePlan(), example: true });
    build = await runAnnex(["build", "examples/2021-2023"], { cwd: root });
    out = join(root, "out", "examples", "2021-2023");
  });

  it("is published apart from the real editions, in out/examples/", () => {
    expect(build.status).toBe(0);
    expect(existsSync(join(out, "allegato-1.pdf"))).toBe(true);
    expect(existsSync(join(out, "..", "..", "2021-2023"))).toBe(false);
    expect(text(join(out, "build-report.txt"))).toContain("EXAMPLE");
  });

  it("says ESEMPIO on every PDF page and first in the PDF's title", () => {
    const pages = pdfPages(join(out, "allegato-1.pdf"));
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(MARK);
    });
    expect(execFileSync("pdfinfo", [join(out, "allegato-1.pdf")], { encoding: "utf8" })).toMatch(/^Title:\s+ESEMPIO — non pubblicare — ALLEGATO 1/m);
  });

  /** The DOCX, the .xlsx and the .ods as LibreOffice prints them (one run for the three), in a folder: docx.pdf, xlsx.pdf, ods.pdf. */
  let printed: string | undefined;
  function printedByLibreOffice(): string {
    if (printed !== undefined) return printed;
    const folder = join(dir, "example-printed");
    mkdirSync(folder, { recursive: true });
    const copies = ["docx", "xlsx", "ods"].map((ext) => {
      const copy = join(folder, `${ext}.${ext}`);
      cpSync(join(out, `allegato-1.${ext}`), copy);
      return copy;
    });
    execFileSync("soffice", [`-env:UserInstallation=file://${join(folder, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", folder, ...copies], { stdio: "ignore", timeout: 120_000 });
    printed = folder;
    return folder;
  }

  it("says ESEMPIO on every DOCX page, as LibreOffice prints it, and first in its title", () => {
    expect(unzip(join(out, "allegato-1.docx"), "docProps/core.xml")).toContain(`<dc:title>${MARK} — ALLEGATO 1`);
    const pages = pdfPages(join(printedByLibreOffice(), "docx.pdf"));
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(MARK);
    });
  });

  it("opens its spreadsheets (.xlsx, .ods) on a sheet that says ESEMPIO, before the data, and says it first in their title", () => {
    expect(unzip(join(out, "allegato-1.xlsx"), "docProps/core.xml")).toContain(`<dc:title>${MARK} — ALLEGATO 1`);
    expect(unzip(join(out, "allegato-1.ods"), "meta.xml")).toContain(`<dc:title>${MARK} — ALLEGATO 1`);
    for (const ext of ["xlsx", "ods"]) {
      // LibreOffice prints a workbook's sheets in order: the mark's sheet first, then the data
      const [first = "", ...rest] = pdfPages(join(printedByLibreOffice(), `${ext}.pdf`));
      // the mark, then the page footer
      const [mark, ...footer] = first.split("\n").filter((line) => line.trim() !== "");
      expect(mark, ext).toBe(MARK);
      expect(footer, ext).toEqual([expect.stringMatching(/^Pagina 1 di \d+$/)]);
      expect(rest.join("\n"), ext).toContain("A1.1.1.1");
      // and every page of the data and the legend says it again, first in its title block
      rest.forEach((page, i) => {
        expect(page.trimStart().startsWith(MARK), `${ext} page ${i + 2}`).toBe(true);
      });
    }
  });

  it("says ESEMPIO in the HTML page's title and in a banner", () => {
    const html = text(join(out, "allegato-1.html"));
    expect(html).toContain(`<title>${MARK} — Mappatura dei processi 2021-2023</title>`);
    expect(html).toContain(`<p class="example-banner" role="note">${MARK}</p>`);
  });

  it("starts the JSON with \"example\": true, the contract's fields unchanged after it, and marks the data package", () => {
    const json = JSON.parse(text(join(out, "allegato-1.json")));
    expect(Object.keys(json)).toEqual(["example", "planYears", "title", "footnote", "activities"]);
    expect(json.example).toBe(true);
    const pkg = JSON.parse(text(join(out, "datapackage.json")));
    expect(pkg.example).toBe(true);
    expect(pkg.title.startsWith(`${MARK} — `)).toBe(true);
    expect(pkg.description.startsWith(MARK)).toBe(true);
    expect(pkg.resources[0].description.startsWith(MARK)).toBe(true);
    // the CSV keeps the contract's columns: the mark is in its description
    expect(text(join(out, "allegato-1.csv")).split("\r\n")[0]).toBe(`\uFEFF${pkg.resources[0].schema.fields.map((f: { name: string }) => f.name).join(",")}`);
  });

  it("stays an example when its JSON is read back and published again", async () => {
    const result = await runAnnex(["render", join(out, "allegato-1.json"), "--format", "html", "--out", join(dir, "again")]);
    expect(result.status).toBe(0);
    expect(text(join(dir, "again", "allegato-1.html"))).toContain(`<title>${MARK}`);
  });
});

describe("a real edition", () => {
  let out: string;

  beforeAll(async () => {
    const root = join(dir, "real");
    planYear(join(root, "sources", "2020-2022"), sample("2020-2022"));
    expect((await runAnnex(["build"], { cwd: root })).status).toBe(0);
    out = join(root, "out", "2020-2022");
  });

  it("carries no example mark anywhere", () => {
    for (const name of readdirSync(out)) {
      const content = name.endsWith(".pdf") ? pdfPages(join(out, name)).join("\n") : name.endsWith(".docx") ? unzip(join(out, name), "word/document.xml") : text(join(out, name));
      expect(content, name).not.toContain("ESEMPIO");
    }
    expect(Object.keys(JSON.parse(text(join(out, "allegato-1.json"))))).toEqual(["planYears", "title", "footnote", "activities"]);
  });

  it("shows its identity (body, adopting act and date, version) in every format, and is dated by its adoption", () => {
    const line = "Camera di Commercio di Pistoia — adottato con Deliberazione di prova n. 1 del 31 gennaio 2020 — versione 1";
    expect(pdfPages(join(out, "allegato-1.pdf"))[0]?.replace(/\s+/g, " ")).toContain(line);
    const info = execFileSync("pdfinfo", [join(out, "allegato-1.pdf")], { encoding: "utf8" });
    expect(info).toMatch(/^Subject:.*adottato con Deliberazione di prova n\. 1 del 31 gennaio 2020 — versione 1$/m);
    expect(info).toMatch(/^CreationDate:\s+Fri Jan 31 00:00:00 2020/m);
    expect(text(join(out, "allegato-1.html"))).toContain(`<p class="identity">${line}</p>`);
    expect(unzip(join(out, "allegato-1.docx"), "word/document.xml")).toContain(line);
    const pkg = JSON.parse(text(join(out, "datapackage.json")));
    expect(pkg.edition).toEqual({ planYears: "2020-2022", body: "Camera di Commercio di Pistoia", act: "Deliberazione di prova n. 1", adopted: "2020-01-31", version: "1" });
    expect(pkg.version).toBe("1");
    expect(pkg.created).toBe("2020-01-31T00:00:00Z");
  });

  it("leaves out what plan.yaml does not say, and validation says so", async () => {
    const root = join(dir, "no-identity");
    const { act: _act, adopted: _adopted, version: _version, ...plan } = samplePlan();
    planYear(join(root, "sources", "2020-2022"), sample("2020-2022"), plan);
    const validate = await runAnnex(["validate", "2020-2022"], { cwd: root });
    expect(validate.stdout).toMatch(/plan\.yaml: warning: the plan settings do not give the act that adopted the plan \(act\), its date \(adopted\), the edition's version \(version\).* \[plan\/identity\]/);
    expect((await runAnnex(["build", "--format", "html,csv"], { cwd: root })).status).toBe(0);
    expect(text(join(root, "out", "2020-2022", "allegato-1.html"))).toContain('<p class="identity">Camera di Commercio di Pistoia</p>');
    expect(JSON.parse(text(join(root, "out", "2020-2022", "datapackage.json"))).edition).toMatchObject({ act: null, adopted: null, version: null });
  });
});

describe("never another plan year's folder", () => {
  it("render refuses annex data whose plan years are not the folder's, and writes nothing", async () => {
    const root = join(dir, "mismatch");
    planYear(join(root, "sources", "2020-2022"), sample("2020-2022"));
    expect((await runAnnex(["build", "--format", "json"], { cwd: root })).status).toBe(0);
    const published = text(join(root, "out", "2020-2022", "allegato-1.json"));
    // 2021-2023 content left in the 2020-2022 folder
    planYear(join(root, "sources", "2020-2022"), sample("2021-2023"));
    for (const args of [["render", "2020-2022"], ["build"]]) {
      const result = await runAnnex(args, { cwd: root });
      expect(result.status, args.join(" ")).toBe(1);
      expect(result.stderr).toMatch(/error: the annex data is for plan years 2021-2023 but sits in the folder of 2020-2022.*\[annex-data\/plan-years\]/);
    }
    expect(text(join(root, "out", "2020-2022", "allegato-1.json"))).toBe(published);
    expect(existsSync(join(root, "out", "2021-2023"))).toBe(false);
  });

  it("builds a plan-year folder that is a link, and refuses one whose name init would refuse", async () => {
    const root = join(dir, "folders");
    const elsewhere = planYear(join(root, "kept-elsewhere", "2022-2024"), sample("2022-2024"));
    mkdirSync(join(root, "sources"), { recursive: true });
    symlinkSync(elsewhere, join(root, "sources", "2022-2024"));
    planYear(join(root, "sources", "2021-2022"), sample("2021-2022"));
    symlinkSync(join(root, "nowhere"), join(root, "sources", "2023-2025"));
    const result = await runAnnex(["build", "--format", "json"], { cwd: root });
    expect(result.status).toBe(2);
    expect(readdirSync(join(root, "out"))).toEqual(["2022-2024"]);
    expect(result.stderr).toMatch(/annex: 2021-2022 \[1\/3\]: sources\/2021-2022: "2021-2022" is not a plan-year name: a plan year spans three years/);
    expect(result.stderr).toMatch(/annex: 2023-2025 \[3\/3\]: sources\/2023-2025: a link to a folder that does not exist/);
    expect(result.stderr).toContain("built 1 of 3 plan years; not published: 2021-2022, 2023-2025");
  });

  it("refuses an edition kept in examples/ that does not say it is one", async () => {
    const root = join(dir, "unmarked");
    planYear(join(root, "examples", "2021-2023"), sample("2021-2023"));
    const result = await runAnnex(["build", "examples/2021-2023"], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/error: an edition in examples\/ must say "example: true" in its .*plan\.yaml .*\[example\/unmarked\]/);
    expect(existsSync(join(root, "out"))).toBe(false);
  });
});

describe("a plan year published whole or not at all", () => {
  it("a failed build leaves the previous edition untouched and no temporary folder", async () => {
    const root = join(dir, "failed");
    const target = join(root, "2020-2022");
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, "allegato-1.pdf"), "previous edition");
    await expect(
      replaceFolder(target, (staging) => {
        writeFileSync(join(staging, "allegato-1.pdf"), "half of a new edition");
        return Promise.reject(new Error("the DOCX renderer failed"));
      }),
    ).rejects.toThrow("the DOCX renderer failed");
    expect(readdirSync(root)).toEqual(["2020-2022"]);
    expect(readdirSync(target)).toEqual(["allegato-1.pdf"]);
    expect(text(join(target, "allegato-1.pdf"))).toBe("previous edition");
  });

  it("build --format pdf leaves the PDF and a report true for it, never a PDF beside an older DOCX", async () => {
    const root = join(dir, "one-format");
    planYear(join(root, "sources", "2020-2022"), sample("2020-2022"));
    expect((await runAnnex(["build"], { cwd: root })).status).toBe(0);
    expect((await runAnnex(["build", "--format", "pdf"], { cwd: root })).status).toBe(0);
    const out = join(root, "out", "2020-2022");
    expect(readdirSync(out).sort()).toEqual(["allegato-1.pdf", "build-report.json", "build-report.txt"]);
    expect(JSON.parse(text(join(out, "build-report.json"))).files.map((f: { file: string }) => f.file)).toEqual(["allegato-1.pdf"]);
  });

  it("replaces an edition folder that is a link where it points, keeping the link", async () => {
    const root = join(dir, "linked");
    planYear(join(root, "sources", "2020-2022"), sample("2020-2022"));
    mkdirSync(join(root, "www", "2020-2022"), { recursive: true });
    writeFileSync(join(root, "www", "2020-2022", "allegato-1.pdf"), "previous edition");
    mkdirSync(join(root, "out"));
    symlinkSync(join(root, "www", "2020-2022"), join(root, "out", "2020-2022"));
    expect((await runAnnex(["build", "--format", "csv"], { cwd: root })).status).toBe(0);
    expect(lstatSync(join(root, "out", "2020-2022")).isSymbolicLink()).toBe(true);
    expect(readdirSync(join(root, "www", "2020-2022")).sort()).toEqual(["allegato-1-aree-di-rischio.csv", "allegato-1.csv", "build-report.json", "build-report.txt", "datapackage.json"]);
    expect(readdirSync(join(root, "www"))).toEqual(["2020-2022"]);
  });

  it("the next build removes what a killed build left beside the edition", async () => {
    const root = join(dir, "leftovers");
    planYear(join(root, "sources", "2020-2022"), sample("2020-2022"));
    // no process has this id: pid_max is at most 4194304
    mkdirSync(join(root, "out", ".2020-2022.9999999.tmp"), { recursive: true });
    writeFileSync(join(root, "out", ".2020-2022.9999999.tmp", "allegato-1.pdf"), "half written");
    expect((await runAnnex(["build", "--format", "csv"], { cwd: root })).status).toBe(0);
    expect(readdirSync(join(root, "out"))).toEqual(["2020-2022"]);
  });

  it("removes its temporary files on SIGTERM and leaves the previous edition untouched", async () => {
    const root = join(dir, "killed");
    // long enough to render (a second or so) for the signal to come in the middle (the copies of the special G row aside: they do not validate)
    const big = largeSampleAnnex(6);
    planYear(join(root, "sources", "2020-2022"), { ...big, activities: big.activities.filter((a) => a.code.split(".").length === 4) });
    const out = join(root, "out");
    mkdirSync(join(out, "2020-2022"), { recursive: true });
    writeFileSync(join(out, "2020-2022", "allegato-1.pdf"), "previous edition");
    const child = spawn(process.execPath, [BIN, "build", "--format", "pdf"], { cwd: root, stdio: "ignore" });
    const state = { ended: false };
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code, signal) => {
        state.ended = true;
        resolve(code ?? (signal ? -1 : null));
      }),
    );
    // wait until the build is assembling its staging folder, then stop it
    while (!state.ended && !readdirSync(out).some((name) => name.endsWith(".tmp"))) await new Promise((r) => setTimeout(r, 20));
    expect(readdirSync(out).some((name) => name.endsWith(".tmp"))).toBe(true);
    child.kill("SIGTERM");
    expect(await exited).toBe(143);
    expect(readdirSync(out)).toEqual(["2020-2022"]);
    expect(text(join(out, "2020-2022", "allegato-1.pdf"))).toBe("previous edition");
  });
});
