// Headless Firefox for the web page's tests and bench: the system's /usr/bin/firefox-esr (or
// $FIREFOX_PATH), driven through its own WebDriver BiDi over a WebSocket. playwright-core cannot
// drive it: its Firefox is a patched build of its own, and `firefox.launch` starts Debian's with
// `-juggler-pipe`, which that Firefox does not know, so it exits at once.
// Each launch has a throwaway profile and a port the system picks (two test workers, or a
// Firefox someone is using, never collide); Firefox and every process it started are killed and
// the profile removed on close, and on any failure while it starts.
// Node 20 has a WebSocket only with `--experimental-websocket` (vitest.config.ts passes it to the
// test workers; a script is run with `node --experimental-websocket`); Node 22 needs no flag.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";

/** milliseconds Firefox has to start and listen, and each command to be answered */
const STARTING = 60_000;

interface Message {
  id?: number;
  type: "success" | "error" | "event";
  method?: string;
  params?: Record<string, unknown>;
  error?: string;
  message?: string;
  result?: Record<string, unknown>;
}

/** What script.evaluate and script.callFunction answer. */
interface Evaluated {
  type: "success" | "exception";
  result?: { type: string; value?: unknown; sharedId?: string };
  exceptionDetails?: { text?: string };
}

export interface LaunchOptions {
  /** the Firefox to run (default FIREFOX) */
  executable?: string | undefined;
}

/** Kills Firefox and the processes it started (its process group), waits for it to end, removes its profile. */
async function stop(firefox: ChildProcess, profile: string): Promise<void> {
  // a Firefox that could not be started has no process to wait for
  const running = firefox.pid !== undefined && firefox.exitCode === null && firefox.signalCode === null;
  const ended = running ? new Promise((exited) => firefox.once("exit", exited)) : Promise.resolve();
  try {
    if (firefox.pid !== undefined) process.kill(-firefox.pid, "SIGKILL");
  } catch {
    // already gone
  }
  await ended;
  rmSync(profile, { recursive: true, force: true });
}

/** The address Firefox prints on stderr once it listens ("WebDriver BiDi listening on ws://…"). */
function listening(firefox: ChildProcess, executable: string): Promise<string> {
  return new Promise((listens, failed) => {
    let said = "";
    const timer = setTimeout(() => {
      failed(new Error(`${executable} did not start WebDriver BiDi within ${String(STARTING / 1000)} s:\n${said}`));
    }, STARTING);
    firefox.stderr?.on("data", (data: Buffer) => {
      // read on to the end, so that Firefox never blocks on a full pipe; keep the start for messages
      if (said.length < 20_000) said += data.toString();
      const address = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(said)?.[1];
      if (address !== undefined) {
        clearTimeout(timer);
        listens(address);
      }
    });
    firefox.once("error", (error) => {
      clearTimeout(timer);
      failed(new Error(`${executable} could not be started (${error.message}): the web page's tests need Firefox; scripts/setup.sh installs firefox-esr`));
    });
    firefox.once("exit", (code, signal) => {
      clearTimeout(timer);
      failed(new Error(`${executable} exited (${String(code ?? signal)}) before it listened:\n${said}`));
    });
  });
}

/** One Firefox, its WebDriver BiDi session and its one tab. */
export class Firefox {
  private readonly waiting = new Map<number, { answered: (message: Message) => void; failed: (error: Error) => void }>();
  private readonly listeners = new Map<string, ((params: Record<string, unknown>) => void)[]>();
  private last = 0;
  private closed: Promise<void> | undefined;
  /** the tab's browsing context */
  context = "";

  private constructor(
    private readonly firefox: ChildProcess,
    private readonly profile: string,
    private readonly socket: WebSocket,
  ) {
    socket.addEventListener("message", (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as Message;
      if (message.id !== undefined) {
        const waiter = this.waiting.get(message.id);
        this.waiting.delete(message.id);
        waiter?.answered(message);
      } else if (message.type === "event" && message.method !== undefined) {
        for (const listener of this.listeners.get(message.method) ?? []) listener(message.params ?? {});
      }
    });
    socket.addEventListener("close", () => {
      this.failAll(new Error("Firefox closed its WebDriver BiDi connection"));
    });
  }

