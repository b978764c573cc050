import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byId, inputError } from '../common/test-support/list-assertions.js';
import { memorySource } from '../source.js';
import type { ParsedList } from '../types.js';
import { describeHostileXmlInput } from '../xml/test-support/hostile-xml.js';
import { OFAC_SDN_ADVANCED_XML_URL, parseOfacAdvancedXml, sniffOfacAdvancedXml } from './parse-ofac-advanced-xml.js';
import { parseOfacXml } from './parse-ofac-xml.js';

const FIXTURE_TEXT = readFileSync(fileURLToPath(new URL('./fixtures/sdn-advanced-dprk.xml', import.meta.url)), 'utf8');
const SDN_XML_TEXT = readFileSync(fileURLToPath(new URL('./fixtures/sdn-dprk.xml', import.meta.url)), 'utf8');
const NS = 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML';

/** The fixture's reference value sets, with a few more values the inline tests use. */
const REFS = FIXTURE_TEXT.slice(FIXTURE_TEXT.indexOf('<ReferenceValueSets>'), FIXTURE_TEXT.indexOf('</ReferenceValueSets>'))
  .replace('<Script ID="215" ScriptCode="Latn">Latin</Script>', '<Script ID="215" ScriptCode="Latn">Latin</Script><Script ID="290" ScriptCode="Hang">Hangul</Script>')
  .replace('<FeatureType ID="1" ', '<FeatureType ID="900" FeatureTypeGroupID="1">Library Card Number</FeatureType><FeatureType ID="224" FeatureTypeGroupID="1">Gender</FeatureType><FeatureType ID="1" ')
  .replace('<IDRegDocType ID="1571">Passport</IDRegDocType>', '<IDRegDocType ID="1571">Passport</IDRegDocType><IDRegDocType ID="1640">Company Number</IDRegDocType>')
  .concat('</ReferenceValueSets>');

interface Sections {
  locations?: string;
  documents?: string;
  parties?: string;
  relations?: string;
  entries?: string;
  /** Sections in file order; the official order by default. */
  order?: (keyof Omit<Sections, 'order'>)[];
}

const SECTION_TAG = { locations: 'Locations', documents: 'IDRegDocuments', parties: 'DistinctParties', relations: 'ProfileRelationships', entries: 'SanctionsEntries' };

function advancedXml(sections: Sections): string {
  const order = sections.order ?? ['locations', 'documents', 'parties', 'relations', 'entries'];
  const body = order.map((key) => `<${SECTION_TAG[key]}>\n${sections[key] ?? ''}\n</${SECTION_TAG[key]}>`).join('\n');
  return `<?xml version="1.0" standalone="yes"?>
<Sanctions xmlns="${NS}">
<DateOfIssue CalendarTypeID="1"><Year>2024</Year><Month>5</Month><Day>3</Day></DateOfIssue>
${REFS}
${body}
</Sanctions>
`;
}

interface AliasSpec {
  type?: string;
  lowQuality?: boolean;
  /** Documented names, each a list of [NamePartTypeID, value]; more than one = several scripts. */
  names: [string, string][][];
}

let nextId = 1000;

/** A DistinctParty; the identity id is `id` + 500000. */
function party(id: number, subType: string, aliases: AliasSpec[], features = ''): string {
  const identity = id + 500000;
  const groups: string[] = [];
  const aliasXml = aliases.map((a, i) => {
    const names = a.names.map((parts, n) => {
      const values = parts.map(([partType, value]) => {
        const group = nextId++;
        groups.push(`<MasterNamePartGroup><NamePartGroup ID="${group}" NamePartTypeID="${partType}" /></MasterNamePartGroup>`);
        const script = /^[\x20-\x7e]*$/.test(value) ? '215' : '290';
        return `<DocumentedNamePart><NamePartValue NamePartGroupID="${group}" ScriptID="${script}" ScriptStatusID="1" Acronym="false">${value}</NamePartValue></DocumentedNamePart>`;
      });
      return `<DocumentedName ID="${nextId++}" FixedRef="${id}" DocNameStatusID="${n === 0 ? 1 : 2}">${values.join('')}</DocumentedName>`;
    });
    const primary = i === 0 && (a.type ?? '1403') === '1403';
    return `<Alias FixedRef="${id}" AliasTypeID="${a.type ?? '1403'}" Primary="${primary}" LowQuality="${a.lowQuality ?? false}">${names.join('')}</Alias>`;
  });
  return `<DistinctParty FixedRef="${id}"><Comment />
<Profile ID="${id}" PartySubTypeID="${subType}">
<Identity ID="${identity}" FixedRef="${id}" Primary="true" False="false">
${aliasXml.join('\n')}
<NamePartGroups>${groups.join('')}</NamePartGroups>
</Identity>
${features}
</Profile>
</DistinctParty>`;
}

