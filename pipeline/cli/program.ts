// The `annex` command: arguments parsed by commander, every command registered here, and the
// exit status of one run. Commands load the application layer only when they run, so that
// `annex --help` does not pay for pdf.js or the renderers.
import { Command, CommanderError, Option, type Help } from "commander";
import { readFileSync } from "node:fs";
import { registerDataCommands } from "./commands/data.ts";
import { registerEditionCommands } from "./commands/editions.ts";
import { registerPublishCommands } from "./commands/publish.ts";
import { EXIT, type Io, type Session } from "./session.ts";
import { currentLang, LANGS, setLang, t, textOf, type TextId } from "../messages/catalogue.ts";
import { detectLang } from "../messages/locale.ts";

const pkg: unknown = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
const VERSION = typeof pkg === "object" && pkg !== null && "version" in pkg && typeof pkg.version === "string" ? pkg.version : "unknown";

const TITLES: Readonly<Record<string, TextId>> = {
  "Usage:": "help.usage",
  "Arguments:": "help.arguments",
  "Options:": "help.options",
  "Commands:": "help.commands",
  "Global Options:": "help.global-options",
};

/** commander's own words in help texts (section titles, defaults, choices), in the person's language. */
const HELP_WORDS: Partial<Help> = {
  styleTitle: (title: string) => {
    const id = TITLES[title];
    return id === undefined ? title : textOf(id);
  },
  styleUsage: (usage: string) => terms(usage),
  styleSubcommandTerm: (term: string) => terms(term),
  optionDescription: (option: Option) => {
    const extra: string[] = [];
    if (option.argChoices) extra.push(t("help.choices", { values: option.argChoices.join(", ") }));
    if (option.defaultValue !== undefined && (option.required || option.optional)) {
      extra.push(t("help.default", { value: option.defaultValueDescription ?? JSON.stringify(option.defaultValue) }));
    }
    return extra.length > 0 ? `${option.description} (${extra.join(", ")})` : option.description;
  },
};

function terms(usage: string): string {
  return usage.replace("[options]", t("help.options-term")).replace("[command]", t("help.command-term"));
}

// commander's usage errors, recognised by their English words and said again in the person's language
const USAGE: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^unknown option '([^']*)'(.*)$/, (m) => t("usage.unknown-option", { option: m[1] ?? "" }) + suggestion(m[2] ?? "")],
  [/^unknown command '([^']*)'(.*)$/, (m) => t("usage.unknown-command", { command: m[1] ?? "" }) + suggestion(m[2] ?? "")],
  [/^missing required argument '([^']*)'$/, (m) => t("usage.missing-argument", { name: m[1] ?? "" })],
  [/^option '([^']*)' argument missing$/, (m) => t("usage.option-missing-argument", { option: m[1] ?? "" })],
  [/^required option '([^']*)' not specified$/, (m) => t("usage.required-option", { option: m[1] ?? "" })],
  [
    /^too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m) => t("usage.too-many", { where: m[1] ? t("usage.too-many-for", { command: m[1] }) : "", expected: Number(m[2]), got: Number(m[3]) }),
  ],
  [
    /^option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/,
    (m) => t("usage.invalid-choice", { option: m[1] ?? "", value: m[2] ?? "", allowed: m[3] ?? "" }),
  ],
];

function suggestion(rest: string): string {
  const m = /\(Did you mean (.*)\?\)/.exec(rest);
  return m ? ` ${t("usage.did-you-mean", { suggestion: m[1] ?? "" })}` : rest;
}

function usageWords(text: string): string {
  for (const [pattern, words] of USAGE) {
    const m = pattern.exec(text);
    if (m) return words(m);
  }
  return text;
}

function program(session: Session): Command {
  const root = new Command("annex")
    .description(t("cli.description"))
    .version(VERSION, "-V, --version", t("cli.version"))
    .helpOption("-h, --help", t("cli.help-option"))
    .helpCommand("help [command]", t("cli.help"))
    .configureHelp(HELP_WORDS)
    .option("--debug", t("cli.debug"))
    .addOption(new Option("--lang <lang>", t("cli.lang")).choices(LANGS))
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
        const what = usageWords(text.trim().replace(/^error: /, "").split("\n").join(" "));
        write(`${t("cli.usage-error", { what, help })}\n`);
      },
    });
  }
  return root;
}

/** Runs `annex` with `argv` (as process.argv: node, script, arguments) and returns its exit status. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  // the language comes first: help texts are written as the commands are declared. It is this
  // run's, and put back when the run ends: a process that runs `annex` more than once (a test
  // suite, a server) is not left speaking the last run's language.
  const before = currentLang();
  setLang(detectLang(argv.slice(2), io.env));
  const session: Session = { io, debug: false, exitCode: EXIT.ok };
  try {
    await program(session).parseAsync([...argv]);
  } catch (error) {
    // help and version end with exit status 0; commander's usage errors are bad usage
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.trouble;
    throw error;
  } finally {
    setLang(before);
  }
  return session.exitCode;
}
