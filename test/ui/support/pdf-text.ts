import { inflateSync } from 'node:zlib';

/**
 * Pages in a PDF: the `/Type /Page` objects (not `/Pages`).
 *
 * @example
 * pdfPageCount(readFileSync('report.pdf')); // 4
 */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

/**
 * The text drawn by a PDF's content streams (FlateDecode streams inflated; `Tj`, `TJ`, `'` and `"` string
 * operands decoded from literal or hex strings; one line per text object). Good enough to find figures
 * in a report written with standard fonts (pdfkit); not a general PDF reader.
 *
 * @example
 * pdfText(readFileSync('report.pdf')).includes('400,000'); // true
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const parts: string[] = [];
  const streamRe = /(?<!end)stream\r?\n/g;
  for (let m = streamRe.exec(raw); m; m = streamRe.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end === -1) break;
    const header = raw.slice(Math.max(0, raw.lastIndexOf('obj', m.index) - 20), m.index);
    let body = pdf.subarray(start, end);
    if (/FlateDecode/.test(header)) {
      try {
        body = inflateSync(body);
      } catch {
        continue; // an image or font stream that is not deflate: no text in it
      }
    }
    parts.push(textOperands(body.toString('latin1')));
    streamRe.lastIndex = end;
  }
  return parts.join('\n');
}

function textOperands(content: string): string {
  const lines: string[] = [];
  for (const block of content.split(/\bET\b/)) {
    const bt = block.indexOf('BT');
    if (bt === -1) continue;
    let line = '';
    const text = block.slice(bt);
    const ops = /(\[(?:[^\]\\]|\\.)*\])\s*TJ|(\((?:[^)\\]|\\.)*\)|<[0-9A-Fa-f\s]*>)\s*(?:Tj|'|")/g;
    for (let m = ops.exec(text); m; m = ops.exec(text)) {
      if (m[1]) {
        const strings = m[1].match(/\((?:[^)\\]|\\.)*\)|<[0-9A-Fa-f\s]*>|-?\d+(?:\.\d+)?/g) ?? [];
        for (const s of strings) {
          if (s.startsWith('(') || s.startsWith('<')) line += decodeString(s);
          else if (Number(s) < -200) line += ' '; // a wide negative kerning gap is a space
        }
      } else if (m[2]) line += decodeString(m[2]);
    }
    if (line) lines.push(line);
  }
  return lines.join('\n');
}

function decodeString(s: string): string {
  if (s.startsWith('<')) {
    const hex = s.slice(1, -1).replace(/\s+/g, '');
    let out = '';
    for (let i = 0; i + 1 < hex.length; i += 2) out += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
    return out;
  }
  return s.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, c: string) => {
    const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    return map[c] ?? String.fromCharCode(parseInt(c, 8));
  });
}