  /** Starts Firefox headless in a throwaway profile, its window 1280 × 900, and opens a session on its tab. */
  static async launch(options: LaunchOptions = {}): Promise<Firefox> {
    const executable = options.executable ?? FIREFOX;
    if (!existsSync(executable)) {
      throw new Error(`Firefox is not installed (no ${executable}): the web page's tests run it in Firefox; scripts/setup.sh installs firefox-esr (or set FIREFOX_PATH)`);
    }
    if (typeof globalThis.WebSocket === "undefined") {
      throw new Error(`Node ${process.version} has no WebSocket to drive Firefox: run it with --experimental-websocket (Node 22 needs no flag)`);
    }
    const profile = mkdtempSync(join(tmpdir(), "annex-firefox-"));
    // a process group of its own, so that its content processes are killed with it
    const firefox = spawn(executable, ["--headless", "--no-remote", "--profile", profile, "--remote-debugging-port", "0", "--window-size", "1280,900"], {
      stdio: ["ignore", "ignore", "pipe"],
      detached: true,
    });
    try {
      const address = await listening(firefox, executable);
      const socket = new WebSocket(`${address}/session`);
      await new Promise((open, failed) => {
        socket.addEventListener("open", open);
        socket.addEventListener("error", () => {
          failed(new Error(`could not connect to Firefox's WebDriver BiDi at ${address}`));
        });
      });
      const browser = new Firefox(firefox, profile, socket);
      try {
        await browser.send("session.new", { capabilities: {} });
        const tree = await browser.send("browsingContext.getTree", {});
        browser.context = (tree.contexts as { context: string }[])[0]?.context ?? "";
        return browser;
      } catch (error) {
        socket.close();
        throw error;
      }
    } catch (error) {
      await stop(firefox, profile);
      throw error;
    }
  }

  private failAll(error: Error): void {
    for (const { failed } of this.waiting.values()) failed(error);
    this.waiting.clear();
  }

  /** One WebDriver BiDi command; its result, or an error naming the command. */
  send(method: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    return new Promise((answered, failed) => {
      if (this.closed !== undefined || this.socket.readyState !== WebSocket.OPEN) {
        failed(new Error(`${method}: Firefox is closed`));
        return;
      }
      const id = ++this.last;
      this.waiting.set(id, {
        answered: (message) => {
          if (message.type === "error") failed(new Error(`${method}: ${message.error ?? ""} ${message.message ?? ""}`));
          else answered(message.result ?? {});
        },
        failed,
      });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Calls `listener` with every event `method` (e.g. network.beforeRequestSent) from now on. */
  async on(method: string, listener: (params: Record<string, unknown>) => void): Promise<void> {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), listener]);
    await this.send("session.subscribe", { events: [method] });
  }

  /** Opens `url` in the tab and waits for it to be loaded. */
  async navigate(url: string): Promise<void> {
    await this.send("browsingContext.navigate", { context: this.context, url, wait: "complete" });
  }

  private async call(functionDeclaration: string, args: unknown[]): Promise<Evaluated> {
    const evaluated = (await this.send("script.callFunction", {
      functionDeclaration,
      arguments: [{ type: "string", value: JSON.stringify(args) }],
      target: { context: this.context },
      awaitPromise: true,
      resultOwnership: "none",
    })) as unknown as Evaluated;
    if (evaluated.type === "exception") throw new Error(`in the page: ${evaluated.exceptionDetails?.text ?? "an exception"}`);
    return evaluated;
  }

  /**
   * Runs `page` in the tab with `args` (both as JSON) and returns what it returns (or resolves
   * to) as JSON. `page` is sent as its source: it uses nothing from the test's scope.
   */
  async evaluate<T, A extends unknown[]>(page: (...args: A) => T | Promise<T>, ...args: A): Promise<T> {
    // esbuild, compiling for tsx, wraps the functions that `page` names in __name(…), which the page lacks
    const evaluated = await this.call(`async (json) => { const __name = (f) => f; return JSON.stringify(await (${page.toString()})(...JSON.parse(json))); }`, args);
    const json = evaluated.result?.value;
    return (typeof json === "string" ? JSON.parse(json) : undefined) as T;
  }

  /** Gives the file input `selector` these files, as a person choosing them would. */
  async setFiles(selector: string, files: readonly string[]): Promise<void> {
    const evaluated = await this.call("(json) => document.querySelector(JSON.parse(json)[0])", [selector]);
    const element = evaluated.result?.sharedId;
    if (element === undefined) throw new Error(`no element ${selector} in the page`);
    await this.send("input.setFiles", { context: this.context, element: { sharedId: element }, files });
  }

  /** Kills Firefox and removes its profile (again: nothing). */
  close(): Promise<void> {
    this.closed ??= (async () => {
      this.socket.close();
      this.failAll(new Error("Firefox was closed"));
      await stop(this.firefox, this.profile);
    })();
    return this.closed;
  }
}
