import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../errors.js';
import { subjectFromQuery } from './query.js';
import type { MatchQuery } from './types.js';

function error(q: unknown): InputError {
  try {
    subjectFromQuery(q as MatchQuery, 'query q1');
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('subjectFromQuery', () => {
  it('reads names, dates, countries, gender, identifiers and wallets', () => {
    const s = subjectFromQuery({
      schema: 'Person',
      properties: { name: ['Kim Jong Un', '김정은'], birthDate: ['1984-1-8'], nationality: ['North Korea'], gender: ['M'], passportNumber: ['PS 123-456'] },
    });
    expect(s.names).toEqual(['Kim Jong Un', '김정은']);
    expect(s.birthDates.map((d) => d.text)).toEqual(['1984-01-08']);
    expect(s.countries).toEqual(['kp']);
    expect(s.gender).toBe('male');
    expect(s.identifiers).toEqual([{ key: 'PS123456', raw: 'PS 123-456', prop: 'passportNumber' }]);
  });

  it('composes a name from its parts, family name first with a comma', () => {
    expect(subjectFromQuery({ schema: 'Person', properties: { firstName: ['Jong Un'], lastName: ['Kim'] } }).names).toEqual(['Kim, Jong Un']);
  });

  it('accepts a plain string where a list is expected', () => {
    expect(subjectFromQuery({ schema: 'Person', properties: { name: 'Kim' as unknown as string[] } }).names).toEqual(['Kim']);
  });

  it('refuses bad queries with an InputError naming the query and the property', () => {
    expect(error({ schema: 'Persn', properties: { name: ['x'] } }).message).toBe('query q1 (schema): unknown schema "Persn"');
    expect(error({ properties: {} }).field).toBe('schema');
    expect(error({ schema: 'Person', properties: { imoNumber: ['1'] } }).message).toMatch(/Person has no property "imoNumber"/);
    expect(error({ schema: 'Person', properties: { name: [{}] } }).field).toBe('name');
    expect(error({ schema: 'Person', properties: { name: ['x'], birthDate: ['yesterday'] } }).field).toBe('birthDate');
    expect(error({ schema: 'Person', properties: { name: ['x'], nationality: ['Atlantis'] } }).field).toBe('nationality');
    expect(error({ schema: 'CryptoWallet', properties: { publicKey: ['0x12'] } }).field).toBe('publicKey');
    expect(error({ schema: 'Person', properties: { gender: ['male'] } }).message).toMatch(/nothing to screen/);
    expect(error({ schema: 'Person', properties: { name: ['x'.repeat(301)] } }).message).toMatch(/longer than 300/);
    expect(error({ schema: 'Person', properties: { name: Array.from({ length: 51 }, (_, i) => `n${i}`) } }).message).toMatch(/more than 50 values/);
    expect(error(null).message).toMatch(/expected an object/);
  });

  it('does not take Object members for schemata', () => {
    for (const schema of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      expect(error({ schema, properties: { name: ['x'] } }).message).toMatch(/unknown schema/);
    }
  });

  it('never throws anything but an InputError on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), fc.dictionary(fc.constantFrom('name', 'birthDate', 'nationality', 'gender', 'idNumber', 'alias', 'x'), fc.anything()), (schema, properties) => {
        try {
          subjectFromQuery({ schema, properties } as unknown as MatchQuery);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
    );
  });
});
