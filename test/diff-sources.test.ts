// The diff on the real sources: the 2020-2022 PDF read through the whole pipeline.
import { beforeAll, describe, expect, it } from "vitest";
import { diffAnnexes, diffToJson } from "../pipeline/diff/index.ts";
import { loadInput } from "../pipeline/app/load.ts";
import type { Annex } from "../pipeline/model/annex.ts";
import { annex } from "./helpers/cli.ts";
import { applyKnownEdits, sortChanges } from "./helpers/diff.ts";
import { load2020 } from "./helpers/sources.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const TEXT_LAYER = "test/fixtures/allegato-1-2020-2022.text-layer.txt";

let pdf: Annex;
beforeAll(async () => {
  pdf = (await load2020()).annex;
});

describe("diff on the 2020-2022 sources", () => {
  it("reports exactly the known edits made to the annex read from the PDF", () => {
    const { a, b, expected } = applyKnownEdits(pdf);
    expect(sortChanges(diffToJson(diffAnnexes(a, b)).changes)).toEqual(sortChanges(expected));
  });

  it("finds no content change between the PDF and its text layer (activation aside: the text layer cannot tell)", async () => {
    const textLayer = (await loadInput(TEXT_LAYER)).annex;
    expect(textLayer.activities.every((x) => x.active === null)).toBe(true);
    expect(diffToJson(diffAnnexes(pdf, textLayer)).changes).toEqual([]);
  });

  it("the example 2021-2023 edition differs from 2020-2022 by exactly the edits its README lists", async () => {
    const example = await loadInput("examples/2021-2023");
    expect(example.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const changes = diffToJson(diffAnnexes(pdf, example.annex)).changes;
    const renamed = changes.filter((c) => c.kind === "changed" && c.field === "uo" && c.after === "Innovazione e transizione digitale");
    expect(renamed).toHaveLength(27);
    expect(changes.filter((c) => !renamed.includes(c)).map((c) => [c.kind, c.code, c.field ?? c.from])).toEqual([
      ["changed", "A1.2.1", "title"],
      ["added", "A1.2.1.5", undefined],
      ["changed", "A3", "title"],
      ["changed", "B1.1.3.3", "uo"],
      ["changed", "B2.1.1.6", "riskAreas"],
      ["moved", "C1.1.8.1", "C1.1.7b.1"],
      ["changed", "C1.2.3.1", "active"],
      ["changed", "C2.5.1.3", "riskAreas"],
      ["changed", "C2.7.3.1", "servizio"],
      ["changed", "C2.7.3.1", "note"],
      ["changed", "D5.3.3.1", "title"],
      ["changed", "E1.1.5.1", "active"],
      ["changed", "F1.1.2.1", "areaDirigenziale"],
      ["changed", "F1.1.2.1", "servizio"],
      ["removed", "B3.2.2.2", undefined],
    ]);
  });

  it("annex diff of a plan year with itself: no changes, exit 0", async () => {
    const { status, stdout } = await annex(["diff", "2020-2022", "2020-2022", "--format", "json"], { cwd: ROOT });
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ from: "2020-2022", to: "2020-2022", changes: [] });
  });
});
