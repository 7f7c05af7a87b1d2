// Rule `plan/identity`: the plan settings say which edition this is — the act that adopted the
// plan, its date, the edition's version. What they leave out is left out of the documents too
// (never invented), and a person is told, once, what is missing.
import { diag } from "../diagnostics/rules.ts";
import { IDENTITY_FIELDS, type PlanConfig } from "../model/plan.ts";
import type { Finding } from "./context.ts";
import { type Phrase, ph } from "../messages/catalogue.ts";

const WORDS: Record<(typeof IDENTITY_FIELDS)[number], Phrase> = {
  act: ph("identity.act"),
  adopted: ph("identity.adopted"),
  version: ph("identity.version"),
};

export function checkEdition(plan: PlanConfig | null, planFile: string | undefined): Finding[] {
  if (plan === null) return [];
  const missing = IDENTITY_FIELDS.filter((field) => plan[field] === undefined);
  if (missing.length === 0) return [];
  const params = { missing: missing.map((f) => WORDS[f]), count: missing.length };
  return [{ at: -1, diagnostic: diag("plan/identity", "missing", params, planFile !== undefined ? { file: planFile } : {}) }];
}
