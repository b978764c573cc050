import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { MATCH_THRESHOLD, OFAC_MATCH_THRESHOLD, REVIEW_THRESHOLD, Screener, thresholdsFor } from './index.js';
import { fixtureEntities } from './test-support.js';
import type { MatchQuery } from './types.js';

const screener = Screener.build(fixtureEntities());
const person = (name: string, extra: Record<string, string[]> = {}): MatchQuery => ({ schema: 'Person', properties: { name: [name], ...extra } });
const top = (q: MatchQuery, options = {}) => screener.match(q, options).results[0];

describe('Screener.build', () => {
  it('indexes the targets, enriched by their helper entities', () => {
    expect(screener.info.entities).toBe(fixtureEntities().length);
    expect(screener.info.candidates).toBe(fixtureEntities().filter((e) => e.target).length);
    expect(screener.info.lists).toEqual(['us_ofac_sdn', 'un_sc']);
    expect(screener.info.buildMs).toBeGreaterThanOrEqual(0);
  });

  it('builds over nothing', () => {
    const empty = Screener.build([]);
    expect(empty.match(person('Kim Jong Un'))).toEqual({ results: [], total: 0 });
    expect(empty.compare(person('Kim Jong Un'), person('KIM, Jong Un')).match).toBe(true);
  });
});

describe('Screener.match', () => {
  it('finds a DPRK listing by Hangul, romanisation, reversed order and typo', () => {
    for (const name of ['김정은', 'Kim Jong-un', 'Jong Un KIM', 'Kim Jongun', 'KIM JONG UNN']) {
      const r = top(person(name));
      expect(r?.entity.id, name).toBe('ofac-20157');
      expect(r?.match, name).toBe(true);
    }
  });

  it('returns the entity as listed, with explanations of the features that fired', () => {
    const r = top(person('리병철', { birthDate: ['1948'], nationality: ['kp'] }));
    expect(r?.entity.caption).toMatch(/^RI,? P/);
    expect(Object.keys(r?.explanations ?? {})).toEqual(expect.arrayContaining(['name_match', 'dob_match', 'country_match']));
  });

  it('keeps Kim Jong Il apart from Kim Jong Un and Kim Jong Sik', () => {
    const r = screener.match(person('Kim Jong Il'));
    expect(r.results.every((x) => !x.match)).toBe(true);
  });

  it('enriches subjects: a passport number on a Passport entity finds its holder', () => {
    const r = top({ schema: 'Person', properties: { passportNumber: ['109420132'] } });
    expect(r?.entity.id).toBe('ofac-43377');
    expect(r?.explanations['identifier_match']).toBeDefined();
  });

  it('finds a wallet from an EIP-55 checksummed address and names its holder', () => {
    const r = top({ schema: 'CryptoWallet', properties: { publicKey: ['0xB6F5EC1A0A9CD1526536D3F0426C429529471F40'] } });
    expect(r?.entity.id).toBe('ofac-43377-wallet-eth-0xb6f5ec1a0a9cd1526536d3f0426c429529471f40');
    expect(r?.score).toBe(1);
    expect(r?.explanations['crypto_wallet_match']?.detail).toMatch(/listed for KIM, Sang Man \(ofac-43377\)/);
  });

  it('does not case-fold base58 addresses', () => {
    expect(screener.match({ schema: 'CryptoWallet', properties: { publicKey: ['1d6gg9ikehpittcwrjiniuj1jym2hneafj'] } }).total).toBe(0);
  });

  it('finds vessels by IMO number', () => {
    expect(top({ schema: 'Vessel', properties: { imoNumber: ['8660313'] } })?.entity.id).toBe('ofac-44000');
  });

  it('keeps generic organisation names from matching', () => {
    for (const name of ['Trading Co., Ltd.', 'CORP', '11420 CORP.']) {
      expect(screener.match({ schema: 'Company', properties: { name: [name] } }).results.some((r) => r.match), name).toBe(false);
    }
    expect(top({ schema: 'Company', properties: { name: ['Korea Mining Development Trading Corp.'] } })?.match).toBe(true);
  });

  it('honours limit, threshold, cutoff, lists and algorithm', () => {
    expect(screener.match(person('Kim'), { limit: 1, cutoff: 0 }).results.length).toBeLessThanOrEqual(1);
    const strict = top(person('Lee Byeongcheol'), { threshold: 0.99 });
    expect(strict?.match).toBe(false);
    expect(strict?.review).toBe(true);
    expect(screener.match(person('RI PYONG CHUL'), { lists: ['us_ofac_sdn'] }).results.map((r) => r.entity.id)).toEqual(['ofac-23215']);
    const ofac = top(person('KIM JONG UN'), { algorithm: 'ofac' });
    expect(ofac?.explanations['ofac_name_score']).toBeDefined();
  });

  it('match, review and the threshold agree', () => {
    for (const name of ['Kim Jong Un', 'Kim Jong', 'Kim Jong Il', 'Lee Pyong Chol']) {
      for (const r of screener.match(person(name), { cutoff: 0 }).results) {
        expect(r.match).toBe(r.score >= MATCH_THRESHOLD);
        expect(r.review).toBe(!r.match && r.score >= REVIEW_THRESHOLD);
      }
    }
  });

  it('rejects bad options and queries with an InputError', () => {
    const bad: [MatchQuery, object][] = [
      [person('x'), { limit: 0 }],
      [person('x'), { limit: 501 }],
      [person('x'), { threshold: 2 }],
      [person('x'), { algorithm: 'magic' }],
      [person('x'), { lists: ['eu_fsf'] }],
      [{ schema: 'Nope', properties: {} }, {}],
    ];
    for (const [q, o] of bad) expect(() => screener.match(q, o)).toThrow(InputError);
  });
});

