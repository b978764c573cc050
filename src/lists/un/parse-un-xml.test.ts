import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import type { FtmEntity } from '../../ftm/entity.js';
import { fileSource, memorySource } from '../source.js';
import type { ParsedList } from '../types.js';
import { UN_DEFAULT_LIST, UN_DEFAULT_SOURCE_URL, parseUnXml, sniffUnXml } from './parse-un-xml.js';
import { UN_DATE_GENERATED, byId, entity, individual, lineOf, parseXml, prop, unDocument } from './test-support.js';

const SHARED = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const UN_FILE = `${SHARED}lists/un/UN_consolidated_2026-02-27.xml`;

async function parseError(xml: string): Promise<InputError> {
  const err = await parseXml(xml).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  return err as InputError;
}

describe('parseUnXml: list-level fields', () => {
  it('takes publishedAt from dateGenerated and applies the default list name and source URL', async () => {
    const parsed = await parseXml(unDocument([individual('1', 'KPi.001')]));
    expect(parsed).toMatchObject({ list: UN_DEFAULT_LIST, format: 'un-xml', publishedAt: UN_DATE_GENERATED, sourceUrl: UN_DEFAULT_SOURCE_URL });
    expect(parsed.warnings).toEqual([]);
  });

  it('uses the list name and source URL given in the options everywhere', async () => {
    const parsed = await parseUnXml([memorySource('x.xml', unDocument([individual('1', 'KPi.001')]))], {
      list: 'un_test',
      sourceUrl: 'https://example.org/un.xml',
    });
    expect(parsed.list).toBe('un_test');
    for (const e of parsed.entities) {
      expect(e.datasets).toEqual(['un_test']);
      expect(e.provenance).toMatchObject({ list: 'un_test', sourceUrl: 'https://example.org/un.xml', file: 'x.xml' });
    }
  });

  it('reports a missing dateGenerated and leaves publishedAt null', async () => {
    const parsed = await parseXml(unDocument([individual('1', 'KPi.001')], [], ''));
    expect(parsed.publishedAt).toBeNull();
    expect(parsed.warnings.join('\n')).toMatch(/no dateGenerated/);
  });

  it('refuses more or fewer than one file', async () => {
    await expect(parseUnXml([], {})).rejects.toThrow(InputError);
    const doc = unDocument([individual('1', 'KPi.001')]);
    await expect(parseUnXml([memorySource('a.xml', doc), memorySource('b.xml', doc)], {})).rejects.toThrow(/exactly one file/);
  });
});

