// The `annex` command: arguments parsed by commander, every command registered here, and the
// exit status of one run. Commands load the application layer only when they run, so that
// `annex --help` does not pay for pdf.js or the renderers.
import { Command, CommanderError } from "commander";
import { readFileSync } from "node:fs";
import { registerDataCommands } from "./commands/data.ts";
import { registerEditionCommands } from "./commands/editions.ts";
import { registerPublishCommands } from "./commands/publish.ts";
import { EXIT, type Io, type Session } from "./session.ts";

const pkg: unknown = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
const VERSION = typeof pkg === "object" && pkg !== null && "version" in pkg && typeof pkg.version === "string" ? pkg.version : "unknown";

function program(session: Session): Command {
  const root = new Command("annex")
    .description("Allegato 1 — Mappatura dei processi: extract, repair, validate, render and compare plan years")
    .version(VERSION)
    .option("--debug", "print stack traces for failures")
    .configureOutput({
      writeOut: (text) => {
        session.io.stdout.write(text);
      },
      writeErr: (text) => {
        session.io.stderr.write(text);
      },
    })
    // commander reports its own usage errors, help and version by exiting: thrown instead, see run()
    .exitOverride()
    .hook("preAction", (cmd) => {
      session.debug = cmd.opts().debug === true;
    });
  registerDataCommands(root, session);
  registerEditionCommands(root, session);
  registerPublishCommands(root, session);
  // a usage error is one line, like any other failure, and says where the usage is explained
  for (const command of [root, ...root.commands]) {
    const help = command === root ? "annex --help" : `annex ${command.name()} --help`;
    command.configureOutput({
      outputError: (text, write) => {
        const what = text.trim().replace(/^error: /, "").split("\n").join(" ");
        write(`annex: ${what} (see ${help})\n`);
      },
    });
  }
  return root;
}

/** Runs `annex` with `argv` (as process.argv: node, script, arguments) and returns its exit status. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const session: Session = { io, debug: false, exitCode: EXIT.ok };
  try {
    await program(session).parseAsync([...argv]);
  } catch (error) {
    // help and version end with exit status 0; commander's usage errors are bad usage
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.trouble;
    throw error;
  }
  return session.exitCode;
}
