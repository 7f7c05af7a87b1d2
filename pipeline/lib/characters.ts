// Characters a text may hold that no reader sees: those XML cannot carry at all (a DOCX or an
// XMP packet holding one does not open), and those that are invisible but change how a text
// reads or how a terminal shows it (control characters, bidirectional overrides).

/* eslint-disable no-control-regex -- these patterns exist to find control characters */

/** Outside XML 1.0's Char production: C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF; half a surrogate pair. */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Allowed in XML but invisible and meaningful: DEL and the C1 controls, bidirectional embeddings, overrides and isolates. */
const INVISIBLE = /[\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** What a terminal must never receive from data: every control character (an escape sequence starts with one), bidi controls, and the XML-forbidden. */
const UNSAFE_FOR_TERMINAL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/* eslint-enable no-control-regex */

function codePoints(text: string, pattern: RegExp): string[] {
  return [...new Set(text.match(pattern) ?? [])].map(describeCodePoint);
}

/** "U+001B" */
export function describeCodePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The XML-forbidden characters of `text`, each once, as U+XXXX. */
export function xmlForbiddenIn(text: string): string[] {
  return codePoints(text, XML_FORBIDDEN);
}

/** The invisible (but XML-allowed) control and bidi characters of `text`, each once, as U+XXXX. */
export function invisibleIn(text: string): string[] {
  return codePoints(text, INVISIBLE);
}

/** `text` without the characters XML forbids: what every published format prints. */
export function withoutXmlForbidden(text: string): string {
  return text.replace(XML_FORBIDDEN, "");
}

/** `text` safe to print on a terminal: every control or bidi character shown as <U+001B>. */
export function showInvisible(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, (char) => `<${describeCodePoint(char)}>`);
}
