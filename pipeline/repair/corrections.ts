// Applying the plan year's corrections file (sources/<plan>/corrections.yaml), reviewed by a
// person: it supplies a title the source does not carry, or overrides one cell. Each entry is
// checked (the code must exist, the value must fit its field, no two entries set one cell) and
// every change it makes is logged with the line it came from.
import type { Diagnostic, Place } from "../diagnostics/diagnostic.ts";
import { FatalError } from "../diagnostics/fatal.ts";
import { diag } from "../diagnostics/rules.ts";
import { Activity } from "../model/annex.ts";
import type { CellField, CorrectionValue, ParsedCorrections } from "../model/corrections.ts";
import { LEVEL_KEYS } from "../model/levels.ts";
import { parseRisk } from "./cells.ts";
import { type Phrase, ph } from "../messages/catalogue.ts";

/** Applies the corrections to the activities (in place) and returns the log. */
export function applyCorrections(activities: Activity[], corrections: ParsedCorrections): Diagnostic[] {
  const log: Diagnostic[] = [];
  const { file, data, lines } = corrections;
  const at = (key: string, code: string): Place => ({ file, line: lines.get(key) || undefined, code });
  checkConflicts(corrections);

  for (const [code, title] of data.titles ?? []) {
    const place = at(`titles.${code}`, code);
    let hits = 0;
    for (const a of activities) {
      for (const level of LEVEL_KEYS.map((key) => a[key])) {
        if (level.code === code) {
          if (hits === 0) log.push(change(place, ph("corrections.title-of", { code }), level.title, title));
          level.title = title;
          hits++;
        }
      }
      if (a.code === code) {
        log.push(change(place, ph("corrections.activity-title", { code }), a.title, title));
        a.title = title;
        hits++;
      }
    }
    if (hits === 0) throw new FatalError("corrections/unknown-code", "code", { code }, place);
  }

  (data.cells ?? []).forEach((c, k) => {
    const place = at(`cells.${k}`, c.code);
    const targets = activities.filter((a) => a.code === c.code);
    if (targets.length === 0) throw new FatalError("corrections/unknown-code", "activity", { code: c.code }, place);
    // a bad value is pointed at on its own line
    const corrected = coerce(c.field, c.value, { ...place, line: lines.get(`cells.${k}.value`) || place.line });
    for (const a of targets) {
      const before = a[c.field];
      log.push(change(place, ph("corrections.field-of", { field: ph(`field.${c.field}`), code: c.code }), before, corrected.value, c.reason));
      assign(a, corrected);
    }
  });
  return log;
}

/**
 * Two entries that set one cell would leave its value to the order of the file: a person meant
 * one of them, and the tool cannot tell which. A `titles` entry sets the title of every level
 * and activity with its code, so it meets a `cells` entry on the title of that activity.
 */
function checkConflicts({ file, data, lines }: ParsedCorrections): void {
  const setters = new Map<string, string>();
  const claim = (cell: string, entry: string, code: string, what: Phrase) => {
    const earlier = setters.get(cell);
    if (earlier === undefined) {
      setters.set(cell, entry);
      return;
    }
    const line = lines.get(entry);
    const earlierLine = lines.get(earlier);
    const place = { file, line: line || undefined, code };
    throw earlierLine
      ? new FatalError("corrections/conflict", "conflict-lines", { what, earlier: earlierLine, line: line ?? "?" }, place)
      : new FatalError("corrections/conflict", "conflict", { what }, place);
  };
  for (const [code] of data.titles ?? []) claim(`${code} title`, `titles.${code}`, code, ph("corrections.the-title-of", { code }));
  (data.cells ?? []).forEach((c, k) => {
    claim(`${c.code} ${c.field}`, `cells.${k}`, c.code, ph("corrections.field-of", { field: ph(`field.${c.field}`), code: c.code }));
  });
}

/** A corrected value, of the type its field holds. */
type Corrected =
  | { field: "active"; value: boolean }
  | { field: "riskAreas"; value: string[] }
  | { field: Exclude<CellField, "active" | "riskAreas">; value: string | null };

/** The value a correction gives, as its field holds it: "C/E" as risk areas, "" as an empty cell. */
function coerce(field: CellField, value: CorrectionValue, place: Place): Corrected {
  const corrected = asField(field, value, place);
  // the value must be what the annex's schema accepts for the field, or the annex fails later, far from this line
  const checked = Activity.shape[field].safeParse(corrected.value);
  if (!checked.success) {
    const found = JSON.stringify(value);
    throw new FatalError("corrections/value", "does-not-fit", { field, value: found, problem: checked.error.issues[0]?.message ?? "does not fit the field" }, place);
  }
  return corrected;
}

function asField(field: CellField, value: CorrectionValue, place: Place): Corrected {
  if (field === "active") {
    if (typeof value !== "boolean") throw new FatalError("corrections/value", "boolean", {}, place);
    return { field, value };
  }
  if (field === "riskAreas") {
    if (Array.isArray(value)) return { field, value };
    if (typeof value === "string") return { field, value: parseRisk(value) };
    if (value === null) return { field, value: [] };
  } else if (typeof value === "string" || value === null) {
    return { field, value: value === "" ? null : value };
  }
  throw new FatalError("corrections/value", "text", { field }, place);
}

function assign(activity: Activity, corrected: Corrected): void {
  switch (corrected.field) {
    case "active":
      activity.active = corrected.value;
      break;
    case "riskAreas":
      activity.riskAreas = corrected.value;
      break;
    default:
      activity[corrected.field] = corrected.value;
  }
}

function change(place: Place, what: Phrase, before: unknown, after: unknown, reason?: string): Diagnostic {
  const show = (v: unknown) => JSON.stringify(v);
  return reason
    ? diag("corrections/applied", "applied-because", { what, before: show(before), after: show(after), reason }, place)
    : diag("corrections/applied", "applied", { what, before: show(before), after: show(after) }, place);
}
