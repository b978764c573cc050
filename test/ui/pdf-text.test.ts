import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { pdfPageCount, pdfText } from './support/pdf-text.js';

function render(pages: string[], compress: boolean): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ compress, size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    pages.forEach((text, i) => {
      if (i > 0) doc.addPage();
      doc.fontSize(12).text(text);
    });
    doc.end();
  });
}

describe('the PDF reader of the browser test', () => {
  it.each([true, false])('counts pages and finds the text drawn (compressed: %s)', async (compress) => {
    const pdf = await render(['Stolen: $1,190,000,000 (MSMT)', 'Exits by service: AVAWAY Tj (brackets) and \\ backslash'], compress);
    expect(pdfPageCount(pdf)).toBe(2);
    const text = pdfText(pdf);
    expect(text).toContain('Stolen: $1,190,000,000 (MSMT)');
    expect(text).toContain('AVAWAY Tj (brackets) and \\ backslash');
  });

  it('finds no pages and no text in something that is not a PDF', () => {
    const junk = Buffer.from('<html><body>not a pdf</body></html>');
    expect(pdfPageCount(junk)).toBe(0);
    expect(pdfText(junk)).toBe('');
  });
});
