// The text a reader sees in a PDF, page by page, through Mozilla's PDF.js. The export embeds
// subsets of DejaVu Sans, so its content streams hold glyph numbers, not letters: only a real
// parser (fonts, ToUnicode maps, compressed streams) gives back the words.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    // One line per text run that ends a line, so a test can look for whole lines.
    pages.push(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join(''));
  }
  await doc.destroy();
  return pages.join('\n');
}