function feature(typeId: string, version: string, reliability = '1'): string {
  return `<Feature ID="${nextId++}" FeatureTypeID="${typeId}"><FeatureVersion ID="${nextId++}" ReliabilityID="${reliability}"><Comment />${version}</FeatureVersion></Feature>`;
}

function sanctionsEntry(profileId: number, program: string): string {
  return `<SanctionsEntry ID="${profileId}" ProfileID="${profileId}" ListID="1550">
<EntryEvent ID="${profileId}" EntryEventTypeID="1" LegalBasisID="1"><Comment /><Date CalendarTypeID="1"><Year>2017</Year><Month>6</Month><Day>1</Day></Date></EntryEvent>
<SanctionsMeasure ID="${nextId++}" SanctionsTypeID="1"><Comment>${program}</Comment></SanctionsMeasure>
</SanctionsEntry>`;
}

const entity = (id: number, name: string, features = '') => party(id, '3', [{ names: [[['1525', name]]] }], features);

function parse(text: string | Uint8Array, name = 'SDN_ADVANCED.XML'): Promise<ParsedList> {
  return parseOfacAdvancedXml([memorySource(name, text)], {});
}

describe('parseOfacAdvancedXml on the DPRK fixture', async () => {
  const list = await parse(FIXTURE_TEXT, 'sdn-advanced-dprk.xml');
  const sdnXml = await parseOfacXml([memorySource('sdn-dprk.xml', SDN_XML_TEXT)], {});

  it('reads the date of issue, list and format, with nothing left unmapped', () => {
    expect(list).toMatchObject({ list: 'us_ofac_sdn', format: 'ofac-advanced-xml', publishedAt: '2024-05-03', sourceUrl: OFAC_SDN_ADVANCED_XML_URL });
    expect(list.warnings).toEqual([]);
  });

  it('yields the same entity ids as SDN.XML for the same entries', () => {
    expect(list.entities.map((e) => e.id).sort()).toEqual(sdnXml.entities.map((e) => e.id).sort());
  });

  it('maps subjects, documents, addresses and wallets exactly as SDN.XML does', () => {
    for (const fromXml of sdnXml.entities) {
      if (fromXml.schema === 'Sanction' || fromXml.schema === 'UnknownLink') continue;
      const fromAdvanced = byId(list, fromXml.id);
      expect({ schema: fromAdvanced.schema, target: fromAdvanced.target, properties: fromAdvanced.properties }, fromXml.id).toEqual({
        schema: fromXml.schema,
        target: fromXml.target,
        properties: fromXml.properties,
      });
    }
  });

  it('maps a DPRK person with a North Korean passport and keeps the listing date', () => {
    expect(byId(list, 'ofac-17616').properties).toMatchObject({ name: ['RYU, Jin'], nationality: ['kp'], passportNumber: ['563410081'] });
    expect(byId(list, 'ofac-17616-passport-563410081').properties.country).toEqual(['kp']);
    expect(byId(list, 'ofac-17616').provenance).toEqual({
      list: 'us_ofac_sdn',
      entryId: '17616',
      programs: ['DPRK2'],
      listingDate: '2016-03-02',
      publishedAt: '2024-05-03',
      sourceUrl: OFAC_SDN_ADVANCED_XML_URL,
      file: 'sdn-advanced-dprk.xml',
      line: FIXTURE_TEXT.slice(0, FIXTURE_TEXT.indexOf('<Profile ID="17616"')).split('\n').length,
    });
  });

  it('maps a vessel with IMO number and flag, and an entity with an ETH address and weak aliases', () => {
    expect(byId(list, 'ofac-17069').properties).toMatchObject({ imoNumber: ['IMO7937317'], flag: ['kp'], type: ['General Cargo'] });
    expect(byId(list, 'ofac-27307').properties.weakAlias).toEqual(['HIDDEN COBRA', 'GUARDIANS OF PEACE']);
    expect(byId(list, 'ofac-27307-wallet-eth-0x098b716b8aaf21512996dc57eb0615e2383e2f96').properties.publicKey).toEqual([
      '0x098b716b8aaf21512996dc57eb0615e2383e2f96',
    ]);
  });

  it('puts the sanctions entry on the Sanction: programmes, listing date, legal basis, measures, list', () => {
    expect(byId(list, 'ofac-12210-sanction').properties).toMatchObject({
      program: ['DPRK', 'DPRK2'],
      programId: ['DPRK', 'DPRK2'],
      listingDate: ['2015-01-02'],
      reason: ['EO13687'],
      provisions: ['Block'],
      description: ['SDN List'],
    });
  });

  it('makes a profile relationship an UnknownLink with OFAC’s relation type as its role', () => {
    expect(byId(list, 'ofac-27307-link-ofac-12210').properties).toEqual({ subject: ['ofac-27307'], object: ['ofac-12210'], role: ['Associate Of'] });
  });
});

