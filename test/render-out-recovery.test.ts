// `render --out DIR` writes its files together (pipeline/app/staging.ts): all under temporary
// names, then a journal of the renames, then the renames. A run killed among the renames leaves
// the journal; the next write into the folder finishes the renames, so the folder is never left
// a mix of two runs, and removes what a run killed before its journal left.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFilesTogether } from "../pipeline/app/staging.ts";

/** no process has this id: pid_max is at most 4194304 */
const DEAD = 9999999;
const text = (path: string) => readFileSync(path, "utf8");

describe("files written together into a folder that holds other things", () => {
  it("a run killed among its renames is finished by the next: no file of the old run beside one of the new, no temporary file left", async () => {
    const dir = mkdtempSync(join(tmpdir(), "annex-together-"));
    writeFileSync(join(dir, "allegato-1.csv"), "old csv");
    writeFileSync(join(dir, "allegato-1.json"), "old json");
    writeFileSync(join(dir, "notes.txt"), "the office's own file");
    // the killed run: both files written, the journal written, the CSV renamed, then the kill
    writeFileSync(join(dir, "allegato-1.csv"), "new csv");
    writeFileSync(join(dir, `.allegato-1.json.${DEAD}.tmp`), "new json");
    writeFileSync(join(dir, `.annex-files.${DEAD}.journal`), JSON.stringify([[`.allegato-1.csv.${DEAD}.tmp`, "allegato-1.csv"], [`.allegato-1.json.${DEAD}.tmp`, "allegato-1.json"]]));
    await writeFilesTogether(dir, [{ name: "allegato-1.pdf", data: "pdf" }]);
    expect(readdirSync(dir).sort()).toEqual(["allegato-1.csv", "allegato-1.json", "allegato-1.pdf", "notes.txt"]);
    expect([text(join(dir, "allegato-1.csv")), text(join(dir, "allegato-1.json"))]).toEqual(["new csv", "new json"]);
  });

  it("a run killed before its journal was written is undone by the next: its temporary files removed, the old files kept", async () => {
    const dir = mkdtempSync(join(tmpdir(), "annex-together-"));
    writeFileSync(join(dir, "allegato-1.csv"), "old csv");
    writeFileSync(join(dir, `.allegato-1.csv.${DEAD}.tmp`), "half of a new csv");
    writeFileSync(join(dir, `.annex-files.${DEAD}.journal.${DEAD}.tmp`), "[[");
    // a file of another program named alike is not touched
    writeFileSync(join(dir, `.report.${DEAD}.tmp`), "someone else's");
    await writeFilesTogether(dir, [{ name: "allegato-1.csv", data: "new csv" }]);
    expect(readdirSync(dir).sort()).toEqual([`.report.${DEAD}.tmp`, "allegato-1.csv"]);
    expect(text(join(dir, "allegato-1.csv"))).toBe("new csv");
  });
});
