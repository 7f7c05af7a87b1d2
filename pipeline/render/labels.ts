// The words around the table (title block, headings, footnote, legend, "not active",
// "continued") are kept in templates/labels.yaml so that an office can change the wording
// without touching code. This is their shape; the application reads and checks the file.
import { z } from "zod";

const words = z.string();
const phrase = z.string().min(1);

export const Labels = z
  .object({
    language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, "a language tag such as it-IT"),
    title: phrase,
    subject: phrase,
    footnote: phrase,
    bands: z
      .object({
        function: words,
        macro: words,
        process: words,
        subprocess: words,
        activity: words,
        riskAreas: words,
        structures: words,
      })
      .strict(),
    columns: z
      .object({
        function: phrase,
        macro: phrase,
        process: phrase,
        subprocess: phrase,
        activity: phrase,
        activityCode: phrase,
        riskAreas: phrase,
        areaDirigenziale: phrase,
        servizio: phrase,
        uo: phrase,
      })
      .strict(),
    example: phrase,
    identity: z.object({ actAndDate: phrase, act: phrase, date: phrase, version: phrase, separator: words }).strict(),
    notActive: phrase,
    continued: phrase,
    page: phrase,
    legend: z.object({ title: phrase, separator: words }).strict(),
    html: z
      .object({
        caption: phrase,
        description: phrase,
        skipLink: phrase,
        contents: phrase,
        tableHeading: phrase,
        activityCount: phrase,
        activityCountUnknown: phrase,
        search: z.object({ label: phrase, button: phrase, reset: phrase, resultOne: phrase, result: phrase, none: phrase }).strict(),
        generated: phrase,
      })
      .strict(),
  })
  .strict();
export type Labels = z.infer<typeof Labels>;

/**
 * Replaces {name} placeholders; an unknown placeholder is left as written, so a typo shows. Only
 * the values' own names count: "{constructor}" in a label is a typo, not Object's constructor.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}
