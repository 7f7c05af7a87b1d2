// The plan year's corrections file (sources/<plan>/corrections.yaml), reviewed by a person: it
// supplies a title the source does not carry, or overrides one cell. Each entry is checked (the
// code must exist) and every change it makes is logged with the line it came from.
import { isMap, isSeq, type Node } from "yaml";
import type { Diagnostic, Place } from "../diagnostics/diagnostic.ts";
import { FatalError } from "../diagnostics/fatal.ts";
import { diag } from "../diagnostics/rules.ts";
import type { Activity } from "../model/annex.ts";
import { Corrections, type CellField, type ParsedCorrections } from "../model/corrections.ts";
import { LEVEL_KEYS } from "../model/levels.ts";
import { parseYamlDocument } from "../formats/yaml-document.ts";
import { parseRisk } from "./cells.ts";

export function parseCorrections(text: string, file: string): ParsedCorrections {
  const { doc, lineCounter: counter } = parseYamlDocument(text, file);
  const lines = new Map<string, number>();
  const lineOf = (node: Node | null | undefined): number | undefined => (node?.range ? counter.linePos(node.range[0]).line : undefined);
  const root = doc.contents;
  if (isMap(root)) {
    for (const pair of root.items) {
      const section = String((pair.key as { value?: unknown })?.value ?? "");
      if (section === "titles" && isMap(pair.value)) {
        for (const item of pair.value.items) lines.set(`titles.${String((item.key as { value?: unknown }).value)}`, lineOf(item.key as Node) ?? 0);
      }
      if (section === "cells" && isSeq(pair.value)) pair.value.items.forEach((item, k) => lines.set(`cells.${k}`, lineOf(item as Node) ?? 0));
    }
  }
  const parsed = Corrections.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join(".");
    const line = lines.get(issue.path.slice(0, 2).join("."));
    throw new FatalError("corrections/invalid", `not a valid corrections file: ${path ? `${path}: ` : ""}${issue.message}`, line ? { file, line } : { file });
  }
  return { file, data: parsed.data, lines };
}

/** Applies the corrections to the activities (in place) and returns the log. */
export function applyCorrections(activities: Activity[], corrections: ParsedCorrections): Diagnostic[] {
  const log: Diagnostic[] = [];
  const { file, data, lines } = corrections;
  const at = (key: string, code: string): Place => ({ file, line: lines.get(key) || undefined, code });

  for (const [code, title] of Object.entries(data.titles ?? {})) {
    const place = at(`titles.${code}`, code);
    let hits = 0;
    for (const a of activities) {
      for (const level of LEVEL_KEYS.map((key) => a[key])) {
        if (level.code === code) {
          if (hits === 0) log.push(change(place, `title of ${code}`, level.title, title));
          level.title = title;
          hits++;
        }
      }
      if (a.code === code) {
        log.push(change(place, `title of activity ${code}`, a.title, title));
        a.title = title;
        hits++;
      }
    }
    if (hits === 0) throw new FatalError("corrections/unknown-code", `correction names code ${code}, which the annex does not have`, place);
  }

  (data.cells ?? []).forEach((c, k) => {
    const place = at(`cells.${k}`, c.code);
    const targets = activities.filter((a) => a.code === c.code);
    if (targets.length === 0) throw new FatalError("corrections/unknown-code", `correction names activity ${c.code}, which the annex does not have`, place);
    const value = coerce(c.field, c.value, place);
    for (const a of targets) {
      const before = a[c.field];
      log.push(change(place, `${c.field} of activity ${c.code}`, before, value, c.reason));
      (a as Record<string, unknown>)[c.field] = value;
    }
  });
  return log;
}

function coerce(field: CellField, value: unknown, place: Place): unknown {
  if (field === "active") {
    if (typeof value !== "boolean") throw new FatalError("corrections/value", `correction of "active" needs true or false`, place);
    return value;
  }
  if (field === "riskAreas") {
    if (Array.isArray(value)) return value;
    if (typeof value === "string") return parseRisk(value);
    if (value === null) return [];
  }
  if (typeof value === "string" || value === null) return value === "" ? null : value;
  throw new FatalError("corrections/value", `correction of "${field}" needs a text or null`, place);
}

function change(place: Place, what: string, before: unknown, after: unknown, reason?: string): Diagnostic {
  const show = (v: unknown) => JSON.stringify(v);
  return diag("corrections/applied", `${what}: ${show(before)} → ${show(after)} (corrections file${reason ? `: ${reason}` : ""})`, place);
}
