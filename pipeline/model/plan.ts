// Per-plan-year settings that the annex itself does not print: the body's name (document
// author) and the legend of risk areas (the plan's own risk-area annex). Read from
// sources/<plan>/plan.yaml; a person keeps it.
import { z } from "zod";
import { HEADER_KINDS } from "./header-words.ts";

export const PlanConfig = z
  .object({
    body: z.string().min(1),
    /** risk-area letter → name, as in the plan's risk-area annex ("all. 2") */
    riskAreas: z.record(z.string().regex(/^[A-Z]$/), z.string().min(1)),
    /** the plan's own list of responsible structures; when absent, the annex's own names are the list */
    structures: z
      .object({
        areaDirigenziale: z.array(z.string()).optional(),
        servizio: z.array(z.string()).optional(),
        uo: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
    /** header labels as the body prints them → the column each names, where no built-in word does ("Tema (Macro Processi)": macro) */
    columns: z.record(z.string().min(1), z.enum(HEADER_KINDS)).optional(),
  })
  .strict();
export type PlanConfig = z.infer<typeof PlanConfig>;
