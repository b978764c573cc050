import { describe, expect, it } from 'vitest';
import type { FtmEntity } from '../../ftm/entity.js';
import { buildOfacCsvEntry, ofacTypeSchema, type OfacCsvBuildContext } from './csv-entities.js';
import { OfacParseReport } from './csv-report.js';
import type { OfacAddRow, OfacAltRow, OfacCsvEntry, OfacPrimaryRow } from './csv-set.js';
import { OfacNameIndex } from './links.js';

function primary(over: Partial<OfacPrimaryRow>): OfacPrimaryRow {
  return {
    entNum: '1',
    name: 'X',
    type: '',
    programs: ['DPRK3'],
    title: '',
    callSign: '',
    vesselType: '',
    tonnage: '',
    grossRegisteredTonnage: '',
    vesselFlag: '',
    vesselOwner: '',
    remarks: '',
    file: 'sdn.csv',
    line: 7,
    ...over,
  };
}

function entry(row: OfacPrimaryRow, more: { alts?: Partial<OfacAltRow>[]; addresses?: Partial<OfacAddRow>[] } = {}): OfacCsvEntry {
  const loc = { entNum: row.entNum, file: 'x.csv', line: 1 };
  return {
    primary: row,
    remarks: row.remarks,
    unjoinedComments: [],
    alts: (more.alts ?? []).map((a) => ({ altNum: '1', type: 'aka', name: '', remarks: '', ...loc, ...a })),
    addresses: (more.addresses ?? []).map((a) => ({ addNum: '1', address: '', cityStateZip: '', country: '', remarks: '', ...loc, ...a })),
  };
}

function context(names = new OfacNameIndex()): OfacCsvBuildContext {
  return {
    list: 'us_ofac_sdn',
    idPrefix: 'ofac',
    sourceUrl: 'https://example.org/SDN.CSV',
    publishedAt: '2024-05-03',
    names,
    report: new OfacParseReport(),
  };
}

const bySchema = (entities: FtmEntity[], schema: string) => entities.filter((e) => e.schema === schema);

describe('ofacTypeSchema', () => {
  it('maps the SDN types', () => {
    expect(['individual', 'vessel', 'aircraft', '', 'Individual', 'other'].map(ofacTypeSchema)).toEqual([
      'Person',
      'Vessel',
      'Airplane',
      'Organization',
      'Person',
      null,
    ]);
  });
});

