import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Test files share their worker processes: pdf.js, the renderers and the fixtures computed
    // once (test/helpers/sources.ts) are loaded once per worker, not once per file. A test that
    // changes the process (its folder, a spy) puts it back.
    isolate: false,
    // one worker per core, two at least: vitest leaves one core free by default, which on a
    // 2-core machine runs the files one after another, while many of them mostly wait for
    // Chromium, LibreOffice or a child process
    maxWorkers: Math.max(2, availableParallelism()),
    // Node 20 has a WebSocket (to drive Firefox through WebDriver BiDi: test/helpers/firefox.ts)
    // only with this flag; Node 22 has it without
    execArgv: "WebSocket" in globalThis ? [] : ["--experimental-websocket"],
    // browser, LibreOffice and whole-PDF tests take seconds each on a 2-core machine
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
