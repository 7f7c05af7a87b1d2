// `annex build` (every plan year in sources/ → out/<plan>/) and `annex render` (one input).
import type { Command } from "commander";
import { join } from "node:path";
import { countBySeverity } from "../../diagnostics/format.ts";
import { summary } from "../output.ts";
import { EXIT, action, reportFailure } from "../run.ts";
import { listPlanYears } from "../../app/load.ts";
import { FORMATS, parseFormats } from "../../render/index.ts";
import { publish, refusal } from "../../app/publish.ts";

const INPUT = "a plan year in sources/ (2020-2022), its folder, a PDF, a text layer (.txt) or annex data (.yaml/.json)";

function write(line: string): void {
  process.stderr.write(`${line}\n`);
}

function usage(message: string): never {
  throw Object.assign(new Error(message), { usage: true });
}

function formatsOf(list: string) {
  try {
    return parseFormats(list);
  } catch (error) {
    return usage((error as Error).message);
  }
}

export function registerRenderCommands(program: Command): void {
  program
    .command("build")
    .description("publish every plan year in sources/: out/<plan>/allegato-1.{pdf,docx,html,csv,json} and a build report")
    .option("--sources <dir>", "folder of the plan years", "sources")
    .option("--out <dir>", "output folder (one subfolder per plan year)", "out")
    .option("--format <list>", `formats to write, comma-separated: ${FORMATS.join(",")}`, FORMATS.join(","))
    .action(
      action(async (opts: { sources: string; out: string; format: string }) => {
        const formats = formatsOf(opts.format);
        const years = await listPlanYears(opts.sources);
        if (years.length === 0) usage(`no plan year in ${opts.sources}/ (expected folders named like 2020-2022)`);
        let status: number = EXIT.ok;
        const failed: string[] = [];
        for (const [i, year] of years.entries()) {
          const tag = `annex: ${year} [${i + 1}/${years.length}]`;
          const started = performance.now();
          const outDir = join(opts.out, year);
          try {
            const result = await publish(year, { outDir, formats, sourcesDir: opts.sources, report: true, progress: (line) => write(`${tag}: ${line}`) });
            if (!result.published) {
              for (const line of refusal(result)) write(line);
              status = Math.max(status, EXIT.dataErrors);
              failed.push(year);
              continue;
            }
            const counts = countBySeverity(result.loaded.diagnostics);
            const seconds = ((performance.now() - started) / 1000).toFixed(1);
            write(`${tag}: done in ${seconds} s${counts.warning ? ` — ${summary(result.loaded.diagnostics)}, see ${join(outDir, "build-report.txt")}` : ""}`);
          } catch (error) {
            // one plan year that cannot be read does not stop the others
            process.stderr.write(`${tag}: `);
            status = Math.max(status, reportFailure(error));
            failed.push(year);
          }
        }
        const ok = years.length - failed.length;
        write(`annex: built ${ok} of ${years.length} plan years${failed.length ? `; not published: ${failed.join(", ")}` : ""}`);
        return status;
      }),
    );

  program
    .command("render")
    .description("publish one input: the annex as PDF, DOCX, accessible HTML, CSV and JSON (nothing is written if it has errors)")
    .argument("<input>", INPUT)
    .option("--format <list>", `formats to write, comma-separated: ${FORMATS.join(",")}`, FORMATS.join(","))
    .option("--out <dir>", "output folder (default: out/<plan years>)")
    .option("--report", "also write build-report.txt and build-report.json")
    .option("--sources <dir>", "folder of the plan years", "sources")
    .action(
      action(async (input: string, opts: { format: string; out?: string; report?: boolean; sources: string }) => {
        const formats = formatsOf(opts.format);
        const result = await publish(input, {
          // by default out/<plan years>, known once the annex is read
          outDir: opts.out ?? ((planYears) => join("out", planYears)),
          formats,
          sourcesDir: opts.sources,
          report: Boolean(opts.report),
          progress: (line) => write(`annex: ${line}`),
        });
        if (!result.published) {
          for (const line of refusal(result)) write(line);
          return EXIT.dataErrors;
        }
        return EXIT.ok;
      }),
    );
}
