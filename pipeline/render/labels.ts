// The words around the table (title block, headings, footnote, legend, "not active",
// "continued") are kept in templates/labels.yaml so that an office can change the wording
// without touching code. This module reads and checks that file.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { FatalError } from "../diagnostics/fatal.ts";

export const TEMPLATES_DIR = new URL("../../templates/", import.meta.url);

/** The files in templates/ that the renderers read. */
export const TEMPLATE_FILES = {
  labels: new URL("labels.yaml", TEMPLATES_DIR),
  html: new URL("annex.html.hbs", TEMPLATES_DIR),
  css: new URL("annex.css", TEMPLATES_DIR),
  script: new URL("annex-search.js", TEMPLATES_DIR),
};

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
        scrollHint: phrase,
        activityCount: phrase,
        activityCountUnknown: phrase,
        search: z.object({ label: phrase, button: phrase, reset: phrase, result: phrase, none: phrase }).strict(),
        generated: phrase,
      })
      .strict(),
  })
  .strict();
export type Labels = z.infer<typeof Labels>;

/** Replaces {name} placeholders; an unknown placeholder is left as written, so a typo shows. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

let cached: Labels | undefined;

/** templates/labels.yaml, checked; a broken file is an input error that names the key. */
export function loadLabels(file: URL = TEMPLATE_FILES.labels): Labels {
  const standard = file.href === TEMPLATE_FILES.labels.href;
  if (cached && standard) return cached;
  const path = file.pathname;
  let data: unknown;
  try {
    data = parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new FatalError("labels/invalid", `cannot read the labels: ${(error as Error).message.split("\n")[0]}`, { file: path });
  }
  const parsed = Labels.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path.join(".") || "(top level)";
    throw new FatalError("labels/invalid", `the labels are not usable: ${key}: ${issue?.message ?? "invalid"}`, { file: path });
  }
  if (standard) cached = parsed.data;
  return parsed.data;
}
