import { describe, expect, it } from "vitest";
import { diffAnnexes, diffToJson } from "../pipeline/diff/index.ts";
import { matchMoves, normalizeTitle, similarity } from "../pipeline/diff/match.ts";
import { useColor } from "../pipeline/cli/commands/editions.ts";
import { formatText } from "../pipeline/diff/format-terminal.ts";
import type { Activity, Annex } from "../pipeline/model/annex.ts";
import { applyKnownEdits, clone, expectedAnnex2020, sortChanges } from "./helpers/diff.ts";

function activity(code: string, title: string, extra: Partial<Activity> = {}): Activity {
  const parts = code.split(".");
  const level = (n: number, title: string) => ({ code: parts.slice(0, n).join("."), title });
  return {
    code,
    title,
    riskAreas: [],
    areaDirigenziale: "Segretario generale",
    servizio: "Controllo di gestione",
    uo: null,
    note: null,
    active: true,
    function: "Governo Camerale",
    macro: level(1, `MACRO ${parts[0]}`),
    process: level(2, `Processo ${parts.slice(0, 2).join(".")}`),
    subprocess: level(3, `Sotto processo ${parts.slice(0, 3).join(".")}`),
    ...extra,
  };
}

function annex(planYears: string, activities: Activity[]): Annex {
  return { planYears, title: `ALLEGATO 1 TRIENNIO ${planYears}`, footnote: null, activities };
}

describe("diff of two editions", () => {
  it("reports exactly the known edits of every kind made to the 2020-2022 annex, no more and no fewer", () => {
    const { a, b, expected } = applyKnownEdits(expectedAnnex2020());
    const result = diffToJson(diffAnnexes(a, b));
    expect(result.from).toBe("2020-2022");
    expect(result.to).toBe("2021-2023");
    expect(sortChanges(result.changes)).toEqual(sortChanges(expected));
    // every kind is exercised
    const kinds = new Set(expected.map((c) => (c.kind === "changed" ? `changed:${c.field}` : c.kind)));
    expect([...kinds].sort()).toEqual(
      ["added", "removed", "moved", "changed:title", "changed:riskAreas", "changed:areaDirigenziale", "changed:servizio", "changed:uo", "changed:note", "changed:active"].sort(),
    );
  });

  it("finds no changes between an edition and itself", () => {
    const a = expectedAnnex2020();
    const result = diffAnnexes(a, clone(a));
    expect(result.changes).toEqual([]);
    expect(result.summary.total).toBe(0);
  });

  it("ignores activation when either side cannot tell (a text layer)", () => {
    const a = annex("2020-2022", [activity("A1.1.1.1", "Relazione", { active: false })]);
    const b = annex("2021-2023", [activity("A1.1.1.1", "Relazione", { active: null })]);
    expect(diffAnnexes(a, b).changes).toEqual([]);
    expect(diffAnnexes(b, a).changes).toEqual([]);
  });

  it("treats risk areas as a set: the same letters in another order are no change", () => {
    const a = annex("2020-2022", [activity("A1.1.1.1", "Relazione", { riskAreas: ["C", "E"] })]);
    const b = annex("2021-2023", [activity("A1.1.1.1", "Relazione", { riskAreas: ["E", "C"] })]);
    expect(diffAnnexes(a, b).changes).toEqual([]);
  });

  it("lists changes in document order of b, hierarchy titles before their first activity, removed last in order of a", () => {
    const a = annex("2020-2022", [
      activity("A1.1.1.1", "Relazione previsionale e programmatica"),
      activity("A1.1.1.2", "Bilancio preventivo"),
      activity("A1.1.1.3", "Piano della performance e obiettivi"),
      activity("B1.1.1.1", "Gestione del protocollo informatico"),
      activity("B1.1.1.2", "Archivio corrente"),
    ]);
    const b = annex("2021-2023", [
      activity("A1.1.1.1", "Relazione previsionale e programmatica", { uo: "Ragioneria" }),
      activity("A1.1.1.4", "Piano della performance e obiettivi"),
      activity("B1.1.1.1", "Gestione del protocollo informatico", {
        macro: { code: "B1", title: "MACRO B1 NUOVO" },
        note: "In corso di attivazione",
        title: "Gestione del protocollo",
      }),
      activity("B1.1.1.3", "Conservazione sostitutiva dei documenti", { macro: { code: "B1", title: "MACRO B1 NUOVO" } }),
    ]);
    expect(diffToJson(diffAnnexes(a, b)).changes).toEqual([
      { kind: "changed", code: "A1.1.1.1", field: "uo", before: null, after: "Ragioneria" },
      { kind: "moved", code: "A1.1.1.4", from: "A1.1.1.3" },
      { kind: "changed", code: "B1", field: "title", before: "MACRO B1", after: "MACRO B1 NUOVO" },
      { kind: "changed", code: "B1.1.1.1", field: "title", before: "Gestione del protocollo informatico", after: "Gestione del protocollo" },
      { kind: "changed", code: "B1.1.1.1", field: "note", before: null, after: "In corso di attivazione" },
      { kind: "added", code: "B1.1.1.3" },
      { kind: "removed", code: "A1.1.1.2" },
      { kind: "removed", code: "B1.1.1.2" },
    ]);
  });

  it("reports a title change of the special row G once for each of its levels", () => {
    const g = (title: string): Activity => ({
      ...activity("G", "Attività di governo complessivo dell'ente"),
      macro: { code: "G", title: "GESTIONE GENERALE" },
      process: { code: "G", title },
      subprocess: { code: "G", title: "Attività di governo" },
    });
    const changes = diffToJson(diffAnnexes(annex("2020-2022", [g("GOVERNO")]), annex("2021-2023", [g("GOVERNO DELL'ENTE")]))).changes;
    expect(changes).toEqual([{ kind: "changed", code: "G", field: "title", before: "GOVERNO", after: "GOVERNO DELL'ENTE" }]);
  });

  it("groups a structure renamed in several activities and counts changes per macro-process", () => {
    const { a, b } = applyKnownEdits(expectedAnnex2020());
    const { summary, changes } = diffAnnexes(a, b);
    const biggest = summary.renames[0];
    expect(biggest?.field).toBe("uo");
    expect(biggest?.after).toBe(`${biggest?.before} e servizi digitali`);
    expect(biggest?.codes.length).toBeGreaterThanOrEqual(3);
    const perMacro = summary.byMacro.reduce((n, m) => n + m.added + m.removed + m.moved + m.changed, 0);
    expect(perMacro).toBe(changes.length);
    expect(summary.byKind.added + summary.byKind.removed + summary.byKind.moved + summary.byKind.changed).toBe(changes.length);
  });
});

