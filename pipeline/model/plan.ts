// Per-plan-year settings that the annex itself does not print: the edition's identity (the body
// that adopts the plan, the act that adopted it, its date, a version), the licence of the open
// data, whether the edition is an illustrative example, the legend of risk areas (the plan's own
// risk-area annex) and the list of structures. Read from sources/<plan>/plan.yaml; a person
// keeps it, and nothing here is ever guessed: a field left out stays out of the documents.
import { z } from "zod";
import { HEADER_KINDS } from "./header-words.ts";

/** A calendar date as YAML writes it unquoted: 2021-03-30. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date is written YYYY-MM-DD")
  .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), "not a calendar date");

export const Licence = z
  .object({
    /** an SPDX identifier, as the Data Package specification asks: CC-BY-4.0 */
    name: z.string().min(1),
    title: z.string().min(1).optional(),
    path: z.url().optional(),
  })
  .strict();
export type Licence = z.infer<typeof Licence>;

/** The licence of the open data when plan.yaml names none (the usual one of Italian public bodies). */
export const DEFAULT_LICENCE: Licence = {
  name: "CC-BY-4.0",
  title: "Creative Commons Attribution 4.0 International",
  path: "https://creativecommons.org/licenses/by/4.0/",
};

export const PlanConfig = z
  .object({
    body: z.string().min(1),
    /** the act that adopted the plan, as it is cited: "Deliberazione della Giunta camerale n. 12" */
    act: z.string().min(1).optional(),
    /** the date of that act: also the date of the published documents */
    adopted: isoDate.optional(),
    /** the edition's version, as the body numbers it ("1", "1.1") */
    version: z.union([z.string().min(1), z.number()]).transform(String).optional(),
    /** the open data's licence; CC BY 4.0 when absent */
    licence: Licence.optional(),
    /** an illustrative edition, not a published one: every output says "ESEMPIO — non pubblicare" */
    example: z.boolean().optional(),
    /** risk-area letter → name, as in the plan's risk-area annex ("all. 2"); left out when the working copy's Legenda sheet keeps them */
    riskAreas: z.record(z.string().regex(/^[A-Z]$/), z.string().min(1)).default({}),
    /** the plan's own list of responsible structures; when absent, the annex's own names are the list */
    structures: z
      .object({
        areaDirigenziale: z.array(z.string()).optional(),
        servizio: z.array(z.string()).optional(),
        uo: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
    /** words and phrases as the body writes them ("amministrativi", "Sviluppo economico"): they settle a line
     * break in a printed PDF that may fall inside a word or between two, where the PDF itself cannot tell */
    words: z.array(z.string().min(1)).optional(),
    /** header labels as the body prints them → the column each names, where no built-in word does ("Tema (Macro Processi)": macro) */
    columns: z.record(z.string().min(1), z.enum(HEADER_KINDS)).optional(),
  })
  .strict();
export type PlanConfig = z.infer<typeof PlanConfig>;

/** The fields that identify an edition beyond its body, in the order they are cited. */
export const IDENTITY_FIELDS = ["act", "adopted", "version"] as const satisfies readonly (keyof PlanConfig)[];

/** What identifies a published edition: who adopted it, by which act, when, which version. */
export interface EditionIdentity {
  body: string | null;
  act: string | null;
  /** YYYY-MM-DD */
  adopted: string | null;
  version: string | null;
}

export function identityOf(plan: PlanConfig | null): EditionIdentity {
  return { body: plan?.body ?? null, act: plan?.act ?? null, adopted: plan?.adopted ?? null, version: plan?.version ?? null };
}
