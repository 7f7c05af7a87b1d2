// Shared by the diff, init and working-copy tests: the 2020-2022 annex as checked by hand (the
// fixture that does not depend on extraction), a sources/ folder holding it, and a set of known
// edits of every kind the diff reports.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { annexDataHeader, annexToYaml } from "../../pipeline/formats/annex-data/write.ts";
import { Annex, type Activity } from "../../pipeline/model/annex.ts";
import { similarity, DEFAULT_MOVE_THRESHOLD } from "../../pipeline/diff/match.ts";
import type { JsonChange } from "../../pipeline/diff/types.ts";

export function expectedAnnex2020(): Annex {
  const url = new URL("../fixtures/expected-2020-2022.json", import.meta.url);
  return Annex.parse(JSON.parse(readFileSync(url, "utf8")));
}

/** A sources/ folder with the 2020-2022 edition as annex data, as a person would keep it, and its plan. */
export function sourcesWith2020(): string {
  const dir = mkdtempSync(join(tmpdir(), "annex-sources-"));
  mkdirSync(join(dir, "sources", "2020-2022"), { recursive: true });
  writeFileSync(join(dir, "sources", "2020-2022", "allegato-1.yaml"), annexToYaml(expectedAnnex2020(), annexDataHeader("2020-2022", "2019-2021")));
  copyFileSync(new URL("../../sources/2020-2022/plan.yaml", import.meta.url), join(dir, "sources", "2020-2022", "plan.yaml"));
  return dir;
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}


/** Deterministic order for comparing lists of changes as sets. */
export function sortChanges(changes: readonly JsonChange[]): JsonChange[] {
  return [...changes].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
}

/**
 * Applies one edit of every kind the diff reports to a copy of `base`, choosing activities that
 * no other edit touches, and returns the two editions with the changes the diff must report.
 * `a` may differ from `base` (an activity switched off so that b can switch it on).
 */
