import { describe, expect, it } from 'vitest';
import { sankeySvg } from './charts.js';
import type { ReportDocument } from './document.js';
import { renderHtml } from './render-html.js';
import { renderPdf, TRANSLITERATION_NOTE } from './render-pdf.js';
import { inspectPdf } from './test-support/pdf-inspect.js';

function sampleDocument(rows: number): ReportDocument {
  return {
    title: 'Case report: #3 Laptop farm <script>',
    subtitle: 'generated 2026-01-01',
    blocks: [
      { type: 'heading', level: 2, text: 'Summary' },
      { type: 'summary', rows: [{ label: 'Total', value: 'US$1,500,000,000' }, { label: 'Worker', value: '김철수' }] },
      { type: 'paragraph', text: 'Registry facts only.', tone: 'note' },
      { type: 'heading', level: 2, text: 'Items' },
      {
        type: 'table',
        caption: 'Addresses',
        columns: [{ title: 'Address', mono: true, width: 3 }, { title: 'Amount', align: 'right' }],
        rows: Array.from({ length: rows }, (_, i) => [`0x${i.toString(16).padStart(40, '0')}`, `${i},000`]),
        empty: 'none',
      },
      { type: 'table', caption: 'Empty table', columns: [{ title: 'x' }], rows: [], empty: 'nothing recorded' },
      { type: 'chart', caption: 'Where funds went', width: 720, height: 300, svg: (t) => sankeySvg([{ source: 'Stolen', target: 'THORChain', value: 5 }], 720, 300, t) },
      { type: 'heading', level: 2, text: 'Sources' },
      { type: 'list', items: [{ text: 'FBI PSA', url: 'https://www.ic3.gov/PSA/2025/PSA250226' }, { text: 'local', url: 'javascript:alert(1)' }] },
    ],
  };
}

describe('report rendering', () => {
  it('writes self-contained HTML with escaped text, the tables, an inline SVG chart and the original Hangul', () => {
    const html = renderHtml(sampleDocument(3));
    expect(html).toContain('<title>Case report: #3 Laptop farm &lt;script&gt;</title>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<caption>Addresses</caption>');
    expect(html).toContain('<td class="mono">0x0000000000000000000000000000000000000002</td>');
    expect(html).toMatch(/<figure role="img" aria-label="Where funds went"><svg/);
    expect(html).toContain('김철수');
    expect(html).toContain('<a href="https://www.ic3.gov/PSA/2025/PSA250226">');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('Empty table: nothing recorded');
    expect(html).toContain('<a href="#summary">Summary</a>');
    // Nothing is fetched from elsewhere.
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\/(?!www\.ic3\.gov)/);
  });

  it('writes an A4 PDF whose long table runs over several pages with page numbers, and notes transliteration', async () => {
    const pdf = await renderPdf(sampleDocument(150), { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, text } = inspectPdf(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text).toContain('US$1,500,000,000');
    expect(text).toContain('GimCheolSu');
    expect(text).not.toContain('김');
    expect(text).toContain(`page ${pages} of ${pages}`);
    expect(text).toContain('0x0000000000000000000000000000000000000095');
    // The header is repeated on every page the table covers.
    expect(text.split('\n').filter((r) => r === 'Address').length).toBeGreaterThanOrEqual(pages - 1);
    expect(text.replace(/\n/g, ' ')).toContain(TRANSLITERATION_NOTE.slice(0, 40));
  });

  it('keeps a row longer than a page inside the page by cutting it', async () => {
    const doc = sampleDocument(1);
    doc.blocks.push({ type: 'table', caption: 'Notes', columns: [{ title: 'n', width: 1 }, { title: 'text', width: 1 }], rows: [['1', 'word '.repeat(5000)]], empty: '' });
    const { text } = inspectPdf(await renderPdf(doc, { compress: false }));
    expect(text).toMatch(/\(cut/);
  });
});
