import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { orgNameCore } from './org-names.js';

describe('orgNameCore', () => {
  it.each([
    // DPRK entities from the UN and OFAC lists
    ['Korea Mining Development Trading Corporation', ['mining'], ['corporation']],
    ['KOREA RYONBONG GENERAL CORPORATION', ['ryonbong'], ['corporation']],
    ['Foreign Trade Bank of the DPRK', ['foreign'], []],
    ['DANDONG HONGXIANG INDUSTRIAL DEVELOPMENT CO., LTD.', ['dandong', 'hongxiang'], ['co-ltd']],
    ['丹东鸿祥实业发展有限公司', ['丹东鸿祥'], ['limited']],
    ['조선광업개발무역회사', ['광업'], ['company']],
    // Watchman #483: only the core may match
    ['BELLETECH CORP', ['belletech'], ['corporation']],
    ['11420 CORP.', ['11420'], ['corporation']],
    ['Trading Co., Ltd.', [], ['co-ltd']],
    ['CORP', [], ['corporation']],
    ['OOO "Gazprom Neft"', ['gazprom', 'neft'], ['llc']],
    ['ООО Ромашка', ['ромашка'], ['llc']],
    ['Banco Delta Asia S.A.', ['delta', 'asia'], ['sa']],
    ['Chinpo Shipping Company (Private) Limited', ['chinpo'], ['company', 'pte', 'limited']],
    ['Green Pine Associated Corporation', ['green', 'pine', 'associated'], ['corporation']],
    ['Leader (Hong Kong) International Trading Limited', ['leader', 'hong', 'kong'], ['limited']],
  ])('%s → core %j, legal %j', (name, core, legal) => {
    const result = orgNameCore(name);
    expect(result.core).toEqual(core);
    expect(result.legalForms).toEqual(legal);
  });

  it('counts spaced single-letter forms only at the end of the name', () => {
    expect(orgNameCore('S A Trading').legalForms).toEqual([]);
    expect(orgNameCore('Acme L.L.C.').legalForms).toEqual(['llc']);
  });

  it('reports generic and stop words', () => {
    expect(orgNameCore('Foreign Trade Bank of the DPRK').generic).toEqual(['trade', 'bank', 'of', 'the', 'dprk']);
  });

  it('flags names made only of generic words', () => {
    expect(orgNameCore('Korea General Trading Corporation')).toMatchObject({ core: [], genericOnly: true });
    expect(orgNameCore('CORP')).toMatchObject({ core: [], genericOnly: false });
    expect(orgNameCore('BELLETECH CORP').genericOnly).toBe(false);
  });

  it('keeps every token in exactly one bucket', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const r = orgNameCore(s);
        expect(r.core.length + r.generic.length).toBeLessThanOrEqual(r.tokens.length);
        for (const t of r.core) expect(r.tokens).toContain(t);
      }),
      { numRuns: 500 },
    );
  });
});
