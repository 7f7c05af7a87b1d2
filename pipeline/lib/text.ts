// Text as a cell holds it, reduced to what a reader compares: whitespace collapsed.

/** Trimmed, inner whitespace (including non-breaking spaces) collapsed to single spaces. */
export function normalizeText(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}
