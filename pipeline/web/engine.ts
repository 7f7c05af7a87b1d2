// The page's part "engine" (see parts.ts): the application layer and everything under it (readers,
// repair, validation, renderers, the change report), which the page needs only once files are
// given. main.ts, the page's shell, runs it when the page is idle or at the first choice, and uses
// it through these names alone (the platform: to make pdf.js and pdfmake ready beforehand): the two keep their own copy of the message catalogue, each told the page's language.
export { formatDiff } from "../app/diff.ts";
export { compareGiven, errorsFirst, loadGiven, refuseLarger, renderGiven } from "../app/given.ts";
export { SOURCE_NAMES } from "../app/readers.ts";
export { FatalError } from "../diagnostics/fatal.ts";
export { countBySeverity, formatDiagnosticIn, formatPlace, hasErrors, messageText } from "../diagnostics/format.ts";
export { platform } from "../lib/platform.ts";
export { setLang } from "../messages/catalogue.ts";
export { servePdf } from "./pdf-worker.ts";
