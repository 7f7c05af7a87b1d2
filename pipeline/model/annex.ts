// The annex: the single source of the data types (DESIGN.md, "Contract used by outside checks").
// Everything else (export JSON/CSV, annex data in YAML, renderers, diff) uses these types.
import { z } from "zod";
import { CODE_PATTERN } from "./codes.ts";
import { PLAN_YEARS } from "./plan-years.ts";

/** A cell's text: words, not nothing and not only spaces (an empty cell is null). */
const text = z
  .string()
  .min(1, { abort: true })
  .regex(/\S/, "has only spaces (write null for an empty cell or a title the source does not carry)");

export const Level = z
  .object({
    code: z.string().nullable(),
    title: text.nullable(),
  })
  .strict();
export type Level = z.infer<typeof Level>;

export const Activity = z
  .object({
    code: z.string().regex(CODE_PATTERN, "not a well-formed activity code"),
    title: text.nullable(),
    riskAreas: z.array(z.string().regex(/^[A-Z]$/, "a risk area is one capital letter")),
    areaDirigenziale: text.nullable(),
    servizio: text.nullable(),
    uo: text.nullable(),
    note: text.nullable(),
    /** false: printed shaded (not active at this body); null: the input cannot tell (a text layer). */
    active: z.boolean().nullable(),
    function: text.nullable(),
    macro: Level,
    process: Level,
    subprocess: Level,
  })
  .strict();
export type Activity = z.infer<typeof Activity>;

export const Annex = z
  .object({
    planYears: z.string().regex(PLAN_YEARS, "plan years are written YYYY-YYYY"),
    title: text.nullable(),
    footnote: text.nullable(),
    activities: z.array(Activity),
  })
  .strict();
export type Annex = z.infer<typeof Annex>;
