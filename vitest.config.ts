import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Test files share their worker processes: pdf.js, the renderers and the fixtures computed
    // once (test/helpers/sources.ts) are loaded once per worker, not once per file. A test that
    // changes the process (its folder, a spy) puts it back.
    isolate: false,
    // browser, LibreOffice and whole-PDF tests take seconds each on a 2-core machine
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
