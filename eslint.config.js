// Lint rules: typescript-eslint's strict type-checked set, and the layering of pipeline/ (see
// eslint-layers.js): a stage imports only model/, diagnostics/, lib/ and its own files.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import { layers } from "./eslint-layers.js";

export default defineConfig(
  { ignores: ["node_modules/", "out/", "dist/", "coverage/", "**/*.d.ts", "templates/"] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // numbers in messages and file names are what they look like
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
    },
  },
  {
    // the tests read the JSON the commands print, and vitest's matchers (expect.any) are typed `any`
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
    },
  },
  // the configuration files and the bin script are plain JavaScript, outside the TypeScript project
  { files: ["**/*.js"], extends: [tseslint.configs.disableTypeChecked] },
  layers,
);
