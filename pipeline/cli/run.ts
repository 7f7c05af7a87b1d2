// Shared by every command: how errors become one line on stderr and an exit status.
// 0 ok (warnings allowed), 1 the data has errors (or, for diff, changes), 2 bad usage or unreadable input.
import { FatalError } from "../diagnostics/fatal.ts";
import { formatPlace } from "../diagnostics/format.ts";

export const EXIT = { ok: 0, dataErrors: 1, trouble: 2 } as const;

let debug = false;
export function setDebug(value: boolean): void {
  debug = value;
}

/** Prints an error as one line (a stack trace only with --debug) and returns exit status 2. */
export function reportFailure(error: unknown): number {
  if (debug && error instanceof Error) {
    process.stderr.write(`${error.stack ?? error.message}\n`);
  } else if (error instanceof FatalError) {
    const where = formatPlace(error.place);
    process.stderr.write(`annex: ${where ? `${where}: ` : ""}${error.message}\n`);
  } else if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const path = (error as NodeJS.ErrnoException).path;
    if (code && path) process.stderr.write(`annex: ${path}: ${describeErrno(code)}\n`);
    else process.stderr.write(`annex: ${error.message.split("\n")[0]}\n`);
  } else {
    process.stderr.write(`annex: ${String(error)}\n`);
  }
  return EXIT.trouble;
}

function describeErrno(code: string): string {
  switch (code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a folder, not a file";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "EROFS":
      return "read-only file system";
    case "ENOSPC":
      return "no space left on device";
    default:
      return code;
  }
}

/** Wraps a command action so that its result sets the exit status and failures print one line. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<number>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      process.exitCode = await fn(...args);
    } catch (error) {
      process.exitCode = reportFailure(error);
    }
  };
}
