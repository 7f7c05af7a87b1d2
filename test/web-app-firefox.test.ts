// The web page (out/app/index.html) in Firefox, as an office opens it: from the disk, given the
// 2020-2022 plan year's files. It publishes the edition as the command line does (every file
// under its name, the JSON equal to `annex export`, the diagnostics `annex validate --lang it`
// prints), asks the network for nothing and logs no error. One Firefox (Debian's firefox-esr,
// driven through WebDriver BiDi: test/helpers/firefox.ts) and one edition; the command line's
// outputs are made in this process while the page works. test/web-app.test.ts tries the rest of
// the page (refused files, the folder picker, the change report, axe) in Chromium.
import { resolve, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleApp } from "../scripts/bundle-app.js";
import { annex } from "./helpers/cli.ts";
import { Firefox } from "./helpers/firefox.ts";

const SOURCE = resolve("sources/2020-2022");
const PLAN_YEAR_FILES = ["allegato-1.pdf", "plan.yaml", "corrections.yaml"].map((f) => join(SOURCE, f));
const PUBLICATIONS = [
  "allegato-1-aree-di-rischio.csv",
  "allegato-1.csv",
  "allegato-1.docx",
  "allegato-1.html",
  "allegato-1.json",
  "allegato-1.ods",
  "allegato-1.pdf",
  "allegato-1.xlsx",
  "allegato-1.zip",
  "datapackage.json",
];
const SEVERITY = /: (errore|avviso|info): /;

/** What the page shows and offers once it is done with the files. */
interface Shown {
  /** whether its progress was shown between the files given and the result */
  progressed: boolean;
  status: string;
  error: string;
  diagnostics: string[];
  /** every link to download: its name, size and first bytes (as Latin-1 text) */
  downloads: { name: string; size: number; start: string }[];
  json: string;
}

/** `annex export sources/2020-2022 --format json` and `annex validate sources/2020-2022 --lang it` */
interface CommandLine {
  exported: string;
  diagnostics: string[];
}

async function commandLine(): Promise<CommandLine> {
  const exported = await annex(["export", "sources/2020-2022", "--format", "json"]);
  if (exported.status !== 0) throw new Error(`annex export failed (${String(exported.status)}): ${exported.stderr}`);
  const validated = await annex(["validate", "sources/2020-2022", "--lang", "it"]);
  if (validated.status !== 0) throw new Error(`annex validate failed (${String(validated.status)}): ${validated.stderr}`);
  // the files were given alone, not in their folder: the page names them alone
  const diagnostics = validated.stdout
    .split("\n")
    .filter((line) => SEVERITY.test(line))
    .map((line) => line.replaceAll("sources/2020-2022/", ""));
  return { exported: exported.stdout, diagnostics };
}

/** milliseconds the page has to publish the edition (a few seconds on a loaded 2-core machine) */
const PUBLISHING = 45_000;

let launching: Promise<Firefox> | undefined;
let cli: Promise<CommandLine>;
/** what the page showed; a failure to start Firefox or to open the page is every test's failure */
let edition: Promise<Shown>;
/**
 * every request the page made that is not file:, data: or blob: (Firefox tells of every one that
 * reaches its network layer; one that the page's Content-Security-Policy stops before is logged
 * as an error instead)
 */
const leaving: string[] = [];
/** every error logged in the page's console, and every uncaught exception */
const consoleErrors: string[] = [];

