import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'csv-parse/sync';
import { parsePersonName, personNameKeys, type NameOrder } from './name-parts.js';
import { isLikelyKoreanName } from './korean-variants.js';

// The real UN and OFAC files: the names of DPRK-listed persons and their listed aliases.
const SHARED = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const UN_XML = `${SHARED}lists/un/UN_consolidated_2026-02-27.xml`;
const SDN_CSV = `${SHARED}lists/ofac-sdn/sdn_2024-05-03.csv`;
const ALT_CSV = `${SHARED}lists/ofac-sdn/alt_2025-12-24.csv`;

interface ListedPerson {
  id: string;
  name: string;
  aliases: string[];
}

function sameName(a: string, aOrder: NameOrder, b: string): boolean {
  const keys = new Set(personNameKeys(a, aOrder));
  return personNameKeys(b).some((k) => keys.has(k));
}

function readUnDprkIndividuals(): ListedPerson[] {
  const parser = new XMLParser({
    isArray: (name) => name === 'INDIVIDUAL' || name === 'INDIVIDUAL_ALIAS',
    parseTagValue: false,
  });
  const doc = parser.parse(readFileSync(UN_XML, 'utf8')) as {
    CONSOLIDATED_LIST: { INDIVIDUALS: { INDIVIDUAL: Record<string, unknown>[] } };
  };
  return doc.CONSOLIDATED_LIST.INDIVIDUALS.INDIVIDUAL.filter((i) => i['UN_LIST_TYPE'] === 'DPRK').map((i) => ({
    id: String(i['REFERENCE_NUMBER']),
    name: ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
      .map((f) => i[f])
      .filter((v): v is string => typeof v === 'string' && v.length > 0)
      .join(' '),
    aliases: ((i['INDIVIDUAL_ALIAS'] ?? []) as Record<string, unknown>[])
      .map((a) => a['ALIAS_NAME'])
      .filter((v): v is string => typeof v === 'string' && v.length > 0),
  }));
}

function readOfacDprkIndividuals(): ListedPerson[] {
  const csv = (path: string): string[][] =>
    parse(readFileSync(path, 'utf8').replaceAll('\u001a', ''), { relax_column_count: true, relax_quotes: true }) as string[][];
  const aliases = new Map<string, string[]>();
  for (const [entNum, , , altName] of csv(ALT_CSV)) {
    if (!entNum || !altName) continue;
    aliases.set(entNum, [...(aliases.get(entNum) ?? []), altName]);
  }
  return csv(SDN_CSV)
    .filter((row) => row[2] === 'individual' && (row[3] ?? '').includes('DPRK'))
    .map((row) => ({ id: row[0] ?? '', name: row[1] ?? '', aliases: aliases.get(row[0] ?? '') ?? [] }));
}

function byId(people: ListedPerson[], id: string): ListedPerson {
  const person = people.find((p) => p.id === id);
  if (!person) throw new Error(`${id} is not in the file`);
  return person;
}

describe.skipIf(!existsSync(SHARED))('DPRK names on the real UN list (UN_consolidated_2026-02-27.xml)', () => {
  const people = existsSync(SHARED) ? readUnDprkIndividuals() : [];

  it('reads the 80 DPRK individuals, all but the Chinese-named one as Korean names', () => {
    expect(people).toHaveLength(80);
    const notKorean = people.filter((p) => !isLikelyKoreanName(parsePersonName(p.name, 'family-first').tokens));
    expect(notKorean.map((p) => p.name)).toEqual(['TSANG YUNG YUAN']);
  });

  it.each([
    ['KPi.064', 'Choe Sok Min'], // CH'OE SO’K MIN: mixed apostrophes in one record
    ['KPi.047', 'Min Pyo’ng-ch’o’l'], // MIN BYONG CHOL
    ['KPi.078', 'Ri Eun Song'], // RI U’N SO’NG
    ['KPi.078', 'Ri Un Song'],
    ['KPi.007', 'Jang Myong-Jin'], // CHANG MYONG-CHIN
    ['KPi.035', 'Jin Tiesan (金铁三)'], // KIM CHOL SAM, through the Sino-Korean reading
    ['KPi.043', 'Cho Yongwon'], // JO YONG-WON, joined given name
    ['KPi.055', 'Chang-Su Han'], // HAN JANG SU, Western order
    ['KPi.040', 'Cho Il Woo'], // CHO IL U
  ])('%s: the primary name keys equal to its alias %s', (id, alias) => {
    const person = byId(people, id);
    expect(person.aliases).toContain(alias);
    expect(sameName(person.name, 'family-first', alias)).toBe(true);
  });

  it.each([
    ['KPi.016', 'Jang Hyon U'], // JANG BOM SU: a different name
    ['KPi.025', 'Kim Myong Gi'], // KO TAE HUN
    ['KPi.077', 'Li Cheng He'], // RI SONG HYOK: Mandarin reading, no characters given
    ['KPi.073', 'Lui Wai Ming'], // PAK BONG NAM: Cantonese alias
  ])('%s: the alias %s stays a different name', (id, alias) => {
    const person = byId(people, id);
    expect(person.aliases).toContain(alias);
    expect(sameName(person.name, 'family-first', alias)).toBe(false);
  });

  it('unifies at least the 58 of 83 aliases measured (the rest are other names or readings)', () => {
    const aliases = people.flatMap((p) => p.aliases.map((alias) => ({ p, alias })));
    const unified = aliases.filter(({ p, alias }) => sameName(p.name, 'family-first', alias));
    expect(aliases).toHaveLength(83);
    expect(unified.length).toBeGreaterThanOrEqual(58);
  });
});

describe.skipIf(!existsSync(SHARED))('DPRK names on the real OFAC SDN list (sdn 2024-05-03 + alt 2025-12-24)', () => {
  const people = existsSync(SHARED) ? readOfacDprkIndividuals() : [];

  it('reads the 164 DPRK-program individuals', () => {
    expect(people).toHaveLength(164);
  });

  it.each([
    ['21305', "MIN, Pyo'ng-ch'o'l"],
    ['23013', 'RI, Eun Song'],
    ['46131', "CHANG, Myo' ng-ch'o' l"], // apostrophes followed by stray spaces
    ['24918', "PAK, Ch'in-hyo'k"], // PARK, Jin Hyok
    ['43616', 'CHOE, Unjong'],
    ['20120', 'CHOI, Bu-il'], // CHOE, Pu Il
    ['23089', 'KU, Seung Sub'], // KU, Sung Sop
    ['21304', 'KANG, Pil Hoon'], // KANG, P'il-Hun
    ['33936', "YI, Yo'ng-kil"], // RI, Yong Gil
  ])('%s: the primary name keys equal to its alias %s', (id, alias) => {
    const person = byId(people, id);
    expect(person.aliases).toContain(alias);
    expect(sameName(person.name, 'auto', alias)).toBe(true);
  });

  it('keeps the alias of another person apart (PARK Jin Hyok a.k.a. KIM Hyon U)', () => {
    const person = byId(people, '24918');
    expect(person.aliases).toContain('KIM, Hyon U');
    expect(sameName(person.name, 'auto', 'KIM, Hyon U')).toBe(false);
  });

  it('unifies at least the 119 of 159 aliases measured', () => {
    const aliases = people.flatMap((p) => p.aliases.map((alias) => ({ p, alias })));
    const unified = aliases.filter(({ p, alias }) => sameName(p.name, 'auto', alias));
    expect(aliases).toHaveLength(159);
    expect(unified.length).toBeGreaterThanOrEqual(119);
  });
});
