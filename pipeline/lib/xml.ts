// Text inside XML written by hand (document properties of the DOCX and the PDF's XMP).

/** The five characters XML reserves, as numeric references. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
