import anyAscii from 'any-ascii';

// Characters the PDF standard fonts can draw (WinAnsiEncoding): printable ASCII, Latin-1 and these.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function drawable(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch);
}

/**
 * Text for the PDF's standard fonts, which cannot draw Hangul, Hanzi, Cyrillic …: every character they
 * lack is transliterated to ASCII with any-ascii (`김정은` → `GimJeongEun`); control characters become
 * spaces. Returns whether anything was transliterated, so the PDF can say so.
 *
 * @example
 * pdfText('Kim Jong Un (김정은)'); // { text: 'Kim Jong Un (GimJeongEun)', transliterated: true }
 */
export function pdfText(text: string): { text: string; transliterated: boolean } {
  let out = '';
  let transliterated = false;
  let run = '';
  const flush = (): void => {
    if (!run) return;
    out += anyAscii(run);
    transliterated = true;
    run = '';
  };
  for (const ch of text) {
    if (drawable(ch)) {
      flush();
      out += ch;
    } else if (ch === '\n') {
      flush();
      out += ch;
    } else if (/[\p{Cc}\p{Cf}]/u.test(ch)) {
      flush();
      out += ' ';
    } else run += ch;
  }
  flush();
  return { text: out, transliterated };
}
