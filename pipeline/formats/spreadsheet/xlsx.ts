// Office Open XML spreadsheet (.xlsx): each worksheet as a grid. Texts from the shared strings
// (rich-text runs joined, phonetic runs left out) or inline; a formula's cached value; merges
// from <mergeCells>; hidden rows; fills from the cell's style (cellXfs → fills), with theme and
// palette colours resolved. A solid fill's colour is its fgColor: LibreOffice writes another
// colour in bgColor.
import { columnLetters, parseCellRef } from "../../lib/workbook/cell-ref.ts";
import { normalizeText } from "../../lib/text.ts";
import { isWhite } from "../../model/shading.ts";
import { mix, tint, toHex } from "../office/colour.ts";
import { formatCode, formatSerial, isDateFormat, shownNumber } from "./number-format.ts";
import type { Grid, GridCell } from "../office/grid.ts";
import type { Package } from "../office/package.ts";
import { FatalError } from "../../diagnostics/fatal.ts";
import { diag } from "../../diagnostics/rules.ts";
import { ph, type Param } from "../../messages/catalogue.ts";
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

/** A colour element as "#rrggbb"; null when it has none (automatic). A reference to no colour is damage: the fill it gives is not known. */
function colourOf(c: El | undefined, palette: readonly string[], theme: ReadonlyMap<string, string>, file: string): string | null {
  if (!c || c.attrs["auto"] === "1") return null;
  const damaged = (what: string) => new FatalError("office/damaged", "detail", { detail: ph("damage.colour", { what }) }, { file });
  let hex: string | null = null;
  if (c.attrs["rgb"] !== undefined) hex = toHex(c.attrs["rgb"]);
  else if (c.attrs["indexed"] !== undefined) {
    hex = palette[numberAttr(c, "indexed", -1)] ?? null;
    if (hex === null) throw damaged(`indexed="${c.attrs["indexed"]}"`);
  } else if (c.attrs["theme"] !== undefined) {
    hex = theme.get(THEME_ORDER[numberAttr(c, "theme", -1)] ?? "") ?? null;
    if (hex === null) throw damaged(`theme="${c.attrs["theme"]}"`);
  }
  const amount = numberAttr(c, "tint", 0);
  if (amount < -1 || amount > 1) throw damaged(`tint="${c.attrs["tint"] ?? ""}"`);
  return hex && tint(hex, amount);
}

/** The fill of each cellXfs index: "#rrggbb", a description, or null (none, white); null when the file has no styles. */
function styleFills(pkg: Package): (string | null)[] | null {
  if (!pkg.has("xl/styles.xml")) return null;
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
    const fg = colourOf(element(pattern, "x:fgColor"), palette, theme, pkg.file) ?? "#000000";
    const bg = colourOf(element(pattern, "x:bgColor"), palette, theme, pkg.file) ?? "#ffffff";
    const seen = share === 1 ? fg : mix(fg, bg, share);
    return isWhite(seen) ? null : seen;
  });
  return elements(element(styles, "x:cellXfs") ?? styles, "x:xf").map((xf, i) => {
    const fill = fills[numberAttr(xf, "fillId", 0)];
    if (fill === undefined && (xf.attrs["fillId"] !== undefined || fills.length > 0)) {
      throw new FatalError("office/damaged", "detail", { detail: fills.length === 0 ? ph("damage.style-fill-none", { style: i, fill: xf.attrs["fillId"] ?? "" }) : ph("damage.style-fill", { style: i, fill: xf.attrs["fillId"] ?? "", last: fills.length - 1 }) }, { file: pkg.file });
    }
    return fill ?? null;
  });
}

/** The number format code of each cellXfs index (null: none that shows a date), to show a number as the spreadsheet does. */
function styleFormats(pkg: Package): (string | null)[] {
  if (!pkg.has("xl/styles.xml")) return [];
  const styles = pkg.xml("xl/styles.xml");
  const custom = new Map(findAll(styles, "x:numFmt").map((f) => [numberAttr(f, "numFmtId", -1), f.attrs["formatCode"] ?? ""]));
  return elements(element(styles, "x:cellXfs") ?? styles, "x:xf").map((xf) => formatCode(numberAttr(xf, "numFmtId", 0), custom));
}

interface Styles {
  /** null: the file has no styles part */
  fills: readonly (string | null)[] | null;
  formats: readonly (string | null)[];
  date1904: boolean;
}

/** Where a sheet's problems are told: the file, and how a person names a cell of the sheet. */
interface SheetPlace {
  file: string;
  sheet: string;
}

const cellName = (where: SheetPlace, row: number, col: number) => `${where.sheet}!${columnLetters(col)}${row + 1}`;

function damaged(where: SheetPlace, row: number, col: number, reason: Param): FatalError {
  return new FatalError("office/damaged", "detail", { detail: reason }, { file: where.file, cell: cellName(where, row, col) });
}

