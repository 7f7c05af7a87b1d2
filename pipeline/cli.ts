// The `annex` command: a thin shell that parses arguments and hands over to the commands.
// Each group of commands registers itself; the commands read files, call stages, write files.
import { Command } from "commander";
import { readFileSync } from "node:fs";
import { registerDataCommands } from "./cli/commands/data.ts";
import { setDebug } from "./cli/run.ts";
import { registerDiffCommands } from "./cli/commands/editions.ts";
import { registerRenderCommands } from "./cli/commands/publish.ts";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

const program = new Command("annex")
  .description("Allegato 1 — Mappatura dei processi: extract, repair, validate, render and compare plan years")
  .version(pkg.version)
  .option("--debug", "print stack traces for failures")
  .showHelpAfterError("(annex --help lists the commands and options)")
  .configureOutput({ outputError: (text, write) => write(text) })
  .exitOverride((err) => {
    // commander's own usage errors are bad usage: exit 2 (help and version exit 0)
    process.exit(err.exitCode === 0 ? 0 : 2);
  })
  .hook("preAction", (cmd) => setDebug(Boolean(cmd.opts().debug)));

// a reader that stops early (`annex export … | head`) is not an error
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

registerDataCommands(program);
registerDiffCommands(program);
registerRenderCommands(program);

await program.parseAsync(process.argv);
