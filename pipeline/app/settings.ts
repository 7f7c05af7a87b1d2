// The settings a person keeps beside a plan year's source: plan.yaml (what the table does not
// print) and corrections.yaml (reviewed corrections, each entry with its line so that every
// change it makes can name it).
import { isMap, isNode, isScalar, isSeq, type LineCounter, type Node } from "yaml";
import { FatalError } from "../diagnostics/fatal.ts";
import { currentLang, t, type Lang } from "../messages/catalogue.ts";
import { parseYamlDocument } from "../formats/yaml-document.ts";
import { isRecord } from "../lib/record.ts";
import { Corrections, type ParsedCorrections } from "../model/corrections.ts";
import { IDENTITY_FIELDS, PlanConfig } from "../model/plan.ts";
import { readInputText } from "./input-file.ts";

export async function readPlan(planFile: string | undefined): Promise<PlanConfig | null> {
  return planFile ? parsePlan(await readInputText(planFile), planFile) : null;
}

/** The plan settings from the text of plan.yaml, checked. */
export function parsePlan(text: string, planFile: string): PlanConfig {
  const data: unknown = parseYamlDocument(text, planFile).doc.toJS();
  const parsed = PlanConfig.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = issue?.path.join(".") || "(top)";
  throw new FatalError("plan/invalid", "invalid", { key, problem: issue?.message ?? "invalid" }, { file: planFile });
}

/** What the working copy's sheets keep (Legenda), left out of its plan.yaml so that they are changed in one place. */
const KEPT_IN_SHEET = ["riskAreas", "structures"] as const;

/**
 * The plan settings of the next edition, from the previous one's text: everything kept, comments
 * included, but the act that adopted the previous plan, its date and its version, which are not
 * the new edition's (they are left for a person to write when it is adopted), and, beside a
 * working copy (`inSheet`), the risk areas and the structures, which its Legenda sheet keeps.
 * Returns the identity fields left out.
 */
export function planForNextEdition(text: string, file: string, previous: string, inSheet = false, lang: Lang = currentLang()): { text: string; dropped: string[] } {
  const { doc } = parseYamlDocument(text, file);
  const dropped = IDENTITY_FIELDS.filter((field) => doc.has(field));
  const moved = inSheet ? KEPT_IN_SHEET.filter((field) => doc.has(field)) : [];
  if (dropped.length === 0 && moved.length === 0) return { text, dropped };
  for (const field of [...dropped, ...moved]) doc.delete(field);
  const note = moved.length > 0 ? `${t("plan.kept-in-sheet-comment", {}, lang)}\n` : "";
  if (dropped.length === 0) return { text: `${note}${doc.toString()}`, dropped };
  // where they were, a comment in the person's language says what to write, and how
  const comment = [t("plan.identity-comment", { previous }, lang), ...dropped.map((field) => t(`plan.${field}-comment`, {}, lang))];
  return { text: `${note}${doc.toString()}\n${comment.join("\n")}\n`, dropped };
}

export async function readCorrections(file: string | undefined): Promise<ParsedCorrections | undefined> {
  return file ? parseCorrections(await readInputText(file), file) : undefined;
}

export function parseCorrections(text: string, file: string): ParsedCorrections {
  const { doc, lineCounter } = parseYamlDocument(text, file);
  const lines = entryLines(doc.contents, lineCounter);
  const raw: unknown = doc.toJS() ?? {};
  const parsed = Corrections.safeParse(raw);
  if (parsed.success) return { file, data: parsed.data, lines };
  const issue = parsed.error.issues[0];
  // a title is reported by its code, not by its place in the list of entries
  const path = (issue?.path ?? []).map((part, k) => (k === 1 && issue?.path[0] === "titles" && typeof part === "number" ? titleCode(raw, part) : part));
  const key = path.slice(0, 2).join(".");
  const line = lines.get(`${key}.value`) ?? lines.get(key);
  const shown = path.filter((part, k) => !(k === 2 && path[0] === "titles")).join(".");
  const problem = issue?.message ?? "invalid";
  const place = line ? { file, line } : { file };
  throw shown ? new FatalError("corrections/invalid", "invalid-at", { key: shown, problem }, place) : new FatalError("corrections/invalid", "invalid", { problem }, place);
}

/** The code of the `index`-th title entry (titles are validated as a list of entries). */
function titleCode(raw: unknown, index: number): string | number {
  const titles = isRecord(raw) ? raw.titles : undefined;
  return isRecord(titles) ? (Object.keys(titles)[index] ?? index) : index;
}

/** The line of each entry (`titles.<code>`, `cells.<index>`) and of each cell's value (`cells.<index>.value`). */
function entryLines(root: unknown, counter: LineCounter): Map<string, number> {
  const lines = new Map<string, number>();
  const lineOf = (node: Node | null | undefined): number => (node?.range ? counter.linePos(node.range[0]).line : 0);
  if (!isMap(root)) return lines;
  for (const pair of root.items) {
    const section = isScalar(pair.key) ? String(pair.key.value) : "";
    if (section === "titles" && isMap(pair.value)) {
      for (const item of pair.value.items) if (isScalar(item.key)) lines.set(`titles.${String(item.key.value)}`, lineOf(item.key));
    }
    if (section === "cells" && isSeq(pair.value)) {
      pair.value.items.forEach((item, k) => {
        lines.set(`cells.${k}`, isNode(item) ? lineOf(item) : 0);
        const value = isMap(item) ? item.items.find((p) => isScalar(p.key) && p.key.value === "value") : undefined;
        if (value && isNode(value.value)) lines.set(`cells.${k}.value`, lineOf(value.value));
      });
    }
  }
  return lines;
}