/** Opens the page in Firefox, gives it the plan year's files and waits for the page to be done. */
async function publish(): Promise<Shown> {
  launching = Firefox.launch();
  const { file } = await bundleApp();
  const firefox = await launching;
  await firefox.on("network.beforeRequestSent", (event) => {
    const url = (event.request as { url: string }).url;
    if (!/^(file|data|blob):/.test(url)) leaving.push(url);
  });
  await firefox.on("log.entryAdded", (entry) => {
    if (entry.level === "error") consoleErrors.push(String(entry.text));
  });
  await firefox.navigate(pathToFileURL(file).href);
  await firefox.evaluate(
    () =>
      new Promise<void>((ready) => {
        const html = document.documentElement;
        if (html.dataset.ready === "true") ready();
        else
          new MutationObserver(() => {
            if (html.dataset.ready === "true") ready();
          }).observe(html, { attributes: true, attributeFilter: ["data-ready"] });
      }),
  );
  // from now on: resolves once the progress, shown, is hidden again (or, after `PUBLISHING`, to false)
  await firefox.evaluate((timeout) => {
    const progress = document.getElementById("avanzamento");
    const watched = window as unknown as { settled: Promise<boolean> };
    watched.settled = new Promise((settled) => {
      if (!progress) {
        settled(false);
        return;
      }
      new MutationObserver((changes) => {
        // a change from a progress without `hidden`: it was shown
        if (progress.hidden && changes.some((change) => change.oldValue === null)) settled(true);
      }).observe(progress, { attributes: true, attributeFilter: ["hidden"], attributeOldValue: true });
      setTimeout(() => {
        settled(false);
      }, timeout);
    });
  }, PUBLISHING);
  await firefox.setFiles("#edizione", PLAN_YEAR_FILES);
  // the command line's outputs, made in this process while the page works
  cli = commandLine();
  // awaited by the tests that use it; a failure is theirs, never an unhandled rejection here
  cli.catch(() => undefined);
  const progressed = await firefox.evaluate(() => (window as unknown as { settled: Promise<boolean> }).settled);
  return {
    progressed,
    ...(await firefox.evaluate(async () => {
      const text = (id: string) => document.getElementById(id)?.textContent ?? "";
      const links = Array.from(document.querySelectorAll<HTMLAnchorElement>("#pubblicazioni a[download]"));
      const downloads = await Promise.all(
        links.map(async (link) => {
          const bytes = new Uint8Array(await (await fetch(link.href)).arrayBuffer());
          return { name: link.download, size: bytes.length, start: String.fromCharCode(...bytes.subarray(0, 5)) };
        }),
      );
      const json = links.find((link) => link.download === "allegato-1.json");
      return {
        status: text("stato-testo"),
        error: text("errore"),
        diagnostics: Array.from(document.querySelectorAll("#segnalazioni li")).map((item) => item.textContent),
        downloads,
        json: json ? await (await fetch(json.href)).text() : "",
      };
    })),
  };
}

beforeAll(async () => {
  edition = publish();
  await edition.catch(() => undefined);
}, 2 * PUBLISHING);

afterAll(async () => {
  // Firefox is closed even when the setup failed after it was started
  await (await launching?.catch(() => undefined))?.close();
});

describe("the web page in Firefox, opened from the disk, given the 2020-2022 plan year's files", () => {
  it("publishes the edition and offers every publication to download under its name", async () => {
    const shown = await edition;
    expect(shown.progressed).toBe(true);
    expect(shown.error).toBe("");
    expect(shown.status).toBe("Allegato 2020-2022 pronto: 9 file da scaricare.");
    expect(shown.downloads.map((d) => d.name).sort()).toEqual(PUBLICATIONS);
    for (const { name, size, start } of shown.downloads) {
      expect(size, name).toBeGreaterThan(0);
      if (name.endsWith(".pdf")) expect(start, name).toBe("%PDF-");
      if (/\.(zip|docx|xlsx|ods)$/.test(name)) expect(start.slice(0, 2), name).toBe("PK");
    }
  });

  it("offers the JSON that annex export writes from the same folder", async () => {
    const shown = await edition;
    const { exported } = await cli;
    expect(shown.json).toBe(exported);
  });

  it("shows the diagnostics as the command line prints them in Italian, errors first", async () => {
    const shown = await edition;
    const { diagnostics } = await cli;
    expect(diagnostics.length).toBeGreaterThan(0);
    expect([...shown.diagnostics].sort()).toEqual([...diagnostics].sort());
    const severities = shown.diagnostics.map((line) => (SEVERITY.exec(line)?.[1] === "errore" ? 0 : 1));
    expect(severities).toEqual([...severities].sort());
  });

  it("never asks the network for anything and logs no error", async () => {
    await edition;
    expect(leaving).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