describe('parseUnXml: individuals', () => {
  it('maps a person: name parts, provenance, Sanction and target flags', async () => {
    const body = `<COMMENTS1>Deputy Director.</COMMENTS1>
      <DESIGNATION><VALUE>Deputy Director of the Munitions Industry Department</VALUE></DESIGNATION>
      <TITLE><VALUE>General</VALUE></TITLE>
      <GENDER>Male</GENDER>
      <NATIONALITY><VALUE>Democratic People's Republic of Korea</VALUE></NATIONALITY>
      <LAST_DAY_UPDATED><VALUE>2016-10-13</VALUE><VALUE>2019-01-02</VALUE><VALUE/></LAST_DAY_UPDATED>`;
    const names = '<FIRST_NAME>RI</FIRST_NAME><SECOND_NAME>CHUN</SECOND_NAME><THIRD_NAME>SONG</THIRD_NAME><FOURTH_NAME>IL</FOURTH_NAME>';
    const parsed = await parseXml(unDocument([individual('6908653', 'KPi.075', body, names)]));
    const person = byId(parsed, 'un-6908653');
    expect(person).toMatchObject({ schema: 'Person', target: true, datasets: ['un_sc'], caption: 'RI CHUN SONG IL' });
    expect(person.properties).toMatchObject({
      name: ['RI CHUN SONG IL'],
      firstName: ['RI'],
      secondName: ['CHUN'],
      middleName: ['SONG', 'IL'],
      title: ['General'],
      position: ['Deputy Director of the Munitions Industry Department'],
      gender: ['male'],
      nationality: ['kp'],
      notes: ['Deputy Director.'],
    });
    expect(person.provenance).toEqual({
      list: 'un_sc',
      entryId: 'KPi.075',
      programs: ['UN-DPRK'],
      listingDate: '2017-12-22',
      publishedAt: UN_DATE_GENERATED,
      sourceUrl: UN_DEFAULT_SOURCE_URL,
      file: 'un.xml',
      line: 4,
    });
    const sanction = byId(parsed, 'un-6908653-sanction');
    expect(sanction).toMatchObject({ schema: 'Sanction', target: false, provenance: person.provenance });
    expect(sanction.properties).toEqual({
      entity: ['un-6908653'],
      authority: ['United Nations Security Council'],
      program: ['UN-DPRK'],
      programId: ['KPi.075'],
      unscId: ['KPi.075'],
      listingDate: ['2017-12-22'],
      modifiedAt: ['2019-01-02'],
      sourceUrl: [UN_DEFAULT_SOURCE_URL],
      reason: ['Deputy Director.'],
    });
  });

  it('keeps names exactly as written, with both apostrophe forms', async () => {
    const names = "<FIRST_NAME>CH'OE</FIRST_NAME><SECOND_NAME>SO’K MIN</SECOND_NAME>";
    const alias = '<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Kim Cho’ng-sik</ALIAS_NAME></INDIVIDUAL_ALIAS>';
    const parsed = await parseXml(unDocument([individual('1', 'KPi.064', alias, names)]));
    expect(prop(byId(parsed, 'un-1'), 'name')).toEqual(["CH'OE SO’K MIN"]);
    expect(prop(byId(parsed, 'un-1'), 'alias')).toEqual(['Kim Cho’ng-sik']);
  });

  it('maps alias quality: Good → alias, Low → weakAlias, f.k.a. → previousName, original script → alias', async () => {
    const body = `<NAME_ORIGINAL_SCRIPT>김정식</NAME_ORIGINAL_SCRIPT>
      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Kim Chong Sik</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Jong</ALIAS_NAME><NOTE>nom de guerre</NOTE></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>Kim Old</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>`;
    const parsed = await parseXml(unDocument([individual('1', 'KPi.066', body)]));
    const person = byId(parsed, 'un-1');
    expect(prop(person, 'alias')).toEqual(['김정식', 'Kim Chong Sik']);
    expect(prop(person, 'weakAlias')).toEqual(['Jong']);
    expect(prop(person, 'previousName')).toEqual(['Kim Old']);
    expect(prop(person, 'notes')).toEqual(['alias "Jong": nom de guerre']);
    expect(parsed.warnings).toEqual([]);
  });

  it('keeps an alias of unknown quality as an alias and reports the quality', async () => {
    const body = '<INDIVIDUAL_ALIAS><QUALITY>Medium</QUALITY><ALIAS_NAME>Kim Medium</ALIAS_NAME></INDIVIDUAL_ALIAS>';
    const xml = unDocument([individual('1', 'KPi.066', body)]);
    const parsed = await parseXml(xml);
    expect(prop(byId(parsed, 'un-1'), 'alias')).toEqual(['Kim Medium']);
    expect(parsed.warnings).toEqual([`un.xml:${lineOf(xml, 'Medium')}: alias QUALITY "Medium" is not known; the name is kept as an alias`]);
  });

  it('keeps the birth data of an alias on the person and explains it in the notes', async () => {
    const body = `<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Abu Ali</ALIAS_NAME>
      <DATE_OF_BIRTH>1979-12-31</DATE_OF_BIRTH><CITY_OF_BIRTH>Baghdad</CITY_OF_BIRTH><COUNTRY_OF_BIRTH>Iraq</COUNTRY_OF_BIRTH>
      </INDIVIDUAL_ALIAS>`;
    const person = byId(await parseXml(unDocument([individual('1', 'QDi.1', body)])), 'un-1');
    expect(person.properties).toMatchObject({
      alias: ['Abu Ali'],
      birthDate: ['1979-12-31'],
      birthPlace: ['Baghdad, Iraq'],
      birthCountry: ['iq'],
      notes: ['alias "Abu Ali": born 1979-12-31 in Baghdad, Iraq'],
    });
  });

  it.each([
    ['EXACT date', '<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1964-06-18</DATE>', ['1964-06-18'], []],
    ['EXACT year', '<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>1938</YEAR>', ['1938'], []],
    ['APPROXIMATELY year', '<TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE><YEAR>1977</YEAR>', ['1977'], ['born approximately 1977']],
    [
      'BETWEEN range',
      '<TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1960</FROM_YEAR><TO_YEAR>1962</TO_YEAR>',
      ['1960', '1961', '1962'],
      ['born between 1960 and 1962'],
    ],
    [
      'BETWEEN range with a note',
      '<TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1955</FROM_YEAR><TO_YEAR>1958</TO_YEAR><NOTE>Approximately</NOTE>',
      ['1955', '1956', '1957', '1958'],
      ['born between 1955 and 1958 (Approximately)'],
    ],
    ['a note only', '<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><NOTE>Nov. 1973 </NOTE>', [], ['date of birth: Nov. 1973']],
    ['an empty placeholder', '<TYPE_OF_DATE/>', [], []],
  ])('maps a date of birth given as %s', async (_label, dob, dates, notes) => {
    const body = `<INDIVIDUAL_DATE_OF_BIRTH>${dob}</INDIVIDUAL_DATE_OF_BIRTH>`;
    const parsed = await parseXml(unDocument([individual('1', 'KPi.066', body)]));
    const person = byId(parsed, 'un-1');
    expect(prop(person, 'birthDate')).toEqual(dates);
    expect(prop(person, 'notes')).toEqual(notes);
    expect(parsed.warnings).toEqual([]);
  });

  it('keeps every date of birth of a person with several', async () => {
    const body = `<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1968-02-19</DATE></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>1965</YEAR></INDIVIDUAL_DATE_OF_BIRTH>`;
    const person = byId(await parseXml(unDocument([individual('1', 'KPi.007', body)])), 'un-1');
    expect(prop(person, 'birthDate')).toEqual(['1968-02-19', '1965']);
  });

  it('keeps only the ends of a reversed range and an unreadable DATE in the notes, with warnings', async () => {
    const body = `<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1970</FROM_YEAR><TO_YEAR>1960</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>31/12/1960</DATE></INDIVIDUAL_DATE_OF_BIRTH>`;
    const parsed = await parseXml(unDocument([individual('1', 'KPi.066', body)]));
    const person = byId(parsed, 'un-1');
    expect(prop(person, 'birthDate')).toEqual(['1970', '1960']);
    expect(prop(person, 'notes')).toEqual(['born between 1970 and 1960', 'born 31/12/1960']);
    expect(parsed.warnings).toHaveLength(2);
    expect(parsed.warnings[0]).toMatch(/reversed/);
    expect(parsed.warnings[1]).toMatch(/DATE "31\/12\/1960" is not a date/);
  });

  it('maps places of birth to birthPlace and birthCountry', async () => {
    const body = `<INDIVIDUAL_PLACE_OF_BIRTH><CITY>Kaesong</CITY><COUNTRY>Democratic People's Republic of Korea</COUNTRY></INDIVIDUAL_PLACE_OF_BIRTH>
      <INDIVIDUAL_PLACE_OF_BIRTH><NOTE>possibly Sabratha</NOTE></INDIVIDUAL_PLACE_OF_BIRTH>
      <INDIVIDUAL_PLACE_OF_BIRTH><COUNTRY/></INDIVIDUAL_PLACE_OF_BIRTH>`;
    const person = byId(await parseXml(unDocument([individual('1', 'KPi.006', body)])), 'un-1');
    expect(prop(person, 'birthPlace')).toEqual(["Kaesong, Democratic People's Republic of Korea", 'possibly Sabratha']);
    expect(prop(person, 'birthCountry')).toEqual(['kp']);
  });

  it('takes the gender from "Gender: male" in COMMENTS1 when there is no GENDER element', async () => {
    const person = byId(await parseXml(unDocument([individual('1', 'KPi.066', '<COMMENTS1>Gender: male</COMMENTS1>')])), 'un-1');
    expect(prop(person, 'gender')).toEqual(['male']);
  });

  it('reads a GENDER spelled like an Object member as no gender, kept in the notes', async () => {
    for (const gender of ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf']) {
      const parsed = await parseXml(unDocument([individual('1', 'KPi.066', `<GENDER>${gender}</GENDER>`)]));
      const person = byId(parsed, 'un-1');
      expect(prop(person, 'gender')).toEqual([]);
      expect(prop(person, 'notes')).toEqual([`gender: ${gender}`]);
      expect(parsed.warnings.join('\n')).toContain(`GENDER "${gender}" is not male or female`);
    }
  });
});

