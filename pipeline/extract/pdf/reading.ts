// What each way of reading a PDF's table (ruled, text grid) hands on: the raw table, what it
// found on the way, and what it did with each page's text, for the one account that checks them all.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import type { RawTable } from "../../model/raw.ts";
import type { PageUse } from "./account.ts";

export interface Reading {
  table: RawTable;
  diagnostics: Diagnostic[];
  uses: PageUse[];
}

/** What settles line breaks: the blank's width the document draws, and the body's own words. */
export interface Breaks {
  blank: number | null;
  own: readonly string[];
}

/** A text quoted in a message: its start, where it is long. */
export function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
