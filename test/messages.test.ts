// What the tool says to a person is in the person's language: Italian for an Italian locale,
// English otherwise. Every rule and every message exists in both catalogues with the same
// placeholders; the language comes from --lang, then LC_ALL/LC_MESSAGES/LANG, then the system;
// diagnostics, help, usage errors and the terminal diff read in either language, and JSON keeps
// rule ids and English reasons.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diag, RULE_IDS } from "../pipeline/diagnostics/rules.ts";
import { formatDiagnostic, formatDiagnosticIn, formatPlace, summary } from "../pipeline/diagnostics/format.ts";
import { formatText } from "../pipeline/diff/format-terminal.ts";
import { diffAnnexes } from "../pipeline/diff/index.ts";
import { en } from "../pipeline/messages/en.ts";
import { it as italian } from "../pipeline/messages/it.ts";
import { detectLang, langOfLocale } from "../pipeline/messages/locale.ts";
import { currentLang, ph } from "../pipeline/messages/catalogue.ts";
import type { Activity, Annex } from "../pipeline/model/annex.ts";
import { planForNextEdition } from "../pipeline/app/settings.ts";
import { annex } from "./helpers/cli.ts";

/** An activity of macro process C1, as the diff and validation examples need one. */
function activity(code: string, title: string, extra: Partial<Activity> = {}): Activity {
  const codes = code.split(".");
  return {
    code,
    title,
    riskAreas: ["C"],
    areaDirigenziale: "Area Anagrafe economica",
    servizio: null,
    uo: null,
    note: null,
    active: true,
    function: "Anagrafe",
    macro: { code: codes[0] ?? null, title: "TENUTA REGISTRO IMPRESE" },
    process: { code: codes.slice(0, 2).join("."), title: "GESTIONE DEL REGISTRO" },
    subprocess: { code: codes.slice(0, 3).join("."), title: "Iscrizioni" },
    ...extra,
  };
}

/**
 * The names of a template's placeholders. A counted word (`{count|riga|righe}`) names `count`
 * too, but whether a language needs one is its own matter ("attività" is one word for any number).
 */
function holes(template: string): string[] {
  return [...new Set([...template.matchAll(/\{([A-Za-z][A-Za-z0-9]*)(?:\|[^}|]*\|[^}|]*)?\}/g)].map((m) => m[1] ?? ""))].sort();
}

type Entries = Readonly<Record<string, string>>;

function sameKeysAndHoles(english: Entries, other: Entries, where: string): string[] {
  const problems: string[] = [];
  for (const key of new Set([...Object.keys(english), ...Object.keys(other)])) {
    const e = english[key];
    const o = other[key];
    if (e === undefined || o === undefined) problems.push(`${where} ${key}: only in ${e === undefined ? "it" : "en"}`);
    else if (JSON.stringify(holes(e)) !== JSON.stringify(holes(o))) problems.push(`${where} ${key}: {${holes(e).join(",")}} ≠ {${holes(o).join(",")}}`);
  }
  return problems;
}

describe("the catalogues", () => {
  it("give every rule a meaning in Italian and every registered rule its messages", () => {
    const missing = RULE_IDS.filter((rule) => !(rule in italian.means) || !(rule in en.rules));
    expect(missing).toEqual([]);
    const unknown = [...Object.keys(en.rules), ...Object.keys(italian.rules), ...Object.keys(italian.means)].filter((rule) => !RULE_IDS.some((id) => id === rule));
    expect(unknown).toEqual([]);
  });

  it("give every message, phrase and text in both languages with the same placeholders", () => {
    const problems: string[] = [];
    const rules = new Set([...Object.keys(en.rules), ...Object.keys(italian.rules)]);
    const englishRules: Readonly<Record<string, Entries>> = en.rules;
    const italianRules: Readonly<Record<string, Entries>> = italian.rules;
    for (const rule of rules) problems.push(...sameKeysAndHoles(englishRules[rule] ?? {}, italianRules[rule] ?? {}, rule));
    problems.push(...sameKeysAndHoles(en.phrases, italian.phrases, "phrase"));
    problems.push(...sameKeysAndHoles(en.text, italian.text, "text"));
    expect(problems).toEqual([]);
  });

  it("write every counted word with its two forms, one and many", () => {
    const all = [en, italian].flatMap((c) => [...Object.values(c.rules).flatMap((m) => Object.values(m)), ...Object.values(c.phrases), ...Object.values(c.text)]);
    const broken = all.filter((text) => [...text.matchAll(/\{[A-Za-z][A-Za-z0-9]*\|([^}]*)\}/g)].some((m) => (m[1] ?? "").split("|").length !== 2));
    expect(broken).toEqual([]);
  });

  it("never name a field by its key or an activity by its array index in an Italian message", () => {
    const all = [...Object.values(italian.rules).flatMap((m) => Object.values(m)), ...Object.values(italian.phrases), ...Object.values(italian.text)];
    const internal = all.filter((text) => /activities\[|\bareaDirigenziale\b|\briskAreas\b|\bsubprocess\b/.test(text));
    expect(internal).toEqual([]);
  });
});