describe('parseUnXml: identity documents', () => {
  it('folds one passport repeated in French, Spanish and English into one Passport entity', async () => {
    const doc = (type: string, note = '') =>
      `<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>${type}</TYPE_OF_DOCUMENT><NUMBER>381420754</NUMBER><DATE_OF_ISSUE>2011-12-07</DATE_OF_ISSUE>${note}</INDIVIDUAL_DOCUMENT>`;
    const body = [doc('Numéro de passeport '), doc('Número de pasaporte'), doc('Passport', '<NOTE>Expires on 7 Dec. 2016</NOTE>')].join('\n');
    const parsed = await parseXml(unDocument([individual('690747', 'KPi.006', body)]));
    const passports = parsed.entities.filter((e) => e.schema === 'Passport');
    expect(passports.map((p) => p.id)).toEqual(['un-690747-passport-381420754']);
    expect(passports[0]).toMatchObject({ target: false, provenance: { entryId: 'KPi.006' } });
    expect(passports[0]?.properties).toEqual({
      holder: ['un-690747'],
      number: ['381420754'],
      type: ['Passport'],
      startDate: ['2011-12-07'],
      summary: ['Expires on 7 Dec. 2016'],
    });
    expect(prop(byId(parsed, 'un-690747'), 'passportNumber')).toEqual(['381420754']);
  });

  it('reads a Spanish-only passport as a passport', async () => {
    const body = '<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Número de pasaporte</TYPE_OF_DOCUMENT><NUMBER>PS 472330208</NUMBER></INDIVIDUAL_DOCUMENT>';
    const parsed = await parseXml(unDocument([individual('7', 'KPi.019', body)]));
    expect(byId(parsed, 'un-7-passport-ps-472330208').properties).toMatchObject({ number: ['PS 472330208'], type: ['Passport'] });
  });

  it('maps other documents to Identification, keeping the specific type, country and remarks', async () => {
    const body = `<INDIVIDUAL_DOCUMENT>
        <TYPE_OF_DOCUMENT>National Identification Number</TYPE_OF_DOCUMENT>
        <TYPE_OF_DOCUMENT2>civil identification number</TYPE_OF_DOCUMENT2>
        <NUMBER>403062567 (US)</NUMBER>
        <ISSUING_COUNTRY>Saudi Arabia</ISSUING_COUNTRY>
        <CITY_OF_ISSUE>Riyadh</CITY_OF_ISSUE>
      </INDIVIDUAL_DOCUMENT>
      <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NOTE>Tunisian passport number L 191609</NOTE></INDIVIDUAL_DOCUMENT>
      <INDIVIDUAL_DOCUMENT/>`;
    const parsed = await parseXml(unDocument([individual('9', 'QDi.060', body)]));
    expect(byId(parsed, 'un-9-id-403062567').properties).toEqual({
      holder: ['un-9'],
      number: ['403062567'],
      type: ['National Identification Number', 'civil identification number'],
      country: ['sa'],
      summary: ['US', 'issued in Riyadh'],
    });
    expect(byId(parsed, 'un-9-passport-doc-2').properties).toEqual({
      holder: ['un-9'],
      type: ['Passport'],
      summary: ['Tunisian passport number L 191609'],
    });
    expect(prop(byId(parsed, 'un-9'), 'idNumber')).toEqual(['403062567']);
    expect(prop(byId(parsed, 'un-9'), 'passportNumber')).toEqual([]);
  });
});

