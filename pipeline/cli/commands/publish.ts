// `annex build` (every plan year in sources/ → out/<plan>/) and `annex render` (one input).
import type { Command } from "commander";
import { join } from "node:path";
import type { YearOutcome } from "../../app/build.ts";
import { REPORT_FILES } from "../../app/build-report.ts";
import type { PublishResult } from "../../app/publish.ts";
import { countBySeverity, errorsOf, formatDiagnostic, summary } from "../../diagnostics/format.ts";
import { plural } from "../../lib/plural.ts";
import { FORMATS } from "../../model/files.ts";
import { parseFormats } from "../options.ts";
import { action, EXIT, reportFailure, say, type Session } from "../session.ts";
import { t } from "../../messages/catalogue.ts";

/** What is printed for an annex that is not published: its errors, and that nothing was written. */
function refusal(session: Session, { loaded, outDir }: PublishResult): void {
  for (const d of errorsOf(loaded.diagnostics)) say(session, formatDiagnostic(d));
  say(session, t("progress.not-published", { file: loaded.file, summary: summary(loaded.diagnostics), dir: outDir }));
}

/**
 * What the edition needs from the office beyond its errors: the warnings new against the previous
 * edition, each with its place, then how many it inherits (all are in the build report).
 */
function attention(session: Session, prefix: string, outcome: Extract<YearOutcome, { attention: unknown }>): void {
  const { fresh, inherited, previous } = outcome.attention;
  if (previous === null) return;
  if (fresh.length > 0) {
    say(session, `${prefix}: ${plural(fresh.length, "new warning")} against ${previous}:`);
    for (const d of fresh) say(session, formatDiagnostic(d));
  } else say(session, `${prefix}: no new warnings against ${previous}`);
  if (inherited > 0) say(session, `${prefix}: ${plural(inherited, "warning")} inherited from ${previous} (listed in the build report)`);
}

export function registerPublishCommands(program: Command, session: Session): void {
  program
    .command("build")
    .description(t("help.build"))
    .argument("[folders...]", t("help.build.folders"))
    .option("--sources <dir>", t("help.build.sources"), "sources")
    .option("--out <dir>", t("help.build.out"), "out")
    .option("--format <list>", t("help.formats", { formats: FORMATS.join(",") }), FORMATS.join(","))
    .action(
      action(session, async (folders: string[], opts: { sources: string; out: string; format: string }) => {
        const formats = parseFormats(opts.format);
        const { buildAll } = await import("../../app/build.ts");
        const tag = (year: string, index: number, total: number) => `annex: ${year} [${index + 1}/${total}]`;
        let status: number = EXIT.ok;
        const settled = (outcome: YearOutcome, index: number, total: number): void => {
          const prefix = tag(outcome.year, index, total);
          if (outcome.status === "failed") {
            // one plan year that cannot be read does not stop the others
            status = Math.max(status, reportFailure(session, outcome.error, prefix));
          } else if (outcome.status === "refused") {
            refusal(session, outcome.result);
            attention(session, prefix, outcome);
            status = Math.max(status, EXIT.dataErrors);
          } else {
            const { loaded, outDir } = outcome.result;
            const warned = countBySeverity(loaded.diagnostics).warning > 0;
            const seconds = outcome.seconds.toFixed(1);
            say(
              session,
              warned
                ? t("progress.done-warned", { prefix, seconds, summary: summary(loaded.diagnostics), report: join(outDir, REPORT_FILES.text) })
                : t("progress.done", { prefix, seconds }),
            );
            attention(session, prefix, outcome);
          }
        };
        const outcomes = await buildAll({
          sourcesDir: opts.sources,
          inputs: folders,
          outRoot: opts.out,
          formats,
          progress: (line, year, index, total) => {
            say(session, `${tag(year, index, total)}: ${line}`);
          },
          settled,
        });
        const failed = outcomes.filter((o) => o.status !== "published").map((o) => o.year);
        const built = outcomes.length - failed.length;
        say(session, failed.length ? t("progress.built-failed", { built, total: outcomes.length, failed }) : t("progress.built", { built, total: outcomes.length }));
        return status;
      }),
    );

  program
    .command("render")
    .description(t("help.render"))
    .argument("<input>", t("cli.input"))
    .option("--format <list>", t("help.formats", { formats: FORMATS.join(",") }), FORMATS.join(","))
    .option("--out <dir>", t("help.render.out"))
    .option("--report", t("help.render.report"))
    .option("--sources <dir>", t("help.build.sources"), "sources")
    .action(
      action(session, async (input: string, opts: { format: string; out?: string; report?: boolean; sources: string }) => {
        const formats = parseFormats(opts.format);
        const { editionFolder, publish } = await import("../../app/publish.ts");
        const result = await publish(input, {
          // by default the plan year's edition folder, known once the annex is read, and replaced whole
          outDir: opts.out ?? ((planYears, example) => editionFolder("out", planYears, example)),
          whole: opts.out === undefined,
          formats,
          sourcesDir: opts.sources,
          report: Boolean(opts.report),
          progress: (line) => {
            say(session, `annex: ${line}`);
          },
        });
        if (!result.published) {
          refusal(session, result);
          return EXIT.dataErrors;
        }
        return EXIT.ok;
      }),
    );
}
