// The `annex` command's entry point (bin/annex.js loads it): runs the command on this process's
// arguments and streams, and sets the exit status.
import { stdoutIsFileOrDevice, writeAllSync } from "./app/output-file.ts";
import { run } from "./cli/program.ts";
import { EXIT, reportFailure, type Io } from "./cli/session.ts";
import { cleanUpOnSignals } from "./cli/signals.ts";

cleanUpOnSignals();

// stdout redirected to a file or a device is written whole or the command fails: Node's own
// stream would let a short write (ulimit -f) pass as success and leave a truncated file
const stdout = stdoutIsFileOrDevice()
  ? {
      write: (text: string) => {
        writeAllSync(1, text, "stdout");
      },
    }
  : process.stdout;

const io: Io = { stdout, stderr: process.stderr, env: process.env };

// A pipe closed early by its reader (`annex export … | head`) is not an error; any other failure
// to write stdout is one line and exit 2, not a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  reportFailure({ io, debug: process.argv.includes("--debug"), exitCode: EXIT.trouble }, error);
  process.exit(EXIT.trouble);
});

process.exitCode = await run(process.argv, io);
