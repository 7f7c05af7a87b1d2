// Moved activities: an activity renumbered between editions shows up, keyed by code, as one
// removed and one added activity. Among those pairs, the ones whose titles are (nearly) the same
// are taken to be the same activity under a new code. Matching is one-to-one and deterministic:
// the best-scoring pairs are taken first, and ties are broken by how close the two codes are in
// the hierarchy, then by document order — never by the order a hash map happens to iterate in.
import { distance } from "fastest-levenshtein";
import { at } from "../lib/at.ts";
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
  const closeness = (i: number, j: number) => sharedCodeParts(at(removed, i, "removed activity").code, at(added, j, "added activity").code);
  const leftTitle = (i: number) => at(left, i, "removed title");
  const takenLeft = new Set<number>();
  const takenRight = new Set<number>();
  const pairs: MovePair[] = [];
  const take = (candidates: Candidate[]) => {
    candidates.sort((p, q) => q.similarity - p.similarity || q.closeness - p.closeness || p.added - q.added || p.removed - q.removed);
    for (const c of candidates) {
      if (takenLeft.has(c.removed) || takenRight.has(c.added)) continue;
      takenLeft.add(c.removed);
      takenRight.add(c.added);
      pairs.push({ removed: c.removed, added: c.added, similarity: c.similarity });
    }
  };

  // 1. identical titles (similarity 1) first, found through a map: the greedy order below would
  //    take them first anyway, and a plan renumbered throughout then costs no fuzzy comparison
  const byTitle = new Map<string, number[]>();
  left.forEach((x, i) => {
    if (!x) return;
    const list = byTitle.get(x);
    if (list) list.push(i);
    else byTitle.set(x, [i]);
  });
  const exact: Candidate[] = [];
  right.forEach((y, j) => {
    for (const i of (y && byTitle.get(y)) || []) exact.push({ removed: i, added: j, similarity: 1, closeness: closeness(i, j) });
  });
  take(exact);

  // 2. similar titles, among those still free. Comparing every pair costs |removed|·|added|
  //    edit distances; a trigram count rules out most pairs first (see sharedGramsNeeded).
  const freeLeft = left.map((x, i) => i).filter((i) => left[i] && !takenLeft.has(i));
  const grams = new Map<string, number[]>();
  for (const i of freeLeft) {
    for (const g of trigrams(leftTitle(i))) {
      const list = grams.get(g);
      if (list) list.push(i);
      else grams.set(g, [i]);
    }
  }
  const shared = new Int32Array(left.length);
  const fuzzy: Candidate[] = [];
  for (const [j, y] of right.entries()) {
    if (!y || takenRight.has(j)) continue; // a missing title cannot identify an activity
    const yGrams = trigrams(y);
    const touched: number[] = [];
    for (const g of yGrams) {
      for (const i of grams.get(g) ?? []) {
        const n = at(shared, i, "shared count");
        shared[i] = n + 1;
        if (n === 0) touched.push(i);
      }
    }
    for (const i of touched) {
      const x = leftTitle(i);
      const common = at(shared, i, "shared count");
      shared[i] = 0;
      // the distance is at least the difference in length
      const longer = Math.max(x.length, y.length);
      if (1 - Math.abs(x.length - y.length) / longer < threshold) continue;
      if (common < sharedGramsNeeded(yGrams.size, longer, threshold)) continue;
      const score = normalizedSimilarity(x, y);
      if (score >= threshold) fuzzy.push({ removed: i, added: j, similarity: score, closeness: closeness(i, j) });
    }
    // a title of few distinct trigrams ("aaaa…") may be similar to one it shares none with: the
    // bound says nothing then, so compare it with every title not counted above
    if (sharedGramsNeeded(yGrams.size, Math.floor(y.length / threshold), threshold) <= 0) {
      const counted = new Set(touched);
      for (const i of freeLeft) {
        if (counted.has(i)) continue;
        const score = normalizedSimilarity(leftTitle(i), y);
        if (score >= threshold) fuzzy.push({ removed: i, added: j, similarity: score, closeness: closeness(i, j) });
      }
    }
  }
  take(fuzzy);
  return pairs.sort((p, q) => p.added - q.added);
}

/** Distinct trigrams of a normalized title, padded so that its first and last letters count too. */
function trigrams(text: string): Set<string> {
  const padded = `  ${text} `;
  const set = new Set<string>();
  for (let k = 0; k + 3 <= padded.length; k++) set.add(padded.slice(k, k + 3));
  return set;
}

const Q = 3;

/**
 * Least number of y's distinct trigrams that x must also have for the two to be similar enough:
 * one edit creates at most Q new trigram occurrences, so a title within edit distance d of x
 * has at most Q·d distinct trigrams that x lacks, and d ≤ (1 − threshold) · longer.
 */
function sharedGramsNeeded(yGrams: number, longer: number, threshold: number): number {
  return yGrams - Q * Math.floor((1 - threshold) * longer + 1e-9);
}

interface Candidate extends MovePair {
  /** leading code parts shared: a tie between equally similar titles goes to the nearer codes */
  closeness: number;
}

/** How many leading code parts two codes share: A1.2.3.4 and A1.2.5.1 share 2 (A1, 2). */
function sharedCodeParts(x: string, y: string): number {
  const xs = x.split(".");
  const ys = y.split(".");
  let n = 0;
  while (n < xs.length && n < ys.length && xs[n] === ys[n]) n++;
  return n;
}
