#!/usr/bin/env node
// Entry point: runs the bundle that scripts/bundle.js compiles from pipeline/ into dist/ (at
// `npm install`), bundling again first when a source changed since, so that an edited source is
// never run from an old bundle. Should bundling fail (a syntax error, a folder that cannot be
// written), the TypeScript sources run through tsx, which reports what is wrong with them.
import { freshBundle } from "../scripts/fresh-bundle.js";

// Stack traces (--debug) name the TypeScript sources; otherwise no source map is ever read.
if (process.argv.includes("--debug")) process.setSourceMapsEnabled(true);

let entry = freshBundle();
if (entry === null) entry = await import("../scripts/bundle.js").then(({ bundle }) => bundle()).catch(() => null);
if (entry === null) {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../pipeline/cli.ts");
} else await import(entry);
