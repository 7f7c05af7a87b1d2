// How deeply a YAML (or JSON) text nests its lists and mappings, found before the `yaml` package
// composes it. Its composer nests one call per level and runs out of stack some hundreds of levels
// down, and at that edge V8 may abort the process instead of throwing. No file a person edits
// here nests more than five levels, so a text that could nest more than MAX_NESTING is refused
// first. (js-yaml, the fast reader of annex data, stops at the same depth by its own maxDepth.)
import { Lexer } from "yaml";
import { FatalError } from "../diagnostics/fatal.ts";

export const MAX_NESTING = 100;

/**
 * A bound on the block nesting of each line: its indentation plus the "- " and "? " indicators
 * before its content, doubled (a list may sit at its mapping key's indentation). It never
 * under-counts: every block level starts further right, or after an indicator.
 */
function blockBound(line: string): number {
  let column = 0;
  while (column < line.length) {
    const c = line[column];
    if (c === " ") column++;
    else if ((c === "-" || c === "?") && (line[column + 1] === " " || column + 1 === line.length)) column += 2;
    else break;
  }
  return 2 * (column + 1);
}

/** Throws input/too-deep, with the line, when `text` may nest deeper than MAX_NESTING. */
export function checkNesting(text: string, file: string): void {
  let openers = 0;
  let deepestBlock = 0;
  let lineOfDeepest = 1;
  let line = 1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) openers++; // [ {
    if (i === text.length || c === 10) {
      const bound = blockBound(text.slice(start, i));
      if (bound > deepestBlock) [deepestBlock, lineOfDeepest] = [bound, line];
      line++;
      start = i + 1;
    }
  }
  if (deepestBlock > MAX_NESTING) throw tooDeep(file, lineOfDeepest);
  // a few brackets in the whole file cannot nest deeply; many are counted exactly, flow
  // collection by collection (brackets inside quoted or plain text are not collections)
  if (deepestBlock + openers <= MAX_NESTING) return;
  let depth = 0;
  line = 1;
  for (const token of new Lexer().lex(text)) {
    if (token === "[" || token === "{") {
      depth++;
      if (depth + deepestBlock > MAX_NESTING) throw tooDeep(file, line);
    } else if (token === "]" || token === "}") depth = Math.max(0, depth - 1);
    else for (let k = token.indexOf("\n"); k !== -1; k = token.indexOf("\n", k + 1)) line++;
  }
}

export function tooDeep(file: string, line?: number): FatalError {
  return new FatalError("input/too-deep", "nesting", { max: MAX_NESTING }, line ? { file, line } : { file });
}