describe('parseUnXml: addresses', () => {
  it('maps each non-empty address to an Address entity referenced from the subject', async () => {
    const body = `<ENTITY_ADDRESS><STREET>Room 601, 433, Chifeng Lu</STREET><STREET>Hongkou Qu</STREET><CITY>Shanghai</CITY>
        <STATE_PROVINCE>Shanghai Province</STATE_PROVINCE><ZIP_CODE>200083</ZIP_CODE><COUNTRY>China</COUNTRY><NOTE>as of 2018</NOTE></ENTITY_ADDRESS>
      <ENTITY_ADDRESS/>
      <ENTITY_ADDRESS><COUNTRY/></ENTITY_ADDRESS>
      <ENTITY_ADDRESS><NOTE>Located in Syria</NOTE></ENTITY_ADDRESS>`;
    const parsed = await parseXml(unDocument([], [entity('6908695', 'KPe.072', 'SHANGHAI DONGFENG SHIPPING CO LTD', body)]));
    expect(byId(parsed, 'un-6908695-addr-1').properties).toEqual({
      full: ['Room 601, 433, Chifeng Lu, Hongkou Qu, Shanghai, Shanghai Province, 200083, China'],
      street: ['Room 601, 433, Chifeng Lu'],
      street2: ['Hongkou Qu'],
      city: ['Shanghai'],
      region: ['Shanghai Province'],
      postalCode: ['200083'],
      country: ['cn'],
      remarks: ['as of 2018'],
    });
    expect(byId(parsed, 'un-6908695-addr-2').properties).toEqual({ full: ['Located in Syria'] });
    const org = byId(parsed, 'un-6908695');
    expect(prop(org, 'addressEntity')).toEqual(['un-6908695-addr-1', 'un-6908695-addr-2']);
    expect(prop(org, 'country')).toEqual(['cn']);
    expect(parsed.entities.filter((e) => e.schema === 'Address')).toHaveLength(2);
  });

  it('keeps a country name it cannot map as written, and a "na" marker only in the notes, with warnings', async () => {
    const body = `<NATIONALITY><VALUE>na</VALUE></NATIONALITY>
      <INDIVIDUAL_ADDRESS><COUNTRY>Atlantis</COUNTRY></INDIVIDUAL_ADDRESS>`;
    const parsed = await parseXml(unDocument([individual('1', 'SDi.001', body)]));
    const person = byId(parsed, 'un-1');
    expect(prop(person, 'nationality')).toEqual([]);
    expect(prop(person, 'country')).toEqual(['Atlantis']);
    expect(prop(person, 'notes')).toEqual(['NATIONALITY: na']);
    expect(parsed.warnings).toHaveLength(2);
    expect(parsed.warnings.join('\n')).toMatch(/"Atlantis" has no ISO country code/);
  });
});