describe("the language", () => {
  it("is --lang first, then LC_ALL, LC_MESSAGES and LANG in that order, then the system's locale", () => {
    const system = () => "en-US";
    expect(detectLang(["validate", "x", "--lang", "it"], { LANG: "en_GB.UTF-8" }, system)).toBe("it");
    expect(detectLang(["--lang=en", "validate"], { LANG: "it_IT.UTF-8" }, system)).toBe("en");
    expect(detectLang([], { LC_ALL: "it_IT.UTF-8", LANG: "en_US.UTF-8" }, system)).toBe("it");
    expect(detectLang([], { LC_ALL: "en_US.UTF-8", LC_MESSAGES: "it_IT.UTF-8" }, system)).toBe("en");
    expect(detectLang([], { LC_MESSAGES: "it_CH.UTF-8", LANG: "en_US.UTF-8" }, system)).toBe("it");
    expect(detectLang([], { LANG: "it_IT.UTF-8" }, system)).toBe("it");
    expect(detectLang([], { LANG: "de_DE.UTF-8" }, () => "it-IT")).toBe("en");
  });

  it("is the system's when the environment names no locale (an Italian Windows sets no LANG), or only C", () => {
    expect(detectLang([], {}, () => "it-IT")).toBe("it");
    expect(detectLang([], { LANG: "C.UTF-8" }, () => "it-IT")).toBe("it");
    expect(detectLang([], { LC_ALL: "" }, () => "en-US")).toBe("en");
    expect(detectLang([], {}, () => "")).toBe("en");
  });

  it("is Italian for every way of writing an Italian locale", () => {
    for (const locale of ["it", "it_IT", "it_IT.UTF-8", "it-IT", "it_CH@euro", "Italian_Italy.1252"]) expect(langOfLocale(locale)).toBe("it");
    for (const locale of ["en_US.UTF-8", "fr_FR", "iu_CA"]) expect(langOfLocale(locale)).toBe("en");
    expect(langOfLocale("POSIX")).toBeNull();
  });
});

describe("a diagnostic", () => {
  it("reads in Italian or English, place words included, from one rule, message id and parameters", () => {
    const d = diag("working-copy/active", "active", { text: "forse" }, { file: "allegato-1.xlsx", cell: "Allegato 1!L27", code: "C1.2.1.1" });
    expect(formatDiagnosticIn(d, "en")).toBe('allegato-1.xlsx:Allegato 1!L27:C1.2.1.1: error: "forse" in Attiva: write sì or no [working-copy/active]');
    expect(formatDiagnosticIn(d, "it")).toBe('allegato-1.xlsx:Allegato 1!L27:C1.2.1.1: errore: "forse" nella colonna Attiva: scrivere sì oppure no [working-copy/active]');
    const page = diag("repair/title", "missing", {}, { file: "allegato-1.pdf", page: 3, row: 12 });
    expect(formatDiagnosticIn(page, "it")).toBe("allegato-1.pdf:pagina 3:riga 12: avviso: il titolo dell'allegato non è stampato [repair/title]");
    expect(formatPlace({ file: "allegato-1.docx", cell: "table 1, row 34, column 5" }, "it")).toBe("allegato-1.docx:tabella 1, riga 34, colonna 5");
    expect(formatPlace({ file: "allegato-1.pdf", page: 2, column: "macro" }, "it")).toBe("allegato-1.pdf:pagina 2:Macro processo");
  });

  it("renders its phrases (a level's name) and counted words in the same language", () => {
    const d = diag("code/missing", "no-level-implied", { level: ph("level.subprocess"), code: "A1.1.1.1", implied: "A1.1.1" }, {});
    expect(d.reason).toBe("activity A1.1.1.1 has no sub-process: neither code nor title; its activity code implies A1.1.1");
    expect(formatDiagnosticIn(d, "it")).toBe(
      "avviso: l'attività A1.1.1.1 non ha il sotto processo: né codice né titolo; il codice dell'attività fa pensare a A1.1.1 [code/missing]",
    );
    const hidden = (count: number) => diag("office/hidden-rows", "hidden", { count }, {});
    expect(formatDiagnosticIn(hidden(1), "it")).toMatch(/^errore: 1 riga è nascosta /);
    expect(formatDiagnosticIn(hidden(3), "it")).toMatch(/^errore: 3 righe sono nascoste /);
    expect(hidden(3).reason).toMatch(/^3 rows are hidden /);
    expect(summary([hidden(1), hidden(2)], "it")).toBe("2 errori, 0 avvisi");
    expect(summary([hidden(1)], "en")).toBe("1 error, 0 warnings");
  });
});

