// Writing a command's result: to stdout, or atomically to a file with -o.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { countBySeverity, formatDiagnostic } from "../diagnostics/format.ts";
import { writeFileAtomic } from "../app/files.ts";
import { plural } from "../lib/plural.ts";

export async function emit(text: string, outFile: string | undefined): Promise<void> {
  if (outFile) await writeFileAtomic(outFile, text);
  else process.stdout.write(text);
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], stream: NodeJS.WritableStream = process.stderr): void {
  for (const d of diagnostics) stream.write(`${formatDiagnostic(d)}\n`);
}

export function summary(diagnostics: readonly Diagnostic[]): string {
  const c = countBySeverity(diagnostics);
  return `${plural(c.error, "error")}, ${plural(c.warning, "warning")}`;
}
