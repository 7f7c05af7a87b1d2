// `annex diff` and `annex init`: comparing two editions, and starting the next one.
import { Option, type Command } from "commander";
import type { DiffFormat } from "../../app/diff.ts";
import { errorsOf } from "../../diagnostics/format.ts";
import { t } from "../../messages/catalogue.ts";
import { INIT_FORMATS, type InitFormat } from "../../model/files.ts";
import { action, emit, EXIT, printDiagnostics, say, type Session } from "../session.ts";

const DIFF_FORMATS = ["text", "json", "html"] as const satisfies readonly DiffFormat[];

/** Colour on a terminal only, and never when NO_COLOR is set to anything (no-color.org). */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && !(env.NO_COLOR !== undefined && env.NO_COLOR !== "");
}

export function registerEditionCommands(program: Command, session: Session): void {
  program
    .command("diff")
    .description(t("help.diff"))
    .argument("<a>", t("help.diff.a", { input: t("cli.input") }))
    .argument("<b>", t("help.diff.b"))
    .addOption(new Option("--format <format>", t("help.diff.format")).choices(DIFF_FORMATS).default("text"))
    .option("-o, --output <file>", t("cli.output"))
    .option("--sources <dir>", t("help.sources"), "sources")
    .action(
      action(session, async (a: string, b: string, opts: { format: DiffFormat; output?: string; sources: string }) => {
        const { compareInputs, formatDiff } = await import("../../app/diff.ts");
        const { before, after, result } = await compareInputs(a, b, opts.sources);
        for (const side of [before, after]) {
          const errors = errorsOf(side.diagnostics).length;
          if (errors) say(session, t("diff.side-errors", { file: side.file, count: errors }));
        }
        const color = opts.output === undefined && useColor(session.io.stdout, session.io.env);
        await emit(session, await formatDiff(result, opts.format, color, { before, after }), opts.output);
        const total = result.summary.total;
        if (opts.output !== undefined) say(session, total === 0 ? t("diff.written-none", { file: opts.output }) : t("diff.written", { file: opts.output, count: total }));
        return total === 0 ? EXIT.ok : EXIT.dataErrors;
      }),
    );

  program
    .command("init")
    .description(t("help.init"))
    .argument("<plan-years>", t("help.init.plan-years"))
    .requiredOption("--from <input>", t("help.init.from", { input: t("cli.input") }))
    .addOption(new Option("--format <format>", t("help.init.format")).choices(INIT_FORMATS).default("xlsx"))
    .option("--sources <dir>", t("help.sources"), "sources")
    .action(
      action(session, async (planYears: string, opts: { from: string; format: InitFormat; sources: string }) => {
        const { startPlanYear } = await import("../../app/init.ts");
        const started = await startPlanYear(planYears, opts.from, opts.sources, opts.format);
        const { previous } = started;
        if (started.status === "refused") {
          printDiagnostics(session, started.errors);
          say(session, t("init.refused", { file: previous.file, count: started.errors.length }));
          return EXIT.dataErrors;
        }
        const { outcome } = started;
        for (const w of outcome.warnings) say(session, t("init.warning", { text: w }));
        session.io.stdout.write(
          `${t("init.started", { planYears, previous: previous.annex.planYears, count: previous.annex.activities.length })}\n` +
            outcome.files.map((f) => `  ${f}\n`).join("") +
            `${t("init.next", { file: outcome.files[0] ?? "", previous: previous.annex.planYears, planYears })}\n`,
        );
        return EXIT.ok;
      }),
    );
}
