// The layering of pipeline/ is a lint rule, not a convention: a stage that imports the command
// line, the application layer, a file format or another stage fails `npm run lint`.
import { join } from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { layers } from "../eslint-layers.js";

const ROOT = new URL("..", import.meta.url).pathname;

// the layering rules alone, on sources given as text (no type information needed: fast)
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: true,
  overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } }, ...layers],
});

async function problems(file: string, source: string): Promise<string[]> {
  const results = await eslint.lintText(source, { filePath: join(ROOT, file) });
  return results.flatMap((r) => r.messages.map((m) => `${m.ruleId ?? "parse"}: ${m.message}`));
}

describe("the layering of pipeline/", () => {
  it("makes a stage that imports the command line or the application layer a lint error", async () => {
    const cli = await problems("pipeline/repair/shortcut.ts", 'import { EXIT } from "../cli/session.ts";\nexport const ok = EXIT.ok;\n');
    expect(cli).toEqual([expect.stringMatching(/^no-restricted-imports: '\.\.\/cli\/session\.ts' import is restricted .*a stage imports only model\/, diagnostics\/, messages\/, lib\//)]);
    const app = await problems("pipeline/render/pdf/shortcut.ts", 'import { loadInput } from "../../app/load.ts";\nexport { loadInput };\n');
    expect(app).toEqual([expect.stringMatching(/^no-restricted-imports: '\.\.\/\.\.\/app\/load\.ts' import is restricted/)]);
  });

  it("makes a stage that imports another stage or a file format a lint error", async () => {
    expect(await problems("pipeline/render/shortcut.ts", 'import { repair } from "../repair/index.ts";\nexport { repair };\n')).toHaveLength(1);
    expect(await problems("pipeline/diff/shortcut.ts", 'import { readAnnexData } from "../formats/annex-data/read.ts";\nexport { readAnnexData };\n')).toHaveLength(1);
  });

  it("lets a stage import the shared vocabulary and its own files, and the application layer import the stages", async () => {
    const stage = 'import { diag } from "../diagnostics/rules.ts";\nimport { at } from "../lib/at.ts";\nimport type { Annex } from "../model/annex.ts";\nimport { parseRisk } from "./cells.ts";\nexport { diag, at, parseRisk };\nexport type { Annex };\n';
    expect(await problems("pipeline/repair/fine.ts", stage)).toEqual([]);
    expect(await problems("pipeline/app/fine.ts", 'import { repair } from "../repair/index.ts";\nexport { repair };\n')).toEqual([]);
    expect(await problems("pipeline/app/fine.ts", 'import { run } from "../cli/program.ts";\nexport { run };\n')).toHaveLength(1);
  });

  it("is part of the project's lint configuration", async () => {
    const config: unknown = await new ESLint({ cwd: ROOT }).calculateConfigForFile(join(ROOT, "pipeline/repair/index.ts"));
    expect(config).toMatchObject({ rules: { "no-restricted-imports": [2, { patterns: [{ regex: expect.stringContaining("app|cli") }] }] } });
  });
});
