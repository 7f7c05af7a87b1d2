// Rule `schema`: the zod schema is the single source of the data types; here each of its issues
// becomes an error that names the place in the data the way a person looks for it — by the
// activity's code when it has one — and says what is expected in plain words.
import type { z } from "zod";
import { diag } from "../diagnostics/rules.ts";
import { isRecord } from "../lib/record.ts";
import { Annex } from "../model/annex.ts";
import { placeOf, type Finding, type RuleContext } from "./context.ts";
import { type Param, type Phrase, ph } from "../messages/catalogue.ts";

export type SchemaResult = { ok: true; annex: Annex } | { ok: false; findings: Finding[] };

export function checkSchema(input: unknown, ctx: RuleContext): SchemaResult {
  const parsed = Annex.safeParse(input);
  if (parsed.success) return { ok: true, annex: parsed.data };
  return { ok: false, findings: parsed.error.issues.map((issue) => toFinding(issue, input, ctx)) };
}

function toFinding(issue: z.core.$ZodIssue, input: unknown, ctx: RuleContext): Finding {
  const path = issue.path;
  // activities[i]...: name the activity by its code when the data has a readable one
  let at = -1;
  let code: string | null = null;
  if (path[0] === "activities" && typeof path[1] === "number") {
    at = path[1];
    const raw = valueAt(input, ["activities", at, "code"]);
    if (typeof raw === "string" && raw.trim() !== "") code = raw;
  }
  const where = describePath(path, code);
  const problem = describeIssue(issue, valueAt(input, path));
  return { at, diagnostic: diag("schema/shape", "shape", { where, problem }, placeOf(ctx, code)) };
}

// the fields a person knows by the sheet's words (the data's keys are not theirs)
const FIELD_WORDS = [
  "title", "riskAreas", "areaDirigenziale", "servizio", "uo", "note", "active", "function", "code", "footnote", "planYears", "activities", "macro", "process", "subprocess",
] as const;

function fieldWords(key: string): Param {
  const known = FIELD_WORDS.find((f) => f === key);
  return known === undefined ? key : ph(`field.${known}`);
}

/** `activity A1.1.1.2, field risk areas, item 1`, `plan years`, or `the annex data` for the root. */
function describePath(path: readonly PropertyKey[], code: string | null): Param {
  let text: Param | null = null;
  let rest = path;
  if (path[0] === "activities" && typeof path[1] === "number") {
    text = code !== null ? ph("schema.activity", { code }) : ph("schema.activity-n", { n: path[1] + 1 });
    rest = path.slice(2);
  }
  for (const key of rest) {
    if (typeof key === "number") text = ph("schema.item", { subject: text ?? ph("schema.annex"), n: key + 1 });
    else text = text === null ? fieldWords(String(key)) : ph("schema.field", { subject: text, field: fieldWords(String(key)) });
  }
  return text ?? ph("schema.annex");
}

// the schema's own messages (model/annex.ts), in the person's language
const SCHEMA_WORDS: Readonly<Record<string, Phrase>> = {
  "not a well-formed activity code": ph("schema.code-format"),
  "a risk area is one capital letter": ph("schema.risk-letter"),
  "has only spaces (write null for an empty cell or a title the source does not carry)": ph("schema.spaces"),
  "plan years are written YYYY-YYYY": ph("schema.plan-years"),
};

function schemaWords(message: string): Param {
  return SCHEMA_WORDS[message] ?? message;
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): Param {
  switch (issue.code) {
    case "invalid_type":
      if (value === undefined) return ph("schema.missing");
      return ph("schema.expected", { expected: describeExpected(issue.expected), found: describeValue(value) });
    case "too_small":
      if (issue.origin === "string") return ph("schema.empty");
      return issue.message;
    case "unrecognized_keys":
      return ph("schema.unknown-fields", { count: issue.keys.length, names: issue.keys.map((k) => `"${k}"`) });
    case "invalid_format":
      // the schema's own messages are written for people ("a risk area is one capital letter")
      return ph("schema.format", { problem: schemaWords(issue.message), found: describeValue(value) });
    default:
      return schemaWords(issue.message);
  }
}

function describeExpected(expected: string): Param {
  switch (expected) {
    case "string":
      return ph("schema.text");
    case "boolean":
      return ph("schema.boolean");
    case "array":
      return ph("schema.list");
    case "object":
      return ph("schema.object");
    default:
      return expected;
  }
}

function describeValue(value: unknown): Param {
  if (value === null) return ph("schema.null");
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return ph("schema.number", { n: value });
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return ph("schema.a-list");
  return typeof value === "object" ? ph("schema.an-object") : ph("schema.a-value", { type: typeof value });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (!isRecord(value)) return undefined;
    const next: unknown = Reflect.get(value, key);
    value = next;
  }
  return value;
}
