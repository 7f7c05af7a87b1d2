// The worker of the office readers' fuzz (test/office-fuzz.test.ts): reads each variant it is
// sent as the command does (read, repair, validate) and says how the reading ended: refused
// (a fatal error, or errors in the diagnostics), the seed's very annex, a different annex, or
// a crash (an exception that is not a diagnostic). It runs in a worker thread with a heap
// limit, so that a reading that exhausts memory or never ends is seen as such by the test.
import { parentPort } from "node:worker_threads";
import { FatalError } from "../../pipeline/diagnostics/fatal.ts";
import { formatDiagnostic } from "../../pipeline/diagnostics/format.ts";
import { readOffice } from "../../pipeline/formats/office/read.ts";
import { repair } from "../../pipeline/repair/index.ts";
import { validateAnnex } from "../../pipeline/validate/index.ts";

export interface Variant {
  id: string;
  name: string;
  bytes: Uint8Array;
}

export type Outcome = { id: string; kind: "refused"; why: string } | { id: string; kind: "same" } | { id: string; kind: "different"; why: string } | { id: string; kind: "crash"; why: string };

interface Seed {
  title: string | null;
  footnote: string | null;
  activities: unknown[];
}

function readVariant(variant: Variant, seed: Seed): Outcome {
  const { id } = variant;
  try {
    const office = readOffice(variant.bytes, variant.name);
    if (!("table" in office)) return { id, kind: "different", why: "read as a working copy" };
    const repaired = repair(office.table, { planYears: "2020-2022" });
    const validated = validateAnnex(repaired.annex, { plan: null, file: variant.name, provenance: repaired.provenance });
    const diagnostics = [...office.diagnostics, ...repaired.diagnostics, ...validated.diagnostics];
    const error = diagnostics.find((d) => d.severity === "error");
    if (error) return { id, kind: "refused", why: formatDiagnostic(error) };
    const annex = validated.annex;
    if (!annex) return { id, kind: "refused", why: "no annex" };
    const got = JSON.stringify({ title: annex.title, footnote: annex.footnote, activities: annex.activities });
    const want = JSON.stringify({ title: seed.title, footnote: seed.footnote, activities: seed.activities });
    if (got === want) return { id, kind: "same" };
    const i = annex.activities.findIndex((a, k) => JSON.stringify(a) !== JSON.stringify(seed.activities[k]));
    return { id, kind: "different", why: `${annex.activities.length} activities; first difference at #${i}: ${JSON.stringify(annex.activities[i] ?? null).slice(0, 300)}` };
  } catch (error) {
    if (error instanceof FatalError) return { id, kind: "refused", why: formatDiagnostic(error.diagnostic) };
    return { id, kind: "crash", why: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

let seed: Seed | null = null;
parentPort?.on("message", (message: { seed: Seed } | Variant) => {
  if ("seed" in message) {
    seed = message.seed;
    return;
  }
  if (seed === null) throw new Error("no seed annex");
  parentPort?.postMessage(readVariant(message, seed));
});
