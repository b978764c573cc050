import { describe, expect, it } from 'vitest';
import { WarningTally } from '../common/warning-tally.js';
import { CountryMapper } from './ofac-countries.js';
import { buildOfacEntries, composeName, OfacEntry, type OfacContext } from './ofac-entry.js';

function context(): OfacContext {
  return {
    list: 'us_ofac_sdn',
    idPrefix: 'ofac',
    file: 'SDN.XML',
    sourceUrl: 'https://example.test/SDN.XML',
    publishedAt: '2024-05-03',
    countries: new CountryMapper(),
    warnings: new WarningTally(),
  };
}

describe('composeName', () => {
  it('writes people as "LAST, Given" and takes full names as they are', () => {
    expect(composeName({ last: 'KIM', given: ['Jong', 'Un'] })).toBe('KIM, Jong Un');
    expect(composeName({ last: 'KIM' })).toBe('KIM');
    expect(composeName({ given: ['Jin'] })).toBe('Jin');
    expect(composeName({ full: '  OCEAN   MARITIME ', last: 'X' })).toBe('OCEAN MARITIME');
    expect(composeName({ given: [' '] })).toBeUndefined();
  });
});

describe('OfacEntry', () => {
  it('puts a nationality of an organisation or vessel in country', () => {
    const ctx = context();
    const org = new OfacEntry(ctx, '1', 'Organization', 1);
    org.addName('primary', false, { full: 'KOREA TANGUN TRADING CORPORATION' }, 1);
    org.applyField('Nationality Country', { text: 'Korea, North' }, 2, 'note');
    expect(org.build({ byName: () => null, byUid: () => null })[0]?.properties.country).toEqual(['kp']);
  });

  it('keeps wallets and documents of a vessel as notes, since a vessel cannot hold them', () => {
    const ctx = context();
    const vessel = new OfacEntry(ctx, '2', 'Vessel', 1);
    vessel.addName('primary', false, { full: 'SEA STAR' }, 1);
    vessel.applyField('Digital Currency Address - ETH', { text: '0x098B716B8Aaf21512996dC57EB0615e2383E2f96' }, 2, 'note');
    vessel.applyField('Passport', { text: 'P123' }, 3, 'document');
    const entities = buildOfacEntries([vessel]);
    const wallet = entities.find((e) => e.schema === 'CryptoWallet');
    expect(wallet?.properties.holder).toBeUndefined();
    expect(entities.find((e) => e.id === 'ofac-2')?.properties.notes).toEqual([
      'Passport P123',
      'Digital Currency Address - ETH 0x098B716B8Aaf21512996dC57EB0615e2383E2f96',
    ]);
    expect(ctx.warnings.list('SDN.XML')).toEqual(['SDN.XML:3: a Vessel cannot hold a "Passport" document: kept as a note']);
  });

  it('keeps an IMO number that is not one as a note, with a warning', () => {
    const ctx = context();
    const person = new OfacEntry(ctx, '3', 'Person', 1);
    person.addName('primary', false, { last: 'RI', given: ['Chol'] }, 1);
    person.applyField('Vessel Registration Identification', { text: 'IMO 7937317' }, 2, 'document');
    const vessel = new OfacEntry(ctx, '4', 'Vessel', 5);
    vessel.addName('primary', false, { full: 'X' }, 5);
    vessel.applyField('Vessel Registration Identification', { text: 'IMO 12' }, 6, 'document');
    const [p, , v] = [...person.build({ byName: () => null, byUid: () => null }), ...vessel.build({ byName: () => null, byUid: () => null })];
    expect(p?.properties.notes).toEqual(['Vessel Registration Identification IMO 7937317']);
    expect(v?.properties.imoNumber).toBeUndefined();
    expect(ctx.warnings.list('SDN.XML')).toHaveLength(2);
  });

  it('links to another entry by uid, turning the link so that a legal entity is its subject', () => {
    const ctx = context();
    const vessel = new OfacEntry(ctx, '5', 'Vessel', 1);
    vessel.addName('primary', false, { full: 'SEA STAR' }, 1);
    vessel.addLink('6', 'Owned or Controlled By', true, 'since 2017');
    const owner = new OfacEntry(ctx, '6', 'Organization', 2);
    owner.addName('primary', false, { full: 'OCEAN MARITIME' }, 2);
    const link = buildOfacEntries([vessel, owner]).find((e) => e.schema === 'UnknownLink');
    expect(link).toMatchObject({
      id: 'ofac-5-link-ofac-6',
      target: false,
      properties: { subject: ['ofac-6'], object: ['ofac-5'], role: ['Owned or Controlled By'], status: ['former'], summary: ['since 2017'] },
    });
    expect(link?.provenance?.entryId).toBe('5');
  });
});
