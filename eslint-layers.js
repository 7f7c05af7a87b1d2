// The layering of pipeline/, as lint rules. The stages (extract, repair, validate, render, diff)
// each turn an input into an output and diagnostics, and import only the shared vocabulary
// (model/, diagnostics/, messages/, lib/) and their own files: never another stage, a file format, the
// application layer or the command line. formats/ (files read and written) uses the same shared
// vocabulary; app/ composes stages and formats and does the file I/O; cli/ calls app/.
const STAGES = ["extract", "repair", "validate", "render", "diff"];
const SHARED = ["model", "diagnostics", "messages", "lib"];

/**
 * An import source that reaches into one of the `folders` of pipeline/.
 * @param {string[]} folders
 */
function reaching(folders) {
  return `(^|/)(${folders.join("|")})/`;
}

/**
 * @param {string[]} files
 * @param {string[]} folders
 * @param {string} why
 * @returns {import("eslint").Linter.Config}
 */
function forbid(files, folders, why) {
  return {
    files,
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: reaching(folders), message: why }] }],
    },
  };
}

/** @type {import("eslint").Linter.Config[]} */
export const layers = [
  ...STAGES.map((stage) =>
    forbid(
      [`pipeline/${stage}/**/*.ts`],
      [...STAGES.filter((s) => s !== stage), "formats", "app", "cli"],
      `a stage imports only ${SHARED.join("/, ")}/ and its own files: what two stages share belongs in model/ or lib/`,
    ),
  ),
  forbid(["pipeline/formats/**/*.ts"], [...STAGES, "app", "cli"], `a file format imports only ${SHARED.join("/, ")}/ and its own files`),
  forbid(["pipeline/model/**/*.ts", "pipeline/lib/**/*.ts", "pipeline/diagnostics/**/*.ts", "pipeline/messages/**/*.ts"], [...STAGES, "formats", "app", "cli"], "the shared vocabulary imports nothing of the pipeline's layers"),
  forbid(["pipeline/app/**/*.ts"], ["cli"], "the application layer does not know the command line"),
  forbid(["pipeline/cli/**/*.ts", "pipeline/cli.ts"], STAGES.concat("formats"), "the command line calls the application layer, not the stages"),
  // the web page's shell, a sibling of cli/; its platform modules (web/platform.ts, web/pdfjs.ts) stand in for Node-only ones
  forbid(["pipeline/web/main.ts"], [...STAGES, "formats", "cli"], "the web page calls the application layer, not the stages"),
];
