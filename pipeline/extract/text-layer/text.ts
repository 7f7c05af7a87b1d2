// Reading a text layer's lines: whitespace normalisation and header-row recognition.

/** Trimmed, inner whitespace (including non-breaking spaces) collapsed to single spaces. */
export function normalizeText(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

/** The header vocabulary of Allegato 1: the band row ("LIV 1 … STRUTTURE RESPONSABILI") and the headings row. */
export function isHeaderRow(cells: readonly string[]): boolean {
  const first = cells[0] ?? "";
  if (cells.includes("LIV 1") || cells.includes("STRUTTURE RESPONSABILI")) return true;
  return /^Funzio-?\s?ne$/.test(first) && cells.some((c) => /^Macro\s+Processi$/i.test(c));
}
