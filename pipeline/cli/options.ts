// Option values that commander does not check by itself.
import { FORMATS, type Format } from "../model/files.ts";
import { UsageError } from "./session.ts";
import { t } from "../messages/catalogue.ts";

export function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new UsageError(t("cli.one-of", { option, allowed: allowed.join(", "), value }));
  return found;
}

/** "pdf,html" → ["pdf", "html"], in the order given; an unknown name is a usage error. */
export function parseFormats(list: string): Format[] {
  const names = list
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== "");
  const formats = names.map((name) => FORMATS.find((f) => f === name));
  if (names.length === 0 || formats.includes(undefined)) {
    throw new UsageError(t("cli.formats", { formats: FORMATS.join(", "), value: list }));
  }
  return [...new Set(formats.filter((f) => f !== undefined))];
}
