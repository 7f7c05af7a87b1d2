// Every YAML file a person edits (annex data, corrections, plan settings) is read here, so that
// a syntax error always comes out the same way: one line, with its line and column, and a plain
// hint for the usual slips of a hand edit.
import { LineCounter, parseDocument, type Document } from "yaml";
import { FatalError } from "../diagnostics/fatal.ts";
import { checkNesting, tooDeep } from "./nesting.ts";
import { type Phrase, ph } from "../messages/catalogue.ts";

const HINTS: Partial<Record<string, Phrase>> = {
  BLOCK_AS_IMPLICIT_KEY: ph("yaml.quote"),
  MULTILINE_IMPLICIT_KEY: ph("yaml.quote"),
  BAD_INDENT: ph("yaml.indent"),
  TAB_AS_INDENT: ph("yaml.tab"),
  MISSING_CHAR: ph("yaml.unclosed"),
};

/** yaml's messages end with " at line L, column C:" and a code excerpt; the place is reported apart. */
function firstLine(message: string): string {
  const head = message.split("\n")[0] ?? message;
  return head.replace(/ at line \d+, column \d+:?$/, "");
}

export function parseYamlDocument(text: string, file: string): { doc: Document; lineCounter: LineCounter } {
  checkNesting(text, file);
  const lineCounter = new LineCounter();
  // uniqueKeys (the default) makes a key written twice in one mapping a syntax error
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const at = syntax.linePos?.[0];
    // out of stack: checkNesting is meant to keep the parser from getting there
    if (syntax.code === "RESOURCE_EXHAUSTION") throw tooDeep(file, at?.line);
    const hint = HINTS[syntax.code] ?? "";
    throw new FatalError("yaml/syntax", "syntax", { what: firstLine(syntax.message), hint }, at ? { file, line: at.line, col: at.col } : { file });
  }
  return { doc, lineCounter };
}
