// `annex diff` and `annex init`: comparing two editions, and starting the next one.
import { Option, type Command } from "commander";
import type { DiffFormat } from "../../app/diff.ts";
import { errorsOf } from "../../diagnostics/format.ts";
import { plural } from "../../lib/plural.ts";
import { INIT_FORMATS, type InitFormat } from "../../model/files.ts";
import { action, emit, EXIT, printDiagnostics, say, type Session } from "../session.ts";
import { INPUT } from "./data.ts";

const DIFF_FORMATS = ["text", "json", "html"] as const satisfies readonly DiffFormat[];

/** Colour on a terminal only, and never when NO_COLOR is set to anything (no-color.org). */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && !(env.NO_COLOR !== undefined && env.NO_COLOR !== "");
}

export function registerEditionCommands(program: Command, session: Session): void {
  program
    .command("diff")
    .description("compare two editions of the annex, activity by activity (exit 0: no changes, 1: changes, 2: trouble)")
    .argument("<a>", `the earlier edition: ${INPUT}`)
    .argument("<b>", "the later edition, likewise")
    .addOption(new Option("--format <format>", "text for reading, json for programs, html for publishing").choices(DIFF_FORMATS).default("text"))
    .option("-o, --output <file>", "write to a file instead of stdout")
    .option("--sources <dir>", "the folder holding the plan years", "sources")
    .action(
      action(session, async (a: string, b: string, opts: { format: DiffFormat; output?: string; sources: string }) => {
        const { compareInputs, formatDiff } = await import("../../app/diff.ts");
        const { before, after, result } = await compareInputs(a, b, opts.sources);
        for (const side of [before, after]) {
          const errors = errorsOf(side.diagnostics).length;
          if (errors) say(session, `annex: warning: ${side.file}: the data has ${plural(errors, "error")} (see: annex validate ${side.file}); compared as read`);
        }
        const color = opts.output === undefined && useColor(session.io.stdout, session.io.env);
        await emit(session, await formatDiff(result, opts.format, color, { before, after }), opts.output);
        const total = result.summary.total;
        if (opts.output !== undefined) say(session, `${opts.output}: ${total === 0 ? "no changes" : plural(total, "change")}`);
        return total === 0 ? EXIT.ok : EXIT.dataErrors;
      }),
    );

  program
    .command("init")
    .description("start a new plan year: the previous edition's annex becomes the working copy (a spreadsheet) or annex data in sources/<plan-years>/")
    .argument("<plan-years>", "the new plan year, YYYY-YYYY over three years (e.g. 2021-2023)")
    .requiredOption("--from <input>", `the edition to start from: ${INPUT}`)
    .addOption(new Option("--format <format>", "xlsx or ods: the working copy, one row per activity; yaml: annex data").choices(INIT_FORMATS).default("xlsx"))
    .option("--sources <dir>", "the folder holding the plan years", "sources")
    .action(
      action(session, async (planYears: string, opts: { from: string; format: InitFormat; sources: string }) => {
        const { startPlanYear } = await import("../../app/init.ts");
        const started = await startPlanYear(planYears, opts.from, opts.sources, opts.format);
        const { previous } = started;
        if (started.status === "refused") {
          printDiagnostics(session, started.errors);
          say(session, `annex: ${previous.file}: the data has ${plural(started.errors.length, "error")}; fix them before starting a new plan year from it`);
          return EXIT.dataErrors;
        }
        const { outcome } = started;
        for (const w of outcome.warnings) say(session, `annex: warning: ${w}`);
        session.io.stdout.write(
          `Plan year ${planYears} started from ${previous.annex.planYears} (${previous.annex.activities.length} activities):\n` +
            outcome.files.map((f) => `  ${f}\n`).join("") +
            `Edit ${outcome.files[0] ?? ""}, then see the changes with: annex diff ${previous.annex.planYears} ${planYears}\n`,
        );
        return EXIT.ok;
      }),
    );
}
