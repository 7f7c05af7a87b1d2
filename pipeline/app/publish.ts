// Publishing one input: load and validate it, render every requested format in memory, and
// only then write the files. An annex with errors is not published: nothing is written, so an
// output folder never holds a half-updated edition.
import { join } from "node:path";
import { hasErrors, summary } from "../diagnostics/format.ts";
import { plural } from "../lib/plural.ts";
import { outputName, type Format } from "../model/files.ts";
import { renderAll } from "../render/index.ts";
import { buildReportJson, buildReportText, describeFile, REPORT_FILES, type PublishedFile } from "./build-report.ts";
import { ensureWritableFolder, writeFileAtomic } from "./files.ts";
import { loadInput, type Loaded } from "./load.ts";
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
  /** the output folder, or how to name it from the annex's plan years */
  outDir: string | ((planYears: string) => string);
  formats: readonly Format[];
  sourcesDir?: string;
  /** write build-report.txt and build-report.json beside the outputs */
  report?: boolean;
  /** progress lines (stderr) */
  progress?: (line: string) => void;
}

export async function publish(input: string, options: PublishOptions): Promise<PublishResult> {
  const say = options.progress ?? (() => undefined);
  const loaded = await loadInput(input, options.sourcesDir !== undefined ? { sourcesDir: options.sourcesDir } : {});
  say(`read ${loaded.annex.activities.length} activities from ${loaded.file} (${summary(loaded.diagnostics)}, ${plural(loaded.repairs.length, "repair")})`);
  const outDir = typeof options.outDir === "function" ? options.outDir(loaded.annex.planYears) : options.outDir;
  if (hasErrors(loaded.diagnostics)) return { loaded, published: false, outDir, files: [] };

  await ensureWritableFolder(outDir);
  const outputs = await renderAll(loaded.annex, options.formats, { plan: loaded.plan, labels: loadLabels(), html: htmlTemplates() });
  const files: PublishedFile[] = [];
  const writes: [string, Uint8Array | string][] = [];
  for (const [format, data] of outputs) {
    const name = outputName(format);
    writes.push([join(outDir, name), data]);
    files.push(describeFile(data, name, format));
  }
  if (options.report) {
    const txt = buildReportText(loaded, files);
    const json = buildReportJson(loaded, files);
    writes.push([join(outDir, REPORT_FILES.text), txt], [join(outDir, REPORT_FILES.json), json]);
    files.push(describeFile(txt, REPORT_FILES.text, "report"), describeFile(json, REPORT_FILES.json, "report"));
  }
  for (const [path, data] of writes) await writeFileAtomic(path, data);
  say(`wrote ${files.map((f) => f.file).join(", ")} in ${outDir}`);
  return { loaded, published: true, outDir, files };
}