describe('parseUnXml: entities', () => {
  it('maps an ENTITY to an Organization with a.k.a. aliases and f.k.a. previous names', async () => {
    const body = `<COMMENTS1>Defense conglomerate.</COMMENTS1>
      <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>KOREA YONBONG GENERAL CORPORATION</ALIAS_NAME></ENTITY_ALIAS>
      <ENTITY_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>LYONGAKSAN GENERAL TRADING CORPORATION</ALIAS_NAME></ENTITY_ALIAS>
      <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>"KOMID"</ALIAS_NAME></ENTITY_ALIAS>
      <ENTITY_ALIAS><QUALITY/><ALIAS_NAME/></ENTITY_ALIAS>`;
    const parsed = await parseXml(unDocument([], [entity('690751', 'KPe.002', 'KOREA RYONBONG GENERAL CORPORATION', body)]));
    const org = byId(parsed, 'un-690751');
    expect(org).toMatchObject({ schema: 'Organization', target: true, provenance: { entryId: 'KPe.002', programs: ['UN-DPRK'], listingDate: '2009-04-24' } });
    expect(org.properties).toMatchObject({
      name: ['KOREA RYONBONG GENERAL CORPORATION'],
      alias: ['KOREA YONBONG GENERAL CORPORATION', '"KOMID"'],
      previousName: ['LYONGAKSAN GENERAL TRADING CORPORATION'],
      notes: ['Defense conglomerate.'],
    });
    expect(byId(parsed, 'un-690751-sanction').properties.entity).toEqual(['un-690751']);
  });

  it('yields only the subject and its Sanction for a record of empty placeholders', async () => {
    const body = `<ENTITY_ALIAS><QUALITY/><ALIAS_NAME/></ENTITY_ALIAS><ENTITY_ADDRESS/><NAME_ORIGINAL_SCRIPT/><LAST_DAY_UPDATED><VALUE/></LAST_DAY_UPDATED>`;
    const parsed = await parseXml(unDocument([], [entity('5', 'KPe.014', 'KOREA KUMRYONG TRADING CORPORATION', body)]));
    expect(parsed.entities.map((e) => e.id)).toEqual(['un-5', 'un-5-sanction']);
    expect(Object.keys(byId(parsed, 'un-5').properties).sort()).toEqual(['name', 'topics']);
  });

  it('falls back to DATAID for the entry id and takes the date part of a LISTED_ON with offset', async () => {
    const xml = unDocument([], [entity('8', 'X', 'NAMELESS REF CO')]).replace('<REFERENCE_NUMBER>X</REFERENCE_NUMBER>', '<REFERENCE_NUMBER/>')
      .replace('<LISTED_ON>2009-04-24</LISTED_ON>', '<LISTED_ON>2015-07-01-04:00</LISTED_ON>');
    const org = byId(await parseXml(xml), 'un-8');
    expect(org.provenance).toMatchObject({ entryId: '8', listingDate: '2015-07-01' });
  });
});