describe('parseOfacAdvancedXml mapping rules', () => {
  it('reads aliases by type and quality, and a name in another script as an alias', async () => {
    const list = await parse(
      advancedXml({
        parties: party(101, '4', [
          { names: [[['1520', 'KIM'], ['1521', 'Su'], ['1522', 'Il']], [['1520', '김'], ['1521', '수일']]] },
          { type: '1401', names: [[['1520', 'RI'], ['1521', 'Su Il']]] },
          { type: '1402', names: [[['1520', 'PAK'], ['1521', 'Su']]] },
          { type: '1400', lowQuality: true, names: [[['1521', 'Big Kim']]] },
        ]),
        entries: sanctionsEntry(101, 'DPRK'),
      }),
    );
    expect(byId(list, 'ofac-101').properties).toMatchObject({
      name: ['KIM, Su Il'],
      lastName: ['KIM'],
      firstName: ['Su'],
      middleName: ['Il'],
      alias: ['Su Il KIM', '김, 수일', 'PAK, Su'],
      previousName: ['RI, Su Il'],
      weakAlias: ['Big Kim'],
    });
  });

  it('reads documents with dates and validity, and joins them when their section comes after the parties', async () => {
    const documents = `<IDRegDocument ID="1" IDRegDocTypeID="1571" IdentityID="500102" IssuedBy-CountryID="11170" ValidityID="2">
<Comment>forged</Comment><IDRegistrationNo>745310010</IDRegistrationNo><IssuingAuthority>Ministry of Foreign Affairs</IssuingAuthority>
<DocumentDate IDRegDocDateTypeID="1480"><DatePeriod CalendarTypeID="1" YearFixed="false" MonthFixed="false" DayFixed="false">
<Start Approximate="false" YearFixed="false" MonthFixed="false" DayFixed="false"><From><Year>2013</Year><Month>4</Month><Day>2</Day></From><To><Year>2013</Year><Month>4</Month><Day>2</Day></To></Start>
<End Approximate="false" YearFixed="false" MonthFixed="false" DayFixed="false"><From><Year>2013</Year><Month>4</Month><Day>2</Day></From><To><Year>2013</Year><Month>4</Month><Day>2</Day></To></End>
</DatePeriod></DocumentDate>
<DocumentDate IDRegDocDateTypeID="1481"><DatePeriod CalendarTypeID="1" YearFixed="false" MonthFixed="false" DayFixed="false">
<Start Approximate="false" YearFixed="false" MonthFixed="false" DayFixed="false"><From><Year>2018</Year><Month>4</Month><Day>2</Day></From><To><Year>2018</Year><Month>4</Month><Day>2</Day></To></Start>
<End Approximate="false" YearFixed="false" MonthFixed="false" DayFixed="false"><From><Year>2018</Year><Month>4</Month><Day>2</Day></From><To><Year>2018</Year><Month>4</Month><Day>2</Day></To></End>
</DatePeriod></DocumentDate>
</IDRegDocument>`;
    const list = await parse(
      advancedXml({
        parties: party(102, '4', [{ names: [[['1520', 'CHOE'], ['1521', 'Chun Yong']]] }]),
        documents,
        entries: sanctionsEntry(102, 'DPRK2'),
        order: ['locations', 'parties', 'documents', 'relations', 'entries'],
      }),
    );
    expect(byId(list, 'ofac-102-passport-745310010').properties).toEqual({
      holder: ['ofac-102'],
      type: ['Passport'],
      number: ['745310010'],
      country: ['kp'],
      authority: ['Ministry of Foreign Affairs'],
      summary: ['forged; validity: Fraudulent'],
      passportNumber: ['745310010'],
      startDate: ['2013-04-02'],
      endDate: ['2018-04-02'],
    });
  });

  it('writes a location with all its parts as an address', async () => {
    const part = (type: string, value: string) =>
      `<LocationPart LocPartTypeID="${type}"><LocationPartValue Primary="true" LocPartValueTypeID="1" LocPartValueStatusID="1"><Comment /><Value>${value}</Value></LocationPartValue></LocationPart>`;
    const list = await parse(
      advancedXml({
        locations: `<Location ID="555"><LocationCountry CountryID="11082" CountryRelevanceID="1413" />${part('1451', 'Room 1203')}${part('1452', 'Building 3')}${part('1454', 'Dandong')}${part('1455', 'Liaoning')}${part('1456', '118000')}</Location>`,
        parties: entity(103, 'DANDONG TRADING CO', feature('25', '<VersionLocation LocationID="555" />')),
        entries: sanctionsEntry(103, 'DPRK3'),
      }),
    );
    expect(byId(list, 'ofac-103-addr-555').properties).toEqual({
      full: ['Room 1203, Building 3, Dandong, Liaoning 118000, China'],
      street: ['Room 1203'],
      street2: ['Building 3'],
      city: ['Dandong'],
      state: ['Liaoning'],
      postalCode: ['118000'],
      country: ['cn'],
    });
    expect(byId(list, 'ofac-103').properties.country).toEqual(['cn']);
  });

  it('notes values OFAC marks as false instead of applying them, and keeps unknown feature types as notes', async () => {
    const list = await parse(
      advancedXml({
        parties: party(
          104,
          '4',
          [{ names: [[['1520', 'JANG'], ['1521', 'Song Taek']]] }],
          feature('224', '<VersionDetail DetailTypeID="1431" DetailReferenceID="91526" />') +
            feature('9', '<VersionDetail DetailTypeID="1433">Hamhung</VersionDetail>', '1561') +
            feature('900', '<VersionDetail DetailTypeID="1433">LC-7</VersionDetail>'),
        ),
        entries: sanctionsEntry(104, 'DPRK'),
      }),
    );
    expect(byId(list, 'ofac-104').properties).toMatchObject({
      gender: ['male'],
      notes: ['Place of Birth (reported false): Hamhung', 'Library Card Number LC-7'],
    });
    expect(byId(list, 'ofac-104').properties.birthPlace).toBeUndefined();
    expect(list.warnings.join()).toMatch(/unknown OFAC field type "Library Card Number": kept as a note/);
  });

  it('makes an entity with a company registry document a Company', async () => {
    const list = await parse(
      advancedXml({
        documents: `<IDRegDocument ID="2" IDRegDocTypeID="1640" IdentityID="500105" ValidityID="1"><Comment /><IDRegistrationNo>C-123</IDRegistrationNo><IssuingAuthority /></IDRegDocument>`,
        parties: entity(105, 'KOREA SHIPPING LTD'),
        entries: sanctionsEntry(105, 'DPRK4'),
      }),
    );
    expect(byId(list, 'ofac-105')).toMatchObject({ schema: 'Company', properties: { registrationNumber: ['C-123'] } });
  });

  it('warns about a profile that has no sanctions entry', async () => {
    const list = await parse(advancedXml({ parties: entity(106, 'ORPHAN') }));
    expect(list.warnings.join()).toMatch(/a profile without a <SanctionsEntry>/);
    expect(byId(list, 'ofac-106').provenance?.programs).toEqual([]);
  });
});