describe("size", () => {
  /** Ten copies of the 2020-2022 annex, codes kept unique by suffixing the macro number (A1 → A13). */
  function tenfold(base: Annex): Annex {
    const activities: Activity[] = [];
    for (let k = 0; k < 10; k++) {
      const re = (code: string | null) => (code === null ? null : code.replace(/^([A-Z]\d*)/, `$1${k}`));
      for (const x of base.activities) {
        activities.push({ ...clone(x), code: re(x.code) as string, macro: { ...x.macro, code: re(x.macro.code) }, process: { ...x.process, code: re(x.process.code) }, subprocess: { ...x.subprocess, code: re(x.subprocess.code) } });
      }
    }
    return { ...base, activities };
  }

  it("pairs every renumbered activity of a 2,450-activity annex with its own old code (speed: npm run bench)", () => {
    const a = tenfold(expectedAnnex2020());
    const b = clone(a);
    b.planYears = "2021-2023";
    b.activities.forEach((x, i) => {
      x.code = `${x.code}.1`;
      if (i % 25 === 0) x.uo = "Nuovo ufficio";
    });
    const result = diffAnnexes(a, b);
    expect(new Set(a.activities.map((x) => x.code)).size).toBe(2450);
    expect(result.summary.byKind).toEqual({ added: 0, removed: 0, moved: 2450, changed: 98 });
    // ten copies of each title: the nearest code wins, so each activity pairs with itself
    expect(result.changes.filter((c) => c.kind === "moved").every((c) => c.code === `${c.from}.1`)).toBe(true);
  });
});

