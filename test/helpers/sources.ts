// The real sources read through the whole pipeline once per test process: extracting the
// 2020-2022 PDF is the most expensive fixture, and several test files look at it. Tests only
// read what these give (a test that edits an annex edits a copy).
import { loadInput, type Loaded } from "../../pipeline/app/load.ts";
import { htmlTemplates, loadLabels } from "../../pipeline/app/templates.ts";
import { renderer } from "../../pipeline/render/index.ts";

let pdf2020: Promise<Loaded> | undefined;
let published2020: Promise<Uint8Array> | undefined;

/** sources/2020-2022 (the published PDF and its plan), loaded and validated; paths are relative to the project, where the tests run. */
export function load2020(): Promise<Loaded> {
  pdf2020 ??= loadInput("sources/2020-2022");
  return pdf2020;
}

/** Our PDF of 2020-2022, as `build` publishes it. */
export function publishedPdf2020(): Promise<Uint8Array> {
  published2020 ??= (async () => {
    const loaded = await load2020();
    const [file] = await renderer(loaded.annex, { plan: loaded.plan, labels: loadLabels(), html: htmlTemplates() })("pdf");
    if (!file || typeof file.data === "string") throw new Error("the PDF renderer gave no bytes");
    return file.data;
  })();
  return published2020;
}