describe('parseUnXml: what it cannot map is kept and reported', () => {
  it('keeps an unknown element in the notes and warns once per element kind', async () => {
    const extra = '<SUBMITTED_BY>France</SUBMITTED_BY><EMPTY_NEW_FIELD/>';
    const xml = unDocument([individual('1', 'KPi.1', extra), individual('2', 'KPi.2', extra)]);
    const parsed = await parseXml(xml);
    expect(prop(byId(parsed, 'un-1'), 'notes')).toEqual(['SUBMITTED_BY: France']);
    expect(parsed.warnings).toEqual([`un.xml:${lineOf(xml, 'SUBMITTED_BY')}: element INDIVIDUAL/SUBMITTED_BY is not mapped; kept in notes (2 times; first shown)`]);
  });

  it('reports unknown sections of the list instead of dropping them silently', async () => {
    const xml = unDocument([individual('1', 'KPi.1')]).replace('<ENTITIES>', '<VESSELS><VESSEL><NAME>X</NAME></VESSEL></VESSELS>\n  <ENTITIES>');
    const parsed = await parseXml(xml);
    expect(parsed.entities.map((e) => e.id)).toEqual(['un-1', 'un-1-sanction']);
    expect(parsed.warnings.join('\n')).toMatch(/<VESSELS> is not mapped/);
  });

  it('reports records named like Object members as not mapped', async () => {
    for (const name of ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf']) {
      const xml = unDocument([individual('1', 'KPi.1'), `<${name}><DATAID>2</DATAID></${name}>`]);
      const parsed = await parseXml(xml);
      expect(parsed.entities.map((e) => e.id)).toEqual(['un-1', 'un-1-sanction']);
      expect(parsed.warnings.join('\n')).toContain(`element <INDIVIDUALS/${name}> is not mapped; skipped`);
    }
  });
});