export function applyKnownEdits(base: Annex): { a: Annex; b: Annex; expected: JsonChange[] } {
  const a = clone(base);
  a.planYears = "2020-2022";
  const b = clone(a);
  b.planYears = "2021-2023";
  const expected: JsonChange[] = [];
  const acts = b.activities;
  const used = new Set<Activity>();

  // an office renamed in every row that names it: the most frequent U.O. with at least 3 rows
  const uoCounts = new Map<string, number>();
  for (const x of acts) if (x.uo) uoCounts.set(x.uo, (uoCounts.get(x.uo) ?? 0) + 1);
  const [renamed] = [...uoCounts.entries()].filter(([, n]) => n >= 3).sort((p, q) => q[1] - p[1] || p[0].localeCompare(q[0]))[0] ?? [];
  if (!renamed) throw new Error("base annex has no U.O. in 3 rows");
  for (const x of acts) {
    if (x.uo !== renamed) continue;
    x.uo = `${renamed} e servizi digitali`;
    used.add(x);
    expected.push({ kind: "changed", code: x.code, field: "uo", before: renamed, after: x.uo });
  }

  // titles far from every other title, so that no edit below can pass for a move by accident
  const titles = acts.map((x) => x.title ?? "");
  const distinct = (x: Activity) =>
    x.title !== null && x.title.length >= 30 && titles.every((t) => t === x.title || similarity(t, x.title as string) < DEFAULT_MOVE_THRESHOLD - 0.2);
  const pick = (filter: (x: Activity) => boolean = () => true): Activity => {
    const found = acts.find((x) => !used.has(x) && x.macro.code !== null && x.code.split(".").length === 4 && distinct(x) && filter(x));
    if (!found) throw new Error("no activity left to edit");
    used.add(found);
    return found;
  };
  const freeCode = (x: Activity): string => {
    const prefix = x.subprocess.code as string;
    let n = 90;
    while (acts.some((y) => y.code === `${prefix}.${n}`)) n++;
    return `${prefix}.${n}`;
  };

  // title: one word changed
  const retitled = pick();
  const oldTitle = retitled.title as string;
  retitled.title = `${oldTitle} (aggiornamento annuale)`;
  expected.push({ kind: "changed", code: retitled.code, field: "title", before: oldTitle, after: retitled.title });

  // risk areas: one added, one removed
  const moreRisk = pick((x) => !x.riskAreas.includes("F"));
  const riskBefore = [...moreRisk.riskAreas];
  moreRisk.riskAreas = [...moreRisk.riskAreas, "F"];
  expected.push({ kind: "changed", code: moreRisk.code, field: "riskAreas", before: riskBefore, after: moreRisk.riskAreas });
  const lessRisk = pick((x) => x.riskAreas.length > 0);
  const lessBefore = [...lessRisk.riskAreas];
  lessRisk.riskAreas = lessRisk.riskAreas.slice(1);
  expected.push({ kind: "changed", code: lessRisk.code, field: "riskAreas", before: lessBefore, after: lessRisk.riskAreas });

  // each responsible structure
  const dir = pick((x) => x.areaDirigenziale !== null);
  expected.push({ kind: "changed", code: dir.code, field: "areaDirigenziale", before: dir.areaDirigenziale, after: "Area servizi alle imprese" });
  dir.areaDirigenziale = "Area servizi alle imprese";
  const serv = pick((x) => x.servizio === null);
  expected.push({ kind: "changed", code: serv.code, field: "servizio", before: null, after: "Staff comunicazione" });
  serv.servizio = "Staff comunicazione";
  const uo = pick((x) => x.uo !== null);
  expected.push({ kind: "changed", code: uo.code, field: "uo", before: uo.uo, after: null });
  uo.uo = null;

  // note
  const noted = pick((x) => x.note === null);
  noted.note = "In corso di attivazione";
  expected.push({ kind: "changed", code: noted.code, field: "note", before: null, after: "In corso di attivazione" });

  // deactivated, and activated (switched off in a first if the base has it on)
  const off = pick((x) => x.active === true);
  off.active = false;
  expected.push({ kind: "changed", code: off.code, field: "active", before: true, after: false });
  const on = pick((x) => x.active === true);
  const onInA = a.activities.find((x) => x.code === on.code) as Activity;
  onInA.active = false;
  on.active = true;
  expected.push({ kind: "changed", code: on.code, field: "active", before: false, after: true });
  // unknown on one side (a text layer): not a change
  pick((x) => x.active === true).active = null;

  // moved: same title under a new code; and moved with its title and Servizio changed too
  const moved = pick();
  const movedFrom = moved.code;
  moved.code = freeCode(moved);
  expected.push({ kind: "moved", code: moved.code, from: movedFrom });
  const movedEdited = pick((x) => (x.title as string).length >= 50);
  const movedEditedFrom = movedEdited.code;
  const movedEditedTitle = movedEdited.title as string;
  movedEdited.code = freeCode(movedEdited);
  movedEdited.title = `${movedEditedTitle}.`.replace(/^(\S+)/, "$1 e");
  expected.push({ kind: "moved", code: movedEdited.code, from: movedEditedFrom });
  expected.push({ kind: "changed", code: movedEdited.code, field: "title", before: movedEditedTitle, after: movedEdited.title });
  expected.push({ kind: "changed", code: movedEdited.code, field: "servizio", before: movedEdited.servizio, after: "Servizio nuovo" });
  movedEdited.servizio = "Servizio nuovo";

  // removed
  const gone = pick();
  b.activities = b.activities.filter((x) => x !== gone);
  expected.push({ kind: "removed", code: gone.code });

  // added, after an activity of another sub-process
  const neighbour = pick();
  const added: Activity = { ...clone(neighbour), code: freeCode(neighbour), title: "Gestione dello sportello telematico per la transizione ecologica delle imprese" };
  b.activities.splice(b.activities.indexOf(neighbour) + 1, 0, added);
  expected.push({ kind: "added", code: added.code });

  // hierarchy titles: one macro-process, one process, one sub-process, each in all its rows
  const levelEdit = (level: "macro" | "process" | "subprocess", code: string, suffix: string) => {
    const before = b.activities.find((x) => x[level].code === code)?.[level].title ?? null;
    const after = `${before ?? ""}${suffix}`;
    for (const x of b.activities) if (x[level].code === code) x[level].title = after;
    expected.push({ kind: "changed", code, field: "title", before, after });
  };
  // levels that carry a title (a title the source does not print stays missing)
  const codes = (level: "macro" | "process" | "subprocess") => [
    ...new Set(b.activities.filter((x) => x[level].title !== null).map((x) => x[level].code).filter((c): c is string => c !== null)),
  ];
  levelEdit("macro", codes("macro")[1] as string, " E DIGITALIZZAZIONE");
  levelEdit("process", codes("process")[3] as string, " E TRASPARENZA");
  levelEdit("subprocess", codes("subprocess")[5] as string, " e rendicontazione");

  return { a, b, expected };
}
