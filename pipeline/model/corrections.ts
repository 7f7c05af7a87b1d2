// The plan year's corrections file (sources/<plan>/corrections.yaml), as data: titles a source
// does not print, and single cells overridden, each with the reason a person gave.
import { z } from "zod";
import { CHANGE_FIELDS } from "./fields.ts";

/** The fields a correction may set: those compared between editions, and the function. */
export const CellField = z.enum([...CHANGE_FIELDS, "function"]);
export type CellField = z.infer<typeof CellField>;

/** A cell's new value: a text, null for an empty cell, true or false (active), a list of risk letters. */
export const CorrectionValue = z.union([z.string(), z.null(), z.boolean(), z.array(z.string())], {
  error: "a value is a text, null (an empty cell), true or false, or a list of risk letters",
});
export type CorrectionValue = z.infer<typeof CorrectionValue>;

/** A title a person supplies: words, not only spaces (which would supply nothing). */
const SuppliedTitle = z.string().regex(/\S/, "a title of only spaces supplies nothing: write the title, or leave the entry out");

/**
 * A mapping's entries, its own keys only. A code is a key like any other: `__proto__` included,
 * which a plain object (and zod's record) would take for the object's prototype and drop.
 */
function ownEntries(value: unknown): unknown {
  // anything but a mapping (a list, a text) fails as one: not as a list of malformed entries
  return typeof value === "object" && value !== null && !Array.isArray(value) ? Object.entries(value) : null;
}

export const Corrections = z
  .object({
    titles: z
      .preprocess(ownEntries, z.array(z.tuple([z.string(), SuppliedTitle]), { error: "expected lines of the form  code: title" }))
      .optional(),
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
  /** line of each entry: `titles.<code>`, `cells.<index>`, and of a cell's value, `cells.<index>.value` */
  lines: Map<string, number>;
}
