// The plan year's corrections file (sources/<plan>/corrections.yaml), as data: titles a source
// does not print, and single cells overridden, each with the reason a person gave.
import { z } from "zod";
import { CHANGE_FIELDS } from "./fields.ts";

/** The fields a correction may set: those compared between editions, and the function. */
export const CellField = z.enum([...CHANGE_FIELDS, "function"]);
export type CellField = z.infer<typeof CellField>;

/** A cell's new value: a text, null for an empty cell, true or false (active), a list of risk letters. */
export const CorrectionValue = z.union([z.string(), z.null(), z.boolean(), z.array(z.string())]);
export type CorrectionValue = z.infer<typeof CorrectionValue>;

export const Corrections = z
  .object({
    titles: z.record(z.string(), z.string().min(1)).optional(),
    cells: z
      .array(
        z
          .object({
            code: z.string(),
            field: CellField,
            value: CorrectionValue,
            reason: z.string().optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();
export type Corrections = z.infer<typeof Corrections>;

/** A corrections file as read: its data, and the line of each entry so that every change can name it. */
export interface ParsedCorrections {
  file: string;
  data: Corrections;
  /** line of each entry: `titles.<code>` or `cells.<index>` */
  lines: Map<string, number>;
}
