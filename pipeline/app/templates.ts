// templates/: the words around the table (labels.yaml), which an office may reword, and the
// page templates of the HTML outputs. Read here, once, and handed to the stages that use them:
// the labels to render (and their printed marks to repair), the templates to the HTML renderers.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { FatalError } from "../diagnostics/fatal.ts";
import type { DiffTemplates } from "../diff/format-html.ts";
import type { HtmlTemplates } from "../render/html/page.ts";
import { Labels } from "../render/labels.ts";
import type { PrintedMarks } from "../repair/hierarchy.ts";

const TEMPLATES_DIR = new URL("../../templates/", import.meta.url);

/** The files in templates/. */
export const TEMPLATE_FILES = {
  labels: new URL("labels.yaml", TEMPLATES_DIR),
  html: new URL("annex.html.hbs", TEMPLATES_DIR),
  css: new URL("annex.css", TEMPLATES_DIR),
  script: new URL("annex-search.js", TEMPLATES_DIR),
  printScript: new URL("annex-print.js", TEMPLATES_DIR),
  diffHtml: new URL("diff.html.hbs", TEMPLATES_DIR),
  diffCss: new URL("diff.css", TEMPLATES_DIR),
};

let cached: Labels | undefined;

/** templates/labels.yaml, checked; a broken file stops the command with the key it lacks. */
export function loadLabels(file: URL = TEMPLATE_FILES.labels): Labels {
  const standard = file.href === TEMPLATE_FILES.labels.href;
  if (cached && standard) return cached;
  const path = file.pathname;
  let data: unknown;
  try {
    data = parse(readFileSync(file, "utf8"));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new FatalError("labels/invalid", "unreadable", { what: message.split("\n")[0] ?? message }, { file: path });
  }
  const parsed = Labels.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path.join(".") || "(top level)";
    throw new FatalError("labels/invalid", "unusable", { key, problem: issue?.message ?? "invalid" }, { file: path });
  }
  if (standard) cached = parsed.data;
  return parsed.data;
}

/** The words the renderers add to the printed table, so that reading our own PDF back drops them. */
export function printedMarks(labels: Labels = loadLabels()): PrintedMarks {
  return { continued: [labels.continued], notActive: [labels.notActive] };
}

/** The annex page: the template, its styles and its search script (inlined: the page is self-contained). */
export function htmlTemplates(): HtmlTemplates {
  return {
    page: readFileSync(TEMPLATE_FILES.html, "utf8"),
    css: readFileSync(TEMPLATE_FILES.css, "utf8"),
    script: readFileSync(TEMPLATE_FILES.script, "utf8"),
    printScript: readFileSync(TEMPLATE_FILES.printScript, "utf8"),
  };
}

/** The change report's page and styles. */
export function diffTemplates(): DiffTemplates {
  return { page: readFileSync(TEMPLATE_FILES.diffHtml, "utf8"), css: readFileSync(TEMPLATE_FILES.diffCss, "utf8") };
}
