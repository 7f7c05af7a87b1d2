// Comparing two editions of the annex, keyed by activity code (DESIGN.md, "diff").
//
// Order of the changes (the JSON contract asks for a stable one):
//   1. b in document order. For each activity of b:
//      a. the title changes of its macro-process, process and sub-process (in that order), each
//         listed once, before the first activity of b that carries that code;
//      b. `added`, or `moved` (from its code in a), if it is either;
//      c. its `changed` fields, in the order title, riskAreas, areaDirigenziale, servizio, uo,
//         note, active.
//   2. then `removed`, in document order of a.
// The same two annexes therefore always give the same list, whatever order things are found in.
import { at } from "../lib/at.ts";
import type { Activity, Annex } from "../model/annex.ts";
import { compareActivity, levelKey, levelTitles } from "./compare.ts";
import { DEFAULT_MOVE_THRESHOLD, matchMoves } from "./match.ts";
import { DEFAULT_RENAME_GROUP_MIN, summarize } from "./summary.ts";
import { LEVEL_KEYS } from "../model/levels.ts";
import type { Change, ChangeContext, DiffJson, DiffOptions, DiffResult, JsonChange } from "./types.ts";

export type { Change, ChangeField, ChangeKind, DiffJson, DiffOptions, DiffResult, DiffSummary, JsonChange } from "./types.ts";

/** Pure: the changes from edition a to edition b. */
export function diffAnnexes(a: Annex, b: Annex, opts: DiffOptions = {}): DiffResult {
  const threshold = opts.moveThreshold ?? DEFAULT_MOVE_THRESHOLD;
  const keysA = keyActivities(a.activities);
  const keysB = keyActivities(b.activities);
  const activityA = (i: number) => at(a.activities, i, "activity of a");
  const activityB = (j: number) => at(b.activities, j, "activity of b");
  const inA = new Map(keysA.map((key, i) => [key, activityA(i)]));
  const inB = new Set(keysB);

  const removedIdx: number[] = [];
  keysA.forEach((key, i) => {
    if (!inB.has(key)) removedIdx.push(i);
  });
  const addedIdx: number[] = [];
  keysB.forEach((key, j) => {
    if (!inA.has(key)) addedIdx.push(j);
  });
  const removed = removedIdx.map(activityA);
  const added = addedIdx.map(activityB);

  // moved: b index → the activity of a it came from
  const movedFrom = new Map<number, { from: Activity; similarity: number }>();
  const movedAway = new Set<number>();
  for (const pair of matchMoves(removed, added, threshold)) {
    movedFrom.set(at(addedIdx, pair.added, "added activity"), { from: at(removed, pair.removed, "removed activity"), similarity: pair.similarity });
    movedAway.add(at(removedIdx, pair.removed, "removed activity"));
  }

  const titlesA = levelTitles(a);
  const titlesB = levelTitles(b);
  const levelSeen = new Set<string>();
  const changes: Change[] = [];

  b.activities.forEach((activity, j) => {
    for (const level of LEVEL_KEYS) {
      const code = activity[level].code;
      if (code === null) continue;
      const id = levelKey(level, code);
      if (levelSeen.has(id)) continue;
      levelSeen.add(id);
      const before = titlesA.get(id);
      const after = titlesB.get(id);
      if (!before || !after || before.title === after.title) continue;
      changes.push({
        kind: "changed",
        code,
        field: "title",
        before: before.title,
        after: after.title,
        context: { level, title: after.title, macro: macroOf(activity) },
      });
    }

    const key = at(keysB, j, "key of an activity of b");
    const context: ChangeContext = { level: "activity", title: activity.title, macro: macroOf(activity) };
    let previous = inA.get(key);
    if (!previous) {
      const move = movedFrom.get(j);
      if (move) {
        changes.push({ kind: "moved", code: activity.code, from: move.from.code, context: { ...context, similarity: move.similarity } });
        previous = move.from;
      } else {
        changes.push({ kind: "added", code: activity.code, context });
      }
    }
    if (previous) {
      for (const { field, before, after } of compareActivity(previous, activity)) {
        changes.push({ kind: "changed", code: activity.code, field, before, after, context });
      }
    }
  });

  for (const i of removedIdx) {
    if (movedAway.has(i)) continue;
    const activity = activityA(i);
    changes.push({ kind: "removed", code: activity.code, context: { level: "activity", title: activity.title, macro: macroOf(activity) } });
  }

  return {
    from: a.planYears,
    to: b.planYears,
    changes,
    summary: summarize(changes, a, b, opts.renameGroupMin ?? DEFAULT_RENAME_GROUP_MIN),
  };
}

/**
 * One key per activity: its code. A validated annex has unique codes; should a code appear
 * twice anyway (data with errors), its second occurrence is keyed apart, so that it is compared
 * with the second occurrence on the other side instead of being silently dropped.
 */
function keyActivities(activities: readonly Activity[]): string[] {
  const seen = new Map<string, number>();
  return activities.map((activity) => {
    const n = (seen.get(activity.code) ?? 0) + 1;
    seen.set(activity.code, n);
    return n === 1 ? activity.code : `${activity.code}\u0000${n}`;
  });
}

function macroOf(activity: Activity): ChangeContext["macro"] {
  return { code: activity.macro.code, title: activity.macro.title };
}

/** The JSON of DESIGN.md: {from, to, changes:[{kind, code, from?, field?, before?, after?}]}. */
export function diffToJson(result: DiffResult): DiffJson {
  return {
    from: result.from,
    to: result.to,
    changes: result.changes.map((change): JsonChange => {
      switch (change.kind) {
        case "added":
        case "removed":
          return { kind: change.kind, code: change.code };
        case "moved":
          return { kind: change.kind, code: change.code, from: change.from };
        case "changed":
          return { kind: change.kind, code: change.code, field: change.field, before: change.before, after: change.after };
      }
    }),
  };
}
