// Stopped by Ctrl-C or a kill: what this process had half-written is removed (and a previous
// edition it had moved aside put back) before it exits with the status a shell expects.
import { removeTemporaryFilesSync } from "../app/staging.ts";

const SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const;

export function cleanUpOnSignals(): void {
  for (const [signal, status] of Object.entries(SIGNALS)) {
    process.once(signal, () => {
      removeTemporaryFilesSync();
      process.exit(status);
    });
  }
}
