import { describe, expect, it } from 'vitest';
import { composeName, kindOfClass, Subject, subjectFactsOfEntity } from './subject.js';
import { fixtureEntities } from './test-support.js';
import { TokenTable } from './token-table.js';

const byId = new Map(fixtureEntities().map((e) => [e.id, e]));
const get = (id: string) => {
  const e = byId.get(id);
  if (!e) throw new Error(id);
  return e;
};

describe('subjectFactsOfEntity', () => {
  it('reads names, weak aliases, dates, countries and gender', () => {
    const f = subjectFactsOfEntity(get('un-6907995'));
    expect(f.names).toEqual(['GASTON IYAMUREMYE', 'Byiringiro Victor Rumuli', 'Victor Rumuri']);
    expect(f.weakNames).toEqual(['Rumuli']);
    expect(f.birthDates.map((d) => d.text)).toEqual(['1948']);
    expect(f.countries).toEqual(['rw']);
    expect(f.gender).toBe('male');
  });

  it('is enriched by its documents, addresses and wallets', () => {
    const f = subjectFactsOfEntity(get('ofac-43377'), {
      documents: [get('ofac-43377-passport-109420132')],
      addresses: [],
      wallets: [get('ofac-43377-wallet-eth-0xb6f5ec1a0a9cd1526536d3f0426c429529471f40')],
    });
    expect(f.identifiers).toContainEqual({ key: '109420132', raw: '109420132', prop: 'passportNumber' });
    expect(f.wallets.map((w) => w.raw)).toEqual(['0xb6f5ec1a0a9cd1526536d3f0426c429529471f40']);
    const ri = subjectFactsOfEntity(get('un-6908654'), { documents: [], addresses: [get('un-6908654-addr-1')], wallets: [] });
    expect(ri.countries).toEqual(['kp']);
  });
});

describe('Subject', () => {
  it('caches readings per kind', () => {
    const table = new TokenTable();
    const s = new Subject(subjectFactsOfEntity(get('ofac-20157')));
    expect(s.kind).toBe('person');
    expect(s.readings('person', table)).toBe(s.readings('person', table));
    expect(s.readings('person', table)[0]?.form).toBe('kim jong un');
  });

  it('maps schema classes to name kinds', () => {
    expect(['person', 'org', 'legal', 'vessel', 'wallet'].map((c) => kindOfClass(c as never))).toEqual(['person', 'org', 'org', 'object', 'object']);
  });

  it('composes names from their parts', () => {
    expect(composeName({ firstName: ['Sang'], middleName: ['Man'], lastName: ['KIM'] })).toBe('KIM, Sang Man');
    expect(composeName({ firstName: ['Sang'] })).toBe('Sang');
    expect(composeName({})).toBe('');
  });
});
