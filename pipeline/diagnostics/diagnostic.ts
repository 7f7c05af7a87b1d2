// Diagnostics are data (like unified's vfile messages): every stage returns them beside its
// output, the CLI prints them like a compiler does, or as JSON. The rules they name are in
// rules.ts; how they are printed is in format.ts.
import { z } from "zod";
import type { Params } from "../messages/catalogue.ts";
import { RULE_IDS } from "./rules.ts";

export const Place = z
  .object({
    file: z.string().optional(),
    page: z.number().int().positive().optional(),
    row: z.number().int().positive().optional(),
    column: z.string().optional(),
    line: z.number().int().positive().optional(),
    col: z.number().int().positive().optional(),
    code: z.string().optional(),
    /** in a spreadsheet or a document's table, where a person finds it: "Allegato 1!E27", "table 1, row 27, column 5" */
    cell: z.string().optional(),
  })
  .strict();
export type Place = z.infer<typeof Place>;

export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

export const Diagnostic = z
  .object({
    severity: Severity,
    rule: z.enum(RULE_IDS),
    /** in English, whatever the person's language: what JSON output and searches see */
    reason: z.string(),
    /** the message's id in the catalogue of its rule, and its parameters: what a person reads, in their language */
    message: z.string(),
    params: z.custom<Params>((value) => typeof value === "object" && value !== null),
    place: Place,
  })
  .strict();
export type Diagnostic = z.infer<typeof Diagnostic>;

/** A diagnostic as JSON output gives it: `{severity, rule, reason, place}`, the reason in English. */
export function diagnosticJson(d: Diagnostic): { severity: Severity; rule: Diagnostic["rule"]; reason: string; place: Place } {
  return { severity: d.severity, rule: d.rule, reason: d.reason, place: d.place };
}
