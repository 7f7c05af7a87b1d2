// `annex export`: any input, loaded and validated, as the open data of DESIGN.md's contract.
import { renderOpenData } from "../render/index.ts";
import { loadInput, type Loaded } from "./load.ts";

export async function exportInput(input: string, format: "json" | "csv"): Promise<{ loaded: Loaded; text: string }> {
  const loaded = await loadInput(input);
  return { loaded, text: await renderOpenData(loaded.annex, format, { example: loaded.example }) };
}
