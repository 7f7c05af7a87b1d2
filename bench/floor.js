// The floor that any pdf.js-based reader pays: open the PDF and read every page's text items
// and operator list, nothing else. Plain JavaScript, so that run as a process
// (`node bench/floor.js <pdf>`) it costs what a script of its own would: bench/processes.ts
// times it so, bench/measure.ts calls it in its process.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * @param {Uint8Array} data
 * @returns {Promise<number>} how many text items and operators the pages have
 */
export async function readFloor(data) {
  const doc = await getDocument({ data, verbosity: VerbosityLevel.ERRORS, isEvalSupported: false }).promise;
  let items = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const text = await page.getTextContent();
    const ops = await page.getOperatorList();
    items += text.items.length + ops.fnArray.length;
    page.cleanup();
  }
  await doc.destroy();
  return items;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (file === undefined) throw new Error("usage: node bench/floor.js <pdf>");
  console.log(await readFloor(new Uint8Array(await readFile(file))));
}
