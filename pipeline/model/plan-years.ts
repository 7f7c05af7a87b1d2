// Plan-year names: a plan (PTPCT, or the anticorruption section of the PIAO) covers three
// calendar years and is named after them, "2021-2023". The name is also the folder name in
// sources/, so a wrong name would silently create a plan year nobody can find again.
import { type Phrase, ph } from "../messages/catalogue.ts";

/** The shape of a plan-year name: the first and the last year in full. */
export const PLAN_YEARS = /^(\d{4})-(\d{4})$/;

/** null when `name` is a well-formed plan-year name, else one line saying what is wrong. */
export function checkPlanYears(name: string): Phrase | null {
  const match = PLAN_YEARS.exec(name);
  if (!match) return ph("plan-years.shape", { name });
  const first = Number(match[1]);
  const last = Number(match[2]);
  if (last < first) return ph("plan-years.reversed", { name, suggestion: `${last}-${first}` });
  if (last - first !== 2) return ph("plan-years.span", { name, suggestion: `${first}-${first + 2}` });
  return null;
}

/** True when `text` has the shape of a plan-year name, well-formed or not ("21-23", "2021-2022"). */
export function looksLikePlanYears(text: string): boolean {
  return /^\d+-\d+$/.test(text);
}

/** The plan years a title prints ("… PER IL TRIENNIO 2020-2022 …", also with an en dash), or null. */
export function planYearsInTitle(title: string): string | null {
  const match = /(\d{4})\s*[-–]\s*(\d{4})/.exec(title);
  return match ? `${match[1]}-${match[2]}` : null;
}

/** Replaces every occurrence of one plan-year name by another, as a whole token (not inside 12020-20222). */
export function replacePlanYears(text: string, from: string, to: string): { text: string; count: number } {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  let count = 0;
  const replaced = text.replace(new RegExp(`(?<!\\d)${escaped}(?!\\d)`, "g"), () => {
    count++;
    return to;
  });
  return { text: replaced, count };
}