describe('parseUnXml: structural errors name the file and line', () => {
  it('refuses a document whose root is not CONSOLIDATED_LIST', async () => {
    const err = await parseError('<?xml version="1.0"?>\n<sdnList><sdnEntry/></sdnList>');
    expect(err.message).toBe('un.xml:2: not a UN consolidated list: the root element is <sdnList>, expected <CONSOLIDATED_LIST>');
  });

  it('refuses a record without DATAID, naming the field', async () => {
    const err = await parseError(unDocument([individual('', 'KPi.1')]).replace('<DATAID></DATAID>', ''));
    expect(err).toMatchObject({ line: 4, field: 'DATAID' });
  });

  it('refuses a record without a name', async () => {
    const err = await parseError(unDocument([individual('3', 'KPi.1', '', '<FIRST_NAME/>')]));
    expect(err).toMatchObject({ line: 4, field: 'FIRST_NAME' });
  });

  it('refuses a DATAID used twice', async () => {
    const err = await parseError(unDocument([individual('3', 'KPi.1'), individual('3', 'KPi.2')]));
    expect(err.message).toMatch(/DATAID 3 occurs twice \(first at line 4\)/);
  });

  it('refuses malformed XML with the line of the fault', async () => {
    const xml = unDocument([individual('3', 'KPi.1', '<COMMENTS1>a < b</COMMENTS1>')]);
    const err = await parseError(xml);
    expect(err.line).toBe(lineOf(xml, 'a < b'));
    expect(err.message).toMatch(/not well-formed XML/);
  });

  it('refuses a document declaring an encoding other than UTF-8', async () => {
    const xml = unDocument([individual('3', 'KPi.1')]).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    expect((await parseError(xml)).message).toMatch(/only UTF-8/);
  });
});

describe('sniffUnXml', () => {
  it('recognises the UN root element', () => {
    expect(sniffUnXml(unDocument().slice(0, 300), 'whatever.xml')).toBe(true);
    expect(sniffUnXml('\uFEFF<!-- c --><CONSOLIDATED_LIST>', 'x')).toBe(true);
  });

  it('rejects other XML and non-XML', () => {
    expect(sniffUnXml('<?xml version="1.0"?><sdnList xmlns="x">', 'consolidated.xml')).toBe(false);
    expect(sniffUnXml('ent_num,SDN_Name\n', 'consolidated.xml')).toBe(false);
    expect(sniffUnXml('', 'sdn.csv')).toBe(false);
  });

  it('falls back to the file name when the head holds only a prolog', () => {
    const prolog = `<?xml version="1.0"?>\n<!-- ${'x'.repeat(5000)}`;
    expect(sniffUnXml(prolog, 'https://scsanctions.un.org/resources/xml/en/consolidated.xml')).toBe(true);
    expect(sniffUnXml(prolog, 'other.xml')).toBe(false);
  });
});

