// Edits to a PDF's page content streams, at the level of what a page draws: a text run (one
// `q 0 0 0 rg BT … Tj ET Q` unit as LibreOffice writes each line of a cell, absolutely
// positioned) or a table row's runs, removed, drawn twice, or moved in the drawing order. The
// PDF is expanded once with qpdf (`--qdf`: uncompressed streams, one per page) to read its pages'
// drawing as text; an edited page's stream is then appended to the original file as an
// incremental update (the same object number, a cross-reference section of its own), as a PDF
// editor saves a change, so that a variant costs no child process.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seeded } from "./random.ts";

const UNIT = /q 0 0 0 rg\nBT\n([\d.-]+) ([\d.-]+) Td [^\n]*\nET\nQ\n/g;
/** A horizontal rule across the row's own cells (code, title, risk, structures) of the 2020-2022 source. */
const ROW_RULE = /^([\d.]+) ([\d.]+) m\n([\d.]+) \2 l S$/gm;

/** More than the distance between two lines of one cell in the 2020-2022 source (8 pt). */
const LINE_PITCH = 10;

export interface Unit {
  start: number;
  end: number;
  x: number;
  y: number;
}

export interface QdfPage {
  page: number;
  /** the content stream's object number in the original file */
  object: number;
  /** offsets of the content stream's data in the QDF text */
  start: number;
  end: number;
  units: Unit[];
  /** y of the rules that separate the rows of the row's own cells, top first */
  rules: number[];
}

export type Mutation = "remove run" | "duplicate run" | "move run" | "remove row" | "duplicate row";

export interface Variant {
  index: number;
  mutation: Mutation;
  page: number;
  /** what was done, for a failure message */
  what: string;
  /** the run removed was its cell's only line (no other run in its column within a line of it): the page prints that cell empty */
  emptied: boolean;
  data: Uint8Array;
}

/** The PDF as QDF text (latin1) and its pages' content streams. */
export interface Expanded {
  original: Uint8Array;
  text: string;
  pages: QdfPage[];
}

export function expand(pdf: string): Expanded {
  const dir = mkdtempSync(join(tmpdir(), "annex-qdf-"));
  try {
    const out = join(dir, "qdf.pdf");
    execFileSync("qpdf", ["--qdf", "--object-streams=disable", pdf, out]);
    const text = readFileSync(out, "latin1");
    const pages: QdfPage[] = [];
    for (const m of text.matchAll(/%% Contents for page (\d+)\n%% Original object ID: (\d+) 0\n/g)) {
      const start = text.indexOf("stream\n", m.index) + "stream\n".length;
      const end = text.indexOf("endstream", start);
      const stream = text.slice(start, end);
      const units = [...stream.matchAll(UNIT)].map((u) => ({ start: start + u.index, end: start + u.index + u[0].length, x: Number(u[1]), y: Number(u[2]) }));
      const rules = [...stream.matchAll(ROW_RULE)].filter((r) => Number(r[1]) < 400 && Number(r[3]) > 790).map((r) => Number(r[2]));
      pages.push({ page: Number(m[1]), object: Number(m[2]), start, end, units, rules: [...new Set(rules)].sort((a, b) => b - a) });
    }
    return { original: new Uint8Array(readFileSync(pdf)), text, pages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The original file with the page's content stream replaced by `stream`, as an incremental update. */
function update(original: Uint8Array, object: number, stream: string): Uint8Array {
  const tail = Buffer.from(original.subarray(Math.max(0, original.length - 1024))).toString("latin1");
  const prev = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1];
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(tail)?.[1] ?? "";
  const size = /\/Size (\d+)/.exec(trailer)?.[1];
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)?.[1];
  const info = /\/Info (\d+ \d+ R)/.exec(trailer)?.[1];
  if (!prev || !size || !root) throw new Error("the PDF's trailer is not a classic one");
  const body = `\n${object} 0 obj\n<</Length ${Buffer.byteLength(stream, "latin1")}>>\nstream\n${stream}\nendstream\nendobj\n`;
  const offset = original.length + 1;
  const xref = original.length + Buffer.byteLength(body, "latin1");
  const section = `xref\n0 1\n0000000000 65535 f \n${object} 1\n${String(offset).padStart(10, "0")} 00000 n \ntrailer\n<</Size ${size}/Root ${root}${info ? `/Info ${info}` : ""}/Prev ${prev}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([original, Buffer.from(body + section, "latin1")]));
}

/** Replaces the ranges (sorted, not overlapping) of `text` by the strings given. */
function splice(text: string, edits: readonly { start: number; end: number; by: string }[]): string {
  let out = "";
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, e.start) + e.by;
    at = e.end;
  }
  return out + text.slice(at);
}

/** `count` variants of the expanded PDF, each with one mutation, the same for the same seed. */
export function mutations(expanded: Expanded, seed: number, count: number): Variant[] {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => {
    const item = list[Math.floor(random() * list.length)];
    if (item === undefined) throw new Error("nothing to pick from");
    return item;
  };
  const kinds: Mutation[] = ["remove run", "duplicate run", "move run", "remove row", "duplicate row"];
  const { text } = expanded;
  const variants: Variant[] = [];
  for (let index = 0; variants.length < count; index++) {
    const mutation = kinds[index % kinds.length] ?? "remove run";
    const page = pick(expanded.pages.filter((p) => p.units.length > 1));
    const unitText = (u: Unit) => text.slice(u.start, u.end);
    let edits: { start: number; end: number; by: string }[];
    let what: string;
    let emptied = false;
    if (mutation.endsWith("run")) {
      const k = Math.floor(random() * (page.units.length - 1));
      const unit = page.units[k];
      const next = page.units[k + 1];
      if (!unit || !next) continue;
      what = `the run drawn at (${unit.x}, ${unit.y})`;
      if (mutation === "remove run") {
        edits = [{ start: unit.start, end: unit.end, by: "" }];
        emptied = !page.units.some((u) => u !== unit && Math.abs(u.x - unit.x) < 0.5 && Math.abs(u.y - unit.y) < LINE_PITCH);
      }
      else if (mutation === "duplicate run") edits = [{ start: unit.end, end: unit.end, by: unitText(unit) }];
      else {
        // drawn after the run that follows it (only where nothing else lies between them: the same clip)
        if (text.slice(unit.end, next.start).trim() !== "") continue;
        edits = [{ start: unit.start, end: next.end, by: unitText(next) + unitText(unit) }];
        what += ` moved after the run at (${next.x}, ${next.y})`;
      }
    } else {
      if (page.rules.length < 2) continue;
      const r = Math.floor(random() * (page.rules.length - 1));
      const top = page.rules[r] ?? 0;
      const bottom = page.rules[r + 1] ?? 0;
      const units = page.units.filter((u) => u.x > 346.4 && u.y < top && u.y > bottom);
      if (units.length === 0) continue;
      what = `the ${units.length} runs of the row between y ${bottom} and ${top}`;
      edits = units.map((u) => (mutation === "remove row" ? { start: u.start, end: u.end, by: "" } : { start: u.end, end: u.end, by: unitText(u) }));
    }
    const stream = splice(text.slice(page.start, page.end), edits.map((e) => ({ start: e.start - page.start, end: e.end - page.start, by: e.by })));
    variants.push({ index: variants.length, mutation, page: page.page, what, emptied, data: update(expanded.original, page.object, stream.replace(/\n$/, "")) });
  }
  return variants;
}
