// What the diff and init commands say about loaded editions.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

export function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === "error");
}
