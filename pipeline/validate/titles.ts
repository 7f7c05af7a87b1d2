// Rules on titles: `title/consistent` (a macro process, process or sub-process code has one title
// wherever it appears), `hierarchy/consistent` (a macro process belongs to one function) and
// `title/missing` (a title the source does not carry). Texts are compared exactly: the annex keeps
// them as published, so two spellings are two texts and a person decides which one is right.
// A missing title is reported once per code, not once per activity repeating it.
import { diag } from "../diagnostics/rules.ts";
import type { Activity } from "../model/annex.ts";
import { plural } from "../lib/plural.ts";
import { at } from "../lib/at.ts";
import { codeAt, codesOf, placeOf, type Finding, type RuleContext } from "./context.ts";
import { LEVELS } from "../model/levels.ts";

/** Where a missing title is supplied: in corrections.yaml for a print, in the cells of a sheet the office keeps. */
const supplyHint = (ctx: RuleContext) =>
  ctx.kept === true ? "if it is known, write it in the sheet, in every row of the code" : "if it is known, supply it in the plan year's corrections.yaml (or in the source itself, when it is annex data)";

interface Group {
  /** distinct texts in order of first appearance → indexes of the activities giving them */
  texts: Map<string, number[]>;
  /** indexes of the activities without a text */
  missing: number[];
  first: number;
}

function groupBy(activities: readonly Activity[], key: (a: Activity) => string | null, text: (a: Activity) => string | null): Map<string, Group> {
  const groups = new Map<string, Group>();
  activities.forEach((activity, at) => {
    const k = key(activity);
    if (k === null) return;
    let group = groups.get(k);
    if (!group) {
      group = { texts: new Map(), missing: [], first: at };
      groups.set(k, group);
    }
    const t = text(activity);
    if (t === null) group.missing.push(at);
    else {
      const list = group.texts.get(t);
      if (list) list.push(at);
      else group.texts.set(t, [at]);
    }
  });
  return groups;
}

export function checkTitles(activities: readonly Activity[], ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];

  /** `"X" (3 activities) and "Y" (1 activity: A1.3.1.2)`: the codes of all but the most used text */
  const describeTexts = (texts: Map<string, number[]>): string => {
    const entries = [...texts];
    let top = at(entries, 0, "title of a code");
    for (const entry of entries) if (entry[1].length > top[1].length) top = entry;
    return entries
      .map((entry) => {
        const count = plural(entry[1].length, "activity", "activities");
        return entry === top ? `"${entry[0]}" (${count})` : `"${entry[0]}" (${count}: ${codesOf(activities, entry[1])})`;
      })
      .join(" and ");
  };

  const checkGroups = (
    groups: Map<string, Group>,
    subject: (k: string) => string,
    what: { one: string; many: string },
    rule: "title/consistent" | "hierarchy/consistent",
  ) => {
    // k: the code (of the level, or of the macro process for functions)
    for (const [k, group] of groups) {
      const anchor = codeAt(activities, group.first);
      if (group.texts.size > 1) {
        // anchored where the second text first appears: that is where a reader sees the disagreement
        const second = at(at([...group.texts.values()], 1, "second title"), 0, "activity giving it");
        findings.push({
          at: second,
          diagnostic: diag(
            rule,
            `${subject(k)} has ${group.texts.size} different ${what.many}: ${describeTexts(group.texts)}`,
            placeOf(ctx, k, codeAt(activities, second)),
          ),
        });
      }
      if (group.texts.size === 0) {
        findings.push({
          at: group.first,
          diagnostic: diag("title/missing", `${subject(k)} has no ${what.one} in the source; ${supplyHint(ctx)}`, placeOf(ctx, k, anchor)),
        });
      } else if (group.missing.length > 0) {
        const first = at(group.missing, 0, "activity without a title");
        const given = [...group.texts.keys()].map((t) => `"${t}"`).join(" or ");
        findings.push({
          at: first,
          diagnostic: diag(
            "title/missing",
            `${subject(k)} has no ${what.one} on ${plural(group.missing.length, "activity", "activities")} (${codesOf(activities, group.missing)}), though its other activities give ${given}`,
            placeOf(ctx, k, codeAt(activities, first)),
          ),
        });
      }
    }
  };

  for (const level of LEVELS) {
    const groups = groupBy(
      activities,
      (a) => a[level.key].code,
      (a) => a[level.key].title,
    );
    checkGroups(groups, (code) => `${level.name} ${code}`, { one: "title", many: "titles" }, "title/consistent");
  }

  const functions = groupBy(
    activities,
    (a) => a.macro.code,
    (a) => a.function,
  );
  checkGroups(
    functions,
    (code) => `macro process ${code}`,
    { one: "function (Funzione)", many: "functions (Funzione)" },
    "hierarchy/consistent",
  );

  activities.forEach((activity, at) => {
    // in a sheet the office keeps, the reader has reported the empty cell as an error
    if (activity.title === null && ctx.kept !== true) {
      findings.push({
        at,
        diagnostic: diag("title/missing", `activity ${activity.code} has no title in the source; ${supplyHint(ctx)}`, placeOf(ctx, activity.code)),
      });
    }
  });
  return findings;
}
