// A problem that stops a command (exit 2): an input that cannot be read, an output that cannot
// be written. It is thrown, but it carries a diagnostic like any other finding, so that it is
// printed as one line that says what and where, or reported as JSON.
import type { Diagnostic, Place } from "./diagnostic.ts";
import { diag, type FatalRuleId } from "./rules.ts";

export class FatalError extends Error {
  readonly diagnostic: Diagnostic;

  constructor(rule: FatalRuleId, reason: string, place: Place = {}) {
    super(reason);
    this.name = "FatalError";
    this.diagnostic = diag(rule, reason, place);
  }

  get place(): Place {
    return this.diagnostic.place;
  }
}
