// Rules on the characters of every text an activity prints: `text/forbidden-character` (XML
// cannot carry it: the published formats leave it out, so the reader is told), `text/invisible-
// character` (a control or bidi-override character nobody sees, which can change how a text
// reads) and `text/formula` (a text a spreadsheet would run as a formula when it opens the CSV;
// the CSV keeps it exactly, the warning lets a person decide). A hierarchy title repeated on
// every activity under it is reported once, at its first activity.
import { diag, type RuleId } from "../diagnostics/rules.ts";
import { invisibleIn, xmlForbiddenIn } from "../lib/characters.ts";
import type { Activity, Annex } from "../model/annex.ts";
import type { PlanConfig } from "../model/plan.ts";
import { ACTIVITY_FIELDS } from "../model/fields.ts";
import { LEVELS } from "../model/levels.ts";
import { placeOf, type Finding, type RuleContext } from "./context.ts";

/** A spreadsheet runs a cell starting with one of these as a formula (OWASP, "CSV injection"). */
const FORMULA_START = /^[=+\-@]/;

interface Text {
  /** "title", "macro process A1 title"… */
  what: string;
  text: string;
  /** the code whose place a finding takes */
  code: string | null;
  /** one finding per key, however many activities repeat the text */
  key: string;
}

function textsOf(activity: Activity): Text[] {
  const texts: Text[] = [];
  const own = (field: "title" | "areaDirigenziale" | "servizio" | "uo" | "note", what: string) => {
    const text = activity[field];
    if (text !== null) texts.push({ what, text, code: activity.code, key: `${activity.code}:${field}` });
  };
  own("title", "title");
  for (const field of ["areaDirigenziale", "servizio", "uo"] as const) own(field, ACTIVITY_FIELDS[field].name);
  own("note", "note");
  if (activity.function !== null) texts.push({ what: "function", text: activity.function, code: activity.code, key: `function:${activity.function}` });
  for (const level of LEVELS) {
    const { code, title } = activity[level.key];
    if (title !== null) texts.push({ what: `${level.name}${code !== null ? ` ${code}` : ""} title`, text: title, code: code ?? activity.code, key: `${level.key}:${code ?? ""}:${title}` });
  }
  return texts;
}

function finding(rule: RuleId, at: number, subject: string, reason: string, code: string | null, fallback: string | null, ctx: RuleContext): Finding {
  return { at, diagnostic: diag(rule, `${subject}: ${reason}`, placeOf(ctx, code, fallback)) };
}

export function checkTexts(annex: Annex, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const check = (t: Text, at: number, subject: string, fallback: string | null) => {
    const forbidden = xmlForbiddenIn(t.text);
    if (forbidden.length > 0) {
      findings.push(finding("text/forbidden-character", at, subject, `holds ${forbidden.join(", ")}, which no document format can carry: it is left out of every published file`, t.code, fallback, ctx));
    }
    const invisible = invisibleIn(t.text);
    if (invisible.length > 0) {
      findings.push(finding("text/invisible-character", at, subject, `holds ${invisible.join(", ")}, an invisible control or direction character that can change how the text reads`, t.code, fallback, ctx));
    }
    if (FORMULA_START.test(t.text)) {
      findings.push(finding("text/formula", at, subject, `starts with "${t.text.charAt(0)}": a spreadsheet opening the CSV may run it as a formula`, t.code, fallback, ctx));
    }
  };
  for (const [field, text] of [["title", annex.title], ["footnote", annex.footnote]] as const) {
    if (text !== null) check({ what: field, text, code: null, key: field }, -1, `the annex ${field}`, null);
  }
  annex.activities.forEach((activity, at) => {
    for (const t of textsOf(activity)) {
      if (seen.has(t.key)) continue;
      seen.add(t.key);
      const subject = t.code === activity.code ? `activity ${activity.code} ${t.what}` : t.what;
      check(t, at, subject, activity.code);
    }
  });
  return findings;
}

/**
 * The plan's own texts that a CSV publishes: each risk area's name goes into the legend's CSV
 * beside the annex's, so it is warned about in the same way (and its control characters too).
 */
export function checkPlanTexts(plan: PlanConfig | null, planFile: string | undefined): Finding[] {
  if (plan === null) return [];
  const place = planFile !== undefined ? { file: planFile } : {};
  const findings: Finding[] = [];
  for (const [letter, name] of Object.entries(plan.riskAreas)) {
    const subject = `the name of risk area ${letter} in the plan settings`;
    const invisible = [...xmlForbiddenIn(name), ...invisibleIn(name)];
    if (invisible.length > 0) findings.push({ at: -1, diagnostic: diag("text/invisible-character", `${subject}: holds ${invisible.join(", ")}, an invisible control or direction character`, place) });
    if (FORMULA_START.test(name)) {
      findings.push({ at: -1, diagnostic: diag("text/formula", `${subject}: starts with "${name.charAt(0)}": a spreadsheet opening the legend's CSV may run it as a formula`, place) });
    }
  }
  return findings;
}
