// Publishing one input: load and validate it, render every requested format, and write the
// files. An annex with errors is not published: nothing is written. A plan year's edition
// folder (what `build` writes, and `render` by default) is replaced whole: it is filled beside
// its place and swapped in, so it holds exactly the files of one build and their report, and a
// failure leaves the previous edition untouched. Into a folder named with --out, which may hold
// other things, the files are written together (all under temporary names, then renamed).
import { writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { hasErrors, summary } from "../diagnostics/format.ts";
import { t } from "../messages/catalogue.ts";
import type { Format } from "../model/files.ts";
import { renderer, type RenderedFile } from "../render/index.ts";
import { buildReportJson, buildReportText, describeFile, REPORT_FILES, type PublishedFile } from "./build-report.ts";
import { changeReport } from "./changes.ts";
import { ensureWritableFolder, refused } from "./files.ts";
import { EXAMPLES_DIR, loadInput, type Loaded } from "./load.ts";
import { removeStale, replaceFolder, writeFilesTogether } from "./staging.ts";
import { htmlTemplates, loadLabels } from "./templates.ts";

export interface PublishResult {
  loaded: Loaded;
  /** false: the annex has errors and nothing was written */
  published: boolean;
  /** the folder written to (or that would have been) */
  outDir: string;
  files: PublishedFile[];
}

export interface PublishOptions {
  /** the output folder, or how to name it from the annex's plan years and whether it is an example */
  outDir: string | ((planYears: string, example: boolean) => string);
  formats: readonly Format[];
  sourcesDir?: string;
  /** write build-report.txt and build-report.json beside the outputs */
  report?: boolean;
  /** the output folder is the plan year's edition: replace it whole (see above) */
  whole?: boolean;
  /** also the change report since the previous edition of the sources folder, if there is one (app/changes.ts) */
  changes?: boolean;
  /** progress lines (stderr) */
  progress?: (line: string) => void;
}

/** Where a plan year is published in an output root: out/2020-2022, or out/examples/2021-2023 for an example. */
export function editionFolder(outRoot: string, planYears: string, example: boolean): string {
  return example ? join(outRoot, EXAMPLES_DIR, planYears) : join(outRoot, planYears);
}

export async function publish(input: string, options: PublishOptions): Promise<PublishResult> {
  const say = options.progress ?? (() => undefined);
  const loaded = await loadInput(input, options.sourcesDir !== undefined ? { sourcesDir: options.sourcesDir } : {});
  say(t("progress.read", { count: loaded.annex.activities.length, file: loaded.file, summary: summary(loaded.diagnostics), repairs: loaded.repairs.length }));
  const outDir = typeof options.outDir === "function" ? options.outDir(loaded.annex.planYears, loaded.example) : options.outDir;
  if (hasErrors(loaded.diagnostics)) return { loaded, published: false, outDir, files: [] };

  const render = renderer(loaded.annex, { plan: loaded.plan, labels: loadLabels(), html: htmlTemplates(), example: loaded.example });
  const files: PublishedFile[] = [];
  /** every format's files, one format at a time, then the report that lists them */
  const produce = async (put: (file: { name: string; data: Uint8Array | string }) => Promise<void>) => {
    for (const format of options.formats) {
      for (const file of await render(format)) {
        await put(file);
        files.push(describeFile(file.data, file.name, file.format));
      }
    }
    if (options.changes && options.sourcesDir !== undefined) {
      const changes = await changeReport(loaded, options.sourcesDir, options.formats);
      if (changes.skipped !== undefined) say(`no change report: ${changes.skipped}`);
      for (const file of changes.files) {
        await put(file);
        files.push(describeFile(file.data, file.name, file.format));
      }
    }
    if (options.report) {
      const reports = [
        { name: REPORT_FILES.text, data: buildReportText(loaded, files) },
        { name: REPORT_FILES.json, data: buildReportJson(loaded, files) },
      ];
      for (const report of reports) {
        await put(report);
        files.push(describeFile(report.data, report.name, "report"));
      }
    }
  };

  // a failure names the output folder the person asked for, never the staging folder or a temporary file
  try {
    if (options.whole) {
      await ensureWritableFolder(dirname(outDir), outDir);
      await removeStale(outDir);
      await replaceFolder(outDir, (staging) => produce((file) => writeFile(join(staging, file.name), file.data)));
    } else {
      await ensureWritableFolder(outDir);
      const rendered: Pick<RenderedFile, "name" | "data">[] = [];
      await produce((file) => {
        rendered.push(file);
        return Promise.resolve();
      });
      await writeFilesTogether(outDir, rendered);
    }
  } catch (error) {
    throw refused(error, outDir, "write");
  }
  say(t("progress.wrote", { files: files.map((f) => f.file), dir: outDir }));
  return { loaded, published: true, outDir, files };
}
