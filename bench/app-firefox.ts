// The web page in Firefox, which playwright-core cannot drive (its Firefox is a patched build
// of its own; Debian's firefox-esr exits at once when it is asked for playwright's protocol):
// Firefox is driven here through its own WebDriver BiDi (test/helpers/firefox.ts). It opens
// out/app/index.html from the disk, gives it the 2020-2022 folder's files, and checks that the
// page offers the command line's files, its JSON equal to `annex export`; it prints how long the
// page took to open and to publish the edition. test/web-app-firefox.test.ts checks the same in
// `npm test`.
// `node --experimental-websocket --import tsx bench/app-firefox.ts [firefox]` (default
// /usr/bin/firefox-esr, or $FIREFOX_PATH; Node 22 needs no flag); builds out/app/index.html first.
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { bundleApp } from "../scripts/bundle-app.js";
import { Firefox } from "../test/helpers/firefox.ts";

const { file } = await bundleApp();
const source = resolve("sources/2020-2022");
const firefox = await Firefox.launch({ executable: process.argv[2] });
try {
  await firefox.navigate(pathToFileURL(file).href);
  if (!(await firefox.evaluate(() => document.documentElement.dataset.ready === "true"))) throw new Error("the page did not get ready");
  const open = await firefox.evaluate(() => performance.now());
  await firefox.setFiles("#edizione", ["allegato-1.pdf", "plan.yaml", "corrections.yaml"].map((f) => join(source, f)));
  while (!(await firefox.evaluate(() => document.getElementById("avanzamento")?.hidden === true))) await new Promise((later) => setTimeout(later, 200));
  const { status, names, json, published, version } = await firefox.evaluate(async () => {
    const link = document.querySelector<HTMLAnchorElement>('a[download="allegato-1.json"]');
    const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    return {
      status: document.getElementById("stato-testo")?.textContent ?? "",
      names: Array.from(document.querySelectorAll<HTMLAnchorElement>("#pubblicazioni a[download]"))
        .map((a) => a.download)
        .sort()
        .join(" "),
      json: link ? await (await fetch(link.href)).text() : "",
      published: mark("annex-published") - mark("annex-chosen"),
      version: navigator.userAgent,
    };
  });
  // the same edition given once the page has warmed up its PDF worker (an office that took a few seconds to choose)
  await firefox.navigate(pathToFileURL(file).href);
  while (!(await firefox.evaluate(() => performance.getEntriesByName("annex-warmed").length > 0))) await new Promise((later) => setTimeout(later, 200));
  const warmedBy = await firefox.evaluate(() => performance.getEntriesByName("annex-warmed")[0]?.startTime ?? NaN);
  await firefox.setFiles("#edizione", ["allegato-1.pdf", "plan.yaml", "corrections.yaml"].map((f) => join(source, f)));
  while (!(await firefox.evaluate(() => performance.getEntriesByName("annex-published").length > 0))) await new Promise((later) => setTimeout(later, 200));
  const publishedWarm = await firefox.evaluate(() => (performance.getEntriesByName("annex-published")[0]?.startTime ?? NaN) - (performance.getEntriesByName("annex-chosen")[0]?.startTime ?? NaN));
  const exported = spawnSync(process.execPath, ["bin/annex.js", "export", "sources/2020-2022", "--format", "json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  process.stdout.write(
    [
      version,
      `status: ${status}`,
      `offered: ${names}`,
      `allegato-1.json equal to annex export: ${json === exported.stdout ? "yes" : "NO"}`,
      `open from file:// to ready: ${s(open)}`,
      `2020-2022 every publication made in the page: ${s(published)}`,
      `the same, given once its PDF worker has warmed up (by ${s(warmedBy)} from navigation): ${s(publishedWarm)}`,
    ].join("\n") + "\n",
  );
  if (json !== exported.stdout) process.exitCode = 1;
} finally {
  await firefox.close();
}
