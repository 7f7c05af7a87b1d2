// Rules on codes: `code/format` (the right shape for the level), `code/unique` (one activity per
// code: the diff and the corrections file key activities by it), `code/parent` (each code sits
// under its parent: A1.1.1.2 under A1.1.1 under A1.1 under A1), `code/missing` (a level printed
// without its code) and `hierarchy/split` (one code's activities printed in two separate places).
import { diag } from "../diagnostics/rules.ts";
import type { Activity } from "../model/annex.ts";
import { ACTIVITY_DEPTH, SPECIAL_CODE, ancestorAt, codeDepth, isBareLetter, isNumberedCode, isWellFormedAt } from "../model/codes.ts";
import { LEVELS, type LevelInfo } from "../model/levels.ts";
import { at } from "../lib/at.ts";
import { placeOf, usePlaceOf, type Finding, type RuleContext } from "./context.ts";
import { type Phrase, ph } from "../messages/catalogue.ts";

export function checkCodes(activities: readonly Activity[], ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  // a level's code repeats on every activity under it: judge each (level, code) once
  const problems = new Map<string, Phrase | null>();
  const problemOf = (code: string, level: LevelInfo): Phrase | null => {
    const key = `${level.key}|${code}`;
    let problem = problems.get(key);
    if (problem === undefined) {
      problem = formatProblem(code, level);
      problems.set(key, problem);
    }
    return problem;
  };
  // several activities repeat a level's code: a wrong level code is reported once, at its first activity
  const reported = new Set<string>();
  const once = (key: string, finding: () => Finding): void => {
    if (reported.has(key)) return;
    reported.add(key);
    findings.push(finding());
  };

  activities.forEach((activity, at) => {
    const code = activity.code;
    const special = code === SPECIAL_CODE;

    if (!isWellFormedAt(code, ACTIVITY_DEPTH)) {
      const place = placeOf(ctx, code);
      const diagnostic = isBareLetter(code)
        ? diag("code/format", "bare-letter", { code, special: SPECIAL_CODE }, place)
        : diag("code/format", "parts", { code, parts: codeDepth(code), depth: ACTIVITY_DEPTH }, place);
      findings.push({ at, diagnostic });
    }

    for (const level of LEVELS) {
      const { code: levelCode, title } = activity[level.key];
      if (levelCode === null) {
        // the special row leaves some levels uncoded (its process is a title only)
        if (special) continue;
        const implied = isWellFormedAt(code, ACTIVITY_DEPTH) ? ancestorAt(code, level.depth) : null;
        const name = ph(`level.${level.key}`);
        if (title !== null) {
          once(`missing|${level.key}|${title}|${implied}`, () => ({
            at,
            diagnostic: implied
              ? diag("code/missing", "no-code-implied", { level: name, title, code, implied }, placeOf(ctx, code))
              : diag("code/missing", "no-code", { level: name, title, code }, placeOf(ctx, code)),
          }));
        } else {
          once(`missing|${level.key}|${implied ?? code}`, () => ({
            at,
            diagnostic: implied
              ? diag("code/missing", "no-level-implied", { level: name, code, implied }, placeOf(ctx, code))
              : diag("code/missing", "no-level", { level: name, code }, placeOf(ctx, code)),
          }));
        }
        continue;
      }
      const problem = problemOf(levelCode, level);
      if (problem) {
        once(`format|${level.key}|${levelCode}`, () => ({
          at,
          diagnostic: diag("code/format", "level", { problem, code }, placeOf(ctx, levelCode || null, code)),
        }));
      }
    }

    if (special) checkSpecialRow(activity, at, ctx, findings);
    else checkParents(activity, at, ctx, once, problemOf);
  });

  findings.push(...checkUnique(activities, ctx));
  findings.push(...checkSplit(activities, ctx));
  return findings;
}

const LEVELS_BOTTOM_UP = [...LEVELS].reverse();

function formatProblem(code: string, level: LevelInfo): Phrase | null {
  const name = ph(`level.${level.key}`);
  if (code.trim() === "") return ph("codes.empty", { level: name });
  if (code === SPECIAL_CODE) return null;
  if (isBareLetter(code)) return ph("codes.bare-letter", { level: name, code, special: SPECIAL_CODE });
  if (!isNumberedCode(code)) return ph("codes.not-a-code", { level: name, code, example: level.example });
  const depth = codeDepth(code);
  if (depth !== level.depth) return ph("codes.parts", { level: name, code, parts: depth, depth: level.depth, example: level.example });
  return null;
}

