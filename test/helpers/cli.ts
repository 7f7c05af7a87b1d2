// Runs the `annex` command as a person would. In this process by default: the same argument
// parsing, messages and exit status, without starting Node, tsx and pdf.js again for every call.
// In a child process (`annexProcess`) where the process itself is the subject: the exit status
// it ends with, a stack trace with --debug, a pipe closed early.
import { execFile, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { run } from "../../pipeline/cli/program.ts";

const BIN = fileURLToPath(new URL("../../bin/annex.js", import.meta.url));

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** An English locale whatever the machine's: tests that are not about the language read English. */
const ENGLISH = { LC_ALL: "", LC_MESSAGES: "", LANG: "en_US.UTF-8" };

interface Options {
  /** the folder the command runs in (its relative paths are resolved there) */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** milliseconds before a child process is killed (annexProcess; default one minute): a test never hangs */
  timeout?: number;
}

/** `annex …` in this process, with its output captured; relative paths are resolved in `cwd`. */
export async function annex(args: readonly string[], opts: Options = {}): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const here = process.cwd();
  if (opts.cwd !== undefined) process.chdir(opts.cwd);
  try {
    const status = await run(["node", "annex", ...args], {
      stdout: { write: (text) => (stdout += text) },
      stderr: { write: (text) => (stderr += text) },
      env: { ...process.env, ...ENGLISH, NO_COLOR: "1", ...opts.env },
    });
    return { status, stdout, stderr };
  } finally {
    process.chdir(here);
  }
}

/** `annex …` in a child process, as a shell runs it. */
export function annexProcess(args: readonly string[], opts: Options = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    cwd: opts.cwd,
    env: { ...process.env, ...ENGLISH, NO_COLOR: "1", ...opts.env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: opts.timeout ?? 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `annex …` in a child process, waited for without holding up this process (a browser driven meanwhile goes on being driven). */
export function annexChild(args: readonly string[], opts: Options = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { encoding: "utf8", cwd: opts.cwd, env: { ...process.env, ...ENGLISH, NO_COLOR: "1", ...opts.env }, maxBuffer: 64 * 1024 * 1024, timeout: opts.timeout ?? 60_000 },
      (error, stdout, stderr) => {
        resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}
