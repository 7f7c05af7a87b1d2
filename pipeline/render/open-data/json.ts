// Open data as JSON: the annex in the contract's key order (DESIGN.md), one object per activity.
// An illustrative edition starts with "example": true, the one field added to the contract
// (annex data read back keeps it, so the mark follows the data wherever it goes).
import type { Annex } from "../../model/annex.ts";
import { toContract } from "../../model/contract.ts";

export function toContractJson(annex: Annex, options: { example?: boolean } = {}): string {
  const data = options.example === true ? { example: true, ...toContract(annex) } : toContract(annex);
  return `${JSON.stringify(data, null, 2)}\n`;
}
