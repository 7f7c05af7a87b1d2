// templates/: the words around the table (labels.yaml), which an office may reword, and the
// page templates of the HTML outputs. Read here, once, and handed to the stages that use them:
// the labels to render (and their printed marks to repair), the templates to the HTML renderers.
import { parse } from "yaml";
import { FatalError } from "../diagnostics/fatal.ts";
import type { DiffTemplates } from "../diff/format-html.ts";
import type { HtmlTemplates } from "../render/html/page.ts";
import { Labels } from "../render/labels.ts";
import { platform } from "../lib/platform.ts";
import type { PrintedMarks } from "../repair/hierarchy.ts";

/** The files in templates/ (read through the platform: from the disk, or from inside the web page). */
export const TEMPLATE_FILES = {
  labels: "labels.yaml",
  html: "annex.html.hbs",
  css: "annex.css",
  script: "annex-search.js",
  printScript: "annex-print.js",
  diffHtml: "diff.html.hbs",
  diffCss: "diff.css",
};

let cached: Labels | undefined;

/** templates/labels.yaml, checked; a broken file stops the command with the key it lacks. */
export function loadLabels(): Labels {
  cached ??= parseLabels(platform.template(TEMPLATE_FILES.labels), `templates/${TEMPLATE_FILES.labels}`);
  return cached;
}

/** Labels from the text of a labels file, checked. */
export function parseLabels(text: string, path: string): Labels {
  let data: unknown;
  try {
    data = parse(text);
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
  return parsed.data;
}

/** The words the renderers add to the printed table, so that reading our own PDF back drops them. */
export function printedMarks(labels: Labels = loadLabels()): PrintedMarks {
  return { continued: [labels.continued], notActive: [labels.notActive] };
}

/** The annex page: the template, its styles and its search script (inlined: the page is self-contained). */
export function htmlTemplates(): HtmlTemplates {
  return {
    page: platform.template(TEMPLATE_FILES.html),
    css: platform.template(TEMPLATE_FILES.css),
    script: platform.template(TEMPLATE_FILES.script),
    printScript: platform.template(TEMPLATE_FILES.printScript),
  };
}

/** The change report's page and styles. */
export function diffTemplates(): DiffTemplates {
  return { page: platform.template(TEMPLATE_FILES.diffHtml), css: platform.template(TEMPLATE_FILES.diffCss) };
}
