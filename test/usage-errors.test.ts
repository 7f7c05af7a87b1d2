// Bad usage is one line on stderr, `annex: <what> (see annex <command> --help)`, and exit 2, for
// every command: a missing argument, an unknown option, a bad --format value, an option
// without its value, too many arguments, an unknown command.
import { describe, expect, it } from "vitest";
import { FORMATS } from "../pipeline/model/files.ts";
import { annex } from "./helpers/cli.ts";

const TEXT_LAYER = "test/fixtures/allegato-1-2020-2022.text-layer.txt";

async function expectUsageLine(args: string[], message: RegExp): Promise<void> {
  const r = await annex(args);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.split("\n").slice(0, -1), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(message);
}

const WITH_INPUT = ["extract", "repair", "validate", "export", "render"];

describe("usage errors are one line naming the help to read", () => {
  it.each(WITH_INPUT)("%s without its input", (command) =>
    expectUsageLine([command], new RegExp(`^annex: missing required argument 'input' \\(see annex ${command} --help\\)\\n$`)),
  );

  it.each([...WITH_INPUT.map((command) => [command, TEXT_LAYER]), ["build"], ["diff", TEXT_LAYER, TEXT_LAYER], ["init", "2021-2023", "--from", TEXT_LAYER]])(
    "%s with an unknown option",
    (command, ...rest) => expectUsageLine([command, ...rest, "--bogus"], new RegExp(`^annex: unknown option '--bogus' \\(see annex ${command} --help\\)\\n$`)),
  );

  it("a misspelt option, with commander's suggestion on the same line", () =>
    expectUsageLine(["export", TEXT_LAYER, "--fromat", "csv"], /^annex: unknown option '--fromat' \(Did you mean --format\?\) \(see annex export --help\)\n$/));

  it.each([
    ["repair", "--log", "--format", "xml"],
    ["validate", "--format", "xml"],
    ["export", "--format", "xml"],
  ])("%s with a bad --format value", (command, ...rest) => expectUsageLine([command, TEXT_LAYER, ...rest], /^annex: --format must be one of [a-z, ]+ \(got "xml"\)\n$/));

  it.each([["build"], ["render", TEXT_LAYER]])("%s with a bad --format list", (command, ...rest) =>
    expectUsageLine([command, ...rest, "--format", "xml"], new RegExp(`^annex: --format takes a comma-separated list of ${FORMATS.join(", ")} \\(got "xml"\\)\\n$`)),
  );

  it("diff with a bad --format value", () =>
    expectUsageLine(["diff", TEXT_LAYER, TEXT_LAYER, "--format", "xml"], /^annex: option '--format <format>' argument 'xml' is invalid\. Allowed choices are text, json, html\. \(see annex diff --help\)\n$/));

  it("diff with one edition only", () => expectUsageLine(["diff", TEXT_LAYER], /^annex: missing required argument 'b' \(see annex diff --help\)\n$/));

  it("init without --from", () => expectUsageLine(["init", "2021-2023"], /^annex: required option '--from <input>' not specified \(see annex init --help\)\n$/));

  it("an option without its value", () => expectUsageLine(["export", TEXT_LAYER, "-o"], /^annex: option '-o, --output <file>' argument missing \(see annex export --help\)\n$/));

  it("too many arguments", () => expectUsageLine(["export", TEXT_LAYER, TEXT_LAYER], /^annex: too many arguments for 'export'\. Expected 1 argument but got 2\. \(see annex export --help\)\n$/));

  it("an unknown command", () => expectUsageLine(["frobnicate"], /^annex: unknown command 'frobnicate' \(see annex --help\)\n$/));
});
