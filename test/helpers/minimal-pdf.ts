// Tiny hand-made PDFs for bad-input tests: one page with the given content stream.

/**
 * A minimal, well-formed PDF whose only page draws `content`; with Helvetica as font /F1 unless
 * `font` is false (then the page has no resources at all, as a scan has no fonts).
 */
export function minimalPdf(content: string, { font = true }: { font?: boolean } = {}): Uint8Array {
  const resources = font ? "<< /Font << /F1 5 0 R >> >>" : "<< >>";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R /Resources ${resources} >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ...(font ? ["<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"] : []),
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** A page with only a filled rectangle: what a scanned page looks like to a text reader. */
export const pdfWithoutText = () => minimalPdf("0.5 g 50 50 300 200 re f");

/** A page of ordinary text, no table. */
export const pdfWithoutTable = () => minimalPdf("BT /F1 12 Tf 72 500 Td (Relazione annuale del Responsabile) Tj ET");

const escapePdf = (text: string): string => text.replace(/[\\()]/g, (c) => `\\${c}`);

/**
 * One page with a title and a ruled table (Helvetica 6 pt, one line per cell, WinAnsi text): the
 * header row `headers`, then `rows`, every column 88 pt wide. Enough for the reader to name the
 * columns and read the cells.
 */
export function ruledTablePdf(title: string, headers: readonly string[], rows: readonly (readonly string[])[]): Uint8Array {
  const width = 88;
  const height = 14;
  const left = 20;
  const top = 540;
  const all = [headers, ...rows];
  const ops: string[] = ["0 g 0.5 w"];
  for (let c = 0; c <= headers.length; c++) ops.push(`${left + c * width} ${top} m ${left + c * width} ${top - all.length * height} l S`);
  for (let r = 0; r <= all.length; r++) ops.push(`${left} ${top - r * height} m ${left + headers.length * width} ${top - r * height} l S`);
  ops.push(`BT /F1 9 Tf ${left} ${top + 20} Td (${escapePdf(title)}) Tj ET`);
  all.forEach((cells, r) => { cells.forEach((text, c) => {
      if (text !== "") ops.push(`BT /F1 6 Tf ${left + c * width + 2} ${top - (r + 1) * height + 5} Td (${escapePdf(text)}) Tj ET`);
    }); },
  );
  return minimalPdf(ops.join("\n"));
}
