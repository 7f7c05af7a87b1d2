// Which words of a text changed: a person checking a renamed activity needs to see the one
// word that differs in a long title, not re-read both titles side by side.
import { diffWords } from "diff";

export interface WordSegment {
  text: string;
  op: "same" | "removed" | "added";
}

/**
 * The most word and space changes marked one by one. Finding the changes costs the length of
 * the texts times the number of changes: a retitled activity has a handful, while two pages of
 * unrelated text would take a minute to compare word by word. Beyond it the text is shown as
 * replaced whole.
 */
export const MAX_WORD_EDITS = 200;

export function wordDiff(before: string, after: string): WordSegment[] {
  const parts = diffWords(before, after, { maxEditLength: MAX_WORD_EDITS });
  if (parts === undefined) {
    return [
      { text: before, op: "removed" },
      { text: after, op: "added" },
    ];
  }
  return parts.map((part) => ({
    text: part.value,
    op: part.added ? "added" : part.removed ? "removed" : "same",
  }));
}
