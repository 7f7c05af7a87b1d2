// The offices a structure cell names. A cell may name several joined by '/' ("Segretario
// generale/ Servizi amministrativi"), each possibly with a parenthesised qualifier saying for
// what ("Sviluppo economico (Periti ed esperti)"). The qualifier stays attached in the annex.

export interface StructureName {
  /** the part of the cell as printed, trimmed, qualifiers included */
  text: string;
  /** the office's name: qualifiers removed, inner whitespace single spaces ("" when nothing is left) */
  name: string;
  /** the parenthesised qualifiers, as printed, or null */
  qualifier: string | null;
}

/** Splits a structure cell on '/' outside parentheses; each part's qualifier is set aside. */
export function splitStructureCell(cell: string): StructureName[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of cell) {
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    if (ch === "/" && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((part) => {
    const text = part.trim();
    const qualifiers = text.match(/\([^()]*\)/g);
    return { text, name: withoutQualifiers(text), qualifier: qualifiers ? qualifiers.join(" ") : null };
  });
}

/** "Sviluppo economico (Periti ed esperti)" → "Sviluppo economico". */
export function withoutQualifiers(text: string): string {
  return text.replace(/\([^()]*\)/g, " ").replace(/\s+/g, " ").trim();
}
