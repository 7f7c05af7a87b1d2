// Cell fills as the colours a person sees (a pattern's dots mixed, a theme colour's tint). Which
// of them mark a row as shaded is model/shading.ts's, the same for every reader.
import { rgb } from "../../model/shading.ts";

/** "#rrggbb", lower case. */
export type Hex = string;

/** "#RRGGBB", "RRGGBB" or "AARRGGBB" as "#rrggbb"; null when it is not a colour. */
export function toHex(value: string | undefined): Hex | null {
  if (value === undefined) return null;
  const m = /^#?(?:[0-9a-f]{2})?([0-9a-f]{6})$/i.exec(value.trim());
  return m?.[1] !== undefined ? `#${m[1].toLowerCase()}` : null;
}

function channels(hex: Hex): [number, number, number] {
  return rgb(hex) ?? [0, 0, 0];
}

function fromChannels(rgb: readonly number[]): Hex {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, "0")).join("")}`;
}

/** `share` (0..1) of `ink` over `paper`: a pattern of dots, as a person sees it from afar. */
export function mix(ink: Hex, paper: Hex, share: number): Hex {
  const a = channels(ink);
  const b = channels(paper);
  return fromChannels(a.map((c, i) => c * share + (b[i] ?? 0) * (1 - share)));
}

/** A SpreadsheetML tint (-1..1) applied to a colour's lightness (ECMA-376, 18.8.19). */
export function tint(hex: Hex, amount: number): Hex {
  if (amount === 0) return hex;
  const [r, g, b] = channels(hex).map((c) => c / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let l = (max + min) / 2;
  const d = max - min;
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  let h = 0;
  if (d !== 0) {
    if (max === r) h = ((g - b) / d + 6) % 6;
    else if (max === g) h = (b - r) / d + 2;
    else h = (r - g) / d + 4;
  }
  l = amount < 0 ? l * (1 + amount) : l * (1 - amount) + amount;
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs((h % 2) - 1));
  const m = l - c / 2;
  const sector = [
    [c, x, 0],
    [x, c, 0],
    [0, c, x],
    [0, x, c],
    [x, 0, c],
    [c, 0, x],
  ][Math.floor(h) % 6] ?? [0, 0, 0];
  return fromChannels(sector.map((v) => (v + m) * 255));
}
