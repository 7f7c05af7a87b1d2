// Rule `schema`: the zod schema is the single source of the data types; here each of its issues
// becomes an error that names the place in the data the way a person looks for it — by the
// activity's code when it has one — and says what is expected in plain words.
import type { z } from "zod";
import { diag } from "../diagnostics/rules.ts";
import { isRecord } from "../lib/record.ts";
import { Annex } from "../model/annex.ts";
import { placeOf, type Finding, type RuleContext } from "./context.ts";

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
  const reason = `${where}: ${describeIssue(issue, valueAt(input, path))}`;
  return { at, diagnostic: diag("schema/shape", reason, placeOf(ctx, code)) };
}

/** `activity A1.1.1.2 (activities[1]).riskAreas[0]`, `planYears`, or `the annex data` for the root. */
function describePath(path: readonly PropertyKey[], code: string | null): string {
  if (path.length === 0) return "the annex data";
  let text = "";
  let rest = path;
  if (path[0] === "activities" && typeof path[1] === "number") {
    text = code !== null ? `activity ${code} (activities[${path[1]}])` : `activities[${path[1]}]`;
    rest = path.slice(2);
  }
  for (const key of rest) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text === "" ? String(key) : `.${String(key)}`;
  }
  return text;
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      if (value === undefined) return `is missing (write null for an empty cell or a title the source does not carry)`;
      return `expected ${describeExpected(issue.expected)}, found ${describeValue(value)}`;
    case "too_small":
      if (issue.origin === "string") return `is empty (write null for an empty cell or a title the source does not carry)`;
      return issue.message;
    case "unrecognized_keys":
      return `unknown ${issue.keys.length === 1 ? "field" : "fields"} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_format":
      // the schema's own messages are written for people ("a risk area is one capital letter")
      return `${issue.message} (found ${describeValue(value)})`;
    default:
      return issue.message;
  }
}

function describeExpected(expected: string): string {
  switch (expected) {
    case "string":
      return "text";
    case "boolean":
      return "true or false";
    case "array":
      return "a list";
    case "object":
      return "an object with named fields";
    default:
      return expected;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
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
