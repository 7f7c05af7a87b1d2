// The HTML page: valid, accessible (axe-core in real Chromium, WCAG 2.1 AA and best practices),
// self-contained, every activity announced with its function, macro process, process and sub
// process; usable without JavaScript; the search keeps the table well formed; data is text.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { htmlTemplates, loadLabels } from "../pipeline/app/templates.ts";
import type { Annex } from "../pipeline/model/annex.ts";
import { renderHtml } from "../pipeline/render/html/page.ts";
import { buildLayout, levelLabel } from "../pipeline/render/layout.ts";
import { launchChromium, runAxe, Tabs } from "./helpers/chromium.ts";
import { largeSampleAnnex, sampleAnnex, samplePlan } from "./helpers/sample-annex.ts";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

let browser: Browser;
let tabs: Tabs;
let annex: Annex;
let html: string;
/** the same annex as an illustrative edition: its banner and title must keep the page valid and accessible */
let example: string;

beforeAll(async () => {
  annex = sampleAnnex();
  html = renderHtml(buildLayout(annex, samplePlan(), loadLabels()), htmlTemplates());
  example = renderHtml(buildLayout(annex, samplePlan(), loadLabels(), { example: true }), htmlTemplates());
  browser = await launchChromium();
  tabs = new Tabs(browser);
});

afterAll(async () => {
  await tabs.close();
  await browser.close();
});

interface RowRead {
  code: string;
  headers: string[];
  hidden: boolean;
}

/** For every body row: its activity code and the texts of the cells its title cell names in `headers`. */
function readRows(page: Page): Promise<RowRead[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll("#tabella tbody tr")).map((tr) => {
      const title = tr.querySelector("td.title");
      const ids = (title?.getAttribute("headers") ?? "").split(" ").filter(Boolean);
      return {
        code: tr.querySelector("th.code")?.textContent ?? "",
        headers: ids.map((id) => document.getElementById(id)?.textContent ?? `missing #${id}`),
        hidden: (tr as HTMLElement).hidden,
      };
    }),
  );
}

/** Every visible row, with its cells and the row-spanning cells above, covers the 10 columns exactly. */
function gridIsWhole(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    for (const tbody of Array.from(document.querySelectorAll<HTMLTableSectionElement>("#tabella tbody"))) {
      if (tbody.hidden) continue;
      const pending: number[] = [];
      for (const tr of Array.from(tbody.rows)) {
        if (tr.hidden) continue;
        let width = pending.filter((n) => n > 0).length;
        for (let i = 0; i < pending.length; i++) pending[i] = (pending[i] ?? 0) - 1;
        for (const cell of Array.from(tr.cells)) {
          width += cell.colSpan;
          if (cell.rowSpan > 1) pending.push(cell.rowSpan - 1);
        }
        if (width !== 10) return false;
      }
    }
    return true;
  });
}

