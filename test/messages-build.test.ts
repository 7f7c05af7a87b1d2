// A build in the person's language: progress lines and build-report.txt in Italian for an Italian
// locale, build-report.json with rule ids and English reasons, and `build --help` naming every
// file a build writes, in both languages.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReportText } from "../pipeline/app/build-report.ts";
import { loadInput } from "../pipeline/app/load.ts";
import { annex, type Run } from "./helpers/cli.ts";
import { sampleAnnex, samplePlan } from "./helpers/sample-annex.ts";

let root: string;
let build: Run;
let out: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "annex-lang-build-"));
  const folder = join(root, "sources", "2020-2022");
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "allegato-1.json"), JSON.stringify(sampleAnnex(), null, 2));
  // without the act, its date and the version: one warning (plan/identity) for the report to show
  const { act: _act, adopted: _adopted, version: _version, ...plan } = samplePlan();
  writeFileSync(join(folder, "plan.yaml"), stringify(plan));
  build = await annex(["build"], { cwd: root, env: { LANG: "it_IT.UTF-8" } });
  out = join(root, "out", "2020-2022");
});

describe("a build for an Italian locale", () => {
  it("says its progress in Italian", () => {
    expect(build.status).toBe(0);
    const activities = sampleAnnex().activities.length;
    expect(build.stderr).toContain(`annex: 2020-2022 [1/1]: lette ${activities} attività da sources/2020-2022/allegato-1.json (0 errori, 10 avvisi, 0 riparazioni)\n`);
    expect(build.stderr).toMatch(/annex: 2020-2022 \[1\/1\]: fatto in \d+\.\d s — 0 errori, 10 avvisi, si veda out\/2020-2022\/build-report\.txt\n/);
    expect(build.stderr).toMatch(/annex: edizioni pubblicate: 1 su 1\n$/);
  });

  it("writes build-report.txt in Italian, and build-report.json with rule ids and English reasons", () => {
    const report = readFileSync(join(out, "build-report.txt"), "utf8");
    const lines = report.split("\n");
    expect(lines[0]).toBe("Allegato 1 — Mappatura dei processi 2020-2022: rapporto di pubblicazione");
    expect(lines).toContain("file di partenza: sources/2020-2022/allegato-1.json");
    expect(lines).toContain("segnalazioni: 0 errori, 10 avvisi, 0 note");
    expect(lines).toContain("riparazioni applicate: 0");
    expect(lines).toContain(
      "sources/2020-2022/plan.yaml: avviso: le impostazioni del piano non indicano l'atto che ha adottato il piano (act), la sua data (adopted), la versione dell'edizione (version): i documenti pubblicati li omettono [plan/identity]",
    );
    expect(lines).toContain(
      "sources/2020-2022/allegato-1.json:A2: avviso: il macro processo A2 non ha titolo nel file di partenza; se è noto, indicarlo nel file corrections.yaml dell'edizione (o nel file stesso, se si tratta dei dati dell'allegato) [title/missing]",
    );
    expect(lines).toContain("== file scritti ==");
    expect(report).toMatch(/\nallegato-1\.pdf {2}\d+ byte {2}sha256 [0-9a-f]{64}\n/);
    const json = JSON.parse(readFileSync(join(out, "build-report.json"), "utf8")) as { diagnostics: Record<string, unknown>[] };
    expect(json.diagnostics.filter((d) => d.rule === "plan/identity")).toEqual([
      {
        severity: "warning",
        rule: "plan/identity",
        reason:
          "the plan settings do not give the act that adopted the plan (act), its date (adopted), the edition's version (version): the published documents leave them out",
        place: { file: "sources/2020-2022/plan.yaml" },
      },
    ]);
  });

  it("writes only files that build --help names, in either language", async () => {
    const written = readdirSync(out).sort();
    expect(written).toHaveLength(11);
    for (const lang of ["it", "en"]) {
      const help = (await annex(["build", "--help", "--lang", lang])).stdout.replace(/\s+/g, " ");
      // each file by its name, or by its extension after allegato-1's, as the help lists them
      const unnamed = written.filter((file) => !help.includes(file) && !(file.startsWith("allegato-1.") && help.includes(` ${file.slice("allegato-1".length)}`)));
      expect(unnamed, lang).toEqual([]);
    }
  });
});

describe("the build report", () => {
  it("reads in English for any other locale, with the same lines", async () => {
    const loaded = await loadInput(join(root, "sources", "2020-2022"), { sourcesDir: join(root, "sources") });
    const english = buildReportText(loaded, [], "en").split("\n");
    const italian = buildReportText(loaded, [], "it").split("\n");
    expect(english).toHaveLength(italian.length);
    expect(english[0]).toBe("Allegato 1 — Mappatura dei processi 2020-2022: build report");
    expect(english).toContain("diagnostics: 0 errors, 10 warnings, 0 notes");
    expect(english).toContain("== files ==");
    expect(english.some((line) => line.endsWith("warning: the plan settings do not give the act that adopted the plan (act), its date (adopted), the edition's version (version): the published documents leave them out [plan/identity]"))).toBe(true);
  });
});