describe("moved activities", () => {
  it("pairs each removed activity with at most one added one, the most similar first", () => {
    const removed = [activity("A1.1.1.1", "Gestione del protocollo informatico"), activity("A1.1.1.2", "Gestione del protocollo")];
    const added = [activity("A1.1.1.5", "Gestione del protocollo informatico"), activity("A1.1.1.6", "Gestione del protocollo informatico")];
    const pairs = matchMoves(removed, added);
    expect(pairs).toEqual([{ removed: 0, added: 0, similarity: 1 }]);
  });

  it("breaks ties between equally similar titles by the nearer code, whatever the input order", () => {
    const removed = [activity("A1.1.1.1", "Altro"), activity("B2.1.1.1", "Altro")];
    const added = [activity("A9.1.1.1", "Altro"), activity("B2.1.1.7", "Altro")];
    const pairs = matchMoves(removed, added);
    expect(pairs.map((p) => [removed[p.removed]?.code, added[p.added]?.code])).toEqual([
      ["A1.1.1.1", "A9.1.1.1"],
      ["B2.1.1.1", "B2.1.1.7"],
    ]);
  });

  it("does not take different activities with a few words in common for a move", () => {
    expect(similarity("Gestione del diritto annuale", "Gestione del registro imprese")).toBeLessThan(0.85);
    const pairs = matchMoves([activity("A1.1.1.1", "Gestione del diritto annuale")], [activity("A1.1.1.2", "Gestione del registro imprese")]);
    expect(pairs).toEqual([]);
  });

  it("finds the same pairs as comparing every removed title with every added one", () => {
    // titles from the 2020-2022 annex, edited at random: the trigram filter must lose no pair
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const titles = expectedAnnex2020().activities.map((x) => x.title ?? "").filter(Boolean).slice(0, 120);
    const edit = (t: string) => {
      const chars = Array.from(t);
      const edits = Math.floor(random() * (t.length * 0.25));
      for (let k = 0; k < edits; k++) {
        const at = Math.floor(random() * chars.length);
        const op = random();
        if (op < 0.4) chars.splice(at, 1);
        else if (op < 0.7) chars.splice(at, 0, "xyz e"[Math.floor(random() * 5)] as string);
        else chars[at] = "aeiou"[Math.floor(random() * 5)] as string;
      }
      return chars.join("");
    };
    const removed = titles.map((t, i) => activity(`A1.1.${i}.1`, t));
    const added = titles.map((t, i) => activity(`B1.1.${(i * 7) % titles.length}.1`, edit(t)));
    const oracle: { removed: number; added: number; similarity: number; closeness: number }[] = [];
    removed.forEach((x, i) => { added.forEach((y, j) => {
        const score = similarity(x.title as string, y.title as string);
        const closeness = x.code.split(".").findIndex((part, k) => part !== y.code.split(".")[k]);
        if (score >= 0.85) oracle.push({ removed: i, added: j, similarity: score, closeness });
      }); },
    );
    oracle.sort((p, q) => q.similarity - p.similarity || q.closeness - p.closeness || p.added - q.added || p.removed - q.removed);
    const left = new Set<number>();
    const right = new Set<number>();
    const expected = oracle
      .filter((c) => !left.has(c.removed) && !right.has(c.added) && (left.add(c.removed), right.add(c.added), true))
      .map(({ removed, added, similarity }) => ({ removed, added, similarity }))
      .sort((p, q) => p.added - q.added);
    expect(expected.length).toBeGreaterThan(40);
    expect(matchMoves(removed, added)).toEqual(expected);
  });

  it("ignores case, accents and punctuation when comparing titles", () => {
    expect(normalizeTitle("Attività  di GOVERNO, (sintesi)")).toBe("attivita di governo sintesi");
    expect(similarity("Attività di governo", "ATTIVITA' DI GOVERNO")).toBe(1);
  });
});

describe("terminal report", () => {
  it("marks changed words without colour, so the meaning does not rest on colour", () => {
    const a = annex("2020-2022", [activity("A1.1.1.1", "Predisposizione Bilancio preventivo")]);
    const b = annex("2021-2023", [activity("A1.1.1.1", "Predisposizione del Bilancio preventivo")]);
    const text = formatText(diffAnnexes(a, b), { color: false });
    expect(text).toContain("A1.1.1.1  title: Predisposizione {+del +}Bilancio preventivo");
    expect(text).not.toContain("\u001b[");
  });

  it("keeps the word marks when colour is on", () => {
    const a = annex("2020-2022", [activity("A1.1.1.1", "Predisposizione Bilancio preventivo")]);
    const b = annex("2021-2023", [activity("A1.1.1.1", "Predisposizione del Bilancio preventivo")]);
    expect(formatText(diffAnnexes(a, b), { color: true })).toContain("\u001b[32m{+del +}\u001b[39m");
  });

  it("says so when there are no changes", () => {
    const a = annex("2020-2022", [activity("A1.1.1.1", "Relazione")]);
    expect(formatText(diffAnnexes(a, clone(a)))).toContain("No changes.");
  });

  it("shows a rename across several activities as one line", () => {
    const a = annex("2020-2022", ["1", "2", "3"].map((n) => activity(`A1.1.1.${n}`, `Attività numero ${n}`, { uo: "Ragioneria" })));
    const b = annex("2021-2023", ["1", "2", "3"].map((n) => activity(`A1.1.1.${n}`, `Attività numero ${n}`, { uo: "Contabilità" })));
    expect(formatText(diffAnnexes(a, b))).toContain('U.O. "Ragioneria" → "Contabilità" in 3 activities: A1.1.1.1, A1.1.1.2, A1.1.1.3');
  });

  it("uses colour only on a terminal, and never with NO_COLOR", () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({}, {})).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
  });
});