/** The G row prints G (or nothing) at every level; any other code there means rows got mixed up. */
function checkSpecialRow(activity: Activity, at: number, ctx: RuleContext, findings: Finding[]): void {
  for (const level of LEVELS) {
    const levelCode = activity[level.key].code;
    if (levelCode !== null && levelCode !== SPECIAL_CODE) {
      findings.push({
        at,
        diagnostic: diag(
          "code/parent",
          "special",
          { special: SPECIAL_CODE, level: ph(`level.${level.key}`), code: levelCode },
          placeOf(ctx, activity.code),
        ),
      });
    }
  }
}

/**
 * Compares each coded level with the nearest coded level below it (the activity itself at the
 * bottom): A1.3.1.2 must sit under A1.3.1, A1.3.1 under A1.3, A1.3 under A1. Levels whose code
 * is missing or malformed are skipped (already reported) and the check reaches past them.
 */
function checkParents(
  activity: Activity,
  at: number,
  ctx: RuleContext,
  once: (key: string, f: () => Finding) => void,
  problemOf: (code: string, level: LevelInfo) => Phrase | null,
): void {
  let below: { code: string; level: LevelInfo | null } = { code: activity.code, level: null };
  if (!isWellFormedAt(activity.code, ACTIVITY_DEPTH)) return;
  for (const level of LEVELS_BOTTOM_UP) {
    const levelCode = activity[level.key].code;
    if (levelCode === null || problemOf(levelCode, level) !== null) continue;
    if (levelCode === SPECIAL_CODE) {
      once(`special|${activity.code}|${level.key}`, () => ({
        at,
        diagnostic: diag(
          "code/parent",
          "under-special",
          { code: activity.code, level: ph(`level.${level.key}`), special: SPECIAL_CODE },
          placeOf(ctx, activity.code),
        ),
      }));
      continue;
    }
    const expected = ancestorAt(below.code, level.depth);
    if (levelCode !== expected) {
      const under = below;
      const key = under.level === null ? `parent|${activity.code}|${level.key}` : `parent|${under.code}|${levelCode}`;
      const name = ph(`level.${level.key}`);
      once(key, () => ({
        at,
        diagnostic:
          under.level === null
            ? diag("code/parent", "under-activity", { code: activity.code, level: name, levelCode, expected }, placeOf(ctx, activity.code))
            : diag(
                "code/parent",
                "under-level",
                { below: ph(`level.${under.level.key}`), belowCode: under.code, code: activity.code, level: name, levelCode, expected },
                placeOf(ctx, activity.code),
              ),
      }));
    }
    below = { code: levelCode, level };
  }
}

function checkUnique(activities: readonly Activity[], ctx: RuleContext): Finding[] {
  const byCode = new Map<string, number[]>();
  activities.forEach((a, i) => {
    const list = byCode.get(a.code);
    if (list) list.push(i);
    else byCode.set(a.code, [i]);
  });
  const findings: Finding[] = [];
  for (const [code, indexes] of byCode) {
    if (indexes.length < 2) continue;
    // each use by its cell where the source records it, else by its position in the annex (never an internal path)
    const uses = indexes.map((i, k) => {
      const cell = usePlaceOf(ctx, code, k)?.cell;
      const title = activities[i]?.title ?? "";
      return cell !== undefined ? ph("codes.use-cell", { cell, title }) : ph("codes.use", { n: i + 1, title });
    });
    // anchored at the second use: the first is the one a reader takes as the real one
    const second = usePlaceOf(ctx, code, 1);
    findings.push({
      at: at(indexes, 1, "second use of a code"),
      diagnostic: diag("code/unique", "twice-fix", { code, count: indexes.length, uses }, second ? { ...second, code } : placeOf(ctx, code)),
    });
  }
  return findings;
}

/**
 * A merged cell covers contiguous rows, so one code's activities come one after another. When a
 * macro process, process or sub-process code reappears after a different one, a row has moved
 * (or an edited annex put an activity at the wrong place) and the rendered table would show the
 * same label twice.
 */
function checkSplit(activities: readonly Activity[], ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const level of LEVELS) {
    const seen = new Set<string>();
    const reported = new Set<string>();
    let previous: { code: string; activity: string } | null = null;
    activities.forEach((activity, at) => {
      const code = activity[level.key].code;
      if (code === null) return;
      if (previous !== null && previous.code !== code && seen.has(code) && !reported.has(code)) {
        reported.add(code);
        findings.push({
          at,
          diagnostic: diag(
            "hierarchy/split",
            "split",
            { level: ph(`level.${level.key}`), code, activity: activity.code, previous: previous.activity, previousCode: previous.code },
            placeOf(ctx, activity.code),
          ),
        });
      }
      seen.add(code);
      previous = { code, activity: activity.code };
    });
  }
  return findings;
}
