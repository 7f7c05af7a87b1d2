// One rule for "shaded" (model/shading.ts): the PDF reader and the office reader, each through
// its own path from a painted or stored fill to a row's shading, agree on the same colours.
import { describe, expect, it } from "vitest";
import { paintPath, type Geometry } from "../pipeline/extract/pdf/geometry.ts";
import { IDENTITY } from "../pipeline/extract/pdf/matrix.ts";
import { readPageTable } from "../pipeline/extract/pdf/page-table.ts";
import type { GridCell } from "../pipeline/formats/office/grid.ts";
import { cellFills } from "../pipeline/formats/office/odf.ts";
import { findAnnexGrid, gridsToRawTable } from "../pipeline/formats/office/printed-table.ts";
import { parseXml } from "../pipeline/formats/office/xml-tree.ts";
import { isShading, isWhite } from "../pipeline/model/shading.ts";

const MOVE = 0;
const LINE = 1;
const CLOSE = 3;

/** A ruled table of two rows, the second painted with `colour` behind it, read by the PDF reader. */
function pdfShading(colour: string): boolean | undefined {
  const geometry: Geometry = { segments: [], fills: [] };
  const stroke = (x0: number, y0: number, x1: number, y1: number): void => {
    paintPath([MOVE, x0, y0, LINE, x1, y1], IDENTITY, { color: "#000000" }, null, geometry);
  };
  paintPath([MOVE, 0, 20, LINE, 200, 20, LINE, 200, 40, LINE, 0, 40, CLOSE], IDENTITY, null, { color: colour }, geometry);
  for (const x of [0, 100, 200]) stroke(x, 0, x, 40);
  for (const y of [0, 20, 40]) stroke(0, y, 200, y);
  const table = readPageTable({ page: 1, width: 300, height: 100, geometry, runs: [], hidden: [], offPage: 0, turned: 0, rotation: 0 });
  expect(table?.shaded[0]).toBe(false);
  return table?.shaded[1];
}

/** An OpenDocument cell style with `colour` as its background, on an activity's row, read by the office reader. */
function officeShading(colour: string): { shaded: boolean | null | undefined; warned: boolean } {
  const styles = parseXml(
    `<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"><office:automatic-styles><style:style style:name="filled" style:family="table-cell"><style:table-cell-properties fo:background-color="${colour}"/></style:style></office:automatic-styles></office:document-styles>`,
    "f.ods",
    "styles.xml",
  );
  const fill = cellFills([styles])("filled");
  const cell = (col: number, text: string, filled = false): GridCell => ({ col, colSpan: 1, rowSpan: 1, text, fill: filled ? fill : null });
  const header = [cell(0, "Funzione"), cell(1, "Macro Processi"), cell(2, "Processi"), cell(3, "Sotto Processi"), cell(4, "Attività"), cell(5, "")];
  const row = ["F", "A1", "A1.1", "A1.1.1", "A1.1.1.1", "Uno"].map((text, col) => cell(col, text, true));
  const grid = { name: "Foglio1", rows: [header, row], hidden: new Set<number>(), before: [], after: [], locate: (r: number, c: number) => `Foglio1!${"ABCDEF"[c] ?? "?"}${r + 1}` };
  const { table, diagnostics } = gridsToRawTable([grid], findAnnexGrid([grid], "f.ods", "ods"), "f.ods", "ods");
  return { shaded: table.rows[0]?.shaded, warned: diagnostics.some((d) => d.rule === "office/fill") };
}

// the greys producers offer, the pale blue-grey of the source's header style, near-whites, colours, dark
const COLOURS: [string, boolean][] = [
  ["#d9d9d9", true],
  ["#f2f2f2", true],
  ["#a6a6a6", true],
  ["#ddebf7", true],
  ["#e2efd9", true],
  ["#f4f4f4", true],
  ["#f5f5f5", false],
  ["#f7f7f7", false],
  ["#fcfcfc", false],
  ["#ffffff", false],
  ["#ffff00", false],
  ["#c6efce", false],
  ["#404040", false],
  ["#000000", false],
];

describe("a fill shades a row by one rule in every reader", () => {
  it.each(COLOURS)("%s: shading %s, in a PDF and in an office file alike", (colour, shading) => {
    expect(isShading(colour)).toBe(shading);
    expect(pdfShading(colour)).toBe(shading);
    const office = officeShading(colour);
    expect(office.shaded).toBe(shading);
    // what is neither white nor shading is a colour the reader names rather than guess its meaning
    expect(office.warned).toBe(!shading && !isWhite(colour));
  });

  it("takes paint too light to see as no paint, for lines as for fills", () => {
    expect(isWhite("#f5f5f5")).toBe(true);
    expect(isWhite("#f4ffff")).toBe(false);
    expect(isWhite(null)).toBe(true);
    const geometry: Geometry = { segments: [], fills: [] };
    paintPath([MOVE, 0, 0, LINE, 100, 0], IDENTITY, { color: "#f5f5f5" }, null, geometry);
    paintPath([MOVE, 0, 10, LINE, 100, 10], IDENTITY, { color: "#f4f4f4" }, null, geometry);
    expect(geometry.segments.map((s) => s.at)).toEqual([10]);
  });
});
