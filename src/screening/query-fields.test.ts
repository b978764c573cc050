import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identifierProperty, isoDate, looksLikeWalletAddress, queriesFromFields, screenSchema } from './query-fields.js';

const OBJECT_MEMBERS = ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf'];

describe('queriesFromFields', () => {
  it('makes a Person query from person details, with ISO date and country code', () => {
    expect(queriesFromFields({ name: ' Kim  Jong Un ', birthDate: '1984-1-8', nationality: 'North Korea', gender: 'M' })).toEqual({
      queries: [{ schema: 'Person', properties: { name: ['Kim Jong Un'], birthDate: ['1984-01-08'], gender: ['male'], nationality: ['kp'] } }],
      problems: [],
    });
  });

  it('puts the name together from its parts when there is no full name', () => {
    const { queries } = queriesFromFields({ firstName: 'Jong Un', lastName: 'KIM' });
    expect(queries).toEqual([{ schema: 'Person', properties: { name: ['Jong Un KIM'], firstName: ['Jong Un'], lastName: ['KIM'] } }]);
  });

  it('screens a bare name as a LegalEntity and a bare address as a CryptoWallet', () => {
    expect(queriesFromFields({ name: 'Korea Mining Development Trading Corporation' }).queries[0]?.schema).toBe('LegalEntity');
    expect(queriesFromFields({ wallet: '0x098B716B8Aaf21512996dC57EB0615e2383E2f96' }).queries).toEqual([
      { schema: 'CryptoWallet', properties: { publicKey: ['0x098B716B8Aaf21512996dC57EB0615e2383E2f96'] } },
    ]);
  });

  it('screens a wallet beside a named subject as a second query', () => {
    const { queries } = queriesFromFields({ name: 'LAZARUS GROUP', schema: 'organization', wallet: '0xabc' });
    expect(queries.map((q) => q.schema)).toEqual(['Organization', 'CryptoWallet']);
  });

  it('puts identifiers and countries where the schema keeps them', () => {
    const vessel = queriesFromFields({ schema: 'Vessel', name: 'CHON MA SAN', idNumber: 'IMO 8660313', nationality: 'kp' });
    expect(vessel.queries[0]?.properties).toEqual({ name: ['CHON MA SAN'], flag: ['kp'], imoNumber: ['IMO 8660313'] });
    const company = queriesFromFields({ schema: 'Company', name: 'X', nationality: 'China', idNumber: '91110' });
    expect(company.queries[0]?.properties).toEqual({ name: ['X'], country: ['cn'], idNumber: ['91110'] });
  });

  it('leaves out and reports what it cannot use, keeping the rest of the query', () => {
    const r = queriesFromFields({ schema: 'Persn', name: 'RI', birthDate: '08/01/1984', nationality: 'Atlantis', gender: 'q' });
    expect(r.queries).toEqual([{ schema: 'Person', properties: { name: ['RI'] } }]);
    expect(r.problems.map((p) => p.field)).toEqual(['schema', 'birthDate', 'gender', 'nationality']);
    expect(r.problems[1]).toEqual({ field: 'birthDate', value: '08/01/1984', problem: 'not a date (YYYY, YYYY-MM or YYYY-MM-DD); ignored' });
  });

  it('keeps the year (and month) of a date with an impossible day or month', () => {
    const r = queriesFromFields({ name: 'A', birthDate: '1974-01-32' });
    expect(r.queries[0]?.properties.birthDate).toEqual(['1974-01']);
    expect(r.problems).toEqual([{ field: 'birthDate', value: '1974-01-32', problem: 'not a real date; kept 1974-01' }]);
    expect(queriesFromFields({ name: 'A', birthDate: '1968-13-30' }).queries[0]?.properties.birthDate).toEqual(['1968']);
  });

  it('reports person details given for an organisation', () => {
    const r = queriesFromFields({ schema: 'Company', name: 'ACME', birthDate: '1990', lastName: 'X' });
    expect(r.queries[0]?.properties).toEqual({ name: ['ACME'] });
    expect(r.problems.map((p) => p.field).sort()).toEqual(['birthDate', 'lastName']);
  });

  it('has nothing to screen without a name, an identifier or a wallet', () => {
    expect(queriesFromFields({ birthDate: '1980', nationality: 'kp' }).queries).toEqual([]);
  });

  it('reports a gender spelled like an Object member as not a gender', () => {
    for (const gender of OBJECT_MEMBERS) {
      const r = queriesFromFields({ name: 'RI', gender });
      expect(r.queries).toEqual([{ schema: 'Person', properties: { name: ['RI'] } }]);
      expect(r.problems).toEqual([{ field: 'gender', value: gender, problem: 'not a gender (male, female, other, m, f); ignored' }]);
    }
  });

  it('property: every value of every query is non-empty text, whatever was typed', () => {
    const typed = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...OBJECT_MEMBERS, 'Constructor', 'm', 'North Korea', '1984-01-08'));
    const fields = fc.record(
      { name: typed, firstName: typed, lastName: typed, gender: typed, birthDate: typed, birthPlace: typed, nationality: typed, schema: typed, idNumber: typed, wallet: typed },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fields, (f) => {
        for (const q of queriesFromFields(f).queries) {
          for (const values of Object.values(q.properties)) for (const v of values) expect(typeof v === 'string' && v !== '').toBe(true);
        }
      }),
    );
  });
});

describe('isoDate', () => {
  it('pads months and days and refuses impossible dates', () => {
    expect(isoDate('1965')).toBe('1965');
    expect(isoDate('1965-3')).toBe('1965-03');
    expect(isoDate('1965-3-9')).toBe('1965-03-09');
    expect(isoDate('2000-02-29')).toBe('2000-02-29');
    expect(isoDate('1900-02-29')).toBeNull();
    expect(isoDate('1965-13-01')).toBeNull();
    expect(isoDate('1965-00')).toBeNull();
    expect(isoDate('65-3-9')).toBeNull();
  });

  it('gives back every real date unchanged', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(isoDate(iso)).toBe(iso);
      }),
    );
  });
});

describe('screenSchema / identifierProperty', () => {
  it('reads schema names case-insensitively and refuses others', () => {
    expect(screenSchema('cryptowallet')).toBe('CryptoWallet');
    expect(screenSchema('Sanction')).toBeUndefined();
  });

  it('tells IMO from MMSI numbers', () => {
    expect(identifierProperty('Vessel', '9130975')).toBe('imoNumber');
    expect(identifierProperty('Vessel', '445123000')).toBe('mmsi');
    expect(identifierProperty('Vessel', 'HMDB-5')).toBe('registrationNumber');
    expect(identifierProperty('Person', '836110034')).toBe('idNumber');
  });
});

describe('looksLikeWalletAddress', () => {
  it('recognises valid addresses of several chains and refuses names and broken checksums', () => {
    expect(looksLikeWalletAddress('0x098B716B8Aaf21512996dC57EB0615e2383E2f96')).toBe(true);
    expect(looksLikeWalletAddress('0X098B716B8AAF21512996DC57EB0615E2383E2F96'.toLowerCase())).toBe(true);
    expect(looksLikeWalletAddress('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toBe(true);
    expect(looksLikeWalletAddress('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb')).toBe(false);
    expect(looksLikeWalletAddress('LAZARUS')).toBe(false);
    expect(looksLikeWalletAddress('Kim Jong Un')).toBe(false);
    expect(looksLikeWalletAddress('')).toBe(false);
  });
});
