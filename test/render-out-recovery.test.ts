// `render --out DIR` writes its files together (pipeline/app/staging.ts): all under temporary
// names, then a journal of the renames, then the renames. A run killed among the renames leaves
// the journal; the next write into the folder finishes the renames, so the folder is never left
// a mix of two runs, and removes what a run killed before its journal left.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { removeStale, replaceFolder, writeFilesTogether } from "../pipeline/app/staging.ts";

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

describe("a plan year's folder replaced by a build", () => {
  it("is the same folder before and after (never moved aside, so never absent): its files replaced, those of the old edition only removed", async () => {
    const root = mkdtempSync(join(tmpdir(), "annex-swap-"));
    const folder = join(root, "2020-2022");
    mkdirSync(folder);
    writeFileSync(join(folder, "allegato-1.pdf"), "old pdf");
    writeFileSync(join(folder, "old-only.csv"), "a file the new edition does not have");
    const before = statSync(folder).ino;
    await replaceFolder(folder, async (staging) => {
      writeFileSync(join(staging, "allegato-1.pdf"), "new pdf");
      writeFileSync(join(staging, "allegato-1.csv"), "new csv");
      return Promise.resolve();
    });
    expect(statSync(folder).ino).toBe(before);
    expect(readdirSync(folder).sort()).toEqual(["allegato-1.csv", "allegato-1.pdf"]);
    expect(text(join(folder, "allegato-1.pdf"))).toBe("new pdf");
    expect(readdirSync(root)).toEqual(["2020-2022"]);
  });

  it("killed among its moves, is finished by the next build: the new edition whole, nothing of the old one, nothing left beside it", async () => {
    const root = mkdtempSync(join(tmpdir(), "annex-swap-"));
    const folder = join(root, "2020-2022");
    mkdirSync(folder);
    const staging = join(root, `.2020-2022.${DEAD}.tmp`);
    mkdirSync(staging);
    // the killed build: its journal committed, the PDF moved in, the CSV not yet, the old file not yet removed
    writeFileSync(join(folder, "allegato-1.pdf"), "new pdf");
    writeFileSync(join(folder, "old-only.csv"), "old");
    writeFileSync(join(staging, "allegato-1.csv"), "new csv");
    const journal = { staging: `.2020-2022.${DEAD}.tmp`, target: "2020-2022", incoming: ["allegato-1.pdf", "allegato-1.csv"], outgoing: ["old-only.csv"] };
    writeFileSync(join(root, `.2020-2022.${DEAD}.swap`), JSON.stringify(journal));
    await removeStale(folder);
    expect(readdirSync(root)).toEqual(["2020-2022"]);
    expect(readdirSync(folder).sort()).toEqual(["allegato-1.csv", "allegato-1.pdf"]);
    expect([text(join(folder, "allegato-1.csv")), text(join(folder, "allegato-1.pdf"))]).toEqual(["new csv", "new pdf"]);
  });

  it("killed before its journal was committed, leaves the previous edition as it was once the next build has cleaned up", async () => {
    const root = mkdtempSync(join(tmpdir(), "annex-swap-"));
    const folder = join(root, "2020-2022");
    mkdirSync(folder);
    writeFileSync(join(folder, "allegato-1.pdf"), "old pdf");
    mkdirSync(join(root, `.2020-2022.${DEAD}.tmp`));
    writeFileSync(join(root, `.2020-2022.${DEAD}.tmp`, "allegato-1.pdf"), "half a new pdf");
    writeFileSync(join(root, `.2020-2022.${DEAD}.swap.tmp`), "{\"stag");
    await removeStale(folder);
    expect(readdirSync(root)).toEqual(["2020-2022"]);
    expect(text(join(folder, "allegato-1.pdf"))).toBe("old pdf");
  });
});
