// Rules on the characters of every text an activity prints: `text/forbidden-character` (XML
// cannot carry it: the published formats leave it out, so the reader is told), `text/invisible-
// character` (a control or bidi-override character nobody sees, which can change how a text
// reads) and `text/formula` (a text a spreadsheet would run as a formula when it opens the CSV;
// the CSV keeps it exactly, the warning lets a person decide). A hierarchy title repeated on
// every activity under it is reported once, at its first activity.
import { diag } from "../diagnostics/rules.ts";
import { invisibleIn, xmlForbiddenIn } from "../lib/characters.ts";
import type { Activity, Annex } from "../model/annex.ts";
import type { PlanConfig } from "../model/plan.ts";
import { LEVELS } from "../model/levels.ts";
import { placeOf, type Finding, type RuleContext } from "./context.ts";
import { type Phrase, ph } from "../messages/catalogue.ts";

/** A spreadsheet runs a cell starting with one of these as a formula (OWASP, "CSV injection"). */
const FORMULA_START = /^[=+\-@]/;

interface Text {
  /** "title", "macro process A1 title"… */
  what: Phrase;
  text: string;
  /** the code whose place a finding takes */
  code: string | null;
  /** one finding per key, however many activities repeat the text */
  key: string;
}

function textsOf(activity: Activity): Text[] {
  const texts: Text[] = [];
  const own = (field: "title" | "areaDirigenziale" | "servizio" | "uo" | "note", what: Phrase) => {
    const text = activity[field];
    if (text !== null) texts.push({ what, text, code: activity.code, key: `${activity.code}:${field}` });
  };
  own("title", ph("field.title"));
  for (const field of ["areaDirigenziale", "servizio", "uo"] as const) own(field, ph(`field.${field}`));
  own("note", ph("field.note"));
  if (activity.function !== null) texts.push({ what: ph("field.function"), text: activity.function, code: activity.code, key: `function:${activity.function}` });
  for (const level of LEVELS) {
    const { code, title } = activity[level.key];
    const what = code !== null ? ph("text.level-title", { level: ph(`level.${level.key}`), code }) : ph("text.level-title-uncoded", { level: ph(`level.${level.key}`) });
    if (title !== null) texts.push({ what, text: title, code: code ?? activity.code, key: `${level.key}:${code ?? ""}:${title}` });
  }
  return texts;
}

export function checkTexts(annex: Annex, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const check = (t: Text, at: number, subject: Phrase, fallback: string | null) => {
    const place = placeOf(ctx, t.code, fallback);
    const forbidden = xmlForbiddenIn(t.text);
    if (forbidden.length > 0) findings.push({ at, diagnostic: diag("text/forbidden-character", "forbidden", { subject, characters: forbidden }, place) });
    const invisible = invisibleIn(t.text);
    if (invisible.length > 0) findings.push({ at, diagnostic: diag("text/invisible-character", "invisible", { subject, characters: invisible }, place) });
    if (FORMULA_START.test(t.text)) findings.push({ at, diagnostic: diag("text/formula", "formula", { subject, start: t.text.charAt(0) }, place) });
  };
  if (annex.title !== null) check({ what: ph("field.title"), text: annex.title, code: null, key: "title" }, -1, ph("text.annex-title"), null);
  if (annex.footnote !== null) check({ what: ph("field.footnote"), text: annex.footnote, code: null, key: "footnote" }, -1, ph("text.annex-footnote"), null);
  annex.activities.forEach((activity, at) => {
    for (const t of textsOf(activity)) {
      if (seen.has(t.key)) continue;
      seen.add(t.key);
      const subject = t.code === activity.code ? ph("text.own", { code: activity.code, what: t.what }) : t.what;
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
    const subject = ph("text.plan-risk-name", { letter });
    const invisible = [...xmlForbiddenIn(name), ...invisibleIn(name)];
    if (invisible.length > 0) findings.push({ at: -1, diagnostic: diag("text/invisible-character", "invisible", { subject, characters: invisible }, place) });
    if (FORMULA_START.test(name)) {
      findings.push({ at: -1, diagnostic: diag("text/formula", "formula-legend", { subject, start: name.charAt(0) }, place) });
    }
  }
  return findings;
}
