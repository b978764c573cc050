import type { Block, ReportDocument, TableBlock } from './document.js';

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Only web links become anchors: a source URL from a file must not run script. */
function safeUrl(url: string): string | undefined {
  return /^https?:\/\/[^\s"'<>]+$/i.test(url) ? esc(url) : undefined;
}

function slug(text: string, used: Set<string>): string {
  const base = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'section';
  let id = base;
  for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
  used.add(id);
  return id;
}

function table(b: TableBlock): string {
  if (b.rows.length === 0) return `<p class="empty">${esc(b.caption)}: ${esc(b.empty)}</p>`;
  const total = b.columns.reduce((s, c) => s + (c.width ?? 1), 0);
  const cls = (i: number) => {
    const c = b.columns[i]!;
    return [c.align === 'right' ? 'num' : '', c.mono ? 'mono' : ''].filter(Boolean).join(' ');
  };
  const head = b.columns.map((c) => `<th scope="col" style="width:${(((c.width ?? 1) / total) * 100).toFixed(1)}%"${c.align === 'right' ? ' class="num"' : ''}>${esc(c.title)}</th>`).join('');
  const body = b.rows.map((r) => `<tr>${r.map((cell, i) => `<td class="${cls(i)}">${esc(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<table><caption>${esc(b.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function block(b: Block, ids: Map<Block, string>): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level} id="${ids.get(b)}">${esc(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p${b.tone === 'note' ? ' class="note"' : ''}>${esc(b.text).replace(/\n/g, '<br>')}</p>`;
    case 'summary':
      return `<dl class="summary">${b.rows.map((r) => `<dt>${esc(r.label)}</dt><dd>${esc(r.value).replace(/\n/g, '<br>')}</dd>`).join('')}</dl>`;
    case 'table':
      return table(b);
    case 'chart':
      return `<figure role="img" aria-label="${esc(b.caption)}">${b.svg((s) => s)}<figcaption>${esc(b.caption)}</figcaption></figure>`;
    case 'list':
      return `<ol class="sources">${b.items
        .map((i) => {
          const url = i.url === undefined ? undefined : safeUrl(i.url);
          return `<li>${esc(i.text)}${url ? ` <a href="${url}">${url}</a>` : i.url ? ` ${esc(i.url)}` : ''}</li>`;
        })
        .join('')}</ol>`;
  }
}

const CSS = `
@page{size:A4;margin:18mm 15mm}
body{font:13px/1.45 Helvetica,Arial,sans-serif;color:#1d1d1f;max-width:1000px;margin:2em auto;padding:0 1.5em}
h1{font-size:22px;margin:0 0 .2em}h2{font-size:17px;margin:1.6em 0 .5em;border-bottom:2px solid #1d3557;padding-bottom:3px}
h3{font-size:14px;margin:1.2em 0 .4em}.subtitle{color:#555;margin:0 0 1em}
nav ol{columns:2;font-size:12px;margin:.5em 0 1.5em}
dl.summary{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;border:1px solid #1d3557;background:#f3f6fa;padding:10px 14px;margin:0 0 1em}
dl.summary dt{font-weight:bold}dl.summary dd{margin:0}
table{border-collapse:collapse;width:100%;margin:.4em 0 1.2em;font-size:12px}caption{text-align:left;font-weight:bold;padding:4px 0}
th,td{border-bottom:1px solid #d5d9de;padding:4px 6px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
th{background:#e8edf3}.num{text-align:right;font-variant-numeric:tabular-nums}.mono{font-family:Menlo,Consolas,monospace;font-size:11px}
figure{margin:.5em 0 1.2em}figure svg{max-width:100%;height:auto}figcaption{font-size:12px;color:#444}
p.note{border-left:3px solid #b3412c;padding-left:8px;color:#333}.empty{color:#555;font-style:italic}
ol.sources li{margin-bottom:3px}a{color:#1d3557}
@media print{body{margin:0;max-width:none;padding:0}nav{display:none}thead{display:table-header-group}tr,figure,dl.summary{break-inside:avoid}h2,h3{break-after:avoid}a{color:inherit}}
`;

/**
 * A report as one self-contained, printable HTML page: inline CSS and inline SVG charts, no script, and a
 * Content-Security-Policy that forbids every external request. All text is escaped; the original script
 * of every name (Hangul …) is kept.
 *
 * @example
 * writeFileSync('report.html', renderHtml(incidentDocument(data)));
 */
export function renderHtml(doc: ReportDocument): string {
  const used = new Set<string>();
  const ids = new Map<Block, string>();
  for (const b of doc.blocks) if (b.type === 'heading') ids.set(b, slug(b.text, used));
  const body = doc.blocks.map((b) => block(b, ids)).join('\n');
  const nav = doc.blocks
    .filter((b) => b.type === 'heading' && b.level === 2)
    .map((h) => `<li><a href="#${ids.get(h)}">${esc((h as { text: string }).text)}</a></li>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.title)}</title>
<style>${CSS}</style></head><body>
<header><h1>${esc(doc.title)}</h1><p class="subtitle">${esc(doc.subtitle)}</p></header>
<nav aria-label="Sections"><ol>${nav}</ol></nav>
<main>
${body}
</main>
</body></html>
`;
}
