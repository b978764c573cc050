import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { toChecksumAddress } from '../addresses/index.js';
import { MATCH_THRESHOLD, REVIEW_THRESHOLD, Screener } from './index.js';
import { generatePairs } from './validation/generate-pairs.js';
import type { MatchQuery, MatchResult } from './types.js';
import { loadSharedLists } from './validation/shared-lists.js';

// Facts from the public UN (2026-02-27) and OFAC SDN (2024-05 / 2025-12) files in ../shared/data/lists:
// OFAC ent_num 20157 KIM, Jong Un; 23213 CHOE, Ryong Hae; 23215 RI, Pyong Chol; 28263 TIAN, Yinyin;
// 28264 LI, Jiadong; 43377 KIM, Sang Man (ETH 0xb6f5…1f40); 17069 vessel CHONG CHON GANG (IMO 7937317);
// UN KPi.076 RI PYONG CHUL (a.k.a. Ri Pyo’ng-ch’o’l); KPi.035 KIM CHOL SAM (a.k.a. Jin Tiesan (金铁三)).
const LISTS = fileURLToPath(new URL('../../../shared/data/lists/', import.meta.url));

describe.skipIf(!existsSync(LISTS))('screening the real UN and OFAC lists: facts a reviewer can check', () => {
  let screener: Screener;
  let entities: Awaited<ReturnType<typeof loadSharedLists>>['entities'];
  beforeAll(async () => {
    entities = (await loadSharedLists(LISTS)).entities;
    screener = Screener.build(entities);
  });
  const person = (name: string): MatchQuery => ({ schema: 'Person', properties: { name: [name] } });
  const matches = (q: MatchQuery): MatchResult[] => screener.match(q, { limit: 10 }).results.filter((r) => r.match);
  const matchedIds = (q: MatchQuery): string[] => matches(q).map((r) => r.entity.id);

  it.each([
    ['김정은', 'ofac-20157'],
    ['최룡해', 'ofac-23213'],
    ['리병철', 'ofac-23215'],
    ['리병철', 'un-6908654'],
  ])('finds %s by Hangul (%s)', (name, id) => {
    expect(matchedIds(person(name))).toContain(id);
  });

  it.each([
    ['Kim Jeong-eun', 'ofac-20157'],
    ['Gim Jeongeun', 'ofac-20157'],
    ['Choi Ryong-hae', 'ofac-23213'],
    ['Lee Byeong-cheol', 'un-6908654'],
    ["Ri Pyo'ng-ch'o'l", 'ofac-23215'],
  ])('finds %s under another romanisation (%s)', (name, id) => {
    expect(matchedIds(person(name))).toContain(id);
  });

  it.each([
    ['Jong Un KIM', 'ofac-20157'],
    ['Ryong Hae Choe', 'ofac-23213'],
    ['PYONG CHUL, RI', 'un-6908654'],
  ])('finds %s in reversed order (%s)', (name, id) => {
    expect(matchedIds(person(name))).toContain(id);
  });

  it.each([
    ['KIM JONG UNN', 'ofac-20157'],
    ['CHOE RYONGG HAE', 'ofac-23213'],
    ['RI PYONG CHULL', 'un-6908654'],
  ])('finds %s with a typo (%s)', (name, id) => {
    expect(matchedIds(person(name))).toContain(id);
  });

  it.each([
    ['金铁三', 'un-6908566'],
    ['Jin Tiesan', 'un-6908566'],
    ['田寅寅', 'ofac-28263'],
    ['Tian Yinyin', 'ofac-28263'],
    ['李家东', 'ofac-28264'],
  ])('finds the Chinese name %s by Hanzi or pinyin (%s)', (name, id) => {
    expect(matchedIds(person(name))).toContain(id);
  });

  it('keeps Kim Jong Il apart from Kim Jong Un and the listed KIM JONG SIK', () => {
    const ids = matchedIds(person('Kim Jong Il'));
    expect(ids).not.toContain('ofac-20157');
    expect(ids.filter((id) => /KIM,? JONG/i.test(screener.get(id)?.caption ?? ''))).toEqual([]);
    expect(screener.compare(person('KIM JONG SIK'), person('KIM, Jong Un')).match).toBe(false);
  });

  it('screens listed Korean names with one given-name syllable changed without a match (Kim Jong Un → Kim Jong Il)', () => {
    const names = generatePairs(entities, { seed: 11, perKind: 200 })
      .filter((p) => p.kind === 'one-syllable')
      .map((p) => p.name2);
    const top = names.map((name) => screener.match(person(name), { cutoff: 0 }).results[0]?.score ?? 0);
    const alarms = top.filter((s) => s >= MATCH_THRESHOLD).length;
    const reviews = top.filter((s) => s >= REVIEW_THRESHOLD && s < MATCH_THRESHOLD).length;
    console.log(`one-syllable-changed Korean names: ${names.length}; match: ${alarms}; review: ${reviews}`);
    expect(names.length).toBeGreaterThanOrEqual(150);
    expect(alarms / names.length).toBeLessThanOrEqual(0.01);
  });

  it('keeps different given names under one surname apart', () => {
    expect(matchedIds(person('Choe Ryong Su'))).not.toContain('ofac-23213');
    expect(matchedIds(person('Ri Pyong Il'))).not.toContain('ofac-23215');
  });

  it('does not let "CORP" or "Trading Co." noise match anything', () => {
    for (const name of ['CORP', 'Trading Co.', 'Trading Co., Ltd.', 'General Trading Corporation', 'International Holdings Limited']) {
      expect(matches({ schema: 'Company', properties: { name: [name] } }), name).toEqual([]);
    }
  });

  it('hits a listed wallet from any letter case of an EVM address', () => {
    const listed = '0xb6f5ec1a0a9cd1526536d3f0426c429529471f40';
    for (const form of [listed, listed.toUpperCase().replace('0X', '0x'), toChecksumAddress(listed)]) {
      const holders = matches({ schema: 'CryptoWallet', properties: { publicKey: [form] } }).map((r) => r.entity.properties['holder']?.[0]);
      expect(holders, form).toContain('ofac-43377');
    }
    const ronin = matches({ schema: 'CryptoWallet', properties: { publicKey: ['0x098b716b8aaf21512996dc57eb0615e2383e2f96'] } });
    expect(ronin.length).toBeGreaterThan(0);
  });

  it('finds the vessel CHONG CHON GANG by its IMO number', () => {
    expect(matchedIds({ schema: 'Vessel', properties: { imoNumber: ['7937317'] } })).toContain('ofac-17069');
  });

  it('explains a Hangul hit in words', () => {
    const [r] = matches(person('김정은'));
    expect(r?.explanations['name_match']?.detail).toBe(
      "query name '김정은' met listed name 'KIM, Jong Un' (query Hangul 김정은 romanised (DPRK scheme) as Kim Jong Un): KIM = KIM (family name); JONG = JONG; UN = UN",
    );
  });
});