describe('Screener.compare', () => {
  it('scores two queries and applies the algorithm thresholds', () => {
    const r = screener.compare(person('Kim Jong Il'), person('KIM, Jong Un'));
    expect(r.match).toBe(false);
    expect(r.explanations['name_match']?.detail).toMatch(/IL and UN are different Korean syllables/);
    const o = screener.compare(person('Kim Jong Il'), person('KIM, Jong Un'), 'ofac');
    expect(o.match).toBe(o.score >= OFAC_MATCH_THRESHOLD);
    expect(thresholdsFor('ofac').match).toBe(OFAC_MATCH_THRESHOLD);
    expect(() => screener.compare(person('x'), person('y'), 'magic' as never)).toThrow(InputError);
  });
});

describe('Screener.search', () => {
  it('ranks by name similarity, with schema, list and paging', () => {
    const r = screener.search('Kim Jong Un');
    expect(r.results[0]?.id).toBe('ofac-20157');
    expect(screener.search('KOMID', { schema: 'Organization' }).results[0]?.id).toBe('un-690735');
    expect(screener.search('KOMID', { schema: 'Person' }).total).toBe(0);
    expect(screener.search('Kim', { limit: 1, offset: 1 }).results.length).toBeLessThanOrEqual(1);
    // The wallet and its holder (enriched with the wallets it holds).
    expect(screener.search('0xB6F5EC1A0A9CD1526536D3F0426C429529471F40').results.map((e) => e.id).sort()).toEqual([
      'ofac-43377',
      'ofac-43377-wallet-eth-0xb6f5ec1a0a9cd1526536d3f0426c429529471f40',
    ]);
  });

  it('refuses empty or oversized queries and unknown schemas', () => {
    expect(() => screener.search('  ')).toThrow(InputError);
    expect(() => screener.search('x'.repeat(301))).toThrow(InputError);
    expect(() => screener.search('x', { schema: 'Nope' })).toThrow(InputError);
    expect(() => screener.search('x', { limit: 0 })).toThrow(InputError);
  });
});

describe('Screener.get', () => {
  it('returns any loaded entity by id, helpers included', () => {
    expect(screener.get('ofac-43377-passport-109420132')?.schema).toBe('Passport');
    expect(screener.get('nope')).toBeUndefined();
  });
});
