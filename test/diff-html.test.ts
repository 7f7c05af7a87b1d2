// The HTML change report is published by the office: it must be valid, accessible and
// self-contained, and its meaning must not rest on colour.
import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { diffTemplates } from "../pipeline/app/templates.ts";
import { renderHtml } from "../pipeline/diff/format-html.ts";
import { diffAnnexes } from "../pipeline/diff/index.ts";
import { launchChromium, runAxe, Tabs } from "./helpers/chromium.ts";
import { applyKnownEdits, clone, expectedAnnex2020 } from "./helpers/diff.ts";

function reportWithEveryKind(): string {
  const { a, b } = applyKnownEdits(expectedAnnex2020());
  return renderHtml(diffAnnexes(a, b), diffTemplates());
}

function reportWithoutChanges(): string {
  const a = expectedAnnex2020();
  return renderHtml(diffAnnexes(a, clone(a)), diffTemplates());
}

describe("HTML change report", () => {
  it("passes html-validate's recommended rules with no error, with changes and without", async () => {
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });
    for (const html of [reportWithEveryKind(), reportWithoutChanges()]) {
      const report = await validator.validateString(html);
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
      expect(messages).toEqual([]);
    }
  });

  it("is in Italian, self-contained, with captions and header cells", () => {
    const html = reportWithEveryKind();
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="it">/);
    expect(html).not.toMatch(/<(link|script|img)\b/);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html.match(/<caption>/g)).toHaveLength(2);
    expect(html).toContain('<th scope="col">Codice</th>');
    expect(html).toMatch(/<tr><th scope="row">A1\.1\.1\.1<\/th>/);
  });

  it("marks changed words with del and ins and a text for screen readers, not colour alone", () => {
    const html = reportWithEveryKind();
    expect(html).toContain('<ins><span class="vh">[testo inserito: </span>(aggiornamento annuale)<span class="vh">]</span></ins>');
    expect(html).toMatch(/del \{[^}]*text-decoration: line-through/);
    expect(html).toMatch(/ins \{[^}]*text-decoration: underline/);
  });

  it("groups a structure renamed in several activities instead of repeating it row by row", () => {
    const html = reportWithEveryKind();
    expect(html).toMatch(/<li>U\.O\.: «Innovazione e sviluppo» diventa «Innovazione e sviluppo e servizi digitali» in 27 attività \(D2\.1\.1\.1, /);
    expect(html).not.toContain('<td class="what">U.O. modificata</td><td data-label="Prima (2020-2022)">Innovazione e sviluppo</td>');
  });

  it("escapes the texts of the data", () => {
    const a = expectedAnnex2020();
    const b = clone(a);
    (b.activities[0] as { title: string }).title = "Relazione <script>alert(1)</script> & co.";
    const html = renderHtml(diffAnnexes(a, b), diffTemplates());
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });

  it("names the body and both editions' identities, or says that plan.yaml gives none", () => {
    const { a, b } = applyKnownEdits(expectedAnnex2020());
    const html = renderHtml(diffAnnexes(a, b), diffTemplates(), { body: "Camera di Commercio di Pistoia", from: null, to: "adottato con Deliberazione n. 7 del 29 gennaio 2021 — versione 2" });
    expect(html).toContain('<p class="body">Camera di Commercio di Pistoia</p>');
    expect(html).toContain("<div><dt>Edizione precedente 2020-2022</dt><dd>estremi di adozione non indicati</dd></div>");
    expect(html).toContain("<div><dt>Nuova edizione 2021-2023</dt><dd>adottato con Deliberazione n. 7 del 29 gennaio 2021 — versione 2</dd></div>");
  });

  it("says ESEMPIO first in its title and in a banner when an edition compared is an example", () => {
    const { a, b } = applyKnownEdits(expectedAnnex2020());
    const html = renderHtml(diffAnnexes(a, b), diffTemplates(), { body: null, from: null, to: null, exampleMark: "ESEMPIO — non pubblicare" });
    expect(html).toContain("<title>ESEMPIO — non pubblicare – Allegato 1");
    expect(html).toContain('<p class="example-mark" role="note">ESEMPIO — non pubblicare</p>');
    expect(reportWithEveryKind()).not.toContain("ESEMPIO");
  });

  it("has no axe-core violations in Chromium at 1280 and 390 px; at 390 px each change is a block and nothing scrolls sideways; printed, it is a table whose header repeats", async () => {
    const browser = await launchChromium();
    const tabs = new Tabs(browser);
    try {
      for (const html of [reportWithEveryKind(), reportWithoutChanges()]) {
        for (const width of [1280, 390]) {
          const { page } = await tabs.open(html, width);
          const violations = (await runAxe(page, ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])).map((v) => `${v.id} (${v.nodes.length})`);
          expect(violations, `${width}`).toEqual([]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width}`).toBeLessThanOrEqual(width);
        }
      }
      const { page } = await tabs.open(reportWithEveryKind(), 390);
      const rows = await page.evaluate(() =>
        Array.from(document.querySelectorAll("section[aria-labelledby=elenco] tbody tr")).map((tr) => {
          const box = tr.getBoundingClientRect();
          const after = tr.querySelector("td:last-child");
          return { display: getComputedStyle(tr).display, right: box.right, label: after ? getComputedStyle(after, "::before").content : "" };
        }),
      );
      expect(rows.length).toBeGreaterThan(10);
      for (const row of rows) {
        expect(row.display).toBe("block");
        expect(row.right).toBeLessThanOrEqual(390);
        expect(row.label).toContain("Dopo (2021-2023)");
      }
      await page.emulateMedia({ media: "print" });
      expect(await page.evaluate(() => [getComputedStyle(document.querySelector("tbody tr") as Element).display, getComputedStyle(document.querySelector("thead") as Element).display])).toEqual(["table-row", "table-header-group"]);
      await page.emulateMedia({ media: "screen" });
    } finally {
      await tabs.close();
      await browser.close();
    }
  });
});
