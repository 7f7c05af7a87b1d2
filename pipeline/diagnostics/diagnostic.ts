// Diagnostics are data (like unified's vfile messages): every stage returns them beside its
// output, the CLI prints them like a compiler does, or as JSON. The rules they name are in
// rules.ts; how they are printed is in format.ts.
import { z } from "zod";
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
    reason: z.string(),
    place: Place,
  })
  .strict();
export type Diagnostic = z.infer<typeof Diagnostic>;
