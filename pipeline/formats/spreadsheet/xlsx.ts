// Office Open XML spreadsheet (.xlsx): each worksheet as a grid. Texts from the shared strings
// (rich-text runs joined, phonetic runs left out) or inline; a formula's cached value; merges
// from <mergeCells>; hidden rows; fills from the cell's style (cellXfs → fills), with theme and
// palette colours resolved. A solid fill's colour is its fgColor: LibreOffice writes another
// colour in bgColor.
import { columnLetters, parseCellRef } from "../../lib/workbook/cell-ref.ts";
import { normalizeText } from "../../lib/text.ts";
import { isWhite, mix, tint, toHex } from "../office/colour.ts";
import type { Grid, GridCell } from "../office/grid.ts";
import type { Package } from "../office/package.ts";
import { element, elements, findAll, numberAttr, type El } from "../office/xml-tree.ts";

/** Columns past this are not read (see odf.ts). */
const MAX_COLS = 256;

/** The default palette of `indexed` colours (ECMA-376 Part 1, 18.8.27); 64 and 65 are the system's text and window colours. */
const PALETTE = (
  "000000 ffffff ff0000 00ff00 0000ff ffff00 ff00ff 00ffff 000000 ffffff ff0000 00ff00 0000ff ffff00 ff00ff 00ffff " +
  "800000 008000 000080 808000 800080 008080 c0c0c0 808080 9999ff 993366 ffffcc ccffff 660066 ff8080 0066cc ccccff " +
  "000080 ff00ff ffff00 00ffff 800080 800000 008080 0000ff 00ccff ccffff ccffcc ffff99 99ccff ff99cc cc99ff ffcc99 " +
  "3366ff 33cccc 99cc00 ffcc00 ff9900 ff6600 666699 969696 003366 339966 003300 333300 993300 993366 333399 333333 000000 ffffff"
)
  .split(" ")
  .map((h) => `#${h}`);

/** Grey patterns: the share of the pattern colour (fgColor) over the background. */
const PATTERN_SHARE: Record<string, number> = { solid: 1, darkGray: 0.75, mediumGray: 0.5, lightGray: 0.25, gray125: 0.125, gray0625: 0.0625 };

/** Theme colours in the order `theme="n"` counts them: light 1, dark 1, light 2, dark 2, accents 1-6, links. */
const THEME_ORDER = ["lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"];
const THEME_DEFAULTS: Record<string, string> = { lt1: "#ffffff", dk1: "#000000", lt2: "#e7e6e6", dk2: "#44546a" };

function textOf(el: El, skip: ReadonlySet<string> = new Set()): string {
  return el.children.map((c) => (typeof c === "string" ? c : skip.has(c.name) ? "" : textOf(c, skip))).join("");
}

const PHONETIC = new Set(["x:rPh", "x:phoneticPr"]);

