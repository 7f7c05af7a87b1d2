// Rules on risk areas: `risk/unknown` (a letter the plan's risk-area legend does not define: the
// published table would point to nothing), `risk/duplicate` (the same letter twice in one cell),
// `risk/unchecked` (no plan settings to check against: said once, so nobody takes silence for a pass).
import { diag } from "../diagnostics/rules.ts";
import type { Activity } from "../model/annex.ts";
import type { PlanConfig } from "../model/plan.ts";
import { fieldPlaceOf, placeOf, type Finding, type RuleContext } from "./context.ts";
import { ph } from "../messages/catalogue.ts";

export function checkRisk(activities: readonly Activity[], plan: PlanConfig | null, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const legend = plan ? new Set(Object.keys(plan.riskAreas)) : null;
  const known = legend ? [...legend].sort().join(", ") : "";
  if (legend === null) {
    findings.push({
      at: -1,
      diagnostic: diag(
        "risk/unchecked",
        "unchecked",
        {},
        placeOf(ctx, null),
      ),
    });
  }
  activities.forEach((activity, at) => {
    const seen = new Set<string>();
    for (const letter of activity.riskAreas) {
      if (seen.has(letter)) {
        findings.push({
          at,
          diagnostic: diag("risk/duplicate", "twice", { code: activity.code, letter }, fieldPlaceOf(ctx, activity.code, "riskAreas")),
        });
        continue;
      }
      seen.add(letter);
      if (legend !== null && !legend.has(letter)) {
        findings.push({
          at,
          diagnostic: diag(
            "risk/unknown",
            "unknown",
            { code: activity.code, letter, known: known || ph("plan-years.none") },
            fieldPlaceOf(ctx, activity.code, "riskAreas"),
          ),
        });
      }
    }
  });
  return findings;
}
