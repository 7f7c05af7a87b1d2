import { matchMoves } from "./pipeline/diff/match.ts";
import { expectedAnnex2020 } from "./test/diff-helpers.ts";
const base = expectedAnnex2020().activities;
const rem = [], add = [];
for (let k = 0; k < 10; k++) for (const a of base) { rem.push({ ...a, code: a.code + "." + k }); add.push({ ...a, code: a.code + ".x" + k, title: a.title + " bis" }); }
const t = performance.now();
const pairs = matchMoves(rem, add);
console.log(pairs.length, (performance.now() - t).toFixed(0), "ms");