/** A cell's value as text, with its type, what the spreadsheet shows for a number (a date, say), and its formula. */
function cellValue(c: El, strings: readonly string[], where: SheetPlace, row: number, col: number, format: string | null, date1904: boolean): Pick<GridCell, "text" | "type" | "shown" | "formula" | "uncomputed"> {
  const f = element(c, "x:f");
  // a shared formula's other cells hold no text of their own: "" still marks the cell as computed
  const formula = f ? { formula: textOf(f) } : {};
  return { ...storedValue(c, strings, where, row, col, format, date1904), ...formula };
}

function storedValue(c: El, strings: readonly string[], where: SheetPlace, row: number, col: number, format: string | null, date1904: boolean): Pick<GridCell, "text" | "type" | "shown" | "uncomputed"> {
  const t = c.attrs["t"] ?? "n";
  if (t === "inlineStr") {
    const is = element(c, "x:is");
    return { text: is ? stringText(is) : "" };
  }
  const v = element(c, "x:v");
  const f = element(c, "x:f");
  // a formula saved without its value (openpyxl and other scripts write them so): the office
  // application computes and shows a value, which the file does not hold; never an empty cell.
  // A formula whose value is the empty string is saved with t="str" and an empty <v>.
  if (f && (!v || (textOf(v) === "" && t !== "str"))) {
    const formula = normalizeText(unescapeXstring(textOf(f)));
    return { text: formula === "" ? "=" : `=${formula}`, type: "error", uncomputed: true };
  }
  if (!v) return { text: "" };
  const raw = textOf(v);
  switch (t) {
    case "s": {
      const index = /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
      const text = strings[index];
      if (text === undefined) {
        const count = strings.length;
        throw damaged(where, row, col, count === 0 ? ph("damage.shared-string-none", { index: raw.slice(0, 20) }) : ph("damage.shared-string", { index: raw.slice(0, 20), count, last: count - 1 }));
      }
      return { text };
    }
    case "b":
      return { text: raw === "1" ? "TRUE" : "FALSE", type: "boolean" };
    case "e":
      return { text: normalizeText(raw), type: "error" };
    case "n": {
      const text = normalizeText(raw);
      // a date is shown, and read, as the spreadsheet shows it: never as its serial number
      if (isDateFormat(format) && format !== null && Number.isFinite(Number(text)) && text !== "") return { text: formatSerial(Number(text), format, date1904), type: "date" };
      return { text, type: "number", shown: shownNumber(text) };
    }
    default:
      return { text: normalizeText(unescapeXstring(raw)) };
  }
}

interface SheetRef {
  name: string;
  path: string;
  /** state="hidden" or "veryHidden": the application does not show it */
  hidden: boolean;
}

/** Sheet name and part path of each worksheet, in workbook order. */
function sheets(pkg: Package): SheetRef[] {
  const workbook = pkg.xml("xl/workbook.xml");
  const relsPath = "xl/_rels/workbook.xml.rels";
  const rels = pkg.has(relsPath) ? elements(pkg.xml(relsPath), "rel:Relationship") : [];
  const target = new Map(rels.map((r) => [r.attrs["Id"] ?? "", r.attrs["Target"] ?? ""]));
  return findAll(workbook, "x:sheet").flatMap((s) => {
    const t = target.get(s.attrs["r:id"] ?? "");
    if (!t) return [];
    const path = t.startsWith("/") ? t.slice(1) : inXl(t);
    const state = s.attrs["state"] ?? "visible";
    return [{ name: s.attrs["name"] ?? "", path, hidden: state === "hidden" || state === "veryHidden" }];
  });
}

/** The most rows with text, merged rows or merged cells a sheet may have: far past any annex, far below what exhausts memory. */
export const MAX_ROWS = 100_000;
const MAX_MERGED_CELLS = 1_000_000;
/** The last row and column a spreadsheet has (Excel, LibreOffice since 7.4): past them is damage. */
const SHEET_ROWS = 1_048_576;
const SHEET_COLS = 16_384;

const key = (row: number, col: number) => row * MAX_COLS + col;

function tooLarge(where: SheetPlace, row: number, col: number, what: Param): FatalError {
  return new FatalError("office/too-large", "limit", { what, rows: MAX_ROWS.toLocaleString("en"), columns: MAX_COLS }, {
    file: where.file,
    cell: cellName(where, row, col),
  });
}

interface Merges {
  spans: Map<number, { rowSpan: number; colSpan: number }>;
  covered: Set<number>;
  width: number;
  height: number;
}

