import { describe, expect, it } from 'vitest';
import { IDENTIFIER_WEIGHTS, identifierFeature, normaliseIdentifier, orgIdDisjoint, walletFeature, walletKey } from './feature-identifier.js';

describe('normaliseIdentifier', () => {
  it('folds case, punctuation and IMO/MMSI prefixes', () => {
    expect(normaliseIdentifier('IMO 7937317', 'imoNumber')).toBe('7937317');
    expect(normaliseIdentifier('645-120-378', 'passportNumber')).toBe('645120378');
    expect(normaliseIdentifier('no. 645120378', 'passportNumber')).toBe('645120378');
    expect(normaliseIdentifier('ab 12cd', 'idNumber')).toBe('AB12CD');
  });

  it('ignores numbers too weak to compare', () => {
    expect(normaliseIdentifier('1234', 'idNumber')).toBeNull();
    expect(normaliseIdentifier('00000000', 'idNumber')).toBeNull();
  });
});

describe('identifierFeature', () => {
  const passport = { key: '645120378', raw: '645120378', prop: 'passportNumber' };
  it('finds a shared number and says which', () => {
    const r = identifierFeature([{ key: '645120378', raw: '645 120 378', prop: 'idNumber' }], [passport], true);
    expect(r).toMatchObject({ feature: 'identifier_match', weight: IDENTIFIER_WEIGHTS.identifier });
    expect(r?.detail).toMatch(/ID number 645 120 378 equals the listed passport number 645120378/);
  });

  it('weighs IMO numbers as vessel identifiers', () => {
    const imo = { key: '8660313', raw: 'IMO 8660313', prop: 'imoNumber' };
    expect(identifierFeature([{ ...imo, raw: '8660313' }], [imo], false)?.feature).toBe('vessel_imo_mmsi_match');
  });

  it('is null without a shared number', () => {
    expect(identifierFeature([{ key: '999999999', raw: '999999999', prop: 'passportNumber' }], [passport], true)).toBeNull();
  });

  it('tells registration numbers apart for the OFAC qualifier', () => {
    const a = [{ key: '12345678', raw: '12345678', prop: 'registrationNumber' }];
    const b = [{ key: '87654321', raw: '87654321', prop: 'registrationNumber' }];
    expect(orgIdDisjoint(a, b)).toBe(true);
    expect(orgIdDisjoint(a, a)).toBe(false);
    expect(orgIdDisjoint(a, [passport])).toBe(false);
  });
});

describe('wallets', () => {
  const listed = '0xb6f5ec1a0a9cd1526536d3f0426c429529471f40';
  const eip55 = '0xB6F5EC1A0A9CD1526536D3F0426C429529471F40';

  it('an EVM address in any letter case has one key; base58 stays case-sensitive', () => {
    expect(walletKey(eip55)).toBe(walletKey(listed));
    expect(walletKey('1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ')).not.toBe(walletKey('1d6gg9ikehpittcwrjiniuj1jym2hneafj'));
    expect(walletKey('0x1234')).toBeNull();
  });

  it('an exact hit scores 1 and explains the format', () => {
    const key = walletKey(listed) as string;
    const r = walletFeature([{ key, raw: eip55 }], [{ key, raw: listed }], true, 'KIM, Sang Man (ofac-43377)');
    expect(r?.score).toBe(1);
    expect(r?.detail).toMatch(/another letter case/);
    expect(r?.detail).toMatch(/listed for KIM, Sang Man/);
  });
});
