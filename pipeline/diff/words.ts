// Which words of a text changed: a person checking a renamed activity needs to see the one
// word that differs in a long title, not re-read both titles side by side.
import { diffWords } from "diff";

export interface WordSegment {
  text: string;
  op: "same" | "removed" | "added";
}

export function wordDiff(before: string, after: string): WordSegment[] {
  return diffWords(before, after).map((part) => ({
    text: part.value,
    op: part.added ? "added" : part.removed ? "removed" : "same",
  }));
}
