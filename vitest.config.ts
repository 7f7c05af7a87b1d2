import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // browser, LibreOffice and whole-PDF tests take seconds each on a 2-core machine
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
