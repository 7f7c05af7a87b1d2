// A problem that stops a command (exit 2): an input that cannot be read, an output that cannot
// be written. It is thrown, but it carries a diagnostic like any other finding, so that it is
// printed as one line that says what and where, or reported as JSON.
import type { Diagnostic, Place } from "./diagnostic.ts";
import type { MessageRules, ParamsOf } from "../messages/catalogue.ts";
import { diagOf, type FatalRuleId, type MessageId } from "./rules.ts";

export class FatalError extends Error {
  readonly diagnostic: Diagnostic;

  /** Like `diag`: the rule, its message id, the message's parameters, the place. */
  constructor(...args: FatalArgs) {
    const [rule, message, params, place] = args;
    const diagnostic = diagOf(rule, message, params, place);
    super(diagnostic.reason);
    this.name = "FatalError";
    this.diagnostic = diagnostic;
  }

  /** A fatal problem declared ahead of its place (a reader's refusal), at `place`. */
  static at(args: FatalArgs, place: Place): FatalError {
    const [rule, message, params] = args;
    return new FatalError(...([rule, message, params, place] as FatalArgs));
  }

  get place(): Place {
    return this.diagnostic.place;
  }
}

type FatalRule = FatalRuleId & keyof MessageRules;
/** `diag`'s arguments for a fatal rule: one tuple per rule and message, so each checks its own parameters. */
export type FatalArgs = {
  [R in FatalRule]: { [M in MessageId<R>]: [rule: R, message: M, params: ParamsOf<MessageRules[R][M]>, place?: Place] }[MessageId<R>];
}[FatalRule];
