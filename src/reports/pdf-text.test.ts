import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pdfText } from './pdf-text.js';

describe('pdfText', () => {
  it('transliterates Hangul and keeps Latin-1 and typographic punctuation', () => {
    expect(pdfText('Kim Jong Un (김정은)')).toEqual({ text: 'Kim Jong Un (GimJeongEun)', transliterated: true });
    expect(pdfText('Zürich – “quoted” …')).toEqual({ text: 'Zürich – “quoted” …', transliterated: false });
    expect(pdfText('line\nbreak\ttab')).toEqual({ text: 'line\nbreak tab', transliterated: false });
  });

  it('always yields text the standard fonts can draw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const { text } = pdfText(s);
        for (const ch of text) {
          const c = ch.codePointAt(0)!;
          expect(ch === '\n' || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.includes(ch)).toBe(true);
        }
      }),
    );
  });
});
