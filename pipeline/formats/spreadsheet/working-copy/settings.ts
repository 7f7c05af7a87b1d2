// What the working copy keeps besides the annex, so that the yearly work needs no text editor:
// the edition's identity on the `Edizione` sheet (the body, the act that adopted the plan, its
// date, the version), and on the `Legenda` sheet the risk areas and the structures the drop-downs
// offer. Each value is read with its cell, so that one that disagrees with plan.yaml can be named.
import type { Diagnostic } from "../../../diagnostics/diagnostic.ts";
import { diag } from "../../../diagnostics/rules.ts";
import { STRUCTURE_FIELDS, structureLabel, type StructureField } from "../../../model/fields.ts";
import type { Grid, GridCell } from "../../office/grid.ts";
import { LEGEND_SHEET } from "./columns.ts";

export const EDITION_SHEET = "Edizione";

/** The labels of the Edizione sheet's rows, by the plan setting each holds. */
export const EDITION_LABELS = { body: "Ente", act: "Atto di adozione", adopted: "Data di adozione", version: "Versione" } as const;
export type EditionField = keyof typeof EDITION_LABELS;

/** The header of the risk-area table on the legend sheet. */
export const RISK_HEADINGS = ["Lettera", "Area di rischio"] as const;

export interface Setting<T> {
  value: T;
  /** where the sheet holds it: "Edizione!B3" */
  cell: string;
}

export interface SheetSettings {
  edition: Partial<Record<EditionField, Setting<string>>>;
  riskAreas?: Setting<Record<string, string>>;
  structures: Partial<Record<StructureField, Setting<string[]>>>;
}

const fold = (text: string) => text.trim().toLowerCase();
const sheetNamed = (grids: readonly Grid[], name: string) => grids.find((g) => fold(g.name) === fold(name));

/** "30/03/2021", "30.3.2021", "2021-03-30" → "2021-03-30"; null when it is not a calendar date. */
export function isoDate(text: string): string | null {
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [y, m, d] = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : [];
  if (y === undefined || m === undefined || d === undefined) return null;
  const iso = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

/** "2021-03-30" → "30/03/2021", as an Italian office writes a date. */
export function italianDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d ?? ""}/${m ?? ""}/${y ?? ""}`;
}

function readEdition(grid: Grid | undefined, file: string, diagnostics: Diagnostic[]): SheetSettings["edition"] {
  const edition: SheetSettings["edition"] = {};
  if (!grid) return edition;
  grid.rows.forEach((cells, r) => {
    const texts = cells.filter((c) => c.text !== "");
    const label = texts[0];
    const field = (Object.keys(EDITION_LABELS) as EditionField[]).find((f) => label !== undefined && fold(label.text) === fold(EDITION_LABELS[f]));
    const cell = texts[1];
    if (field === undefined || cell === undefined) return;
    const where = grid.locate(r, cell.col);
    let value = cell.text;
    if (field === "adopted") {
      const iso = isoDate(value);
      if (iso === null) {
        diagnostics.push(diag("working-copy/edition", "not-date", { value, label: EDITION_LABELS.adopted }, { file, cell: where }));
        return;
      }
      value = iso;
    } else if (cell.formula !== undefined || cell.type === "date" || cell.type === "error") {
      diagnostics.push(diag("working-copy/edition", cell.type === "date" ? "holds-date" : "holds-formula", { label: EDITION_LABELS[field], shown: cell.shown ?? cell.text }, { file, cell: where }));
      return;
    }
    edition[field] = { value, cell: where };
  });
  return edition;
}

/** The cell at (row, col) of a grid. */
const cellAt = (grid: Grid, row: number, col: number): GridCell | undefined => grid.rows[row]?.find((c) => c.col === col);

/** The risk-area table (Lettera, Area di rischio) and the structure lists under their headings, as the legend sheet holds them. */
function readLegend(grid: Grid | undefined, file: string, diagnostics: Diagnostic[]): Pick<SheetSettings, "riskAreas" | "structures"> {
  const structures: SheetSettings["structures"] = {};
  if (!grid) return { structures };
  let riskAreas: Setting<Record<string, string>> | undefined;
  grid.rows.forEach((cells, r) => {
    for (const cell of cells) {
      if (fold(cell.text) === fold(RISK_HEADINGS[0]) && fold(cellAt(grid, r, cell.col + 1)?.text ?? "") === fold(RISK_HEADINGS[1]) && riskAreas === undefined) {
        const areas: Record<string, string> = {};
        for (let k = r + 1; k < grid.rows.length; k++) {
          const letter = cellAt(grid, k, cell.col)?.text ?? "";
          const name = cellAt(grid, k, cell.col + 1)?.text ?? "";
          if (letter === "" && name === "") break;
          if (!/^[A-Z]$/.test(letter) || name === "") {
            // the hint a sheet written without a legend holds in place of one
            if (letter.startsWith("(")) break;
            diagnostics.push(diag("working-copy/edition", "risk-area", { letter, name }, { file, cell: grid.locate(k, cell.col) }));
            continue;
          }
          areas[letter] = name;
        }
        if (Object.keys(areas).length > 0) riskAreas = { value: areas, cell: grid.locate(r + 1, cell.col) };
      }
      const field = STRUCTURE_FIELDS.find((f) => fold(structureLabel(f)) === fold(cell.text));
      if (field === undefined || structures[field] !== undefined) continue;
      const names: string[] = [];
      for (let k = r + 1; k < grid.rows.length; k++) {
        const name = cellAt(grid, k, cell.col)?.text ?? "";
        if (name === "") break;
        names.push(name);
      }
      structures[field] = { value: names, cell: grid.locate(r + 1, cell.col) };
    }
  });
  return riskAreas ? { riskAreas, structures } : { structures };
}

export function readSheetSettings(grids: readonly Grid[], file: string, diagnostics: Diagnostic[]): SheetSettings {
  return { edition: readEdition(sheetNamed(grids, EDITION_SHEET), file, diagnostics), ...readLegend(sheetNamed(grids, LEGEND_SHEET), file, diagnostics) };
}
