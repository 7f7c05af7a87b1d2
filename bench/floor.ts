// The floor that any pdf.js-based reader pays: open the PDF and read every page's text items
// and operator list, nothing else.
import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";

export async function readFloor(data: Uint8Array): Promise<number> {
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
