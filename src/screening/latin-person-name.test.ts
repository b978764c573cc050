import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePersonName, tokenise } from '../names/index.js';
import { asciiTokens, parseLatinPersonName } from './latin-person-name.js';
import { loadSharedLists } from './validation/shared-lists.js';

const LISTS = fileURLToPath(new URL('../../../shared/data/lists/', import.meta.url));

describe('asciiTokens / parseLatinPersonName: the fast path gives what the general one gives', () => {
  it('on names with the quirks of the lists', () => {
    for (const name of ["CHANG, Myo' ng-ch'o' l", "KIM TONG MY’’ONG", "CH'OE SO'K MIN", 'KIM Jong Un', 'Jong Un KIM', 'RI PYONG CHUL', "O'Brien, Sean", "1'2 x", "a ''b", 'Han Jang Su', '-0- ', 'ABU MOHAMMED AL-JAWLANI']) {
      expect(parseLatinPersonName(name)).toEqual(parsePersonName(name, 'auto'));
      const fast = asciiTokens(name);
      if (fast) expect(fast).toEqual(tokenise(name));
    }
  });

  it('on a spaced backtick apostrophe after a capitalised word', () => {
    expect(parseLatinPersonName('N.K` a')).toEqual(parsePersonName('N.K` a', 'auto'));
  });

  it('on random printable ASCII', () => {
    const ascii = fc.string({ maxLength: 30, unit: fc.constantFrom(...'abcKIMJONGun ,\'`-._()0123456789ri chol') });
    fc.assert(
      fc.property(ascii, (s) => {
        expect(asciiTokens(s)).toEqual(tokenise(s));
        expect(parseLatinPersonName(s)).toEqual(parsePersonName(s, 'auto'));
      }),
      { numRuns: 2000 },
    );
  });

  it('falls back for non-ASCII text', () => {
    expect(asciiTokens('Kim Chŏng-ŭn')).toBeNull();
    expect(parseLatinPersonName('RI, U’n-so’ng')).toEqual(parsePersonName('RI, U’n-so’ng', 'auto'));
  });
});

describe.skipIf(!existsSync(LISTS))('the fast path on the names of the real UN and OFAC lists', () => {
  it('equals parsePersonName (every other name, to keep the test fast)', async () => {
    const { entities } = await loadSharedLists(LISTS);
    let seen = 0;
    let compared = 0;
    for (const e of entities) {
      for (const prop of ['name', 'alias', 'weakAlias', 'previousName']) {
        for (const name of e.properties[prop] ?? []) {
          if (seen++ % 2) continue;
          expect(parseLatinPersonName(name)).toEqual(parsePersonName(name, 'auto'));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(20_000);
  });
});
