// The real sources read through the whole pipeline once per test process: extracting the
// 2020-2022 PDF is the most expensive fixture, and several test files look at it. Tests only
// read what these give (a test that edits an annex edits a copy).
import { loadInput, type Loaded } from "../../pipeline/app/load.ts";

let pdf2020: Promise<Loaded> | undefined;

/** sources/2020-2022 (the published PDF and its plan), loaded and validated; paths are relative to the project, where the tests run. */
export function load2020(): Promise<Loaded> {
  pdf2020 ??= loadInput("sources/2020-2022");
  return pdf2020;
}
