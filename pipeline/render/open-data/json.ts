// Open data as JSON: the annex in the contract's key order (DESIGN.md), one object per activity.
import type { Annex } from "../../model/annex.ts";
import { toContract } from "../../model/contract.ts";

export function toContractJson(annex: Annex): string {
  return `${JSON.stringify(toContract(annex), null, 2)}\n`;
}
