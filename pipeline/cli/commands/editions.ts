// `annex diff` and `annex init`: comparing two editions, and starting the next one.
import { Option, type Command } from "commander";
import { formatDiagnostic } from "../../diagnostics/format.ts";
import { plural } from "../../lib/plural.ts";
import { writeFileAtomic } from "../../app/files.ts";
import { action, EXIT } from "../run.ts";
import { diffAnnexes, diffToJson } from "../../diff/index.ts";
import { formatText, useColor } from "../../diff/format-terminal.ts";
import { renderHtml } from "../../diff/format-html.ts";
import { checkNewPlanYear, initPlanYear } from "../../app/init.ts";
import { loadInput } from "../../app/load.ts";
import { errorsOf } from "../../diff/inputs.ts";
import type { DiffResult } from "../../diff/types.ts";

const SIDE = "a plan year in sources/ (2020-2022), its folder, a PDF, a text layer (.txt) or annex data (.yaml/.json)";

export function registerDiffCommands(program: Command): void {
  program
    .command("diff")
    .description("compare two editions of the annex, activity by activity (exit 0: no changes, 1: changes, 2: trouble)")
    .argument("<a>", `the earlier edition: ${SIDE}`)
    .argument("<b>", "the later edition, likewise")
    .addOption(new Option("--format <format>", "text for reading, json for programs, html for publishing").choices(["text", "json", "html"]).default("text"))
    .option("-o, --output <file>", "write to a file instead of stdout")
    .option("--sources <dir>", "the folder holding the plan years", "sources")
    .action(
      action(async (a: string, b: string, opts: { format: "text" | "json" | "html"; output?: string; sources: string }) => {
        const [before, after] = await Promise.all([loadInput(a, { sourcesDir: opts.sources }), loadInput(b, { sourcesDir: opts.sources })]);
        for (const side of [before, after]) {
          const errors = errorsOf(side.diagnostics).length;
          if (errors) {
            process.stderr.write(`annex: warning: ${side.file}: the data has ${plural(errors, "error")} (see: annex validate ${side.file}); compared as read\n`);
          }
        }
        const result = diffAnnexes(before.annex, after.annex);
        const text = await render(result, opts.format, !opts.output && useColor(process.stdout));
        if (opts.output) {
          await writeFileAtomic(opts.output, text);
          process.stderr.write(`${opts.output}: ${result.summary.total === 0 ? "no changes" : plural(result.summary.total, "change")}\n`);
        } else {
          process.stdout.write(text);
        }
        return result.summary.total === 0 ? EXIT.ok : EXIT.dataErrors;
      }),
    );

  program
    .command("init")
    .description("start a new plan year: the previous edition's annex becomes editable annex data in sources/<plan-years>/")
    .argument("<plan-years>", "the new plan year, YYYY-YYYY over three years (e.g. 2021-2023)")
    .requiredOption("--from <input>", `the edition to start from: ${SIDE}`)
    .option("--sources <dir>", "the folder holding the plan years", "sources")
    .action(
      action(async (planYears: string, opts: { from: string; sources: string }) => {
        // refuse a bad name or an existing plan year before the (slow) reading of a PDF
        checkNewPlanYear(planYears, opts.sources);
        const previous = await loadInput(opts.from, { sourcesDir: opts.sources });
        const errors = errorsOf(previous.diagnostics);
        if (errors.length) {
          for (const d of errors) process.stderr.write(`${formatDiagnostic(d)}\n`);
          process.stderr.write(`annex: ${previous.file}: the data has ${plural(errors.length, "error")}; fix them before starting a new plan year from it\n`);
          return EXIT.dataErrors;
        }
        const outcome = await initPlanYear({ planYears, previous: previous.annex, previousFile: previous.file, sourcesDir: opts.sources });
        for (const w of outcome.warnings) process.stderr.write(`annex: warning: ${w}\n`);
        process.stdout.write(
          `Plan year ${planYears} started from ${previous.annex.planYears} (${previous.annex.activities.length} activities):\n` +
            outcome.files.map((f) => `  ${f}\n`).join("") +
            `Edit ${outcome.files[0]}, then see the changes with: annex diff ${previous.annex.planYears} ${planYears}\n`,
        );
        return EXIT.ok;
      }),
    );
}

async function render(result: DiffResult, format: "text" | "json" | "html", color: boolean): Promise<string> {
  switch (format) {
    case "json":
      return `${JSON.stringify(diffToJson(result), null, 2)}\n`;
    case "html":
      return renderHtml(result);
    case "text":
      return formatText(result, { color });
  }
}
