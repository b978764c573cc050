import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queriesFromFields as serverQueries } from '../../src/screening/query-fields.js';
import { looksLikeAddress, queriesFromFields, type ScreenFields } from '../../web/src/lib/screen-fields.js';

describe('web screening form → /match queries', () => {
  it('screens a Hangul name alone as a LegalEntity (persons and organisations alike)', () => {
    expect(queriesFromFields({ name: '김정은' }).queries).toEqual([{ schema: 'LegalEntity', properties: { name: ['김정은'] } }]);
  });

  it('makes a Person of a name with a birth date, and keeps a real date only', () => {
    expect(queriesFromFields({ name: 'Kim Jong Un', birthDate: '1984-1-8' }).queries).toEqual([{ schema: 'Person', properties: { name: ['Kim Jong Un'], birthDate: ['1984-01-08'] } }]);
    const bad = queriesFromFields({ name: 'Kim', birthDate: '1974-01-32' });
    expect(bad.queries[0]?.properties.birthDate).toEqual(['1974-01']);
    expect(bad.problems).toEqual([{ field: 'birthDate', value: '1974-01-32', problem: 'not a real date; kept 1974-01' }]);
  });

  it('screens an address typed in the name field as a wallet, in the single-query form only', () => {
    const address = '0x098B716B8Aaf21512996dC57EB0615e2383E2f96';
    expect(looksLikeAddress(address)).toBe(true);
    expect(queriesFromFields({ name: address }, { nameMayBeAddress: true }).queries).toEqual([{ schema: 'CryptoWallet', properties: { publicKey: [address] } }]);
    expect(queriesFromFields({ name: address }).queries[0]?.schema).toBe('LegalEntity');
  });

  it('builds the same queries as `counterflow screen` for any fields with a country code (property)', () => {
    const text = fc.constantFrom('', 'Kim Jong Un', '김정은', '  Lazarus   Group ', 'O\'Brien');
    const fields = fc.record(
      {
        schema: fc.constantFrom('', 'person', 'Vessel', 'company', 'CryptoWallet', 'Airplane', 'Persn'),
        name: text,
        firstName: fc.constantFrom('', 'Jong'),
        middleName: fc.constantFrom('', 'Un'),
        lastName: fc.constantFrom('', 'Kim'),
        gender: fc.constantFrom('', 'm', 'F', 'other', 'unknown'),
        birthDate: fc.constantFrom('', '1984', '1984-1', '1984-01-08', '1984-02-30', 'about 1948'),
        birthPlace: fc.constantFrom('', 'Pyongyang'),
        nationality: fc.constantFrom('', 'kp', 'ru'),
        idNumber: fc.constantFrom('', '645000000', 'IMO 9130975', '12345'),
        wallet: fc.constantFrom('', '0x098b716b8aaf21512996dc57eb0615e2383e2f96'),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fields, (f: ScreenFields) => {
        const server = serverQueries(f);
        const web = queriesFromFields(f);
        expect(web.queries).toEqual(server.queries);
        expect(web.problems.map((p) => p.field)).toEqual(server.problems.map((p) => p.field));
      }),
    );
  });
});
