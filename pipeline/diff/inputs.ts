// Loading the two sides of a diff (or the edition an init starts from), with a plan-year name
// checked first: "21-23" or "2021-2022" deserve a word on how plan years are named, not a bare
// "no such file".
import { existsSync } from "node:fs";
import { InputError, type Diagnostic } from "../diagnostics.ts";
import { loadInput, type Loaded } from "../load.ts";
import { checkPlanYears, looksLikePlanYears } from "../plan-years.ts";

export async function loadEdition(input: string, sourcesDir: string): Promise<Loaded> {
  if (!existsSync(input) && looksLikePlanYears(input)) {
    const problem = checkPlanYears(input);
    if (problem) throw new InputError(problem);
  }
  return loadInput(input, { sourcesDir });
}

export function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === "error");
}