describe("HTML", () => {
  it("is valid HTML (html-validate, recommended rules), an example's page too", async () => {
    for (const page of [html, example]) {
      const report = await new HtmlValidate({ extends: ["html-validate:recommended"] }).validateString(page);
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}: ${m.ruleId}: ${m.message}`));
      expect(messages).toEqual([]);
      expect(report.valid).toBe(true);
    }
  });

  it("has no axe-core violations (WCAG 2.0/2.1 A and AA, best practices) at desktop and phone widths, and makes no request", async () => {
    for (const [width, content] of [[1280, html], [390, html], [1280, example], [390, example]] as const) {
      const { page, requests } = await tabs.open(content, width);
      const violations = await runAxe(page, AXE_TAGS);
      expect(violations.map((v) => `${width}px ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
      expect(requests).toEqual([]);
    }
  });

  it("ties every activity to its function, macro process, process and sub process headers", async () => {
    const { page } = await tabs.open(html);
    const rows = await readRows(page);
    expect(rows.map((r) => r.code)).toEqual(annex.activities.map((a) => a.code));
    annex.activities.forEach((a, i) => {
      const headers = rows[i]?.headers ?? [];
      expect(headers).toContain("Attività");
      expect(headers).toContain(a.code);
      for (const label of [a.function ?? "", levelLabel(a.macro.code, a.macro.title), levelLabel(a.process.code, a.process.title), levelLabel(a.subprocess.code, a.subprocess.title)]) {
        if (label !== "") expect(headers, a.code).toContain(label);
      }
      expect(headers.some((h) => h.startsWith("missing"))).toBe(false);
    });
    // one row group per macro process, each listed in the contents
    expect(await page.locator("#tabella tbody").count()).toBe(5);
    expect(await page.locator("nav.contents a").allTextContents()).toEqual(["A1 PIANIFICAZIONE, MONITORAGGIO E CONTROLLO DELL'ENTE", "A2", "C2 TUTELA E LEGALITÀ", "Z1 EXTRA", "G GESTIONE GENERALE DELL'ENTE"]);
  });

  it("marks inactive activities in words, has a caption, a skip link to the table and a visible focus", async () => {
    const { page } = await tabs.open(html);
    expect(await page.locator("tr.inactive em.not-active").allTextContents()).toEqual(["(non attiva)", "(non attiva)", "(non attiva)", "(non attiva)"]);
    expect(await page.locator("#tabella caption").textContent()).toBe("Mappatura dei processi 2020-2022");
    expect(await page.locator("html").getAttribute("lang")).toBe("it");
    await page.keyboard.press("Tab");
    const skip = page.locator("a.skip-link");
    expect(await skip.evaluate((a) => a === document.activeElement)).toBe(true);
    expect(await skip.evaluate((a) => getComputedStyle(a).outlineStyle)).toBe("solid");
    // the skip link lands on the table's scrolling region, which takes the focus (arrow keys scroll it)
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("area-tabella");
  });

  it("shows the whole table without JavaScript (the search appears only with it)", async () => {
    const { page } = await tabs.open(html, 1280, false);
    expect(await page.locator("form.search").isHidden()).toBe(true);
    const rows = await readRows(page);
    expect(rows.filter((r) => !r.hidden)).toHaveLength(annex.activities.length);
  });

  it("finds activities by code, words or office, keeping the merged cells and the grid whole", async () => {
    const { page } = await tabs.open(html);
    const before = await page.locator("#tabella").innerHTML();
    expect(await page.locator("form.search").isVisible()).toBe(true);
    for (const [query, codes] of [
      ["legale interno", ["A2.1.3.3", "A2.1.3.4"]],
      ["A1.3.2", ["A1.3.2.1", "A1.3.2.2", "A1.3.2.3", "A1.3.2.4"]],
      ["attivita porti", ["Z1.1.1.2"]],
    ] as const) {
      await page.fill("#cerca", query);
      await page.press("#cerca", "Enter");
      const visible = (await readRows(page)).filter((r) => !r.hidden);
      expect(visible.map((r) => r.code)).toEqual(codes);
      // each visible activity still has all its headers above or beside it
      for (const row of visible) {
        const a = annex.activities.find((x) => x.code === row.code);
        expect(row.headers).toContain(levelLabel(a?.subprocess.code ?? null, a?.subprocess.title ?? null));
      }
      expect(await gridIsWhole(page)).toBe(true);
      expect(await page.locator("#cerca-esito").textContent()).toBe(`${codes.length} attività ${codes.length === 1 ? "trovata" : "trovate"} su ${annex.activities.length}.`);
    }
    // the filtered table is as accessible as the whole one
    expect((await runAxe(page, AXE_TAGS)).map((v) => v.id)).toEqual([]);
    await page.click("button[type=reset]");
    await page.waitForFunction(() => document.querySelectorAll("#tabella tbody tr[hidden]").length === 0);
    expect(await page.locator("#tabella").innerHTML()).toBe(before);
  });

  it("finds whole words only, and says '1 attività trovata' for one ('porti' is not in 'rapporti')", async () => {
    const { page } = await tabs.open(html);
    for (const [query, codes, status] of [
      ["porti", ["Z1.1.1.2"], "1 attività trovata su 48."],
      ["rapporti", ["A2.1.1.1", "A2.1.1.2", "A2.1.1.3"], "3 attività trovate su 48."],
      ["A2.1", ["A2.1.1.1", "A2.1.1.2", "A2.1.1.3", "A2.1.3.1", "A2.1.3.2", "A2.1.3.3", "A2.1.3.4", "A2.1.3.5"], "8 attività trovate su 48."],
      ["port", [], "Nessuna attività trovata."],
    ] as const) {
      await page.fill("#cerca", query);
      await page.press("#cerca", "Enter");
      expect((await readRows(page)).filter((r) => !r.hidden).map((r) => r.code), query).toEqual(codes);
      expect(await page.locator("#cerca-esito").textContent()).toBe(status);
    }
  });

  it("filters the rows at 390 px as at 1280 px: the rows a search leaves out are not drawn", async () => {
    for (const width of [1280, 390]) {
      const { page } = await tabs.open(html, width);
      await page.fill("#cerca", "Ragioneria");
      await page.press("#cerca", "Enter");
      const found = (await readRows(page)).filter((r) => !r.hidden).map((r) => r.code);
      const expected = annex.activities.filter((a) => [a.areaDirigenziale, a.servizio, a.uo].includes("Ragioneria")).map((a) => a.code);
      expect(found, `${width}`).toEqual(expected);
      expect(await page.locator("#cerca-esito").textContent()).toBe(`${expected.length} attività trovate su ${annex.activities.length}.`);
      // what is drawn: the rows with a box on the page
      const drawn = await page.evaluate(() => Array.from(document.querySelectorAll("#tabella tbody tr")).filter((tr) => tr.getClientRects().length > 0).map((tr) => tr.querySelector("th.code")?.textContent ?? ""));
      expect(drawn, `${width}`).toEqual(expected);
    }
  });

  it("draws the sticky header rows opaque: no text of the body shows through them while scrolling", async () => {
    const { page } = await tabs.open(html, 1280);
    await page.evaluate(() => {
      const target = document.querySelectorAll("#tabella tbody tr")[14];
      if (target) window.scrollTo(0, target.getBoundingClientRect().top + window.scrollY - 40);
    });
    const head = await page.locator("#tabella thead").boundingBox();
    if (!head) throw new Error("no header");
    const clip = { x: head.x, y: head.y, width: head.width, height: head.height };
    const over = await page.screenshot({ clip });
    // the same place with the body's text made invisible: an opaque header looks the same
    await page.addStyleTag({ content: "#tabella tbody { visibility: hidden; }" });
    const alone = await page.screenshot({ clip });
    expect(over.equals(alone)).toBe(true);
  });

  it("keeps the header rows and the label of the hierarchy cell being read in view at desktop width", async () => {
    const { page } = await tabs.open(html, 1280);
    const row = page.locator("#tabella tbody tr").nth(14);
    await page.evaluate(() => {
      const target = document.querySelectorAll("#tabella tbody tr")[14];
      if (target) window.scrollTo(0, target.getBoundingClientRect().top + window.scrollY - 150);
    });
    const head = await page.locator("#tabella thead").boundingBox();
    expect(head?.y).toBeCloseTo(0, 0);
    // the function and macro-process cells started far above: their labels are just under the header
    const rowBox = await row.boundingBox();
    expect(rowBox?.y).toBeGreaterThan(100);
    for (const level of ["function", "macro"]) {
      const label = await page.locator(`#tabella tbody th.level-${level} .label`).first().boundingBox();
      expect(label?.y, level).toBeCloseTo((head?.y ?? 0) + (head?.height ?? 0), 0);
    }
  });

  it("needs no sideways scrolling at 390 px: each activity is a block, no element wider than the screen", async () => {
    const { page } = await tabs.open(html, 390);
    const overflow = await page.evaluate(() => {
      const wide: string[] = [];
      if (document.documentElement.scrollWidth > window.innerWidth) wide.push(`page ${document.documentElement.scrollWidth}px`);
      for (const el of Array.from(document.querySelectorAll("body *"))) {
        const style = getComputedStyle(el);
        if (el.scrollWidth > el.clientWidth + 1 && (style.overflowX === "auto" || style.overflowX === "scroll")) wide.push(`${el.tagName}#${el.id} scrolls`);
        if (el.closest("thead")) continue; // not drawn at this width (kept for screen readers)
        const box = el.getBoundingClientRect();
        if (box.width > 0 && box.right > window.innerWidth + 0.5) wide.push(`${el.tagName}.${el.className} ends at ${Math.round(box.right)}px`);
      }
      return wide;
    });
    expect(overflow).toEqual([]);
    // each cell of an activity names its column
    const risk = page.locator("#tabella tbody td.risk").nth(4);
    expect(await risk.evaluate((td) => getComputedStyle(td, "::before").content)).toContain("Area di rischio");
  });

  it("keeps the same accessibility tree at 390 px as at 1280 px: still a table, with its headers", async () => {
    const trees: string[] = [];
    for (const width of [1280, 390]) {
      const { page } = await tabs.open(html, width);
      trees.push(await page.locator("#tabella").ariaSnapshot());
    }
    const [desktop = "", phone = ""] = trees;
    expect(desktop).toMatch(/^- table "Mappatura dei processi 2020-2022"/);
    expect(desktop).toContain("- columnheader \"Funzione\"");
    expect(desktop).toContain("- rowheader \"A1.1.1.1\"");
    expect(phone).toBe(desktop);
  });

  it("prints with page numbers, the header rows on every page, and the hierarchy labels again after a page break", async () => {
    const bigAnnex = largeSampleAnnex(3);
    const big = renderHtml(buildLayout(bigAnnex, samplePlan(), loadLabels()), htmlTemplates());
    const { page } = await tabs.open(big, 1280);
    const before = await page.locator("#tabella").innerHTML();
    const dir = mkdtempSync(join(tmpdir(), "annex-print-"));
    const file = join(dir, "print.pdf");
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
    const pages = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).split("\f").filter((p) => p.trim() !== "");
    expect(pages.length).toBeGreaterThan(4);
    let continued = 0;
    pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain(`Pagina ${i + 1} di ${pages.length}`);
      const code = /\b[A-Z]\d+\.\d+\.\d+[a-z]?\.\d+\b/.exec(text)?.[0];
      if (code === undefined) return; // the legend's end, after the table
      expect(text, `page ${i + 1}`).toContain("STRUTTURE RESPONSABILI");
      // a page that starts inside a function's cell prints its label again (it would not be on
      // the page otherwise), marked
      const first = bigAnnex.activities.findIndex((a) => a.code === code);
      const before = bigAnnex.activities[first - 1];
      const here = bigAnnex.activities[first];
      if (i > 0 && before && here?.function && before.function === here.function) {
        expect(text.replace(/\s+/g, " "), `page ${i + 1}`).toContain(here.function);
        expect(text, `page ${i + 1}`).toContain("(segue)");
        continued++;
      }
    });
    expect(continued).toBeGreaterThan(2);
    // after printing, the table is as it was
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    expect(await page.locator("#tabella").innerHTML()).toBe(before);
  });

  it("prints markup and template braces in the data as text", async () => {
    const hostile = sampleAnnex();
    const evil = "<script>window.hacked = 1</script> {{title}} & co";
    hostile.title = evil;
    const first = hostile.activities[0];
    if (!first) throw new Error("fixture changed");
    first.title = evil;
    first.areaDirigenziale = '"><img src=x onerror="window.hacked=2">';
    const page2 = renderHtml(buildLayout(hostile, samplePlan(), loadLabels()), htmlTemplates());
    expect(page2).not.toContain("<script>window.hacked");
    expect(page2).not.toContain("<img src=x");
    const { page, requests } = await tabs.open(page2);
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    expect(await page.locator("h1").textContent()).toBe(evil);
    expect(await page.locator("#tabella td.title").first().textContent()).toBe(evil);
    expect(requests).toEqual([]);
  });
});

describe("HTML from a source that cannot tell active from inactive", () => {
  it("says so instead of counting every activity as active", () => {
    const annex = sampleAnnex();
    annex.activities.forEach((a) => (a.active = null));
    const html = renderHtml(buildLayout(annex, samplePlan(), loadLabels()), htmlTemplates());
    expect(html).toContain(`${annex.activities.length} attività. La fonte non indica quali attività sono attive.`);
    expect(html).not.toMatch(/di cui 0 non attive/);
  });
});
