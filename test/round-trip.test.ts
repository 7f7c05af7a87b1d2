// Our own PDF, read back by our own extractor, gives the same annex: nothing the renderer adds
// (repeated headers, "(segue)" labels, "(non attiva)" marks, page numbers, the legend) leaks
// into the data, and nothing is lost.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadInput } from "../pipeline/app/load.ts";
import { publish } from "../pipeline/app/publish.ts";
import { expected2020, fieldDifferences } from "./helpers/expected.ts";

describe("round trip: our PDF read back by our extractor", () => {
  it("gives back all 245 activities of 2020-2022, every field equal, the active flag and the footnote included", async () => {
    const outDir = mkdtempSync(join(tmpdir(), "annex-roundtrip-"));
    const published = await publish("sources/2020-2022", { outDir, formats: ["pdf"] });
    expect(published.published).toBe(true);

    const back = await loadInput(join(outDir, "allegato-1.pdf"));
    expect(fieldDifferences(back.annex.activities, expected2020.activities)).toEqual([]);
    expect(back.annex.title).toBe(expected2020.title);
    expect(back.annex.footnote).toBe(expected2020.footnote);
    expect(back.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
