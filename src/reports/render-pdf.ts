import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { ChartBlock, ListBlock, ReportDocument, SummaryBlock, TableBlock } from './document.js';
import { pdfText } from './pdf-text.js';

export interface PdfOptions {
  /** Deflate the page contents (default true); tests turn it off to read the text back. */
  compress?: boolean;
}

const MARGIN = { top: 56, bottom: 64, left: 50, right: 50 };
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const ITALIC = 'Helvetica-Oblique';
const MONO = 'Courier';
const INK = '#1d1d1f';
const MUTED = '#555555';
const ACCENT = '#1d3557';
/** A table cell longer than this is cut in the PDF (the HTML report has it whole). */
const MAX_CELL_CHARS = 1500;

export const TRANSLITERATION_NOTE =
  'Non-Latin text (for example Hangul names) is transliterated to Latin letters in this PDF with any-ascii, because the PDF standard fonts cannot draw it; the HTML report keeps the original script.';

/** Lays a report out on A4 pages with pdfkit: headings kept with what follows, tables that repeat their header on each page. */
class PdfLayout {
  readonly pdf: PDFKit.PDFDocument;
  transliterated = false;

  constructor(title: string, options: PdfOptions) {
    this.pdf = new PDFDocument({ size: 'A4', margins: MARGIN, bufferPages: true, compress: options.compress ?? true, info: { Title: this.text(title), Creator: 'Counterflow' } });
  }

  text(s: string): string {
    const r = pdfText(s);
    if (r.transliterated) this.transliterated = true;
    return r.text;
  }

  get width(): number {
    return this.pdf.page.width - MARGIN.left - MARGIN.right;
  }

