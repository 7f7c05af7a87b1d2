#!/usr/bin/env node
// Entry point: runs the bundle in dist/ (scripts/bundle.js compiles it from pipeline/), and only
// the bundle. An installed package carries it (made when the package was packed) and nothing to
// make it again: a bundle missing a file, cut short or made for another version is an error that
// says how to repair the install. In a checkout it is made at `npm install` and made again here
// when a source changed since, so that an edited source is never run from an old bundle; sources
// that cannot be compiled are an error too. The sources run as they are only when asked for
// (`npm run dev -- …`, the tests).
import { bundleState, CHECKOUT, packageVersion } from "../scripts/fresh-bundle.js";

// Stack traces (--debug) name the TypeScript sources; otherwise no source map is ever read.
if (process.argv.includes("--debug")) process.setSourceMapsEnabled(true);

/** @param {string} message */
function fail(message) {
  process.stderr.write(`annex: ${message}\n`);
  process.exit(2);
}

let state = bundleState();
if ("why" in state && CHECKOUT) {
  try {
    const { bundle } = await import("../scripts/bundle.js");
    state = { url: await bundle() };
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ERR_MODULE_NOT_FOUND") fail(`dist/ is out of date and cannot be compiled here (${error.message.split("\n")[0] ?? ""}): install the development dependencies (npm ci)`);
    const why = error instanceof Error ? error.message.split("\n").filter((line) => line.trim() !== "").slice(0, 2).join(" ") : String(error);
    fail(`pipeline/ cannot be compiled into dist/ (${why}): fix the sources (npm run dev -- <arguments> runs them as they are, npm run typecheck shows where)`);
  }
}
if ("why" in state) {
  const version = packageVersion();
  fail(`this installation of ptpct-annex ${version} is damaged: ${state.why}; install it again (npm install --global ptpct-annex@${version}, or the same tarball)`);
} else await import(state.url);