describe('buildOfacCsvEntry', () => {
  it('builds a person with name parts, natural-order alias, position, sanction and passport', () => {
    const row = primary({
      entNum: '20130',
      name: 'KANG, Song Nam',
      type: 'individual',
      title: 'Bureau Director',
      remarks: 'DOB 28 Jul 1962; citizen Korea, North; Passport 654410025 (Korea, North) expires 14 Oct 2019; Bureau Director.',
    });
    const entities = buildOfacCsvEntry(entry(row, { alts: [{ type: 'aka', name: 'KANG, Song-nam' }, { type: 'fka', name: 'OLD NAME' }] }), context());
    const [person] = entities;
    expect(person).toMatchObject({
      id: 'ofac-20130',
      schema: 'Person',
      target: true,
      properties: {
        name: ['KANG, Song Nam'],
        lastName: ['KANG'],
        firstName: ['Song Nam'],
        alias: ['Song Nam KANG', 'KANG, Song-nam'],
        previousName: ['OLD NAME'],
        position: ['Bureau Director'],
        birthDate: ['1962-07-28'],
        citizenship: ['kp'],
        passportNumber: ['654410025'],
      },
      provenance: {
        list: 'us_ofac_sdn',
        entryId: '20130',
        programs: ['DPRK3'],
        publishedAt: '2024-05-03',
        file: 'sdn.csv',
        line: 7,
      },
    });
    // The title repeated in the remarks is not a second note.
    expect(person?.properties.notes).toBeUndefined();
    const [sanction] = bySchema(entities, 'Sanction');
    expect(sanction).toMatchObject({
      id: 'ofac-20130-sanction',
      target: false,
      properties: { entity: ['ofac-20130'], authority: ['Office of Foreign Assets Control'], program: ['DPRK3'], programId: ['DPRK3'] },
      provenance: { entryId: '20130' },
    });
    expect(bySchema(entities, 'Passport')).toEqual([
      expect.objectContaining({
        id: 'ofac-20130-passport-654410025',
        target: false,
        properties: expect.objectContaining({ holder: ['ofac-20130'], number: ['654410025'], country: ['kp'], endDate: ['2019-10-14'] }),
      }),
    ]);
  });

  it('does not add a natural-order alias to a name without a comma', () => {
    const [person] = buildOfacCsvEntry(entry(primary({ name: 'MUSTAFA HAMZA', type: 'individual' })), context());
    expect(person?.properties.alias).toBeUndefined();
    expect(person?.properties.lastName).toBeUndefined();
  });

  it('builds a vessel from the vessel columns, with the owner as a note', () => {
    const row = primary({
      entNum: '15047',
      name: 'DEVON',
      type: 'vessel',
      callSign: '9HEF9',
      vesselType: 'Crude Oil Tanker',
      tonnage: '299,500',
      grossRegisteredTonnage: '160,576',
      vesselFlag: "Democratic People's Republic of Korea",
      vesselOwner: 'NITC',
      remarks: 'Vessel Registration Identification IMO 9079107; DOB 1960.',
    });
    const [vessel] = buildOfacCsvEntry(entry(row), context());
    expect(vessel).toMatchObject({
      schema: 'Vessel',
      properties: {
        callSign: ['9HEF9'],
        type: ['Crude Oil Tanker'],
        tonnage: ['299500'],
        grossRegisteredTonnage: ['160576'],
        flag: ['kp'],
        imoNumber: ['IMO9079107'],
        notes: ['Vessel Owner: NITC', 'DOB 1960'],
      },
    });
  });

  it('makes an entity a Company only on evidence in the remarks', () => {
    const company = buildOfacCsvEntry(entry(primary({ remarks: 'Company Number IMO 5055293; ISIN KYG7114V1023.' })), context())[0];
    expect(company).toMatchObject({ schema: 'Company', properties: { imoNumber: ['IMO5055293'], isinCode: ['KYG7114V1023'] } });
    const org = buildOfacCsvEntry(entry(primary({ remarks: 'Target Type Government Entity.' })), context())[0];
    expect(org?.schema).toBe('Organization');
  });

  it('turns add.csv rows into Address entities and countries of the subject', () => {
    const entities = buildOfacCsvEntry(
      entry(primary({ entNum: '27307' }), {
        addresses: [
          { addNum: '41656', cityStateZip: 'Pyongyang', country: 'Korea, North' },
          { addNum: '2', country: 'China' },
          { addNum: '3', address: 'Street 1', country: 'Region: Kafia Kingi' },
        ],
      }),
      context(),
    );
    const [subject] = entities;
    expect(subject?.properties.country).toEqual(['kp', 'cn']);
    expect(subject?.properties.addressEntity).toEqual(['ofac-27307-addr-41656', 'ofac-27307-addr-3']);
    expect(bySchema(entities, 'Address').map((a) => a.properties)).toEqual([
      { city: ['Pyongyang'], country: ['kp'], full: ['Pyongyang, Korea, North'] },
      { street: ['Street 1'], region: ['Kafia Kingi'], full: ['Street 1'] },
    ]);
  });

  it('creates one wallet per address for a sanctioned holder, and links to listed entries', () => {
    const names = new OfacNameIndex();
    names.add('KOREA MINING DEVELOPMENT TRADING CORPORATION', { id: 'ofac-9345', legalEntity: true }, ['DPRK2']);
    const row = primary({
      entNum: '42496',
      name: 'WU, Huihui',
      type: 'individual',
      remarks:
        'Digital Currency Address - XBT 12jVCWW1ZhTLA5yVnroEJswqKwsfiZKsax; Linked To: KOREA MINING DEVELOPMENT TRADING CORPORATION; Linked To: NOBODY.',
    });
    const ctx = context(names);
    const entities = buildOfacCsvEntry(entry(row), ctx);
    expect(bySchema(entities, 'CryptoWallet')).toEqual([
      expect.objectContaining({
        target: true,
        properties: { publicKey: ['12jVCWW1ZhTLA5yVnroEJswqKwsfiZKsax'], currencySymbol: ['XBT'], holder: ['ofac-42496'] },
      }),
    ]);
    expect(bySchema(entities, 'UnknownLink').map((l) => l.properties)).toEqual([
      { subject: ['ofac-42496'], object: ['ofac-9345'], role: ['Linked To'] },
    ]);
    expect(entities[0]?.properties.notes).toEqual(['Linked To: NOBODY']);
    expect(ctx.report.warnings()).toEqual([expect.stringContaining('"NOBODY"')]);
  });

  it('keeps documents and wallets of a vessel as notes (FtM holders are legal entities)', () => {
    const entities = buildOfacCsvEntry(
      entry(primary({ type: 'vessel', remarks: 'Registration Number 123 (Panama); Digital Currency Address - ETH 0x0000000000000000000000000000000000000001' })),
      context(),
    );
    expect(entities.map((e) => e.schema)).toEqual(['Vessel', 'Sanction', 'CryptoWallet']);
    expect(entities[0]?.properties.registrationNumber).toEqual(['123']);
    expect(entities[0]?.properties.notes).toEqual([
      'Registration Number 123 (Panama)',
      'Digital Currency Address - ETH 0x0000000000000000000000000000000000000001',
    ]);
    expect(entities[2]?.properties.holder).toBeUndefined();
  });

  it('reads an unknown SDN type as a LegalEntity and reports it', () => {
    const ctx = context();
    const [subject] = buildOfacCsvEntry(entry(primary({ type: 'submarine' })), ctx);
    expect(subject?.schema).toBe('LegalEntity');
    expect(ctx.report.warnings()).toEqual(['unknown SDN_Type "submarine" (1×): read as LegalEntity']);
  });
});
