// extract | repair | validate | export: the data pipeline, one stage further each.
import type { Command } from "commander";
import { formatDiagnostic, hasErrors } from "../../diagnostics/format.ts";
import { loadInput, readAnnex, readRawTable, resolveSource } from "../../app/load.ts";
import { toCsv } from "../../render/open-data/csv.ts";
import { toContractJson } from "../../render/open-data/json.ts";
import { emit, printDiagnostics, summary } from "../output.ts";
import { action, EXIT } from "../run.ts";

const INPUT = "a plan year in sources/ (2020-2022), its folder, a PDF, a text layer (.txt) or annex data (.yaml/.json)";

function oneOf(value: string, allowed: readonly string[], option: string): string {
  if (!allowed.includes(value)) throw new Error(`${option} must be one of ${allowed.join(", ")} (got "${value}")`);
  return value;
}

export function registerDataCommands(program: Command): void {
  program
    .command("extract")
    .description("read the table of a PDF or text layer: cells with page, row, column and row span (no repair)")
    .argument("<input>", INPUT)
    .option("-o, --output <file>", "write to a file instead of stdout")
    .action(
      action(async (input: string, opts: { output?: string }) => {
        const { table, diagnostics } = await readRawTable(await resolveSource(input));
        printDiagnostics(diagnostics);
        await emit(`${JSON.stringify(table, null, 2)}\n`, opts.output);
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
      action(async (input: string, opts: { log?: boolean; format: string; output?: string }) => {
        oneOf(opts.format, ["text", "json"], "--format");
        const read = await readAnnex(input);
        if (opts.log) {
          const entries = [...read.repairs, ...read.diagnostics];
          const text = opts.format === "json" ? `${JSON.stringify(entries, null, 2)}\n` : entries.map((d) => `${formatDiagnostic(d)}\n`).join("");
          await emit(text, opts.output);
        } else {
          printDiagnostics(read.diagnostics);
          await emit(`${JSON.stringify(read.annex, null, 2)}\n`, opts.output);
        }
        return hasErrors(read.diagnostics) ? EXIT.dataErrors : EXIT.ok;
      }),
    );

  program
    .command("validate")
    .description("extract, repair and validate: print every diagnostic (exit 1 if any is an error)")
    .argument("<input>", INPUT)
    .option("--format <format>", "text or json", "text")
    .option("-o, --output <file>", "write to a file instead of stdout")
    .action(
      action(async (input: string, opts: { format: string; output?: string }) => {
        oneOf(opts.format, ["text", "json"], "--format");
        const loaded = await loadInput(input);
        const all = loaded.diagnostics;
        if (opts.format === "json") await emit(`${JSON.stringify(all, null, 2)}\n`, opts.output);
        else await emit(all.map((d) => `${formatDiagnostic(d)}\n`).join(""), opts.output);
        process.stderr.write(`${loaded.file}: ${loaded.annex.activities.length} activities, ${summary(all)}\n`);
        return hasErrors(all) ? EXIT.dataErrors : EXIT.ok;
      }),
    );

  program
    .command("export")
    .description("the validated annex as open data: JSON or CSV rows (DESIGN.md's contract)")
    .argument("<input>", INPUT)
    .option("--format <format>", "json or csv", "json")
    .option("-o, --output <file>", "write to a file instead of stdout")
    .action(
      action(async (input: string, opts: { format: string; output?: string }) => {
        oneOf(opts.format, ["json", "csv"], "--format");
        const loaded = await loadInput(input);
        const errors = loaded.diagnostics.filter((d) => d.severity === "error");
        printDiagnostics(errors);
        if (loaded.diagnostics.length > errors.length) {
          process.stderr.write(`${loaded.file}: ${summary(loaded.diagnostics)} (see them with: annex validate ${input})\n`);
        }
        await emit(opts.format === "csv" ? toCsv(loaded.annex) : toContractJson(loaded.annex), opts.output);
        return errors.length ? EXIT.dataErrors : EXIT.ok;
      }),
    );
}
