// `annex export`: any input, loaded and validated, as the open data of DESIGN.md's contract.
import { renderOpenData } from "../render/index.ts";
import { loadInput, type Loaded, type LoadOptions } from "./load.ts";

export async function exportInput(input: string, format: "json" | "csv", opts: LoadOptions = {}): Promise<{ loaded: Loaded; text: string }> {
  const loaded = await loadInput(input, opts);
  return { loaded, text: await renderOpenData(loaded.annex, format, { example: loaded.example }) };
}
