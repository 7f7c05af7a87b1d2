// extract | repair | validate | export: the data pipeline, one stage further each.
import type { Command } from "commander";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { formatDiagnostic, hasErrors, summary } from "../../diagnostics/format.ts";
import { oneOf } from "../options.ts";
import { action, emit, EXIT, fatalDiagnostic, printDiagnostics, say, type Session } from "../session.ts";

export const INPUT = "a plan year in sources/ (2020-2022), its folder, a PDF, a text layer (.txt), annex data (.yaml/.json), or a spreadsheet or document (.xlsx, .ods, .docx, .odt)";

function asJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function asLines(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join("");
}

/**
 * Runs a command whose JSON output is a list of diagnostics: a problem that stops it is given
 * there too, as the one diagnostic of the list, before it is reported as usual.
 */
async function reportingFatalAsJson(session: Session, json: boolean, output: string | undefined, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    const fatal = json ? fatalDiagnostic(error) : null;
    if (fatal) await emit(session, asJson([fatal]), output);
    throw error;
  }
}

export function registerDataCommands(program: Command, session: Session): void {
  program
    .command("extract")
    .description("read the table of a printed annex (a PDF, a text layer, a spreadsheet or document laid out as printed): cells with their place and row span (no repair)")
    .argument("<input>", INPUT)
    .option("-o, --output <file>", "write to a file instead of stdout")
    .action(
      action(session, async (input: string, opts: { output?: string }) => {
        const { resolveSource } = await import("../../app/inputs.ts");
        const { readRawTable } = await import("../../app/load.ts");
        const { table, diagnostics } = await readRawTable(await resolveSource(input));
        printDiagnostics(session, diagnostics);
        await emit(session, asJson(table), opts.output);
        return hasErrors(diagnostics) ? EXIT.dataErrors : EXIT.ok;
      }),
    );

  program
    .command("repair")
    .description("extract and repair: the annex before validation, or with --log what was repaired, where and why")
    .argument("<input>", INPUT)
    .option("--log", "print the repair log (every change with its page, row and reason) instead of the annex")
    .option("--format <format>", "text or json (for --log)", "text")
    .option("-o, --output <file>", "write to a file instead of stdout")
    .action(
      action(session, async (input: string, opts: { log?: boolean; format: string; output?: string }) => {
        const format = oneOf(opts.format, ["text", "json"], "--format");
        return reportingFatalAsJson(session, Boolean(opts.log) && format === "json", opts.output, async () => {
          const { readAnnex } = await import("../../app/load.ts");
          const read = await readAnnex(input);
          if (opts.log) {
            const entries = [...read.repairs, ...read.diagnostics];
            await emit(session, format === "json" ? asJson(entries) : asLines(entries), opts.output);
          } else {
            printDiagnostics(session, read.diagnostics);
            await emit(session, asJson(read.annex), opts.output);
          }
          return hasErrors(read.diagnostics) ? EXIT.dataErrors : EXIT.ok;
        });
      }),
    );

  program
    .command("validate")
    .description("extract, repair and validate: print every diagnostic (exit 1 if any is an error)")
    .argument("<input>", INPUT)
    .option("--format <format>", "text or json", "text")
    .option("-o, --output <file>", "write to a file instead of stdout")
    .action(
      action(session, async (input: string, opts: { format: string; output?: string }) => {
        const format = oneOf(opts.format, ["text", "json"], "--format");
        return reportingFatalAsJson(session, format === "json", opts.output, async () => {
          const { loadInput } = await import("../../app/load.ts");
          const loaded = await loadInput(input);
          const all = loaded.diagnostics;
          await emit(session, format === "json" ? asJson(all) : asLines(all), opts.output);
          say(session, `${loaded.file}: ${loaded.annex.activities.length} activities, ${summary(all)}`);
          return hasErrors(all) ? EXIT.dataErrors : EXIT.ok;
        });
      }),
    );

  program
    .command("export")
    .description("the validated annex as open data: JSON or CSV rows (DESIGN.md's contract)")
    .argument("<input>", INPUT)
    .option("--format <format>", "json or csv", "json")
    .option("-o, --output <file>", "write to a file instead of stdout")
    .action(
      action(session, async (input: string, opts: { format: string; output?: string }) => {
        const format = oneOf(opts.format, ["json", "csv"], "--format");
        const { exportInput } = await import("../../app/export.ts");
        const { loaded, text } = await exportInput(input, format);
        const errors = loaded.diagnostics.filter((d) => d.severity === "error");
        printDiagnostics(session, errors);
        if (loaded.diagnostics.length > errors.length) {
          say(session, `${loaded.file}: ${summary(loaded.diagnostics)} (see them with: annex validate ${input})`);
        }
        await emit(session, text, opts.output);
        return errors.length ? EXIT.dataErrors : EXIT.ok;
      }),
    );
}
