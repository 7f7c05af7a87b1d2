// How the printed formats look, named once: colours, type sizes, page margins, spacing. What
// both formats share is given in points and the DOCX renderer converts it to Word's units; what
// each sets on its own (matched by eye to the published annex in each program, which set type
// differently) is grouped under its name, in that format's own units.

export const COLOURS = {
  /** the example mark: dark red on white, contrast 8:1 */
  example: "#A00000",
  /** the published annex shades inactive rows light grey */
  inactive: "#D9D9D9",
  /** header rows: light blue as in the published annex (black text on it: contrast 17:1) */
  header: "#DDEBF7",
  rule: "#000000",
  text: "#000000",
};

/** Width of the ruling lines around every cell, in points (the extractor reads the table back from them). */
export const RULE_WIDTH = 0.5;
/** Size of the page-number line ("Pagina 3 di 19"), in points. */
export const PAGE_NUMBER_SIZE = 7;

/** The PDF's page margins, in points: left, top, right, bottom. */
const PDF_MARGINS: [number, number, number, number] = [28, 28, 28, 34];

/** The PDF (pdfmake), in points. */
export const PDF_STYLE = {
  /** A4 landscape */
  pageWidth: 841.89,
  pageHeight: 595.28,
  margins: PDF_MARGINS,
  cellPadding: { x: 2, y: 1.5 },
  fontSize: 7,
  lineHeight: 1.05,
  titleSize: 10,
  /** space under the title, over the footnote, and around the legend's title */
  titleGap: 6,
  footnoteGap: 8,
  legendTitleGap: { above: 6, below: 1 },
  /** the page number's baseline, below the top of the bottom margin */
  pageNumberDrop: 14,
  /** the example mark on every page: its size, and its baseline above the top of the table */
  exampleSize: 9,
  exampleRise: 10,
  /** space under the identity line, and under the example mark on the first page */
  identityGap: 4,
};

/** The DOCX (docx): sizes in points, lengths in twips (a twentieth of a point), as Word counts them. */
export const DOCX_STYLE = {
  font: "Calibri",
  fontSize: 8,
  titleSize: 12,
  /** the example mark, at the top of every page */
  exampleSize: 11,
  /** Word's A4, portrait (the section turns it landscape) */
  page: { width: 11906, height: 16838 },
  /** 1 cm on every side; header and footer half of it */
  margin: 567,
  cellMargins: { x: 57, y: 20 },
  titleAfter: 160,
  legendTitle: { before: 160, after: 40 },
  footnoteBefore: 160,
};

/** "#D9D9D9" → "D9D9D9": Word writes colours without the hash. */
export function wordColour(colour: string): string {
  return colour.replace(/^#/, "");
}

/** Points → Word's half-points (font sizes). */
export function halfPoints(points: number): number {
  return Math.round(points * 2);
}

/** Points → Word's eighths of a point (border widths). */
export function eighthPoints(points: number): number {
  return Math.round(points * 8);
}
