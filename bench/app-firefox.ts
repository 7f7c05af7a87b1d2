// The web page in Firefox, which playwright-core cannot drive (its Firefox is a patched build
// of its own; Debian's firefox-esr exits at once when it is asked for playwright's protocol):
// Firefox is driven here through its own WebDriver BiDi, by hand, over a WebSocket. It opens
// out/app/index.html from the disk, gives it the 2020-2022 folder's files, and checks that the
// page offers the command line's files, its JSON equal to `annex export`; it prints how long the
// page took to open and to publish the edition.
// `node --experimental-websocket --import tsx bench/app-firefox.ts [firefox]` (default
// /usr/bin/firefox-esr; Node 22 needs no flag); builds out/app/index.html first.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { bundleApp } from "../scripts/bundle-app.js";

interface Reply {
  id?: number;
  type: "success" | "error" | "event";
  error?: string;
  message?: string;
  result?: Record<string, unknown>;
}

const executable = process.argv[2] ?? "/usr/bin/firefox-esr";
const PORT = 9333;
const { file } = await bundleApp();
const source = resolve("sources/2020-2022");
const profile = mkdtempSync(join(tmpdir(), "annex-firefox-"));
const firefox = spawn(executable, ["--headless", "--no-remote", "--profile", profile, "--remote-debugging-port", String(PORT), "--window-size", "1280,900"], { stdio: ["ignore", "ignore", "pipe"] });
try {
  await new Promise<void>((ready, failed) => {
    firefox.stderr.on("data", (data: Buffer) => {
      if (data.toString().includes("WebDriver BiDi listening")) ready();
    });
    firefox.on("exit", (code) => {
      failed(new Error(`${executable} exited (${String(code)}) before it listened`));
    });
  });
  const socket = new WebSocket(`ws://127.0.0.1:${String(PORT)}/session`);
  await new Promise((open) => {
    socket.addEventListener("open", open);
  });
  const waiting = new Map<number, (reply: Reply) => void>();
  socket.addEventListener("message", (event: MessageEvent<string>) => {
    const reply = JSON.parse(event.data) as Reply;
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply);
  });
  let last = 0;
  const send = (method: string, params: Record<string, unknown>): Promise<Reply> =>
    new Promise((answered, failed) => {
      const id = ++last;
      waiting.set(id, (reply) => {
        if (reply.type === "error") failed(new Error(`${method}: ${reply.error ?? ""} ${reply.message ?? ""}`));
        else answered(reply);
      });
      socket.send(JSON.stringify({ id, method, params }));
    });
  await send("session.new", { capabilities: {} });
  const tree = await send("browsingContext.getTree", {});
  const context = (tree.result?.contexts as { context: string }[])[0]?.context;
  const target = { context };
  const value = async (expression: string): Promise<unknown> => ((await send("script.evaluate", { expression, target, awaitPromise: true })).result?.result as { value?: unknown }).value;
  await send("browsingContext.navigate", { context, url: pathToFileURL(file).href, wait: "complete" });
  if ((await value("document.documentElement.dataset.ready")) !== "true") throw new Error("the page did not get ready");
  const open = Number(await value("performance.now()"));
  const input = (await send("script.evaluate", { expression: "document.getElementById('edizione')", target, awaitPromise: false })).result?.result as { sharedId: string };
  await send("input.setFiles", { context, element: { sharedId: input.sharedId }, files: ["allegato-1.pdf", "plan.yaml", "corrections.yaml"].map((f) => join(source, f)) });
  while ((await value("document.getElementById('avanzamento').hidden")) !== true) await new Promise((later) => setTimeout(later, 200));
  const status = String(await value("document.getElementById('stato-testo').textContent"));
  const names = String(await value("Array.from(document.querySelectorAll('#pubblicazioni a[download]')).map((a) => a.download).sort().join(' ')"));
  const json = String(await value("(async () => { const a = document.querySelector('a[download=\"allegato-1.json\"]'); return a ? (await fetch(a.href)).text() : ''; })()"));
  const published = Number(await value("performance.getEntriesByName('annex-published')[0].startTime - performance.getEntriesByName('annex-start')[0].startTime"));
  const version = String(await value("navigator.userAgent"));
  await send("session.end", {});
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
    ].join("\n") + "\n",
  );
  if (json !== exported.stdout) process.exitCode = 1;
} finally {
  firefox.kill();
  rmSync(profile, { recursive: true, force: true });
}
