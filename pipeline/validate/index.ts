// The validate stage: the zod schema first (the single source of the data types), then the
// semantic rules on the parsed annex. A pure function: annex data in, the typed annex (or null
// when the schema fails) and diagnostics out, in document order like a compiler's.
import type { Diagnostic, Place } from "../diagnostics/diagnostic.ts";
import { diag, rulesOf, type RuleId } from "../diagnostics/rules.ts";
import type { Activity, Annex } from "../model/annex.ts";
import type { PlanConfig } from "../model/plan.ts";
import { checkCodes } from "./codes.ts";
import { placeOf, type Finding, type RuleContext } from "./context.ts";
import { checkEdition } from "./edition.ts";
import { checkNearDuplicates } from "./near-duplicates.ts";
import { checkRisk } from "./risk.ts";
import { checkSchema } from "./schema.ts";
import { checkStructures } from "./structures.ts";
import { checkPlanTexts, checkTexts } from "./texts.ts";
import { checkTitles } from "./titles.ts";

export interface ValidateOptions {
  /** the plan year's settings; null: risk letters and structures are not checked against a plan */
  plan: PlanConfig | null;
  /** the plan settings' file, where a finding about them points */
  planFile?: string;
  /** the input's file name, for places the provenance does not cover */
  file?: string;
  /** where each code was found in the source (page/row or line), keyed by code */
  provenance?: Map<string, Place>;
  /** the annex is a sheet the office keeps (the working copy) */
  kept?: boolean;
}

export interface ValidateResult {
  annex: Annex | null;
  diagnostics: Diagnostic[];
}

/** The rules of this stage, in the order a reader meets them within one activity: shape first, then meaning. */
export const VALIDATE_RULES: readonly RuleId[] = rulesOf("validate");

export function validateAnnex(input: unknown, opts: ValidateOptions): ValidateResult {
  const ctx: RuleContext = {};
  if (opts.file !== undefined) ctx.file = opts.file;
  if (opts.provenance !== undefined) ctx.provenance = opts.provenance;
  if (opts.kept === true) ctx.kept = true;

  const schema = checkSchema(input, ctx);
  if (!schema.ok) return { annex: null, diagnostics: ordered(schema.findings) };

  const { activities } = schema.annex;
  const findings = [
    ...checkEdition(opts.plan, opts.planFile),
    ...checkNotEmpty(activities, ctx),
    ...checkCodes(activities, ctx),
    ...checkTitles(activities, ctx),
    ...checkRisk(activities, opts.plan, ctx),
    ...checkStructures(activities, opts.plan, ctx),
    ...checkNearDuplicates(activities, ctx),
    ...checkTexts(schema.annex, ctx),
    ...checkPlanTexts(opts.plan, opts.planFile),
  ];
  return { annex: schema.annex, diagnostics: ordered(findings) };
}

/**
 * An annex without activities is never a real edition: it is what a damaged source, a text layer
 * cut after its header or an emptied list gives, and publishing it would replace a good edition
 * with an empty one.
 */
function checkNotEmpty(activities: readonly Activity[], ctx: RuleContext): Finding[] {
  if (activities.length > 0) return [];
  return [{ at: -1, diagnostic: diag("annex/no-activities", "none", {}, placeOf(ctx, null)) }];
}

/** Document order of the activity, then rule; the same diagnostic twice is kept once. */
function ordered(findings: readonly Finding[]): Diagnostic[] {
  const rank = (rule: RuleId): number => {
    const i = VALIDATE_RULES.indexOf(rule);
    return i === -1 ? VALIDATE_RULES.length : i;
  };
  const sorted = findings
    .map((f, i) => ({ ...f, i }))
    .sort((a, b) => a.at - b.at || rank(a.diagnostic.rule) - rank(b.diagnostic.rule) || a.i - b.i);
  const seen = new Set<string>();
  const result: Diagnostic[] = [];
  for (const { diagnostic } of sorted) {
    const { severity, rule, reason, place } = diagnostic;
    const key = JSON.stringify([severity, rule, reason, Object.entries(place).sort(([a], [b]) => a.localeCompare(b))]);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(diagnostic);
  }
  return result;
}