/** SpreadsheetML's escapes (_xHHHH_) for characters XML cannot hold, read back. */
function unescapeXstring(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A string cell's text: runs joined, phonetic guides left out, escapes read, whitespace collapsed. */
function stringText(el: El): string {
  return normalizeText(unescapeXstring(textOf(el, PHONETIC)));
}

function sharedStrings(pkg: Package): string[] {
  if (!pkg.has("xl/sharedStrings.xml")) return [];
  return elements(pkg.xml("xl/sharedStrings.xml"), "x:si").map(stringText);
}

function themeColours(pkg: Package): Map<string, string> {
  const colours = new Map(Object.entries(THEME_DEFAULTS));
  const path = "xl/theme/theme1.xml";
  if (!pkg.has(path)) return colours;
  for (const name of THEME_ORDER) {
    const slot = findAll(pkg.xml(path), `a:${name}`)[0];
    const value = slot && (element(slot, "a:srgbClr")?.attrs["val"] ?? element(slot, "a:sysClr")?.attrs["lastClr"]);
    const hex = toHex(value ?? undefined);
    if (hex) colours.set(name, hex);
  }
  return colours;
}

/** A colour element as "#rrggbb"; null when it has none (automatic). */
function colourOf(c: El | undefined, palette: readonly string[], theme: ReadonlyMap<string, string>): string | null {
  if (!c || c.attrs["auto"] === "1") return null;
  let hex: string | null = null;
  if (c.attrs["rgb"] !== undefined) hex = toHex(c.attrs["rgb"]);
  else if (c.attrs["indexed"] !== undefined) hex = palette[numberAttr(c, "indexed", -1)] ?? null;
  else if (c.attrs["theme"] !== undefined) hex = theme.get(THEME_ORDER[numberAttr(c, "theme", -1)] ?? "") ?? null;
  return hex && tint(hex, numberAttr(c, "tint", 0));
}

/** The fill of each cellXfs index: "#rrggbb", a description, or null (none, white). */
function styleFills(pkg: Package): (string | null)[] {
  if (!pkg.has("xl/styles.xml")) return [];
  const styles = pkg.xml("xl/styles.xml");
  const custom = findAll(styles, "x:rgbColor").map((c) => toHex(c.attrs["rgb"]) ?? "#000000");
  const palette = custom.length > 0 ? [...custom, ...PALETTE.slice(custom.length)] : PALETTE;
  const theme = themeColours(pkg);
  const fills = elements(element(styles, "x:fills") ?? styles, "x:fill").map((f): string | null => {
    const pattern = element(f, "x:patternFill");
    if (!pattern) return element(f, "x:gradientFill") ? "gradient" : null;
    const type = pattern.attrs["patternType"] ?? (element(pattern, "x:fgColor") ? "solid" : "none");
    if (type === "none") return null;
    const share = PATTERN_SHARE[type];
    if (share === undefined) return `pattern ${type}`;
    const fg = colourOf(element(pattern, "x:fgColor"), palette, theme) ?? "#000000";
    const bg = colourOf(element(pattern, "x:bgColor"), palette, theme) ?? "#ffffff";
    const seen = share === 1 ? fg : mix(fg, bg, share);
    return isWhite(seen) ? null : seen;
  });
  return elements(element(styles, "x:cellXfs") ?? styles, "x:xf").map((xf) => fills[numberAttr(xf, "fillId", 0)] ?? null);
}

function cellValue(c: El, strings: readonly string[]): Pick<GridCell, "text" | "type"> {
  const t = c.attrs["t"] ?? "n";
  if (t === "inlineStr") {
    const is = element(c, "x:is");
    return { text: is ? stringText(is) : "" };
  }
  const v = element(c, "x:v");
  if (!v) return { text: "" };
  const raw = textOf(v);
  switch (t) {
    case "s":
      return { text: strings[Number(raw)] ?? "" };
    case "b":
      return { text: raw === "1" ? "TRUE" : "FALSE", type: "boolean" };
    case "e":
      return { text: normalizeText(raw), type: "error" };
    case "n":
      return { text: normalizeText(raw), type: "number" };
    default:
      return { text: normalizeText(unescapeXstring(raw)) };
  }
}

/** Sheet name and part path of each worksheet, in workbook order. */
function sheets(pkg: Package): { name: string; path: string }[] {
  const workbook = pkg.xml("xl/workbook.xml");
  const relsPath = "xl/_rels/workbook.xml.rels";
  const rels = pkg.has(relsPath) ? elements(pkg.xml(relsPath), "rel:Relationship") : [];
  const target = new Map(rels.map((r) => [r.attrs["Id"] ?? "", r.attrs["Target"] ?? ""]));
  return findAll(workbook, "x:sheet").flatMap((s) => {
    const t = target.get(s.attrs["r:id"] ?? "");
    if (!t) return [];
    const path = t.startsWith("/") ? t.slice(1) : inXl(t);
    return [{ name: s.attrs["name"] ?? "", path }];
  });
}

const key = (row: number, col: number) => row * MAX_COLS + col;

function sheetGrid(sheet: El, name: string, strings: readonly string[], fills: readonly (string | null)[]): Grid {
  const spans = new Map<number, { rowSpan: number; colSpan: number }>();
  const covered = new Set<number>();
  let width = 0;
  let height = 0;
  for (const m of findAll(sheet, "x:mergeCell")) {
    const [a, b] = (m.attrs["ref"] ?? "").split(":").map(parseCellRef);
    if (!a || !b || a.col >= MAX_COLS) continue;
    spans.set(key(a.row, a.col), { rowSpan: b.row - a.row + 1, colSpan: b.col - a.col + 1 });
    for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= Math.min(b.col, MAX_COLS - 1); c++) if (r !== a.row || c !== a.col) covered.add(key(r, c));
    width = Math.max(width, a.col + 1);
    height = Math.max(height, b.row + 1);
  }
  const found = new Map<number, Omit<GridCell, "col" | "colSpan" | "rowSpan">>();
  const hidden = new Set<number>();
  let rowIndex = -1;
  for (const row of findAll(sheet, "x:row")) {
    rowIndex = numberAttr(row, "r", rowIndex + 2) - 1;
    let col = -1;
    let hasText = false;
    for (const c of elements(row, "x:c")) {
      col = (c.attrs["r"] ? parseCellRef(c.attrs["r"])?.col : undefined) ?? col + 1;
      if (col >= MAX_COLS) continue;
      const value = cellValue(c, strings);
      found.set(key(rowIndex, col), { ...value, fill: fills[numberAttr(c, "s", 0)] ?? null });
      hasText ||= value.text !== "";
      width = Math.max(width, col + 1);
    }
    if (!hasText) continue;
    if (row.attrs["hidden"] === "1" || row.attrs["hidden"] === "true") hidden.add(rowIndex);
    // rows with no text after the last that has some are not part of the grid: LibreOffice saves
    // the sheet's last row (1048576) when its cells have a style, which would be a million empty rows
    height = Math.max(height, rowIndex + 1);
  }
  const rows: GridCell[][] = [];
  for (let r = 0; r < height; r++) {
    const cells: GridCell[] = [];
    for (let c = 0; c < width; c++) {
      if (covered.has(key(r, c))) continue;
      const cell = found.get(key(r, c));
      const span = spans.get(key(r, c));
      cells.push({ col: c, colSpan: span?.colSpan ?? 1, rowSpan: span?.rowSpan ?? 1, text: "", fill: null, ...cell });
    }
    rows.push(cells);
  }
  return { name, rows, hidden, before: [], after: [], locate: (row, col) => `${name}!${columnLetters(col)}${row + 1}` };
}

export function xlsxGrids(pkg: Package): Grid[] {
  const strings = sharedStrings(pkg);
  const fills = styleFills(pkg);
  return sheets(pkg)
    .filter((s) => pkg.has(s.path))
    .map(({ name, path }) => sheetGrid(pkg.xml(path), name, strings, fills));
}

/** A relationship's target relative to xl/, its "." and ".." resolved (as Node's posix.normalize(posix.join("xl", target)), which the web page has not). */
function inXl(target: string): string {
  const parts: string[] = [];
  for (const part of `xl/${target}`.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}