/** The sheet's merges; one that overlaps another (LibreOffice and Excel show only one of them), or lies past the limits, is refused. */
function mergesOf(sheet: El, where: SheetPlace): Merges {
  const out: Merges = { spans: new Map(), covered: new Set(), width: 0, height: 0 };
  const owner = new Map<number, string>();
  let area = 0;
  for (const m of findAll(sheet, "x:mergeCell")) {
    const ref = m.attrs["ref"] ?? "";
    const [a, b, extra] = ref.split(":").map(parseCellRef);
    if (!a || !b || extra !== undefined || a.row < 0 || a.col < 0 || b.row < 0 || b.col < 0 || Math.max(a.row, b.row) >= SHEET_ROWS || Math.max(a.col, b.col) >= SHEET_COLS) {
      throw damaged(where, a?.row ?? 0, a?.col ?? 0, ph("damage.merge-range", { ref: ref.slice(0, 40) }));
    }
    // a range written corner to corner the other way round is the same range
    const top = Math.min(a.row, b.row);
    const bottom = Math.max(a.row, b.row);
    const left = Math.min(a.col, b.col);
    const right = Math.max(a.col, b.col);
    if (left >= MAX_COLS) continue;
    const cells = (bottom - top + 1) * (Math.min(right, MAX_COLS - 1) - left + 1);
    area += cells;
    if (bottom - top + 1 > MAX_ROWS || area > MAX_MERGED_CELLS) throw tooLarge(where, top, left, ph("damage.merge-cells", { ref, cells: cells.toLocaleString("en") }));
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= Math.min(right, MAX_COLS - 1); c++) {
        const k = key(r, c);
        const other = owner.get(k);
        if (other !== undefined) throw damaged(where, r, c, ph("damage.merges-overlap", { other, ref }));
        owner.set(k, ref);
        if (r !== top || c !== left) out.covered.add(k);
      }
    }
    out.spans.set(key(top, left), { rowSpan: bottom - top + 1, colSpan: right - left + 1 });
    out.width = Math.max(out.width, left + 1);
    out.height = Math.max(out.height, bottom + 1);
  }
  return out;
}

/** A row's or cell's position as the file gives it; a position that is not a cell of the sheet is damage. */
function position(raw: string | undefined, next: number, limit: number, what: Param, where: SheetPlace, row: number, col: number): number {
  if (raw === undefined) return next;
  const n = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || n < 1 || n > limit) throw damaged(where, row, col, ph("damage.position", { what, value: raw.slice(0, 20) }));
  return n - 1;
}

function sheetGrid(sheet: El, name: string, strings: readonly string[], styles: Styles, file: string): Grid {
  const fills = styles.fills;
  const where: SheetPlace = { file, sheet: name };
  const { spans, covered, width: mergedWidth, height: mergedHeight } = mergesOf(sheet, where);
  let width = mergedWidth;
  let height = mergedHeight;
  const found = new Map<number, Omit<GridCell, "col" | "colSpan" | "rowSpan">>();
  const hidden = new Set<number>();
  let rowIndex = -1;
  for (const row of findAll(sheet, "x:row")) {
    const previous = rowIndex;
    rowIndex = position(row.attrs["r"], rowIndex + 1, SHEET_ROWS, ph("damage.row-number"), where, rowIndex + 1, 0);
    // rows come in order, each once: a row given twice would have one of them lost
    if (rowIndex <= previous) throw damaged(where, rowIndex, 0, ph("damage.row-order", { row: rowIndex + 1, previous: previous + 1 }));
    let col = -1;
    let hasText = false;
    for (const c of elements(row, "x:c")) {
      const ref = c.attrs["r"];
      const previousCol = col;
      if (ref !== undefined) {
        const at = parseCellRef(ref);
        if (!at || at.row !== rowIndex || at.col >= SHEET_COLS) throw damaged(where, rowIndex, col + 1, ph("damage.cell-row", { ref: ref.slice(0, 20), row: rowIndex + 1 }));
        col = at.col;
      } else col++;
      if (col <= previousCol) throw damaged(where, rowIndex, col, ph("damage.cell-order", { cell: cellName(where, rowIndex, col), previous: `${columnLetters(previousCol)}${rowIndex + 1}` }));
      const style = numberAttr(c, "s", 0);
      const value = cellValue(c, strings, where, rowIndex, col, styles.formats[style] ?? null, styles.date1904);
      const fill = fills === null ? null : fills[style];
      if (fill === undefined || (fills === null && style !== 0) || !Number.isInteger(style)) {
        throw damaged(where, rowIndex, col, fills === null ? ph("damage.cell-style-none", { style: c.attrs["s"] ?? "" }) : ph("damage.cell-style", { style: c.attrs["s"] ?? "", last: fills.length - 1 }));
      }
      if (col >= MAX_COLS) {
        if (value.text !== "") throw tooLarge(where, rowIndex, col, ph("limit.past-columns"));
        continue;
      }
      found.set(key(rowIndex, col), { ...value, fill });
      hasText ||= value.text !== "";
      width = Math.max(width, col + 1);
    }
    if (!hasText) continue;
    if (rowIndex >= MAX_ROWS) throw tooLarge(where, rowIndex, 0, ph("limit.row-text", { row: rowIndex + 1 }));
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
  const pr = findAll(pkg.xml("xl/workbook.xml"), "x:workbookPr")[0]?.attrs["date1904"];
  const styles: Styles = { fills: styleFills(pkg), formats: styleFormats(pkg), date1904: pr === "1" || pr === "true" };
  const all = sheets(pkg).filter((s) => pkg.has(s.path));
  for (const s of all.filter((s) => s.hidden)) {
    pkg.findings.push(diag("office/hidden-sheet", "hidden", { name: s.name }, { file: pkg.file }));
  }
  return all.filter((s) => !s.hidden).map(({ name, path }) => sheetGrid(pkg.xml(path), name, strings, styles, pkg.file));
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
