// A PDF's objects as qpdf reads them (qpdf --json=2, streams decoded), to check what pdf.js does
// not show: structure attributes (/ID, /Headers, /Scope), the catalog, fonts, content streams.
import { execFileSync } from "node:child_process";

/** A PDF value in qpdf's JSON: "/Name", "u:text", "b:hex", "12 0 R", numbers, booleans, arrays, dictionaries. */
export type PdfValue = string | number | boolean | null | PdfValue[] | { [key: string]: PdfValue };
export type PdfDict = Record<string, PdfValue>;

export interface PdfObjects {
  get(ref: PdfValue | undefined): PdfValue | undefined;
  dict(ref: PdfValue | undefined): PdfDict;
  /** a stream's decoded data (latin1) */
  stream(ref: PdfValue | undefined): string;
  trailer: PdfDict;
  catalog: PdfDict;
  all(): [string, PdfDict][];
}

function isDict(value: PdfValue | undefined): value is PdfDict {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function readPdfObjects(file: string): PdfObjects {
  const json = JSON.parse(execFileSync("qpdf", ["--json=2", "--json-key=qpdf", "--json-stream-data=inline", "--decode-level=generalized", file], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 }));
  const objects = json.qpdf[1] as Record<string, { value?: PdfValue; stream?: { dict: PdfDict; data?: string } }>;
  const entry = (ref: PdfValue | undefined) => (typeof ref === "string" && /^\d+ \d+ R$/.test(ref) ? objects[`obj:${ref}`] : undefined);
  const get = (ref: PdfValue | undefined): PdfValue | undefined => {
    const found = entry(ref);
    if (!found) return ref;
    return found.value ?? found.stream?.dict;
  };
  const dict = (ref: PdfValue | undefined): PdfDict => {
    const value = get(ref);
    return isDict(value) ? value : {};
  };
  const trailer = (objects.trailer?.value ?? {}) as PdfDict;
  return {
    get,
    dict,
    stream: (ref) => Buffer.from(entry(ref)?.stream?.data ?? "", "base64").toString("latin1"),
    trailer,
    catalog: dict(trailer["/Root"]),
    all: () => Object.entries(objects).flatMap(([key, o]) => (key.startsWith("obj:") ? [[key.slice(4), (o.value ?? o.stream?.dict ?? {}) as PdfDict] as [string, PdfDict]] : [])).filter(([, d]) => isDict(d)),
  };
}

/** The text of a PDF string as qpdf gives it ("u:…" or "b:hex"). */
export function pdfText(value: PdfValue | undefined): string {
  if (typeof value !== "string") return "";
  if (value.startsWith("u:")) return value.slice(2);
  if (value.startsWith("b:")) return Buffer.from(value.slice(2), "hex").toString("latin1");
  return value;
}

export interface StructElement {
  ref: string;
  type: string;
  dict: PdfDict;
  children: StructElement[];
  /** marked-content ids directly inside */
  mcids: number[];
}

/** The structure tree, from the StructTreeRoot. */
export function structureTree(pdf: PdfObjects): StructElement[] {
  const root = pdf.dict(pdf.catalog["/StructTreeRoot"]);
  const walk = (ref: PdfValue): StructElement[] => {
    if (typeof ref === "number") return [];
    const dict = pdf.dict(ref);
    if (dict["/S"] === undefined) return [];
    const kids = dict["/K"];
    const list = Array.isArray(kids) ? kids : kids === undefined ? [] : [kids];
    return [
      {
        ref: typeof ref === "string" ? ref : JSON.stringify(ref),
        type: typeof dict["/S"] === "string" ? dict["/S"] : "",
        dict,
        children: list.flatMap((k) => walk(k)),
        mcids: list.filter((k): k is number => typeof k === "number"),
      },
    ];
  };
  const kids = root["/K"];
  return (Array.isArray(kids) ? kids : kids === undefined ? [] : [kids]).flatMap((k) => walk(k));
}

export function flatten(elements: readonly StructElement[]): StructElement[] {
  return elements.flatMap((e) => [e, ...flatten(e.children)]);
}
