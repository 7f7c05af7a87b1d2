// Matching moved activities, and marking changed words, on very long titles: made-up titles of
// the 2020-2022 annex's own words (so that unrelated titles share most of their trigrams), as
// many removed as added. What the bounds in diff/match.ts and diff/words.ts keep in check.
import { performance } from "node:perf_hooks";
import { formatText } from "../pipeline/diff/format-terminal.ts";
import { diffAnnexes } from "../pipeline/diff/index.ts";
import { matchMoves } from "../pipeline/diff/match.ts";
import { at } from "../pipeline/lib/at.ts";
import type { Activity, Annex } from "../pipeline/model/annex.ts";
import { madeUpTitle, seeded } from "../test/helpers/random.ts";

export function longTitleTimings(annex: Annex): void {
  const template = at(annex.activities, 0, "activity");
  const words = [...new Set(annex.activities.flatMap((a) => (a.title ?? "").split(" ")))].filter(Boolean);
  const random = seeded(7);
  const title = (length: number) => madeUpTitle(random, words, length);
  // one character in a hundred changed: 0.99 alike, well above the threshold of a move
  const edited = (text: string) => text.replace(/(.{99})./gs, "$1#");
  const activity = (code: string, text: string): Activity => ({ ...template, code, title: text });
  const timed = <T>(fn: () => T): { ms: number; result: T } => {
    const t0 = performance.now();
    const result = fn();
    return { ms: performance.now() - t0, result };
  };

  console.log("\nmoved activities among very long titles (one run each)\n");
  console.log("| removed × added | title length | added titles | time | moves found |");
  console.log("|---|---|---|---|---|");
  for (const [n, length, kind] of [
    [200, 1_000, "unrelated"],
    [200, 1_000, "edited copies"],
    [20, 10_000, "edited copies"],
    [20, 100_000, "edited copies"],
    [20, 100_000, "unchanged copies"],
  ] as const) {
    const removed = Array.from({ length: n }, (_, i) => activity(`A1.1.${i + 1}.1`, title(length)));
    const added = removed.map((r, i) => activity(`B1.1.${i + 1}.1`, kind === "unrelated" ? title(length) : kind === "unchanged copies" ? (r.title ?? "") : edited(r.title ?? "")));
    const { ms, result } = timed(() => matchMoves(removed, added));
    console.log(`| ${n} × ${n} | ${length.toLocaleString("en")} | ${kind} | ${ms.toFixed(0)} ms | ${result.length} |`);
  }
  const before = title(100_000);
  const a: Annex = { ...annex, activities: [activity("A1.1.1.1", before)] };
  const b: Annex = { ...annex, planYears: "2021-2023", activities: [activity("A1.1.1.1", title(100_000))] };
  const { ms } = timed(() => formatText(diffAnnexes(a, b)));
  console.log(`\na title of 100,000 characters rewritten, as the text report shows it: ${ms.toFixed(0)} ms`);
}