  get bottom(): number {
    return this.pdf.page.height - MARGIN.bottom;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.pdf.y + height > this.bottom) this.pdf.addPage();
  }

  title(title: string, subtitle: string): void {
    this.pdf.font(BOLD).fontSize(18).fillColor(ACCENT).text(this.text(title), MARGIN.left, MARGIN.top, { width: this.width });
    this.pdf.moveDown(0.2).font(FONT).fontSize(9).fillColor(MUTED).text(this.text(subtitle), { width: this.width });
    this.pdf.moveDown(1);
  }

  heading(level: 2 | 3, text: string): void {
    const size = level === 2 ? 14 : 11;
    this.ensure(size * 5);
    this.pdf.moveDown(level === 2 ? 0.8 : 0.5);
    this.pdf.font(BOLD).fontSize(size).fillColor(level === 2 ? ACCENT : INK).text(this.text(text), MARGIN.left, this.pdf.y, { width: this.width });
    if (level === 2) {
      const y = this.pdf.y + 1;
      this.pdf.moveTo(MARGIN.left, y).lineTo(MARGIN.left + this.width, y).lineWidth(1.2).strokeColor(ACCENT).stroke();
    }
    this.pdf.moveDown(0.4);
  }

  paragraph(text: string, note: boolean): void {
    this.pdf.font(note ? ITALIC : FONT).fontSize(9.5).fillColor(note ? '#333333' : INK);
    this.ensure(this.pdf.currentLineHeight() * 2);
    this.pdf.text(this.text(text), MARGIN.left, this.pdf.y, { width: this.width });
    this.pdf.moveDown(0.5);
  }

  summary(b: SummaryBlock): void {
    const labelWidth = 120;
    const valueWidth = this.width - labelWidth - 16;
    this.pdf.fontSize(9.5);
    const top = this.pdf.y;
    let boxTop = top;
    for (const row of b.rows) {
      const label = this.text(row.label);
      const value = this.text(row.value);
      const h = Math.max(this.pdf.font(BOLD).heightOfString(label, { width: labelWidth }), this.pdf.font(FONT).heightOfString(value, { width: valueWidth })) + 5;
      if (this.pdf.y + h > this.bottom) {
        this.pdf.addPage();
        boxTop = this.pdf.y;
      }
      const y = this.pdf.y;
      this.pdf.rect(MARGIN.left, y, this.width, h).fill('#f3f6fa');
      this.pdf.rect(MARGIN.left, boxTop, 2.5, y + h - boxTop).fill(ACCENT);
      this.pdf.font(BOLD).fillColor(INK).text(label, MARGIN.left + 8, y + 3, { width: labelWidth });
      this.pdf.font(FONT).text(value, MARGIN.left + 8 + labelWidth + 8, y + 3, { width: valueWidth });
      this.pdf.y = y + h;
    }
    this.pdf.x = MARGIN.left;
    this.pdf.moveDown(0.8);
  }

  table(b: TableBlock): void {
    this.pdf.font(BOLD).fontSize(9.5).fillColor(INK);
    this.ensure(60);
    this.pdf.text(this.text(b.caption), MARGIN.left, this.pdf.y, { width: this.width });
    this.pdf.moveDown(0.2);
    if (b.rows.length === 0) {
      this.paragraph(b.empty, true);
      return;
    }
    const total = b.columns.reduce((s, c) => s + (c.width ?? 1), 0);
    const widths = b.columns.map((c) => ((c.width ?? 1) / total) * this.width);
    const fontOf = (i: number, header: boolean) => (header ? BOLD : b.columns[i]!.mono ? MONO : FONT);
    const sizeOf = (i: number, header: boolean) => (!header && b.columns[i]!.mono ? 7.2 : 8);
    const measure = (cells: string[], header: boolean) =>
      Math.max(...cells.map((c, i) => this.pdf.font(fontOf(i, header)).fontSize(sizeOf(i, header)).heightOfString(c, { width: widths[i]! - 6 }))) + 6;
    const draw = (cells: string[], header: boolean, h: number) => {
      const y = this.pdf.y;
      if (header) this.pdf.rect(MARGIN.left, y, this.width, h).fill('#e8edf3');
      let x = MARGIN.left;
      cells.forEach((c, i) => {
        const align = b.columns[i]!.align === 'right' ? 'right' : 'left';
        this.pdf.font(fontOf(i, header)).fontSize(sizeOf(i, header)).fillColor(INK).text(c, x + 3, y + 3, { width: widths[i]! - 6, align });
        x += widths[i]!;
      });
      this.pdf.moveTo(MARGIN.left, y + h).lineTo(MARGIN.left + this.width, y + h).lineWidth(0.4).strokeColor('#c9ced4').stroke();
      this.pdf.y = y + h;
    };
    const header = b.columns.map((c) => this.text(c.title));
    const headerHeight = measure(header, true);
    const tallest = this.bottom - MARGIN.top - headerHeight - 12;
    draw(header, true, headerHeight);
    for (const raw of b.rows) {
      const cells = raw.map((c) => this.text(c.length > MAX_CELL_CHARS ? `${c.slice(0, MAX_CELL_CHARS)} … (cut; the HTML report has it whole)` : c));
      let h = measure(cells, false);
      // A row taller than a page would make pdfkit break inside it: shorten its longest cell until it fits.
      while (h > tallest) {
        const longest = cells.reduce((best, c, i) => (c.length > cells[best]!.length ? i : best), 0);
        cells[longest] = `${cells[longest]!.slice(0, Math.floor(cells[longest]!.length * 0.6))} … (cut)`;
        h = measure(cells, false);
      }
      if (this.pdf.y + h > this.bottom) {
        this.pdf.addPage();
        draw(header, true, headerHeight);
      }
      draw(cells, false, h);
    }
    this.pdf.x = MARGIN.left;
    this.pdf.moveDown(0.8);
  }

  chart(b: ChartBlock): void {
    const height = (b.height * this.width) / b.width;
    this.ensure(height + 30);
    const y = this.pdf.y;
    // The chart's own size (pixels) would win over the viewport: give it the size it gets on the page.
    const svg = b.svg((s) => this.text(s)).replace(/^<svg width="[\d.]+" height="[\d.]+"/, `<svg width="${this.width}" height="${height}"`);
    SVGtoPDF(this.pdf, svg, MARGIN.left, y, { width: this.width, height, assumePt: true });
    this.pdf.font(ITALIC).fontSize(8.5).fillColor(MUTED).text(this.text(b.caption), MARGIN.left, y + height + 4, { width: this.width });
    this.pdf.moveDown(0.8);
  }

  list(b: ListBlock): void {
    b.items.forEach((item, n) => {
      this.pdf.font(FONT).fontSize(9).fillColor(INK);
      this.ensure(this.pdf.currentLineHeight() * 2);
      const text = `${n + 1}. ${this.text(item.text)}`;
      const url = item.url && /^https?:\/\//i.test(item.url) ? item.url : undefined;
      if (url) {
        this.pdf.text(`${text} `, MARGIN.left, this.pdf.y, { width: this.width, continued: true });
        this.pdf.fillColor(ACCENT).text(url, { link: url, underline: true });
      } else this.pdf.text(item.url ? `${text} ${this.text(item.url)}` : text, MARGIN.left, this.pdf.y, { width: this.width });
      this.pdf.moveDown(0.25);
    });
    this.pdf.fillColor(INK).moveDown(0.5);
  }

  /** Page numbers (and the transliteration note) in the bottom margin of every page. */
  footers(title: string): void {
    const range = this.pdf.bufferedPageRange();
    const label = this.text(title);
    for (let i = range.start; i < range.start + range.count; i++) {
      this.pdf.switchToPage(i);
      // Writing into the bottom margin would otherwise start a new page.
      this.pdf.page.margins.bottom = 0;
      const y = this.pdf.page.height - MARGIN.bottom + 22;
      this.pdf.font(FONT).fontSize(7.5).fillColor(MUTED);
      this.pdf.text(`${label} · Counterflow · page ${i + 1} of ${range.count}`, MARGIN.left, y, { width: this.width, align: 'center', lineBreak: false });
      if (this.transliterated) this.pdf.text('Non-Latin names are transliterated in this PDF; the HTML report keeps the original script.', MARGIN.left, y + 10, { width: this.width, align: 'center', lineBreak: false });
      this.pdf.page.margins.bottom = MARGIN.bottom;
    }
  }
}

