// One run of the `annex` command: where it writes (stdout, stderr, or a file with -o), how a
// failure becomes one line and an exit status, and whether --debug asked for stack traces.
// Exit status: 0 done (warnings allowed), 1 the data has errors (for diff: there are changes),
// 2 bad usage, or an input that cannot be read or an output that cannot be written.
import { describeErrno, errnoOf } from "../app/files.ts";
import { writeOutput } from "../app/output-file.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { FatalError } from "../diagnostics/fatal.ts";
import { formatDiagnostic, formatPlace, messageText } from "../diagnostics/format.ts";
import { showInvisible } from "../lib/characters.ts";
import { diag } from "../diagnostics/rules.ts";

export const EXIT = { ok: 0, dataErrors: 1, trouble: 2 } as const;

export interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Io {
  stdout: Stream;
  stderr: Stream;
  env: NodeJS.ProcessEnv;
}

export interface Session {
  io: Io;
  debug: boolean;
  exitCode: number;
}

/** Bad usage that commander cannot see (an option's value): one line, exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export function say(session: Session, line: string): void {
  session.io.stderr.write(`${line}\n`);
}

export function printDiagnostics(session: Session, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) say(session, formatDiagnostic(d));
}

/** A command's result: to stdout, or to a file with -o (a regular file written whole or not at all). */
export async function emit(session: Session, text: string, outFile: string | undefined): Promise<void> {
  if (outFile !== undefined) await writeOutput(outFile, text);
  else session.io.stdout.write(text);
}

/** The diagnostic of a failure that stops the command: a fatal problem, or a file the system refused. */
export function fatalDiagnostic(error: unknown): Diagnostic | null {
  if (error instanceof FatalError) return error.diagnostic;
  const errno = errnoOf(error);
  return errno ? diag("io/failed", "errno", { what: describeErrno(errno.code) }, errno.path === undefined ? {} : { file: errno.path }) : null;
}

/** Prints a failure as one line (a stack trace only with --debug) and returns exit status 2. */
export function reportFailure(session: Session, error: unknown, prefix?: string): number {
  const fatal = fatalDiagnostic(error);
  // "annex: …", or the caller's own prefix in its place (build: "annex: 2020-2022 [1/2]: …")
  const lead = `${prefix ?? "annex"}: `;
  if (session.debug && error instanceof Error) {
    session.io.stderr.write(`${prefix === undefined ? "" : lead}${error.stack ?? error.message}\n`);
  } else if (fatal) {
    const where = formatPlace(fatal.place);
    say(session, `${lead}${showInvisible(`${where ? `${where}: ` : ""}${messageText(fatal)}`)}`);
  } else if (error instanceof Error) {
    say(session, `${lead}${showInvisible(error.message.split("\n")[0] ?? "")}`);
  } else {
    say(session, `${lead}${showInvisible(String(error))}`);
  }
  return EXIT.trouble;
}

/** Wraps a command action so that its result sets the exit status and a failure prints one line. */
export function action<A extends unknown[]>(session: Session, fn: (...args: A) => Promise<number>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      session.exitCode = await fn(...args);
    } catch (error) {
      session.exitCode = reportFailure(session, error);
    }
  };
}
