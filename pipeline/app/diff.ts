// `annex diff`: two inputs loaded and compared, and the change report in the form asked for.
import { diffAnnexes, diffToJson, type DiffResult } from "../diff/index.ts";
import { formatText } from "../diff/format-terminal.ts";
import { reportEditions } from "./changes.ts";
import { loadInput, type Loaded } from "./load.ts";
import { diffTemplates } from "./templates.ts";

export type DiffFormat = "text" | "json" | "html";

export interface Compared {
  before: Loaded;
  after: Loaded;
  result: DiffResult;
}

/** Both editions, loaded side by side (each may be any input), and their differences. */
export async function compareInputs(a: string, b: string, sourcesDir: string): Promise<Compared> {
  const [before, after] = await Promise.all([loadInput(a, { sourcesDir }), loadInput(b, { sourcesDir })]);
  return { before, after, result: diffAnnexes(before.annex, after.annex) };
}

/** The change report: text for reading (coloured on request), JSON for programs, HTML for publishing (naming the body and both editions when `compared` gives them). */
export async function formatDiff(result: DiffResult, format: DiffFormat, color: boolean, compared?: Pick<Compared, "before" | "after">): Promise<string> {
  switch (format) {
    case "json":
      return `${JSON.stringify(diffToJson(result), null, 2)}\n`;
    case "html": {
      const { renderHtml } = await import("../diff/format-html.ts");
      return renderHtml(result, diffTemplates(), compared ? reportEditions(compared.before, compared.after) : undefined);
    }
    case "text":
      return formatText(result, { color });
  }
}