describe.skipIf(!existsSync(UN_FILE))('parseUnXml on the real consolidated list of 2026-02-27', () => {
  let parsed: ParsedList;
  let targets: FtmEntity[];
  const ofRegime = (schema: string) =>
    targets.filter((e) => e.schema === schema && e.provenance?.programs.includes('UN-DPRK'));
  const byRef = (ref: string) => {
    const found = targets.find((e) => e.provenance?.entryId === ref);
    if (!found) throw new Error(`no target ${ref}`);
    return found;
  };
  const aliasCount = (entities: FtmEntity[]) =>
    entities.reduce((n, e) => n + prop(e, 'alias').length + prop(e, 'weakAlias').length + prop(e, 'previousName').length, 0);

  beforeAll(async () => {
    parsed = await parseUnXml([fileSource(UN_FILE)], {});
    targets = parsed.entities.filter((e) => e.target);
  });

  it('reads 730 persons and 273 organisations, each with one Sanction', () => {
    expect(parsed.publishedAt).toBe('2026-02-27T00:00:09.554Z');
    expect(targets.filter((e) => e.schema === 'Person')).toHaveLength(730);
    expect(targets.filter((e) => e.schema === 'Organization')).toHaveLength(273);
    expect(targets).toHaveLength(1003);
    const sanctioned = parsed.entities.filter((e) => e.schema === 'Sanction').map((s) => s.properties.entity?.[0]);
    expect(new Set(sanctioned)).toEqual(new Set(targets.map((t) => t.id)));
  });

  it('reads the DPRK (1718) regime: 80 KPi. persons and 75 KPe. organisations', () => {
    const persons = ofRegime('Person');
    const orgs = ofRegime('Organization');
    expect(persons).toHaveLength(80);
    expect(orgs).toHaveLength(75);
    expect(persons.every((p) => /^KPi\.\d{3}$/.test(p.provenance?.entryId ?? ''))).toBe(true);
    expect(orgs.every((o) => /^KPe\.\d{3}$/.test(o.provenance?.entryId ?? ''))).toBe(true);
  });

  it('keeps every non-empty DPRK alias: 83 for persons, 131 for organisations', () => {
    expect(aliasCount(ofRegime('Person'))).toBe(83);
    expect(aliasCount(ofRegime('Organization'))).toBe(131);
  });

  it('reads KPi.008 with its five aliases, date of birth and one folded passport', () => {
    const ra = byRef('KPi.008');
    expect(ra.properties).toMatchObject({
      name: ["RA KY'ONG-SU"],
      alias: ['Ra Kyung-Su', 'Chang Myong Ho', 'Chang Myo’ng-Ho', 'Chang Myong-Ho', 'Ra Kyong-Su'],
      birthDate: ['1954-06-04'],
      passportNumber: ['645120196'],
      nationality: ['kp'],
    });
    const passports = parsed.entities.filter((e) => e.schema === 'Passport' && e.properties.holder?.[0] === ra.id);
    expect(passports.map((p) => p.properties.number)).toEqual([['645120196']]);
  });

  it('reads KPi.066 born BETWEEN 1967 and 1969, with every year and a note', () => {
    expect(byRef('KPi.066').properties).toMatchObject({
      name: ['KIM JONG SIK'],
      alias: ['Kim Cho’ng-sik'],
      birthDate: ['1967', '1968', '1969'],
      notes: ['Gender: male', 'born between 1967 and 1969'],
      gender: ['male'],
    });
  });

  it('reads KPi.064 with a Low-quality alias as weakAlias and both apostrophes in the name', () => {
    expect(byRef('KPi.064').properties).toMatchObject({ name: ["CH'OE SO’K MIN"], weakAlias: ['Choe Sok Min'], birthDate: ['1978-07-25'] });
  });

  it('reads CDi.036 born APPROXIMATELY 1977, with four Low-quality aliases', () => {
    expect(byRef('CDi.036').properties).toMatchObject({
      name: ['SEKA BALUKU'],
      birthDate: ['1977'],
      weakAlias: ['Mzee Kajaju', 'Musa', 'Lumu', 'Lumonde'],
    });
    expect(prop(byRef('CDi.036'), 'notes')).toContain('born approximately 1977');
  });

  it('reads KPe.002 with its a.k.a., f.k.a. and two Pyongyang addresses', () => {
    const org = byRef('KPe.002');
    expect(org.properties).toMatchObject({
      name: ['KOREA RYONBONG GENERAL CORPORATION'],
      alias: ['KOREA YONBONG GENERAL CORPORATION'],
      previousName: ['LYONGAKSAN GENERAL TRADING CORPORATION'],
      country: ['kp'],
    });
    const addresses = prop(org, 'addressEntity').map((id) => byId(parsed, id).properties.full?.[0]);
    expect(addresses).toEqual([
      "Pot’onggang District, Pyongyang, Democratic People's Republic of Korea",
      "Rakwon-dong, Pothonggang District, Pyongyang, Democratic People's Republic of Korea",
    ]);
  });

  it('points every provenance line at the record’s start tag', () => {
    const lines = readFileSync(UN_FILE, 'utf8').split('\n');
    for (const t of targets) {
      const tag = t.schema === 'Person' ? '<INDIVIDUAL>' : '<ENTITY>';
      expect(lines[(t.provenance?.line ?? 0) - 1]?.trim()).toBe(tag);
    }
  });

  it('gives every entity a unique id and every helper its subject’s provenance', () => {
    expect(new Set(parsed.entities.map((e) => e.id)).size).toBe(parsed.entities.length);
    const subjectOf = new Map(targets.map((t) => [t.provenance?.entryId, t]));
    for (const e of parsed.entities.filter((x) => !x.target)) {
      expect(e.provenance).toEqual(subjectOf.get(e.provenance?.entryId)?.provenance);
    }
  });

  it('maps every country name in the file; only the "na" nationality of SDi.001 is reported', () => {
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings[0]).toMatch(/NATIONALITY "na" read as "no country given"/);
    expect(prop(byRef('SDi.001'), 'notes')).toContain('NATIONALITY: na');
  });
});
