// Which fills mark a row as shaded (an activity not active), for every reader: a grey, neither
// so light that paper shows no fill nor so dark that it is no background for text. Tints the
// producers offer as light greys count (Excel's #d9d9d9 and #f2f2f2, the pale blue-grey #ddebf7 of
// a header style); any other colour (a yellow highlight, a coloured header) is not shading, and a
// reader says so rather than guess what it means.

/** #rrggbb as its channels; null when it is not one. */
export function rgb(colour: string): [number, number, number] | null {
  if (!/^#[0-9a-fA-F]{6}$/.test(colour)) return null;
  const n = parseInt(colour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Every channel at least this: paint no one sees on paper, neither a fill nor a line. */
const WHITE = 0xf5;
/** Channels further apart than this are a colour, not a grey. */
const NEUTRAL = 0x20;
/** Below this lightness (0..1) a fill is too dark to be a row's background. */
const DARKEST = 0.35;

/** No paint at all (null, or not a colour), or paint too light to see. */
export function isWhite(colour: string | null): boolean {
  const c = colour === null ? null : rgb(colour);
  return c === null || Math.min(...c) >= WHITE;
}

/** A fill that shades a row: a neutral colour, not white, not dark. */
export function isShading(colour: string | null): boolean {
  const c = colour === null ? null : rgb(colour);
  if (c === null || isWhite(colour)) return false;
  const max = Math.max(...c);
  const min = Math.min(...c);
  return max - min <= NEUTRAL && (max + min) / 2 / 255 >= DARKEST;
}
