// The XML parts of an office file as a small element tree, parsed by saxes (a streaming parser,
// 5-15 times faster here than a DOM). Names keep one fixed prefix per namespace, so readers match
// "table:table-cell" or "w:tc" whatever prefix the producer declared.
import { SaxesParser } from "saxes";
import { FatalError } from "../../diagnostics/fatal.ts";
import { at } from "../../lib/at.ts";

export interface El {
  name: string;
  attrs: Record<string, string>;
  children: (El | string)[];
}

const PREFIXES: Record<string, string> = {
  "urn:oasis:names:tc:opendocument:xmlns:office:1.0": "office",
  "urn:oasis:names:tc:opendocument:xmlns:style:1.0": "style",
  "urn:oasis:names:tc:opendocument:xmlns:text:1.0": "text",
  "urn:oasis:names:tc:opendocument:xmlns:table:1.0": "table",
  "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0": "fo",
  "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0": "manifest",
  "urn:oasis:names:tc:opendocument:xmlns:config:1.0": "config",
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "x",
  "http://purl.oclc.org/ooxml/spreadsheetml/main": "x",
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
  "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
  "http://schemas.openxmlformats.org/package/2006/relationships": "rel",
  "http://schemas.openxmlformats.org/drawingml/2006/main": "a",
  "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
};

type Renames = ReadonlyMap<string, string>;

/** Prefixes this element declares that differ from the fixed ones ("" is the default namespace). */
function declared(attrs: Record<string, string>, outer: Renames): Renames {
  let renames: Map<string, string> | null = null;
  for (const [key, uri] of Object.entries(attrs)) {
    if (key !== "xmlns" && !key.startsWith("xmlns:")) continue;
    const prefix = key === "xmlns" ? "" : key.slice(6);
    const wanted = PREFIXES[uri] ?? prefix;
    if (wanted === ((renames ?? outer).get(prefix) ?? prefix)) continue;
    renames ??= new Map(outer);
    renames.set(prefix, wanted);
  }
  return renames ?? outer;
}

function rename(name: string, renames: Renames, isAttr: boolean): string {
  const colon = name.indexOf(":");
  // an unprefixed attribute is in no namespace
  if (colon < 0 && isAttr) return name;
  const prefix = colon < 0 ? "" : name.slice(0, colon);
  const to = renames.get(prefix);
  if (to === undefined) return name;
  const local = colon < 0 ? name : name.slice(colon + 1);
  return to ? `${to}:${local}` : local;
}

/** Far deeper than any spreadsheet or document part nests its elements (a table in a table in a cell is some twenty). */
const MAX_XML_DEPTH = 256;

/** Far more elements than a part of the largest annex holds (a document's body of 245 rows has about 60,000). */
export const MAX_XML_ELEMENTS = 2_000_000;

/** Parses one XML part; `part` names it in the error ("content.xml"). */
export function parseXml(xml: string, file: string, part: string): El {
  const parser = new SaxesParser();
  const root: El = { name: "#document", attrs: {}, children: [] };
  const stack: El[] = [root];
  const scopes: Renames[] = [new Map()];
  const top = <T>(list: T[], what: string): T => at(list, list.length - 1, what);
  let count = 0;
  parser.on("opentag", (tag) => {
    if (++count > MAX_XML_ELEMENTS) {
      throw new FatalError("office/too-large", "elements", { part, max: MAX_XML_ELEMENTS.toLocaleString("en") }, { file });
    }
    // the tree is walked by recursive functions (find, the text of a cell): a part nested deeper
    // than any document is refused here, not met as "Maximum call stack size exceeded" there
    if (stack.length > MAX_XML_DEPTH) {
      throw new FatalError("input/too-deep", "xml", { part, max: MAX_XML_DEPTH }, { file });
    }
    const raw = tag.attributes as Record<string, string>;
    const renames = declared(raw, top(scopes, "namespace scope"));
    let attrs = raw;
    if (renames.size > 0) {
      attrs = {};
      for (const [key, value] of Object.entries(raw)) attrs[rename(key, renames, true)] = value;
    }
    const el: El = { name: renames.size > 0 ? rename(tag.name, renames, false) : tag.name, attrs, children: [] };
    top(stack, "open element").children.push(el);
    stack.push(el);
    scopes.push(renames);
  });
  parser.on("closetag", () => {
    stack.pop();
    scopes.pop();
  });
  const text = (t: string) => void top(stack, "open element").children.push(t);
  parser.on("text", text);
  parser.on("cdata", text);
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof FatalError) throw error;
    const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    throw new FatalError("office/damaged", "xml", { part, reason }, { file });
  }
  const document = root.children.find((c): c is El => typeof c !== "string");
  if (!document) throw new FatalError("office/damaged", "empty-part", { part }, { file });
  return document;
}

export function elements(el: El, name?: string): El[] {
  return el.children.filter((c): c is El => typeof c !== "string" && (name === undefined || c.name === name));
}

export function element(el: El, name: string): El | undefined {
  return el.children.find((c): c is El => typeof c !== "string" && c.name === name);
}

/** The first element with this name at any depth, in document order. */
export function find(el: El, name: string): El | undefined {
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (c.name === name) return c;
    const inner = find(c, name);
    if (inner) return inner;
  }
  return undefined;
}

/** Every element with this name at any depth, not looking inside a match. */
export function findAll(el: El, name: string, out: El[] = []): El[] {
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (c.name === name) out.push(c);
    else findAll(c, name, out);
  }
  return out;
}

/** An attribute as a number, or `fallback` when absent or not a number. */
export function numberAttr(el: El | undefined, name: string, fallback: number): number {
  const raw = el?.attrs[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  return Number.isFinite(n) ? n : fallback;
}
