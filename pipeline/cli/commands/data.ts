// extract | repair | validate | export: the data pipeline, one stage further each.
import type { Command } from "commander";
import { diagnosticJson, type Diagnostic } from "../../diagnostics/diagnostic.ts";
import { t } from "../../messages/catalogue.ts";
import { formatDiagnostic, hasErrors, summary } from "../../diagnostics/format.ts";
import { oneOf } from "../options.ts";
import { action, emit, EXIT, fatalDiagnostic, printDiagnostics, say, type Session } from "../session.ts";


function asJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Diagnostics as JSON: rule ids, English reasons and places, whatever the person's language. */
function diagnosticsJson(diagnostics: readonly Diagnostic[]): string {
  return asJson(diagnostics.map(diagnosticJson));
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
    if (fatal) await emit(session, diagnosticsJson([fatal]), output);
    throw error;
  }
}

/** The folder of other editions a person named for a PDF's line breaks (`--words-from`), if any. */
const wordsOf = (opts: { wordsFrom?: string }): { wordsFrom?: string } => (opts.wordsFrom !== undefined ? { wordsFrom: opts.wordsFrom } : {});

export function registerDataCommands(program: Command, session: Session): void {
  program
    .command("extract")
    .description(t("help.extract"))
    .argument("<input>", t("cli.input"))
    .option("-o, --output <file>", t("cli.output"))
    .option("--words-from <dir>", t("help.words-from"))
    .action(
      action(session, async (input: string, opts: { output?: string; wordsFrom?: string }) => {
        const { resolveSource } = await import("../../app/inputs.ts");
        const { readRawTable } = await import("../../app/load.ts");
        const { table, diagnostics } = await readRawTable(await resolveSource(input), wordsOf(opts));
        printDiagnostics(session, diagnostics);
        await emit(session, asJson(table), opts.output);
        return hasErrors(diagnostics) ? EXIT.dataErrors : EXIT.ok;
      }),
    );

  program
    .command("repair")
    .description(t("help.repair"))
    .argument("<input>", t("cli.input"))
    .option("--log", t("help.repair.log"))
    .option("--format <format>", t("help.repair.format"), "text")
    .option("-o, --output <file>", t("cli.output"))
    .option("--words-from <dir>", t("help.words-from"))
    .action(
      action(session, async (input: string, opts: { log?: boolean; format: string; output?: string; wordsFrom?: string }) => {
        const format = oneOf(opts.format, ["text", "json"], "--format");
        return reportingFatalAsJson(session, Boolean(opts.log) && format === "json", opts.output, async () => {
          const { readAnnex } = await import("../../app/load.ts");
          const read = await readAnnex(input, wordsOf(opts));
          if (opts.log) {
            const entries = [...read.repairs, ...read.diagnostics];
            await emit(session, format === "json" ? diagnosticsJson(entries) : asLines(entries), opts.output);
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
    .description(t("help.validate"))
    .argument("<input>", t("cli.input"))
    .option("--format <format>", t("help.text-or-json"), "text")
    .option("-o, --output <file>", t("cli.output"))
    .option("--words-from <dir>", t("help.words-from"))
    .action(
      action(session, async (input: string, opts: { format: string; output?: string; wordsFrom?: string }) => {
        const format = oneOf(opts.format, ["text", "json"], "--format");
        return reportingFatalAsJson(session, format === "json", opts.output, async () => {
          const { loadInput } = await import("../../app/load.ts");
          const loaded = await loadInput(input, wordsOf(opts));
          const all = loaded.diagnostics;
          await emit(session, format === "json" ? diagnosticsJson(all) : asLines(all), opts.output);
          say(session, t("summary.validate", { file: loaded.file, count: loaded.annex.activities.length, summary: summary(all) }));
          return hasErrors(all) ? EXIT.dataErrors : EXIT.ok;
        });
      }),
    );

  program
    .command("export")
    .description(t("help.export"))
    .argument("<input>", t("cli.input"))
    .option("--format <format>", t("help.json-or-csv"), "json")
    .option("-o, --output <file>", t("cli.output"))
    .option("--words-from <dir>", t("help.words-from"))
    .action(
      action(session, async (input: string, opts: { format: string; output?: string; wordsFrom?: string }) => {
        const format = oneOf(opts.format, ["json", "csv"], "--format");
        const { exportInput } = await import("../../app/export.ts");
        const { loaded, text } = await exportInput(input, format, wordsOf(opts));
        const errors = loaded.diagnostics.filter((d) => d.severity === "error");
        printDiagnostics(session, errors);
        if (loaded.diagnostics.length > errors.length) {
          say(session, t("summary.export", { file: loaded.file, summary: summary(loaded.diagnostics), input }));
        }
        await emit(session, text, opts.output);
        return errors.length ? EXIT.dataErrors : EXIT.ok;
      }),
    );
}
