// Move matching and word marks on very long titles: the work is bounded (a title longer than
// MAX_FUZZY_TITLE is matched only when unchanged; the trigram count rules out unrelated titles
// before any edit distance; word marks stop at MAX_WORD_EDITS), and bounding it loses no pair
// that comparing every title with every other would find. Speed itself is measured in the
// benchmarks, not here.
import { describe, expect, it } from "vitest";
import { diffAnnexes, diffToJson } from "../pipeline/diff/index.ts";
import { formatText } from "../pipeline/diff/format-terminal.ts";
import { DEFAULT_MOVE_THRESHOLD, MAX_FUZZY_TITLE, matchMoves, similarity } from "../pipeline/diff/match.ts";
import { MAX_WORD_EDITS, wordDiff } from "../pipeline/diff/words.ts";
import type { Activity, Annex } from "../pipeline/model/annex.ts";
import { expectedAnnex2020 } from "./helpers/diff.ts";
import { madeUpTitle, seeded } from "./helpers/random.ts";

const base = expectedAnnex2020();
const template = base.activities[0] as Activity;
const words = [...new Set(base.activities.flatMap((a) => (a.title ?? "").split(" ")))].filter(Boolean);

const wordSalad = (random: () => number, length: number) => madeUpTitle(random, words, length);

/** `title` with about `rate` of its characters replaced. */
function edited(random: () => number, title: string, rate: number): string {
  let out = title;
  for (let k = 0; k < title.length * rate; k++) {
    const at = Math.floor(random() * out.length);
    out = `${out.slice(0, at)}x${out.slice(at + 1)}`;
  }
  return out;
}

const activity = (code: string, title: string): Activity => ({ ...template, code, title });
const edition = (planYears: string, activities: Activity[]): Annex => ({ ...base, planYears, activities });

describe("moved activities with very long titles", () => {
  const random = seeded(11);
  const long = wordSalad(random, 50_000);
  expect(long.length).toBeGreaterThan(MAX_FUZZY_TITLE);

  it("are found when the title is unchanged, however long", () => {
    const changes = diffToJson(diffAnnexes(edition("2020-2022", [activity("A1.1.1.1", long)]), edition("2021-2023", [activity("B1.1.1.1", long)]))).changes;
    expect(changes).toEqual([{ kind: "moved", code: "B1.1.1.1", from: "A1.1.1.1" }]);
  });

  it("are reported as removed and added when a title longer than the limit also changed: never compared by likeness", () => {
    const changes = diffToJson(
      diffAnnexes(edition("2020-2022", [activity("A1.1.1.1", long)]), edition("2021-2023", [activity("B1.1.1.1", edited(random, long, 0.001))])),
    ).changes;
    expect(changes).toEqual([
      { kind: "added", code: "B1.1.1.1" },
      { kind: "removed", code: "A1.1.1.1" },
    ]);
  });
});

describe("the trigram count that rules out pairs before their edit distance", () => {
  it("finds the same pairs as comparing every title with every other, on long titles of one vocabulary", () => {
    // up to the limit, half of them edited copies, half unrelated: where a count of distinct
    // trigrams rules out nothing, the count of trigram occurrences must still lose no pair
    const random = seeded(5);
    const titles = Array.from({ length: 40 }, (_, i) => wordSalad(random, 200 + ((i * 97) % (MAX_FUZZY_TITLE - 250))));
    const removed = titles.map((t, i) => activity(`A1.1.${i + 1}.1`, t));
    const added = titles.map((t, i) => activity(`B1.1.${i + 1}.1`, i % 2 === 0 ? edited(random, t, 0.03 + (i % 7) * 0.01) : wordSalad(random, t.length)));
    const oracle: { removed: number; added: number; similarity: number }[] = [];
    removed.forEach((x, i) => {
      added.forEach((y, j) => {
        const score = similarity(x.title ?? "", y.title ?? "");
        if (score >= DEFAULT_MOVE_THRESHOLD) oracle.push({ removed: i, added: j, similarity: score });
      });
    });
    // every pair the oracle finds is an edited copy with its own original, so one-to-one
    expect(oracle.map((p) => [p.removed, p.added])).toEqual(oracle.map((p) => [p.added, p.added]));
    expect(oracle.length).toBeGreaterThan(10);
    expect(matchMoves(removed, added)).toEqual(oracle);
  });
});

describe("the words marked in a changed title", () => {
  it("are the words that changed, in a long title with a few edits", () => {
    const title = wordSalad(seeded(3), 20_000);
    const segments = wordDiff(title, `${title} aggiornato`);
    expect(segments.filter((s) => s.op !== "same")).toEqual([{ text: "aggiornato", op: "added" }]);
  });

  it("stop at a rewrite: past MAX_WORD_EDITS changes the title is shown replaced whole", () => {
    const random = seeded(4);
    const before = wordSalad(random, 20_000);
    const after = wordSalad(random, 20_000);
    expect(wordDiff(before, after)).toEqual([
      { text: before, op: "removed" },
      { text: after, op: "added" },
    ]);
    const a = edition("2020-2022", [activity("A1.1.1.1", before)]);
    const b = edition("2021-2023", [activity("A1.1.1.1", after)]);
    expect(formatText(diffAnnexes(a, b), { color: false })).toContain(`[-${before}-]{+${after}+}`);
    // a handful of edits is still marked word by word
    const few = before.split(" ").map((w, k) => (k % 40 === 0 ? `${w}x` : w)).join(" ");
    expect(wordDiff(before, few).filter((s) => s.op === "same").length).toBeGreaterThan(MAX_WORD_EDITS / 20);
  });
});