/**
 * Renders a report to an A4 PDF with pdfkit (no browser): the same sections as the HTML, charts drawn from
 * their SVG with svg-to-pdfkit, tables that break across pages with their header repeated, page numbers.
 * The standard fonts cannot draw Hangul: such text is transliterated (`pdfText`), and the PDF says so in
 * a closing note and in the page footers.
 *
 * @example
 * writeFileSync('report.pdf', await renderPdf(incidentDocument(data)));
 */
export async function renderPdf(doc: ReportDocument, options: PdfOptions = {}): Promise<Buffer> {
  const layout = new PdfLayout(doc.title, options);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    layout.pdf.on('data', (c: Buffer) => chunks.push(c));
    layout.pdf.on('end', () => resolve(Buffer.concat(chunks)));
    layout.pdf.on('error', reject);
  });
  layout.title(doc.title, doc.subtitle);
  for (const b of doc.blocks) {
    if (b.type === 'heading') layout.heading(b.level, b.text);
    else if (b.type === 'paragraph') layout.paragraph(b.text, b.tone === 'note');
    else if (b.type === 'summary') layout.summary(b);
    else if (b.type === 'table') layout.table(b);
    else if (b.type === 'chart') layout.chart(b);
    else layout.list(b);
  }
  if (layout.transliterated) {
    layout.heading(2, 'Note on names in this PDF');
    layout.paragraph(TRANSLITERATION_NOTE, true);
  }
  layout.footers(doc.title);
  layout.pdf.end();
  return done;
}
