// The page's PDF worker, its side (pipeline/web/pdf-worker.ts), run here with a stand-in for the
// worker's global scope: while the page waits for the office's files it warms up on small
// throwaway PDFs made of the labels' own words; an edition sent meanwhile stops the warm-up, and
// gets the same PDF, byte for byte, as a renderer that never warmed up.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadGiven, renderGiven } from "../pipeline/app/given.ts";
import { loadLabels } from "../pipeline/app/templates.ts";
import { Annex } from "../pipeline/model/annex.ts";
import { renderPdfDetailed } from "../pipeline/render/pdf/index.ts";
import { buildLayout } from "../pipeline/render/layout.ts";
import { servePdf, type PdfReply, type PdfRequest } from "../pipeline/web/pdf-worker.ts";
import { warmUpEdition } from "../pipeline/web/warm-up.ts";

const SOURCE = "sources/2020-2022";

/** A worker's scope: what the page posts goes to the worker's listener in a task of its own, as in a browser. */
function scope() {
  const replies: PdfReply[] = [];
  let listener: ((event: MessageEvent<PdfRequest>) => void) | undefined;
  const waiters: (() => void)[] = [];
  return {
    replies,
    worker: {
      addEventListener: (_type: "message", l: (event: MessageEvent<PdfRequest>) => void) => (listener = l),
      postMessage: (reply: PdfReply) => {
        replies.push(reply);
        for (const w of waiters.splice(0)) w();
      },
    },
    post: (request: PdfRequest) => setTimeout(() => listener?.({ data: request } as MessageEvent<PdfRequest>), 0),
    /** resolves once a reply satisfies `test` */
    until: async (test: (reply: PdfReply) => boolean): Promise<PdfReply> => {
      for (;;) {
        const found = replies.find(test);
        if (found) return found;
        await new Promise<void>((w) => waiters.push(w));
      }
    },
  };
}

describe("the PDF worker's warm-up", () => {
  const edition = warmUpEdition(loadLabels());

  it("is an annex of the labels' own printed words, never other text, shaped like an annex over two pages", async () => {
    expect(Annex.safeParse(edition.annex).success).toBe(true);
    const labelsFile = readFileSync("templates/labels.yaml", "utf8");
    const texts = edition.annex.activities.flatMap((a) => [a.title, a.areaDirigenziale, a.servizio, a.uo, a.note, a.function, a.macro.title, a.process.title, a.subprocess.title]);
    const words = new Set(texts.flatMap((text) => (text ?? "").split(" ").filter((w) => w !== "")));
    expect(words.size).toBeGreaterThan(30);
    for (const word of words) expect(labelsFile, word).toContain(word);
    // shaded rows, merged hierarchy cells and a page break with labels continued: the paths an annex takes
    expect(edition.annex.activities.some((a) => a.active === false)).toBe(true);
    const pdf = await renderPdfDetailed(buildLayout(edition.annex, null, loadLabels(), { example: true }));
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
  });

  it("stops when the page says the office has chosen its files, before any edition comes", { timeout: 30_000 }, async () => {
    const page = scope();
    servePdf(page.worker);
    await page.until((r) => "ready" in r);
    page.post({ warmUp: new Array<number>(1000).fill(24) });
    await new Promise((later) => setTimeout(later, 50));
    page.post({ chosen: true });
    const warmed = await page.until((r) => "warmed" in r);
    expect("warmed" in warmed && warmed.warmed).toBeLessThan(1000);
    // a warm-up asked for once the office has chosen makes nothing
    page.post({ warmUp: [6] });
    await page.until(() => page.replies.filter((reply) => "warmed" in reply).length === 2);
    expect(page.replies.filter((reply) => "warmed" in reply)).toEqual([warmed, { warmed: 0 }]);
  });

  // a warm-up that did not stop would go on for minutes: it fails here in seconds instead
  it("stops at the first edition sent, whose PDF is byte for byte the one a renderer that never warmed up makes", { timeout: 30_000 }, async () => {
    const files = ["allegato-1.pdf", "plan.yaml", "corrections.yaml"].map((name) => ({ name, bytes: new Uint8Array(readFileSync(`${SOURCE}/${name}`)) }));
    const loaded = await loadGiven(files);
    const [cold] = await renderGiven(loaded, ["pdf"]);
    const page = scope();
    servePdf(page.worker);
    await page.until((r) => "ready" in r);
    page.post({ warmUp: new Array<number>(1000).fill(24) });
    // the edition comes while the worker warms up: it waits at most for the small PDF being made
    await new Promise((later) => setTimeout(later, 50));
    page.post({ id: 7, edition: { annex: loaded.annex, plan: loaded.plan, example: loaded.example } });
    const warmed = await page.until((r) => "warmed" in r);
    const answer = await page.until((r) => "id" in r && r.id === 7);
    expect("warmed" in warmed && warmed.warmed).toBeLessThan(1000);
    expect(page.replies.indexOf(warmed)).toBeLessThan(page.replies.indexOf(answer));
    if (!("files" in answer)) throw new Error(`no PDF: ${JSON.stringify(answer)}`);
    expect(answer.files.map((f) => f.name)).toEqual(["allegato-1.pdf"]);
    expect(Buffer.from(answer.files[0]?.data as Uint8Array).equals(Buffer.from(cold?.data as Uint8Array))).toBe(true);
  });
});
