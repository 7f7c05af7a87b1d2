// The PDF worker's warm-up, while the page waits for the office's files. A browser runs a
// program's code slowly the first times, and faster once it has seen it run: the first PDF of a
// fresh worker took twice as long as the next one. So the worker, while idle, makes a few small
// PDFs that nobody sees, of an edition made of the annex's own printed words (its column
// headings, legend and footnote, from templates/labels.yaml), shaped like an annex: a hierarchy
// over two pages, shaded rows, risk areas. It stops as soon as a real edition comes.
import type { Publishable } from "../app/given.ts";
import type { Labels } from "../render/labels.ts";
import type { Activity } from "../model/annex.ts";

/** Every word the labels print, in their order (the placeholders left out). */
function wordsOf(labels: Labels): string[] {
  const words: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === "string") words.push(...value.split(/\s+/).filter((word) => word !== "" && !/[{}]/.test(word)));
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(visit);
  };
  visit(labels);
  return words;
}

/**
 * A small edition to warm the PDF's code with, of `rows` rows (at most 24: two functions, each
 * with two macro processes of two processes of three sub-processes; 24 rows take two pages);
 * thrown away once made.
 */
export function warmUpEdition(labels: Labels, rows = 24): Publishable {
  const words = wordsOf(labels);
  let next = 0;
  /** `count` words, taken in turn from the labels' words */
  const text = (count: number): string => {
    const taken: string[] = [];
    for (let i = 0; i < count; i++) taken.push(words[next++ % words.length] ?? "Attività");
    return taken.join(" ");
  };
  // one title per function, macro process, process and sub-process, the same on all its rows
  const titles = new Map<string, string>();
  const titleOf = (key: string, count: number): string => {
    let title = titles.get(key);
    if (title === undefined) titles.set(key, (title = text(count)));
    return title;
  };
  const activities: Activity[] = [];
  for (let row = 0; row < Math.min(rows, 24); row++) {
    const [f, m, p, s] = [Math.floor(row / 12) + 1, (Math.floor(row / 6) % 2) + 1, (Math.floor(row / 3) % 2) + 1, (row % 3) + 1];
    const macro = `A${String(f)}.${String(m)}`;
    const process = `${macro}.${String(p)}`;
    const subprocess = `${process}.${String(s)}`;
    activities.push({
      code: `${subprocess}.1`,
      title: text(6 + (row % 5) * 3),
      riskAreas: ["A", "B", "C", "D"].slice(0, 1 + (row % 4)),
      areaDirigenziale: text(3),
      servizio: text(2 + (row % 3)),
      uo: row % 4 === 0 ? null : text(4),
      note: row % 5 === 0 ? text(8) : null,
      active: row % 7 !== 3,
      function: titleOf(`A${String(f)}`, 3),
      macro: { code: macro, title: titleOf(macro, 5) },
      process: { code: process, title: titleOf(process, 7) },
      subprocess: { code: subprocess, title: titleOf(subprocess, 9) },
    });
  }
  return { annex: { planYears: "2020-2022", title: null, footnote: null, activities }, plan: null, example: true };
}
