// What an edition needs from the office: its errors, and the warnings that are new against the
// previous edition, each with its place; the warnings it inherits (the same finding about the
// same code in the previous edition) are only counted, so that the few an edit caused are not
// buried among those the source has always had. A finding is matched by its rule and code, not
// by its words or place, which differ between a print and the sheet made from it.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

export interface Attention {
  errors: Diagnostic[];
  /** warnings the previous edition does not have (every warning when there is no previous edition) */
  fresh: Diagnostic[];
  /** how many warnings the previous edition also has */
  inherited: number;
  /** the plan years compared with, or null */
  previous: string | null;
}

/** What identifies a finding across editions: its rule and code; without a code, its words without places. */
function keyOf(d: Diagnostic): string {
  const what = d.place.code ?? d.reason.replace(/\S+![A-Z]+\d+|page \d+|row \d+|\d{4}-\d{4}/g, "");
  return `${d.rule}|${what}`;
}

export function attentionOf(current: readonly Diagnostic[], previous: { planYears: string; diagnostics: readonly Diagnostic[] } | null): Attention {
  const errors = current.filter((d) => d.severity === "error");
  const warnings = current.filter((d) => d.severity === "warning");
  if (previous === null) return { errors, fresh: warnings, inherited: 0, previous: null };
  const before = new Map<string, number>();
  for (const d of previous.diagnostics) if (d.severity === "warning") before.set(keyOf(d), (before.get(keyOf(d)) ?? 0) + 1);
  const fresh: Diagnostic[] = [];
  let inherited = 0;
  for (const d of warnings) {
    const left = before.get(keyOf(d)) ?? 0;
    if (left > 0) {
      before.set(keyOf(d), left - 1);
      inherited++;
    } else fresh.push(d);
  }
  return { errors, fresh, inherited, previous: previous.planYears };
}
