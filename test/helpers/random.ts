// Made-up data that is the same on every run: a seeded generator (mulberry32), and titles of
// about a given length made of given words.

/** Numbers in [0, 1), the same sequence for the same seed. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A title of `length` characters of `words` picked at random: made of the annex's own words, unrelated titles share most trigrams. */
export function madeUpTitle(random: () => number, words: readonly string[], length: number): string {
  let out = "";
  while (out.length < length) out += `${words[Math.floor(random() * words.length)] ?? "attività"} `;
  return out.slice(0, length);
}
