// Reading a text layer's lines: whitespace normalisation.

/** Trimmed, inner whitespace (including non-breaking spaces) collapsed to single spaces. */
export function normalizeText(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}