describe("the command line", () => {
  it("validates data with mistakes in Italian for an Italian locale, in English otherwise, and JSON stays English", async () => {
    const dir = mkdtempSync(join(tmpdir(), "annex-lang-"));
    const file = join(dir, "allegato-1.json");
    const bad = { ...activity("A1.1.1", "Relazione"), riskAreas: ["C", "C"] };
    writeFileSync(file, JSON.stringify({ planYears: "2020-2022", title: null, footnote: null, activities: [bad] }));
    const italianRun = await annex(["validate", file], { env: { LANG: "it_IT.UTF-8" } });
    const englishRun = await annex(["validate", file], { env: { LANG: "en_GB.UTF-8" } });
    expect(italianRun.status).toBe(1);
    expect(englishRun.status).toBe(1);
    expect(italianRun.stdout).toContain(
      `${file}:A1.1.1: errore: il codice di attività "A1.1.1" ha 3 parti; un codice di attività ne ha 4, come A1.1.1.1 o C1.1.7b.1 [code/format]\n`,
    );
    expect(italianRun.stdout).toContain(`${file}:A1.1.1: avviso: l'attività A1.1.1 riporta due volte l'area di rischio C [risk/duplicate]\n`);
    expect(italianRun.stderr).toBe(`${file}: 1 attività, 1 errore, 1 avviso\n`);
    expect(englishRun.stdout).toContain(`${file}:A1.1.1: error: activity code "A1.1.1" has 3 parts; an activity code has 4, like A1.1.1.1 or C1.1.7b.1 [code/format]\n`);
    expect(englishRun.stderr).toBe(`${file}: 1 activity, 1 error, 1 warning\n`);
    const json = await annex(["validate", file, "--format", "json", "--lang", "it"]);
    const parsed = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(parsed.find((d) => d.rule === "code/format")).toEqual({
      severity: "error",
      rule: "code/format",
      reason: 'activity code "A1.1.1" has 3 parts; an activity code has 4, like A1.1.1.1 or C1.1.7b.1',
      place: { file, code: "A1.1.1" },
    });
  });

  it("gives help in Italian, commander's own words included, and in English", async () => {
    const it = await annex(["--help"], { env: { LANG: "it_IT.UTF-8" } });
    expect(it.stdout).toMatch(/^Uso: annex \[opzioni\] \[comando\]/);
    expect(it.stdout).toMatch(/\nOpzioni:\n/);
    expect(it.stdout).toMatch(/\nComandi:\n/);
    expect(it.stdout).toMatch(/stampa questa guida/);
    expect(it.stdout).not.toMatch(/Usage:|Options:|Commands:|display help/);
    const validate = await annex(["validate", "--help", "--lang", "it"]);
    expect(validate.stdout).toMatch(/estrae, ripara e controlla/);
    expect(validate.stdout).toMatch(/\(predefinito: "text"\)/);
    const english = await annex(["--help"]);
    expect(english.stdout).toMatch(/^Usage: annex \[options\] \[command\]/);
    expect(english.stdout).toMatch(/compare two editions of the annex/);
  });

  it("says a usage error on one line in Italian, naming the help to read", async () => {
    const run = await annex(["validate", "x.pdf", "--bogus"], { env: { LANG: "it_IT.UTF-8" } });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("annex: opzione sconosciuta '--bogus' (si veda annex validate --help)\n");
    const missing = await annex(["init", "2021-2023"], { env: { LANG: "it_IT.UTF-8" } });
    expect(missing.stderr).toBe("annex: manca l'opzione obbligatoria '--from <input>' (si veda annex init --help)\n");
    const choice = await annex(["diff", "a", "b", "--format", "pdf", "--lang", "it"]);
    expect(choice.stderr).toBe("annex: il valore 'pdf' dell'opzione '--format <format>' non è valido. Valori ammessi: text, json, html. (si veda annex diff --help)\n");
    const english = await annex(["validate", "x.pdf", "--bogus"]);
    expect(english.stderr).toBe("annex: unknown option '--bogus' (see annex validate --help)\n");
  });

  it("is the run's own: a process that ran `annex` in Italian goes on formatting in the language it had", async () => {
    expect(currentLang()).toBe("en");
    const run = await annex(["validate", "x.pdf", "--bogus"], { env: { LANG: "it_IT.UTF-8" } });
    expect(run.stderr).toMatch(/opzione sconosciuta/);
    expect(currentLang()).toBe("en");
    expect(formatDiagnostic(diag("office/damaged", "no-part", { part: "xl/workbook.xml" }, { file: "a.xlsx" }))).toMatch(/^a\.xlsx: error: /);
  });

  it("refuses a language it does not have", async () => {
    const run = await annex(["--lang", "fr", "validate", "x"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--lang <lang>' argument 'fr' is invalid\. Allowed choices are it, en\./);
  });
});

describe("the terminal diff", () => {
  const edition = (planYears: string, activities: Activity[]): Annex => ({ planYears, title: null, footnote: null, activities });
  const a = edition("2020-2022", [activity("C1.1.1.1", "Iscrizione d'ufficio"), activity("C1.1.1.2", "Cancellazione"), activity("C1.1.1.3", "Deposito bilanci")]);
  const b = edition("2021-2023", [
    activity("C1.1.1.1", "Iscrizione d'ufficio", { active: false }),
    activity("C1.1.1.2", "Cancellazione", { riskAreas: ["C", "E"] }),
    activity("C1.1.1.4", "Deposito atti"),
  ]);
  const result = diffAnnexes(a, b);

  it("reads in Italian: headings, counts, activation and risk areas in the office's words", () => {
    const text = formatText(result, { lang: "it" });
    expect(text.startsWith("Allegato 1 — modifiche dall'edizione 2020-2022 all'edizione 2021-2023\n3 attività → 3 attività\n")).toBe(true);
    expect(text).toContain("\n4 modifiche: 1 attività aggiunta, 1 rimossa, 0 spostate, 2 campi modificati\n");
    expect(text).toContain(
      ["  codice  aggiunte  rimosse  spostate  modificate  titolo", "  C1             1        1         0           2  TENUTA REGISTRO IMPRESE"].join("\n"),
    );
    expect(text).toContain("\n  C1.1.1.1  attivazione: attiva → non attiva (disattivata)\n");
    expect(text).toContain("\n  C1.1.1.2  aree di rischio: C → C/E (+E)\n");
    expect(text).toContain('\n  C1.1.1.4  aggiunta: "Deposito atti"\n');
    expect(text).toContain('\n  C1.1.1.3  rimossa: "Deposito bilanci"\n');
    expect(text).not.toMatch(/active|added|removed|riskAreas/);
  });

  it("reads in English as before", () => {
    const text = formatText(result, { lang: "en" });
    expect(text).toContain("\n4 changes: 1 added, 1 removed, 0 moved, 2 fields changed\n");
    expect(text).toContain(["  code  added  removed  moved  changed  title", "  C1        1        1      0        2  TENUTA REGISTRO IMPRESE"].join("\n"));
    expect(text).toContain("\n  C1.1.1.1  active: active → not active (deactivated)\n");
    expect(text).toContain('\n  C1.1.1.3  removed: "Deposito bilanci"\n');
  });
});

describe("the plan settings init writes", () => {
  const previous = ["body: Camera di Commercio di Pistoia", "act: Deliberazione n. 12", "adopted: 2021-03-30", "version: \"1\"", "riskAreas:", "  A: Acquisizione e progressione del personale", ""].join("\n");

  it("say in Italian, where the act, its date and the version were, what to write when the plan is adopted", () => {
    const next = planForNextEdition(previous, "plan.yaml", "2020-2022", false, "it");
    expect(next.dropped).toEqual(["act", "adopted", "version"]);
    expect(next.text).not.toMatch(/^(act|adopted|version):/m);
    expect(next.text).toContain("# Dati dell'edizione, da scrivere quando il piano è adottato (quelli del 2020-2022 non sono stati copiati):\n# act: ");
    expect(next.text).toContain("# l'atto che ha adottato il piano\n");
    expect(next.text).toContain("# adopted: AAAA-MM-GG");
  });

  it("say it in English for any other locale", () => {
    const next = planForNextEdition(previous, "plan.yaml", "2020-2022", false, "en");
    expect(next.text).toContain("# The new edition's identity, to write when the plan is adopted (those of 2020-2022 were left out):\n# act: ");
  });
});
