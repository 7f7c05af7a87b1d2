// Annex data: the annex written as YAML (or JSON, which YAML reads too) that a person edits —
// the source of a new plan year (see `annex init`). Reading it is strict about the shape a
// person can get wrong by hand and that later stages could not explain: YAML syntax, a field
// name that is not in the schema (a typo such as "servzio" would otherwise just be dropped or
// flagged far from its line), and the same activity code twice. Everything else (missing
// fields, wrong values) is left to validation, which reports all problems at once.
import { CORE_SCHEMA, load, type LoadOptions } from "js-yaml";
import { isMap, isNode, isScalar, type Document, type LineCounter } from "yaml";
import { isRecord } from "../../lib/record.ts";
import { MAX_NESTING } from "../nesting.ts";
import { parseYamlDocument } from "../yaml-document.ts";
import { Annex } from "../../model/annex.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { FatalError } from "../../diagnostics/fatal.ts";
import { type Param, ph } from "../../messages/catalogue.ts";

type Path = readonly (string | number)[];

/**
 * The one field annex data may carry beyond the annex schema: `example: true`, which the JSON of
 * an illustrative edition starts with, so that an example read back stays marked as one.
 */
export const EXAMPLE_FIELD = "example";

export function readAnnexData(text: string, file: string): { annex: unknown; diagnostics: Diagnostic[]; example: boolean } {
  // The data is read by the fast parsers (JSON.parse, js-yaml: ten times faster than a full
  // YAML document on a large annex); the `yaml` document, which keeps every line and column and
  // words its errors well, is built only when a problem has to be placed in the file.
  let parsed: { doc: Document; lineCounter: LineCounter } | undefined;
  const document = () => (parsed ??= parseYamlDocument(text, file));
  const fast = looksLikeJson(text) ? tryJson(text) : tryYaml(text);
  const data: unknown = fast !== undefined ? fast : document().doc.toJS({ maxAliasCount: 100 });
  if (!isRecord(data) || Array.isArray(data)) {
    throw new FatalError("annex-data/not-mapping", "not-mapping", {}, { file, line: 1 });
  }

  const locate: Locate = (path, key) => position(document().doc, document().lineCounter, path, key);
  const { [EXAMPLE_FIELD]: example, ...annex } = data;
  if (example !== undefined && typeof example !== "boolean") {
    const at = locate([], EXAMPLE_FIELD);
    throw new FatalError("schema/shape", "example", { field: EXAMPLE_FIELD }, at ? { file, line: at.line, col: at.col } : { file });
  }
  checkUnknownFields(annex, file, locate);
  checkDuplicateCodes(annex, file, locate);
  return { annex, diagnostics: [], example: example === true };
}

function looksLikeJson(text: string): boolean {
  return /^\s*\{/.test(text);
}

function tryJson(text: string): unknown {
  try {
    const data: unknown = JSON.parse(text);
    return data;
  } catch {
    return undefined; // the YAML parser will say where the problem is
  }
}

/** js-yaml's options: the core schema, like the `yaml` package (no dates or other types a person did
 * not mean), and a nesting limit (js-yaml's own option, missing from its type definitions), past
 * which the `yaml` document reports the file as nested too deeply. */
const FAST_YAML: LoadOptions & { maxDepth: number } = { schema: CORE_SCHEMA, maxDepth: MAX_NESTING };

function tryYaml(text: string): unknown {
  try {
    return load(text, FAST_YAML) ?? null;
  } catch {
    return undefined; // the `yaml` document will say where the problem is, and how to fix it
  }
}

function checkUnknownFields(data: unknown, file: string, locate: Locate): void {
  const result = Annex.safeParse(data);
  if (result.success) return;
  const unknown: { name: string; path: Path; line: number; col: number }[] = [];
  for (const issue of result.error.issues) {
    if (issue.code !== "unrecognized_keys") continue;
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    for (const name of issue.keys) {
      const at = locate(path, name);
      unknown.push({ name, path, line: at?.line ?? 0, col: at?.col ?? 0 });
    }
  }
  // report the first one in the file, so that fixing them one by one walks down the file
  unknown.sort((x, y) => x.line - y.line || x.col - y.col);
  const first = unknown[0];
  if (!first) return;
  const where = describePath(data, first.path);
  const more = unknown.length > 1 ? ph("annex-data.more", { count: unknown.length - 1 }) : "";
  const place = first.line ? { file, line: first.line, col: first.col } : { file };
  throw where
    ? new FatalError("annex-data/unknown-field", "unknown-in", { name: first.name, where, more }, place)
    : new FatalError("annex-data/unknown-field", "unknown", { name: first.name, more }, place);
}

/** The code of an activity as the data gives it, if it is a text. */
function codeOf(activity: unknown): string | undefined {
  return isRecord(activity) && typeof activity.code === "string" ? activity.code : undefined;
}

function checkDuplicateCodes(data: Record<string, unknown>, file: string, locate: Locate): void {
  const activities: unknown = data.activities;
  if (!Array.isArray(activities)) return;
  const seen = new Map<string, number>();
  activities.forEach((activity: unknown, index) => {
    const code = codeOf(activity);
    if (code === undefined) return;
    const earlier = seen.get(code);
    if (earlier === undefined) {
      seen.set(code, index);
      return;
    }
    const first = locate(["activities", earlier], "code");
    const second = locate(["activities", index], "code");
    const lines = first && second ? ph("annex-data.at-lines", { first: first.line, second: second.line }) : ph("annex-data.numbers", { first: earlier + 1, second: index + 1 });
    throw new FatalError(
      "annex-data/duplicate-code",
      "duplicate",
      { code, lines },
      second ? { file, line: second.line, col: second.col, code } : { file, code },
    );
  });
}

type Locate = (path: Path, key?: string) => { line: number; col: number } | undefined;

/** Line and column of the node at `path`, or of the key `key` of the mapping at `path`. */
function position(doc: Document, lineCounter: LineCounter, path: Path, key?: string): { line: number; col: number } | undefined {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  let range: readonly number[] | null | undefined;
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    range = isScalar(pair?.key) ? pair.key.range : undefined;
  } else if (isNode(node)) {
    range = node.range;
  }
  if (!range || range[0] === undefined) return undefined;
  return lineCounter.linePos(range[0]);
}

/** "activity A1.1.1.1 (macro)" for a person, rather than "activities.0.macro". */
function describePath(data: unknown, path: Path): Param {
  if (path.length === 0) return "";
  if (path[0] === "activities" && typeof path[1] === "number") {
    const activities = isRecord(data) ? data.activities : undefined;
    const code = Array.isArray(activities) ? codeOf(activities[path[1]]) : undefined;
    const name = code !== undefined ? ph("schema.activity", { code }) : ph("schema.activity-n", { n: path[1] + 1 });
    const rest = path.slice(2).join(".");
    return rest ? ph("annex-data.in-field", { name, rest }) : name;
  }
  return path.join(".");
}
