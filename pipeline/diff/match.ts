// Moved activities: an activity renumbered between editions shows up, keyed by code, as one
// removed and one added activity. Among those pairs, the ones whose titles are (nearly) the same
// are taken to be the same activity under a new code. Matching is one-to-one and deterministic:
// the best-scoring pairs are taken first, and ties are broken by how close the two codes are in
// the hierarchy, then by document order — never by the order a hash map happens to iterate in.
import { distance } from "fastest-levenshtein";
import type { Activity } from "../model/annex.ts";

/** Least similarity for a pair to count as moved. High on purpose: a wrong "moved" hides an
 * activity that was really removed and another that was really added. */
export const DEFAULT_MOVE_THRESHOLD = 0.85;

/** Case, accents, punctuation and spacing do not make two titles different activities. */
export function normalizeTitle(title: string): string {
  return title
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** 1 − Levenshtein distance / length of the longer title, on normalized titles: 1 means identical. */
export function similarity(x: string, y: string): number {
  return normalizedSimilarity(normalizeTitle(x), normalizeTitle(y));
}

function normalizedSimilarity(x: string, y: string): number {
  const longer = Math.max(x.length, y.length);
  if (longer === 0) return 0;
  if (x === y) return 1;
  return 1 - distance(x, y) / longer;
}

export interface MovePair {
  /** index into the `removed` list */
  removed: number;
  /** index into the `added` list */
  added: number;
  similarity: number;
}

/**
 * Pairs removed and added activities with similar titles, one-to-one. `removed` is in document
 * order of a, `added` in document order of b; the result is in the order of `added`.
 */
export function matchMoves(removed: readonly Activity[], added: readonly Activity[], threshold = DEFAULT_MOVE_THRESHOLD): MovePair[] {
  const left = removed.map((a) => (a.title ? normalizeTitle(a.title) : ""));
  const right = added.map((b) => (b.title ? normalizeTitle(b.title) : ""));
  const candidates: (MovePair & { closeness: number })[] = [];
  for (let j = 0; j < right.length; j++) {
    const y = right[j] as string;
    if (!y) continue; // a missing title cannot identify an activity
    for (let i = 0; i < left.length; i++) {
      const x = left[i] as string;
      if (!x) continue;
      // the distance is at least the difference in length: skip pairs that cannot reach the threshold
      const longer = Math.max(x.length, y.length);
      if (1 - Math.abs(x.length - y.length) / longer < threshold) continue;
      const score = normalizedSimilarity(x, y);
      if (score < threshold) continue;
      candidates.push({ removed: i, added: j, similarity: score, closeness: sharedCodeParts((removed[i] as Activity).code, (added[j] as Activity).code) });
    }
  }
  candidates.sort((p, q) => q.similarity - p.similarity || q.closeness - p.closeness || p.added - q.added || p.removed - q.removed);
  const takenLeft = new Set<number>();
  const takenRight = new Set<number>();
  const pairs: MovePair[] = [];
  for (const c of candidates) {
    if (takenLeft.has(c.removed) || takenRight.has(c.added)) continue;
    takenLeft.add(c.removed);
    takenRight.add(c.added);
    pairs.push({ removed: c.removed, added: c.added, similarity: c.similarity });
  }
  return pairs.sort((p, q) => p.added - q.added);
}

/** How many leading code parts two codes share: A1.2.3.4 and A1.2.5.1 share 2 (A1, 2). */
function sharedCodeParts(x: string, y: string): number {
  const xs = x.split(".");
  const ys = y.split(".");
  let n = 0;
  while (n < xs.length && n < ys.length && xs[n] === ys[n]) n++;
  return n;
}
