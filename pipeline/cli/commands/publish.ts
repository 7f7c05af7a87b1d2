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
import { INPUT } from "./data.ts";

/** What is printed for an annex that is not published: its errors, and that nothing was written. */
function refusal(session: Session, { loaded, outDir }: PublishResult): void {
  for (const d of errorsOf(loaded.diagnostics)) say(session, formatDiagnostic(d));
  say(session, `${loaded.file}: ${summary(loaded.diagnostics)}: not published (nothing written to ${outDir})`);
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
    .description("publish every plan year in sources/ (or the plan-year folders named): out/<plan>/allegato-1.{pdf,docx,html,csv,json}, the data package and a build report; an example goes to out/examples/<plan>/")
    .argument("[folders...]", "plan-year folders to build instead, e.g. examples/2021-2023 (or plan years in sources/)")
    .option("--sources <dir>", "folder of the plan years", "sources")
    .option("--out <dir>", "output folder (one subfolder per plan year)", "out")
    .option("--format <list>", `formats to write, comma-separated: ${FORMATS.join(",")}`, FORMATS.join(","))
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
            say(session, `${prefix}: done in ${seconds} s${warned ? ` — ${summary(loaded.diagnostics)}, see ${join(outDir, REPORT_FILES.text)}` : ""}`);
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
        say(session, `annex: built ${outcomes.length - failed.length} of ${outcomes.length} plan years${failed.length ? `; not published: ${failed.join(", ")}` : ""}`);
        return status;
      }),
    );

  program
    .command("render")
    .description("publish one input: the annex as PDF, DOCX, accessible HTML, CSV and JSON (nothing is written if it has errors)")
    .argument("<input>", INPUT)
    .option("--format <list>", `formats to write, comma-separated: ${FORMATS.join(",")}`, FORMATS.join(","))
    .option("--out <dir>", "output folder (default: out/<plan years>, replaced whole; out/examples/<plan years> for an example)")
    .option("--report", "also write build-report.txt and build-report.json")
    .option("--sources <dir>", "folder of the plan years", "sources")
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
