// A clerk's edits of the working copy, as data, made two ways: in the rows of the workbook that
// `annex init` writes (then written with the project's own writer), and by LibreOffice itself
// (a Basic macro that opens the file, edits cells, inserts and deletes rows, and saves it), so
// that one test reads a file another program wrote.
import { COLUMNS, type ColumnKey } from "../../pipeline/formats/spreadsheet/working-copy/columns.ts";
import type { Cell, Workbook } from "../../pipeline/lib/workbook/workbook.ts";
import { installMacros, runMacro } from "./libreoffice.ts";
import { nextEdition } from "../../pipeline/app/init.ts";
import { readPlan } from "../../pipeline/app/settings.ts";
import type { Annex } from "../../pipeline/model/annex.ts";
import type { PlanConfig } from "../../pipeline/model/plan.ts";
import { expectedAnnex2020 } from "./diff.ts";

export type Edit =
  | { set: { code: string; column: ColumnKey; value: string } }
  /** a new row under `after`'s, its cells copied from that row, then its code and title typed */
  | { insert: { after: string; code: string; title: string } }
  | { delete: string };

const col = (key: ColumnKey) => COLUMNS.findIndex((c) => c.key === key);
const CODE = col("code");
const TITLE = col("title");

function rowOf(rows: readonly (readonly Cell[])[], code: string): number {
  const r = rows.findIndex((cells) => cells[CODE]?.value === code);
  if (r < 0) throw new Error(`no row with code ${code}`);
  return r;
}

/** The workbook with the edits made in its first sheet's rows, in order. */
export function editWorkbook(workbook: Workbook, edits: readonly Edit[]): Workbook {
  const [sheet, ...others] = workbook.sheets;
  if (!sheet) throw new Error("no sheet");
  const rows = sheet.rows.map((cells) => cells.map((c) => ({ ...c })));
  for (const edit of edits) {
    if ("set" in edit) {
      const cell = rows[rowOf(rows, edit.set.code)]?.[col(edit.set.column)];
      if (cell) cell.value = edit.set.value;
    } else if ("insert" in edit) {
      const r = rowOf(rows, edit.insert.after);
      const copy = (rows[r] ?? []).map((c) => ({ ...c }));
      copy[CODE] = { ...copy[CODE], value: edit.insert.code };
      copy[TITLE] = { ...copy[TITLE], value: edit.insert.title };
      rows.splice(r + 1, 0, copy);
    } else rows.splice(rowOf(rows, edit.delete), 1);
  }
  return { ...workbook, sheets: [{ ...sheet, rows }, ...others] };
}

const BASIC = `Function RowOf(sheet As Object, code As String) As Long
  Dim r As Long
  For r = 0 To 5000
    If sheet.getCellByPosition(${CODE}, r).getString() = code Then
      RowOf = r
      Exit Function
    End If
  Next r
  RowOf = -1
End Function

Sub Save(doc As Object, dst As String, filter As String)
  Dim store(0) As New com.sun.star.beans.PropertyValue
  store(0).Name = "FilterName"
  store(0).Value = filter
  doc.storeToURL(ConvertToURL(dst), store())
End Sub

Rem edits: "set|CODE|COLUMN|VALUE;insert|CODE|NEWCODE|TITLE;delete|CODE", columns by index
Sub EditWorkingCopy(src As String, xlsx As String, ods As String, edits As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden"
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), "_blank", 0, load())
  sheet = doc.Sheets.getByIndex(0)
  For Each edit In Split(edits, ";")
    parts = Split(edit, "|")
    r = RowOf(sheet, parts(1))
    If parts(0) = "set" Then
      sheet.getCellByPosition(CInt(parts(2)), r).setString(parts(3))
    ElseIf parts(0) = "insert" Then
      sheet.Rows.insertByIndex(r + 1, 1)
      For c = 0 To ${COLUMNS.length - 1}
        sheet.getCellByPosition(c, r + 1).setString(sheet.getCellByPosition(c, r).getString())
      Next c
      sheet.getCellByPosition(${CODE}, r + 1).setString(parts(2))
      sheet.getCellByPosition(${TITLE}, r + 1).setString(parts(3))
    ElseIf parts(0) = "delete" Then
      sheet.Rows.removeByIndex(r, 1)
    End If
  Next edit
  Save(doc, xlsx, "Calc MS Excel 2007 XML")
  Save(doc, ods, "calc8")
  doc.close(True)
  StarDesktop.terminate()
End Sub
`;

function asMacroArgument(edits: readonly Edit[]): string {
  return edits
    .map((edit) => {
      const parts = "set" in edit ? ["set", edit.set.code, String(col(edit.set.column)), edit.set.value] : "insert" in edit ? ["insert", edit.insert.after, edit.insert.code, edit.insert.title] : ["delete", edit.delete];
      if (parts.some((p) => /[|;"]|[^\x20-\x7e]/.test(p))) throw new Error(`an edit the macro cannot carry (plain ASCII, no | ; "): ${parts.join(" ")}`);
      return parts.join("|");
    })
    .join(";");
}

/** LibreOffice opens `src`, makes the edits and saves the result as `xlsx` and as `ods`. */
export function editWithLibreOffice(src: string, edits: readonly Edit[], out: { xlsx: string; ods: string }, profile: string): void {
  installMacros(profile, "WorkingCopy", BASIC);
  runMacro(profile, "WorkingCopy", "EditWorkingCopy", [src, out.xlsx, out.ods, asMacroArgument(edits)]);
}

/** The date the working copies of these tests are written on: a fixed one, so that their bytes do not move. */
export const WRITTEN_ON = new Date(Date.UTC(2021, 0, 1));

/** What `annex init 2021-2023 --from 2020-2022` starts from: the plan of 2020-2022 and the next edition of its hand-checked annex. */
export async function nextEditionOf2020(): Promise<{ plan: PlanConfig | null; next: Annex }> {
  return { plan: await readPlan(new URL("../../sources/2020-2022/plan.yaml", import.meta.url).pathname), next: nextEdition(expectedAnnex2020(), "2021-2023").annex };
}