/** Attributes whose values point at something the file must define, and an element they sit on. */
const CHECKED_REFERENCES: [string, string][] = [
  ['Alias', 'AliasTypeID'],
  ['Profile', 'PartySubTypeID'],
  ['Feature', 'FeatureTypeID'],
  ['NamePartGroup', 'NamePartTypeID'],
  ['NamePartValue', 'NamePartGroupID'],
  ['NamePartValue', 'ScriptID'],
  ['DocumentedName', 'DocNameStatusID'],
  ['FeatureVersion', 'ReliabilityID'],
  ['VersionDetail', 'DetailTypeID'],
  ['VersionDetail', 'DetailReferenceID'],
  ['VersionLocation', 'LocationID'],
  ['IdentityReference', 'IdentityID'],
  ['LocationCountry', 'CountryID'],
  ['LocationAreaCode', 'AreaCodeID'],
  ['LocationPart', 'LocPartTypeID'],
  ['IDRegDocument', 'IDRegDocTypeID'],
  ['IDRegDocument', 'IdentityID'],
  ['IDRegDocument', 'IssuedBy-CountryID'],
  ['IDRegDocument', 'ValidityID'],
  ['SanctionsEntry', 'ProfileID'],
  ['SanctionsEntry', 'ListID'],
  ['EntryEvent', 'LegalBasisID'],
  ['EntryEvent', 'EntryEventTypeID'],
  ['SanctionsMeasure', 'SanctionsTypeID'],
  ['ProfileRelationship', 'From-ProfileID'],
  ['ProfileRelationship', 'To-ProfileID'],
  ['ProfileRelationship', 'RelationTypeID'],
];

