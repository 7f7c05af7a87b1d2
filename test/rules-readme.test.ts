// README's tables of rules are the registry's: every id with its step, severity and meaning, so
// that a person who meets a rule id can look it up, and nothing listed there is stale.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULES, RULE_IDS } from "../pipeline/diagnostics/rules.ts";

const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");

/** The rows of the README table whose header row is `header`, as lists of cells (backticks around the id removed). */
function tableRows(header: string): string[][] {
  const lines = README.split("\n");
  const start = lines.indexOf(header);
  if (start < 0) throw new Error(`README has no table headed ${header}`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    const cells = line.slice(1, -1).split(" | ").map((c) => c.trim());
    rows.push([cells[0]?.replace(/^`|`$/g, "") ?? "", ...cells.slice(1)]);
  }
  return rows;
}

describe("README's rule tables", () => {
  it("list every rule that does not stop a command, with its step, severity and meaning", () => {
    const expected = RULE_IDS.filter((id) => !("fatal" in RULES[id])).map((id) => [id, RULES[id].step, RULES[id].severity, RULES[id].means]);
    expect(tableRows("| rule | step | severity | means |")).toEqual(expected);
  });

  it("list every rule that stops a command (exit 2), with its step and meaning", () => {
    const expected = RULE_IDS.filter((id) => "fatal" in RULES[id]).map((id) => [id, RULES[id].step, RULES[id].means]);
    expect(tableRows("| rule | step | means |")).toEqual(expected);
  });
});
