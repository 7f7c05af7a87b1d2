import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { editionYaml } from "../pipeline/formats/annex-data/write.ts";
import { initPlanYear, nextEdition } from "../pipeline/app/init.ts";
import { readAnnexData } from "../pipeline/formats/annex-data/read.ts";
import { FatalError } from "../pipeline/diagnostics/fatal.ts";
import { checkPlanYears } from "../pipeline/model/plan-years.ts";
import { paramText } from "../pipeline/messages/catalogue.ts";
import { annex } from "./helpers/cli.ts";
import { expectedAnnex2020, sourcesWith2020 } from "./helpers/diff.ts";

const PLAN = new URL("../sources/2020-2022/plan.yaml", import.meta.url).pathname;

describe("plan-year names", () => {
  it("accepts YYYY-YYYY over three years", () => {
    expect(checkPlanYears("2021-2023")).toBeNull();
    expect(checkPlanYears("2020-2022")).toBeNull();
  });

  it("rejects other spans, short years and reversed years, saying why", () => {
    const words = (name: string, lang: "en" | "it" = "en") => {
      const problem = checkPlanYears(name);
      return problem === null ? null : paramText(problem, lang);
    };
    expect(words("2021-2022")).toMatch(/spans three years.*2021-2023/);
    expect(words("21-23")).toMatch(/YYYY-YYYY/);
    expect(words("2023-2021")).toMatch(/last year comes before the first.*2021-2023/);
    expect(words("2021-2022", "it")).toMatch(/copre tre anni.*2021-2023/);
    expect(words("2023-2021", "it")).toMatch(/l'ultimo anno precede il primo.*2021-2023/);
    expect(checkPlanYears("2021-2023 ")).not.toBeNull();
  });
});

describe("the next edition's annex data", () => {
  it("carries the new plan years and replaces them in the title", () => {
    const { annex, titleUpdated } = nextEdition(expectedAnnex2020(), "2021-2023");
    expect(titleUpdated).toBe(true);
    expect(annex.planYears).toBe("2021-2023");
    expect(annex.title).toContain("TRIENNIO 2021-2023");
    expect(annex.title).not.toContain("2020-2022");
  });

  it("reads back as exactly the same annex", () => {
    const { annex } = nextEdition(expectedAnnex2020(), "2021-2023");
    expect(readAnnexData(editionYaml(annex, "2020-2022"), "x.yaml").annex).toEqual(annex);
  });

  it("is written for a person: a comment header, one block per activity, keys in contract order", () => {
    const text = editionYaml(nextEdition(expectedAnnex2020(), "2021-2023").annex, "2020-2022");
    expect(text.startsWith("# Allegato 1 — Mappatura dei processi, edizione 2021-2023")).toBe(true);
    const first = text.slice(text.indexOf("\n  - code: A1.1.1.1"), text.indexOf("\n  - code: A1.1.1.2"));
    expect(first.match(/^ {2}- code|^ {4}\w+/gm)).toEqual([
      "  - code",
      ...["title", "riskAreas", "areaDirigenziale", "servizio", "uo", "note", "active", "function", "macro", "process", "subprocess"].map((k) => `    ${k}`),
    ]);
    expect(first).toContain(`macro: {code: A1, title: "PIANIFICAZIONE, MONITORAGGIO E CONTROLLO DELL'ENTE"}`);
    expect(text).not.toMatch(/[ \t]$/m);
    expect(text.match(/\n {2}- code: /g)?.length).toBe(245);
    expect(text.match(/\n\n {2}- code: /g)?.length).toBe(244);
  });

  it("refuses to overwrite an existing plan year and leaves it untouched", async () => {
    const dir = sourcesWith2020();
    const sources = join(dir, "sources");
    mkdirSync(join(sources, "2021-2023"));
    writeFileSync(join(sources, "2021-2023", "allegato-1.yaml"), "edited by hand\n");
    await expect(initPlanYear({ planYears: "2021-2023", previous: expectedAnnex2020(), previousFile: join(sources, "2020-2022", "allegato-1.yaml"), sourcesDir: sources })).rejects.toThrow(FatalError);
    expect(readFileSync(join(sources, "2021-2023", "allegato-1.yaml"), "utf8")).toBe("edited by hand\n");
    expect(readdirSync(sources).sort()).toEqual(["2020-2022", "2021-2023"]);
  });
});

describe("annex init (command)", () => {
  it("starts the next plan year from the previous one as annex data (--format yaml) with its plan file, and diff finds no content changes", async () => {
    const dir = sourcesWith2020();
    const result = await annex(["init", "2021-2023", "--from", "2020-2022", "--format", "yaml"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const folder = join(dir, "sources", "2021-2023");
    expect(readdirSync(folder).sort()).toEqual(["allegato-1.yaml", "plan.yaml"]);
    const plan = readFileSync(join(folder, "plan.yaml"), "utf8");
    expect(plan).toBe(readFileSync(PLAN, "utf8").replaceAll("2020-2022", "2021-2023"));
    const data = readFileSync(join(folder, "allegato-1.yaml"), "utf8");
    expect(data).toContain("planYears: 2021-2023");
    expect(data).toContain("TRIENNIO 2021-2023");

    const diff = await annex(["diff", "2020-2022", "2021-2023", "--format", "json"], { cwd: dir });
    expect(diff.status).toBe(0);
    expect(JSON.parse(diff.stdout)).toEqual({ from: "2020-2022", to: "2021-2023", changes: [] });
  });

  it("does not carry the previous edition's act, date and version into the new plan settings", async () => {
    const dir = sourcesWith2020();
    const planFile = join(dir, "sources", "2020-2022", "plan.yaml");
    writeFileSync(planFile, `${readFileSync(planFile, "utf8")}act: Deliberazione della Giunta camerale n. 1 # the act\nadopted: 2020-01-31\nversion: "2"\n`);
    const result = await annex(["init", "2021-2023", "--from", "2020-2022"], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`annex: warning: act, adopted, version of 2020-2022 not copied to ${join("sources", "2021-2023", "plan.yaml")}: write the new edition's when it is adopted\n`);
    const plan = readFileSync(join(dir, "sources", "2021-2023", "plan.yaml"), "utf8");
    expect(plan).not.toMatch(/^(act|adopted|version):/m);
    expect(plan).toContain("body: Camera di Commercio di Pistoia");
    // beside the working copy, the risk areas and the structures are kept in its Legenda sheet only: changed in one place
    expect(plan).not.toMatch(/^(riskAreas|structures):/m);
    expect(plan).toMatch(/^# The risk areas and the structures are kept in the working copy's Legenda sheet\./);
    const validate = await annex(["validate", "2021-2023"], { cwd: dir });
    expect(validate.status).toBe(0);
    expect(validate.stderr).not.toContain("[risk/unchecked]");
  });

  it("refuses to start a plan year that exists: one line, exit 2", async () => {
    const dir = sourcesWith2020();
    expect((await annex(["init", "2021-2023", "--from", "2020-2022", "--format", "yaml"], { cwd: dir })).status).toBe(0);
    const before = readFileSync(join(dir, "sources", "2021-2023", "allegato-1.yaml"), "utf8");
    const again = await annex(["init", "2021-2023", "--from", "2020-2022", "--format", "yaml"], { cwd: dir });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/^annex: plan year 2021-2023 already exists .*never overwrites/);
    expect(again.stderr.trim().split("\n")).toHaveLength(1);
    expect(readFileSync(join(dir, "sources", "2021-2023", "allegato-1.yaml"), "utf8")).toBe(before);
  });

  it("refuses a malformed plan-year name: one line, exit 2, nothing written", async () => {
    const dir = sourcesWith2020();
    for (const name of ["2021-2022", "21-23", "2023-2021"]) {
      const result = await annex(["init", name, "--from", "2020-2022"], { cwd: dir });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^annex: "${name}" is not a plan-year name: .+\\n$`));
      expect(existsSync(join(dir, "sources", name))).toBe(false);
    }
  });

  it("refuses to start from a plan year that does not exist: one line, exit 2", async () => {
    const dir = sourcesWith2020();
    const result = await annex(["init", "2021-2023", "--from", "2019-2021"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("annex: no plan year 2019-2021 in sources/ (there is: 2020-2022)\n");
    expect(existsSync(join(dir, "sources", "2021-2023"))).toBe(false);
  });
});
