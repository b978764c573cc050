import { inflateSync } from 'node:zlib';

// WinAnsiEncoding differs from Latin-1 in 0x80–0x9F (typographic quotes, dashes, ellipsis, euro).
const WIN_ANSI_80 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function winAnsi(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? WIN_ANSI_80[b - 0x80]! : String.fromCharCode(b);
  return out;
}

/** The content streams of a PDF, inflated when they are FlateDecode-compressed (pdfkit's default). */
function contentStreams(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const re = /<<([^]*?)>>\s*stream\r?\n/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const body = pdf.subarray(start, end);
    if (m[1]!.includes('/FlateDecode')) {
      try {
        out.push(inflateSync(body).toString('latin1'));
      } catch {
        // An image or font stream that is not ours to read.
      }
    } else out.push(body.toString('latin1'));
    re.lastIndex = end;
  }
  return out;
}

/**
 * Reads a pdfkit PDF back, compressed or not: the number of page objects and the text runs of its content
 * streams (pdfkit writes text as hex strings in `TJ` arrays, WinAnsi bytes).
 *
 * @example
 * const { pages, text } = inspectPdf(await renderPdf(doc));
 */
export function inspectPdf(pdf: Buffer): { pages: number; runs: string[]; text: string } {
  const raw = pdf.toString('latin1');
  const pages = (raw.match(/\/Type \/Page\b(?!s)/g) ?? []).length;
  const runs: string[] = [];
  for (const stream of contentStreams(pdf)) {
    for (const m of stream.matchAll(/\[((?:<[0-9a-f]*>|[-\d.\s])*)\]\s*TJ/g)) {
      runs.push([...m[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => winAnsi(Buffer.from(h[1]!, 'hex'))).join(''));
    }
  }
  return { pages, runs, text: runs.join('\n') };
}