/** Every place in the data sections (after the reference values) where `element` carries `attr`. */
function occurrences(element: string, attr: string): { at: number; length: number; line: number }[] {
  const start = FIXTURE_TEXT.indexOf('</ReferenceValueSets>');
  const re = new RegExp(`<${element}\\b[^>]*?\\s${attr}="([^"]*)"`, 'g');
  const out: { at: number; length: number; line: number }[] = [];
  for (const m of FIXTURE_TEXT.slice(start).matchAll(re)) {
    const value = m[1] ?? '';
    const at = start + (m.index ?? 0) + m[0].length - value.length - 1;
    out.push({ at, length: value.length, line: FIXTURE_TEXT.slice(0, at).split('\n').length });
  }
  return out;
}

describe('parseOfacAdvancedXml refuses bad input with the file and line', () => {
  it('fixture has every checked reference at least once', () => {
    for (const [element, attr] of CHECKED_REFERENCES) expect(occurrences(element, attr).length, `${element} ${attr}`).toBeGreaterThan(0);
  });

  it('refuses any id that points at nothing, naming the line and the attribute', async () => {
    const cases = CHECKED_REFERENCES.flatMap(([element, attr]) => occurrences(element, attr).map((o) => ({ ...o, attr })));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cases), fc.integer({ min: 7_000_000, max: 7_999_999 }), async (c, unknownId) => {
        const text = FIXTURE_TEXT.slice(0, c.at) + String(unknownId) + FIXTURE_TEXT.slice(c.at + c.length);
        const err = await inputError(parse(text, 'sdn-advanced-dprk.xml'));
        expect(err.source).toBe('sdn-advanced-dprk.xml');
        expect(err.field).toBe(c.attr);
        expect(err.line).toBe(c.line);
        expect(err.message).toContain(String(unknownId));
      }),
      { numRuns: 120 },
    );
  });

  it('refuses data that comes before the reference values', async () => {
    const text = FIXTURE_TEXT.replace(/<Locations>[\s\S]*<\/Locations>/, '').replace('<ReferenceValueSets>', `${FIXTURE_TEXT.match(/<Locations>[\s\S]*<\/Locations>/)?.[0]}\n<ReferenceValueSets>`);
    expect((await inputError(parse(text))).message).toMatch(/comes before <ReferenceValueSets>/);
  });

  it('refuses a profile id used twice and a date that is not a number', async () => {
    const twice = advancedXml({ parties: entity(107, 'A') + entity(107, 'B') });
    expect((await inputError(parse(twice))).message).toMatch(/Profile ID 107 appears twice/);
    const badYear = FIXTURE_TEXT.replace('<Year>1947</Year>', '<Year>19x7</Year>');
    const err = await inputError(parse(badYear));
    expect(err.field).toBe('Year');
    expect(err.line).toBe(FIXTURE_TEXT.slice(0, FIXTURE_TEXT.indexOf('<Year>1947</Year>')).split('\n').length);
  });

});

describeHostileXmlInput('parseOfacAdvancedXml', {
  parse: (src) => parseOfacAdvancedXml([src], {}),
  format: 'ofac-advanced-xml',
  fileName: 'sdn-advanced-dprk.xml',
  valid: FIXTURE_TEXT,
  root: 'Sanctions',
  openTextNode: advancedXml({}).replace('</Sanctions>', '').replace(/<\/DistinctParties>[\s\S]*$/, '<DistinctParty><Comment>'),
  numRuns: 80,
});

describe('sniffOfacAdvancedXml', () => {
  it('recognises SDN_ADVANCED.XML and not SDN.XML', () => {
    expect(sniffOfacAdvancedXml(FIXTURE_TEXT.slice(0, 4096), 'x.xml')).toBe(true);
    expect(sniffOfacAdvancedXml('<Sanctions>\n<DateOfIssue>', 'x.xml')).toBe(true);
    expect(sniffOfacAdvancedXml(SDN_XML_TEXT.slice(0, 4096), 'SDN_ADVANCED.XML')).toBe(false);
    expect(sniffOfacAdvancedXml('<Sanctions><Sanction/></Sanctions>', 'eu.xml')).toBe(false);
  });
});
