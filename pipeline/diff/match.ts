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

/**
 * The longest title (normalized) that is compared by likeness. An edit distance costs the product
 * of the two lengths: a few microseconds for real titles (the longest of the 2020-2022 annex has
 * 421 characters), seconds for a pasted page of text, hours for many of them. A longer title
 * still finds its activity when it is unchanged (step 1 of matchMoves), never by likeness.
 */
export const MAX_FUZZY_TITLE = 1000;

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
  //    edit distances; a count of shared trigrams rules out most pairs first (see gramsNeeded).
  const fuzzyTitle = (x: string) => x !== "" && x.length <= MAX_FUZZY_TITLE;
  const freeLeft = left.map((x, i) => i).filter((i) => fuzzyTitle(leftTitle(i)) && !takenLeft.has(i));
  // trigram → the titles that have it and how often, as flat pairs (title, count)
  const postings = new Map<string, number[]>();
  for (const i of freeLeft) {
    for (const [g, n] of trigrams(leftTitle(i))) {
      const list = postings.get(g);
      if (list) list.push(i, n);
      else postings.set(g, [i, n]);
    }
  }
  const shared = new Int32Array(left.length);
  const fuzzy: Candidate[] = [];
  for (const [j, y] of right.entries()) {
    // a missing title cannot identify an activity, nor one too long to be compared by likeness
    if (!fuzzyTitle(y) || takenRight.has(j)) continue;
    const touched: number[] = [];
    for (const [g, ny] of trigrams(y)) {
      const list = postings.get(g);
      if (!list) continue;
      for (let k = 0; k < list.length; k += 2) {
        const i = list[k];
        const n = list[k + 1];
        if (i === undefined || n === undefined) break; // never: the list holds pairs
        const before = at(shared, i, "shared count");
        shared[i] = before + Math.min(n, ny);
        if (before === 0) touched.push(i);
      }
    }
    for (const i of touched) {
      const x = leftTitle(i);
      const common = at(shared, i, "shared count");
      shared[i] = 0;
      // the distance is at least the difference in length
      const longer = Math.max(x.length, y.length);
      if (1 - Math.abs(x.length - y.length) / longer < threshold) continue;
      if (common < gramsNeeded(y.length, longer, threshold)) continue;
      const score = normalizedSimilarity(x, y);
      if (score >= threshold) fuzzy.push({ removed: i, added: j, similarity: score, closeness: closeness(i, j) });
    }
    // under a low threshold a short title may be similar to one it shares no trigram with: the
    // bound says nothing then, so compare it with every title not counted above
    if (gramsNeeded(y.length, Math.floor(y.length / threshold), threshold) <= 0) {
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

/** The trigrams of a normalized title with how often each occurs, padded so that its first and last letters count too. */
function trigrams(text: string): Map<string, number> {
  const padded = `  ${text} `;
  const counts = new Map<string, number>();
  for (let k = 0; k + Q <= padded.length; k++) {
    const g = padded.slice(k, k + Q);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
}

const Q = 3;

/**
 * Least number of y's trigram occurrences (of its length + 1, padded) that x must also have, each
 * matched once, for the two to be similar enough: one edit breaks at most Q of y's trigram
 * occurrences, and the distance d ≤ (1 − threshold) · longer (the q-gram lemma). Counting
 * occurrences, not distinct trigrams, keeps the bound tight on long titles, whose distinct
 * trigrams are mostly the language's common ones.
 */
function gramsNeeded(yLength: number, longer: number, threshold: number): number {
  return yLength + 1 - Q * Math.floor((1 - threshold) * longer + 1e-9);
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
