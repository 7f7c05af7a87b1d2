// The `annex` command's entry point (bin/annex.js loads it): runs the command on this process's
// arguments and streams, and sets the exit status.
import { run } from "./cli/program.ts";
import { cleanUpOnSignals } from "./cli/signals.ts";

cleanUpOnSignals();

// a reader that stops early (`annex export … | head`) is not an error
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv, { stdout: process.stdout, stderr: process.stderr, env: process.env });
