import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { byId, inputError } from '../common/test-support/list-assertions.js';
import { memorySource } from '../source.js';
import type { ParsedList } from '../types.js';
import { describeHostileXmlInput } from '../xml/test-support/hostile-xml.js';
import { OFAC_SDN_XML_URL, parseOfacXml, sniffOfacXml } from './parse-ofac-xml.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/sdn-dprk.xml', import.meta.url));
const FIXTURE_TEXT = readFileSync(FIXTURE, 'utf8');
const NS = 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML';

function parse(text: string | Uint8Array, name = 'SDN.XML'): Promise<ParsedList> {
  return parseOfacXml([memorySource(name, text)], {});
}

/** An SDN.XML file holding these `<sdnEntry>` bodies. */
function sdnXml(...entries: string[]): string {
  const body = entries.map((e) => `  <sdnEntry>\n${e}\n  </sdnEntry>`).join('\n');
  return `<?xml version="1.0" standalone="yes"?>
<sdnList xmlns="${NS}">
  <publshInformation><Publish_Date>05/03/2024</Publish_Date><Record_Count>${entries.length}</Record_Count></publshInformation>
${body}
</sdnList>
`;
}

function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`${needle} not in text`);
  return text.slice(0, at).split('\n').length;
}

describe('parseOfacXml on the DPRK fixture', async () => {
  const list = await parseOfacXml([memorySource('sdn-dprk.xml', FIXTURE_TEXT)], {});

  it('reads the publication date, list and format, with nothing left unmapped', () => {
    expect(list).toMatchObject({ list: 'us_ofac_sdn', format: 'ofac-xml', publishedAt: '2024-05-03', sourceUrl: OFAC_SDN_XML_URL });
    expect(list.warnings).toEqual([]);
    const subjects = list.entities.filter((e) => e.target && e.schema !== 'CryptoWallet');
    expect(subjects.map((e) => `${e.id}:${e.schema}`).sort()).toEqual([
      'ofac-12210:Organization',
      'ofac-12211:Person',
      'ofac-12312:Organization',
      'ofac-17069:Vessel',
      'ofac-17616:Person',
      'ofac-20540:Airplane',
      'ofac-27307:Organization',
    ]);
  });

  it('maps a DPRK person with a North Korean passport', () => {
    const person = byId(list, 'ofac-17616');
    expect(person.properties).toMatchObject({
      name: ['RYU, Jin'],
      lastName: ['RYU'],
      firstName: ['Jin'],
      alias: ['Jin RYU'],
      position: ['KOMID official in Syria'],
      nationality: ['kp'],
      birthDate: ['1965-08-07'],
      passportNumber: ['563410081'],
    });
    expect(person.provenance).toEqual({
      list: 'us_ofac_sdn',
      entryId: '17616',
      programs: ['DPRK2'],
      publishedAt: '2024-05-03',
      sourceUrl: OFAC_SDN_XML_URL,
      file: 'sdn-dprk.xml',
      line: lineOf(FIXTURE_TEXT, '<uid>17616</uid>') - 1,
    });
    const passport = byId(list, 'ofac-17616-passport-563410081');
    expect(passport).toMatchObject({ schema: 'Passport', target: false });
    expect(passport.properties).toEqual({
      holder: ['ofac-17616'],
      type: ['Passport'],
      number: ['563410081'],
      country: ['kp'],
      passportNumber: ['563410081'],
    });
    expect(passport.provenance).toEqual(person.provenance);
  });

  it('maps a DPRK vessel with its IMO number, type and flag', () => {
    expect(byId(list, 'ofac-17069').properties).toEqual({
      name: ['CHONG CHON GANG'],
      imoNumber: ['IMO7937317'],
      type: ['General Cargo'],
      flag: ['kp'],
    });
  });

  it('maps an entity with ETH addresses, weak aliases, an address and a link', () => {
    const lazarus = byId(list, 'ofac-27307');
    expect(lazarus.properties).toMatchObject({
      name: ['LAZARUS GROUP'],
      weakAlias: ['HIDDEN COBRA', 'GUARDIANS OF PEACE'],
      country: ['kp'],
      addressEntity: ['ofac-27307-addr-41656'],
    });
    expect(lazarus.properties.alias).toBeUndefined();
    const wallet = byId(list, 'ofac-27307-wallet-eth-0x098b716b8aaf21512996dc57eb0615e2383e2f96');
    expect(wallet).toMatchObject({ schema: 'CryptoWallet', target: true });
    expect(wallet.properties).toEqual({
      publicKey: ['0x098b716b8aaf21512996dc57eb0615e2383e2f96'],
      currencySymbol: ['ETH'],
      holder: ['ofac-27307'],
    });
    expect(wallet.provenance?.entryId).toBe('27307');
    expect(byId(list, 'ofac-27307-addr-41656').properties).toEqual({
      full: ['Potonggang District, Pyongyang, Korea, North'],
      street: ['Potonggang District'],
      city: ['Pyongyang'],
      country: ['kp'],
    });
    expect(byId(list, 'ofac-27307-link-ofac-12210').properties).toEqual({
      subject: ['ofac-27307'],
      object: ['ofac-12210'],
      role: ['Linked To'],
    });
  });

  it('makes one Sanction per entry with its programmes, and notes the secondary-sanctions text as the CSV does', () => {
    expect(byId(list, 'ofac-12210-sanction').properties).toEqual({
      entity: ['ofac-12210'],
      authority: ['Office of Foreign Assets Control'],
      authorityId: ['12210'],
      country: ['us'],
      sourceUrl: [OFAC_SDN_XML_URL],
      program: ['DPRK', 'DPRK2'],
      programId: ['DPRK', 'DPRK2'],
    });
    expect(byId(list, 'ofac-12210').properties.notes).toEqual([
      'Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210',
    ]);
  });

  it('keeps approximate birth dates as years and explains them in notes', () => {
    expect(byId(list, 'ofac-12211').properties).toMatchObject({
      birthDate: ['1947', '1946'],
      birthPlace: ['Pyongan-Pukto, North Korea'],
      notes: ['DOB circa 1947', 'alt. DOB circa 1946'],
    });
  });

  it('maps aircraft fields and keeps the operator as a note', () => {
    expect(byId(list, 'ofac-20540').properties).toEqual({
      name: ['P-532'],
      buildDate: ['1974'],
      model: ['AN24-RV'],
      notes: ['Aircraft Operator Air Koryo'],
    });
  });

  it('gives every helper entity the provenance of its entry; only subjects and wallets are targets', () => {
    for (const e of list.entities) {
      const entryId = e.provenance?.entryId;
      expect(entryId, e.id).toBeDefined();
      expect(e.id.startsWith(`ofac-${entryId}`), e.id).toBe(true);
      const isSubject = e.id === `ofac-${entryId}`;
      expect(e.target, e.id).toBe(isSubject || e.schema === 'CryptoWallet');
    }
  });
});

describe('parseOfacXml mapping rules', () => {
  it('reads a.k.a., f.k.a. and n.k.a. of a person as "LAST, First" names', async () => {
    const list = await parse(
      sdnXml(`<uid>1</uid><firstName>Chol</firstName><lastName>KIM</lastName><sdnType>Individual</sdnType>
<programList><program>DPRK</program></programList>
<akaList>
  <aka><uid>2</uid><type>a.k.a.</type><category>strong</category><lastName>KIM</lastName><firstName>Cheol</firstName></aka>
  <aka><uid>3</uid><type>f.k.a.</type><category>strong</category><lastName>RI</lastName><firstName>Chol</firstName></aka>
  <aka><uid>4</uid><type>n.k.a.</type><category>strong</category><lastName>PAK</lastName></aka>
  <aka><uid>5</uid><type>a.k.a.</type><category>weak</category><lastName>BIG KIM</lastName></aka>
</akaList>`),
    );
    expect(byId(list, 'ofac-1').properties).toMatchObject({
      name: ['KIM, Chol'],
      alias: ['Chol KIM', 'KIM, Cheol', 'PAK'],
      previousName: ['RI, Chol'],
      weakAlias: ['BIG KIM'],
    });
  });

  it('writes an address in full as the CSV does and takes an OFAC "Region:" as the region', async () => {
    const list = await parse(
      sdnXml(`<uid>7</uid><lastName>ACME TRADING</lastName><sdnType>Entity</sdnType><programList><program>DPRK3</program></programList>
<addressList>
  <address><uid>70</uid><address1>525 International Parkway</address1><address2>Suite 509</address2><city>Richardson</city><stateOrProvince>TX</stateOrProvince><postalCode>75081</postalCode><country>United States</country></address>
  <address><uid>71</uid><city>Jabaliya</city><country>Region: Gaza</country></address>
  <address><uid>72</uid><country>China</country></address>
</addressList>`),
    );
    expect(byId(list, 'ofac-7-addr-70').properties).toMatchObject({
      full: ['525 International Parkway, Suite 509, Richardson, TX 75081, United States'],
      street: ['525 International Parkway'],
      street2: ['Suite 509'],
      city: ['Richardson'],
      state: ['TX'],
      postalCode: ['75081'],
      country: ['us'],
    });
    expect(byId(list, 'ofac-7-addr-71').properties).toMatchObject({ full: ['Jabaliya, Gaza'], region: ['Gaza'], country: ['ps'] });
    expect(list.entities.some((e) => e.id === 'ofac-7-addr-72')).toBe(false);
    expect(byId(list, 'ofac-7').properties.country).toEqual(['us', 'ps', 'cn']);
    expect(byId(list, 'ofac-7').properties.addressEntity).toEqual(['ofac-7-addr-70', 'ofac-7-addr-71']);
  });

  it('makes an entity with a company registry number a Company with an Identification', async () => {
    const list = await parse(
      sdnXml(`<uid>8</uid><lastName>KOREA SHIPPING LTD</lastName><sdnType>Entity</sdnType><programList><program>DPRK4</program></programList>
<idList><id><uid>80</uid><idType>Company Number</idType><idNumber>01074897</idNumber><idCountry>United Kingdom</idCountry></id></idList>`),
    );
    expect(byId(list, 'ofac-8')).toMatchObject({ schema: 'Company', properties: { registrationNumber: ['01074897'] } });
    expect(byId(list, 'ofac-8-id-company-number-01074897')).toMatchObject({
      schema: 'Identification',
      properties: { holder: ['ofac-8'], type: ['Company Number'], number: ['01074897'], country: ['gb'] },
    });
  });

  it('reads document issue and expiry dates', async () => {
    const list = await parse(
      sdnXml(`<uid>9</uid><firstName>Chang-Ho</firstName><lastName>PAEK</lastName><sdnType>Individual</sdnType><programList><program>NPWMD</program></programList>
<idList><id><uid>90</uid><idType>Passport</idType><idNumber>381420754</idNumber><idCountry>Korea, North</idCountry><issueDate>07 Dec 2011</issueDate><expirationDate>07 Dec 2016</expirationDate></id></idList>`),
    );
    expect(byId(list, 'ofac-9-passport-381420754').properties).toMatchObject({ startDate: ['2011-12-07'], endDate: ['2016-12-07'], country: ['kp'] });
  });

  it('keeps every year of a birth-date range and says so in the notes', async () => {
    const list = await parse(
      sdnXml(`<uid>10</uid><firstName>Su</firstName><lastName>RI</lastName><sdnType>Individual</sdnType><programList><program>DPRK</program></programList>
<dateOfBirthList><dateOfBirthItem><uid>100</uid><dateOfBirth>1962 to 1964</dateOfBirth><mainEntry>true</mainEntry></dateOfBirthItem></dateOfBirthList>`),
    );
    expect(byId(list, 'ofac-10').properties).toMatchObject({ birthDate: ['1962', '1963', '1964'], notes: ['DOB 1962 to 1964'] });
  });

  it('keeps what it cannot map and says so: unknown ID types, countries, dates, invalid addresses', async () => {
    const list = await parse(
      sdnXml(
        `<uid>11</uid><firstName>Il</firstName><lastName>HAN</lastName><sdnType>Individual</sdnType><programList><program>DPRK</program></programList>
<idList>
  <id><uid>110</uid><idType>Library Card</idType><idNumber>LC-42</idNumber></id>
  <id><uid>111</uid><idType>Digital Currency Address - XBT</idType><idNumber>1NotAValidAddress0000000000000000</idNumber></id>
</idList>
<nationalityList><nationality><uid>112</uid><country>Atlantis</country><mainEntry>true</mainEntry></nationality></nationalityList>
<dateOfBirthList><dateOfBirthItem><uid>113</uid><dateOfBirth>the year of the flood</dateOfBirth><mainEntry>true</mainEntry></dateOfBirthItem></dateOfBirthList>`,
        `<uid>12</uid><lastName>SEA STAR</lastName><sdnType>Vessel</sdnType><programList><program>DPRK</program></programList>
<idList><id><uid>120</uid><idType>Library Card</idType><idNumber>LC-43</idNumber></id></idList>`,
      ),
    );
    expect(byId(list, 'ofac-11-id-library-card-lc-42')).toMatchObject({ schema: 'Identification', properties: { number: ['LC-42'] } });
    expect(byId(list, 'ofac-11').properties).toMatchObject({
      nationality: ['Atlantis'],
      notes: ['Birthdate the year of the flood'],
    });
    const wallet = list.entities.find((e) => e.schema === 'CryptoWallet');
    expect(wallet?.properties.notes?.[0]).toMatch(/^Address as listed: 1NotAValidAddress/);
    expect(byId(list, 'ofac-12').properties.notes).toEqual(['Library Card LC-43']);
    const warnings = list.warnings.join('\n');
    expect(warnings).toMatch(/SDN\.XML:7: unknown OFAC field type "Library Card": kept as an Identification/);
    expect(warnings).toMatch(/SDN\.XML:15: unknown OFAC field type "Library Card": kept as a note/);
    expect(warnings).toMatch(/unknown country name "Atlantis"/);
    expect(warnings).toMatch(/cannot read the birthdate "the year of the flood"/);
    expect(warnings).toMatch(/1NotAValidAddress/);
  });

  it('reads the remarks as the CSV parser does', async () => {
    const list = await parse(
      sdnXml(
        `<uid>13</uid><lastName>KOREA MINING DEVELOPMENT TRADING CORPORATION</lastName><sdnType>Entity</sdnType><programList><program>DPRK</program></programList>`,
        `<uid>14</uid><lastName>GREEN PINE ASSOCIATED CORPORATION</lastName><sdnType>Entity</sdnType>
<remarks>Website www.example.kp; (Linked To: KOREA MINING DEVELOPMENT TRADING CORPORATION); (Linked To: NOBODY WE KNOW)</remarks>
<programList><program>DPRK</program></programList>`,
      ),
    );
    expect(byId(list, 'ofac-14').properties).toMatchObject({ website: ['www.example.kp'], notes: ['Linked To: NOBODY WE KNOW'] });
    expect(byId(list, 'ofac-14-link-ofac-13').properties.role).toEqual(['Linked To']);
  });

  it('keeps a title and vessel details of a subject that cannot have them as notes named like the CSV columns', async () => {
    const list = await parse(
      sdnXml(
        `<uid>15</uid><lastName>OCEAN MARITIME MANAGEMENT</lastName><title>Operator</title><sdnType>Entity</sdnType><programList><program>DPRK</program></programList>
<vesselInfo><callSign>HMYC</callSign><vesselFlag>Korea, North</vesselFlag><grossRegisteredTonnage>1,524</grossRegisteredTonnage></vesselInfo>`,
        `<uid>16</uid><lastName>JI HYE SAN</lastName><sdnType>Vessel</sdnType><programList><program>DPRK</program></programList>
<vesselInfo><callSign>HMYC</callSign><vesselFlag>Korea, North</vesselFlag><vesselOwner>OCEAN MARITIME MANAGEMENT</vesselOwner><tonnage>12,000</tonnage><grossRegisteredTonnage>1,524</grossRegisteredTonnage></vesselInfo>`,
      ),
    );
    expect(byId(list, 'ofac-15').properties.notes).toEqual(['Title: Operator', 'Call Sign: HMYC', 'Vessel Flag: Korea, North', 'GRT: 1,524']);
    expect(byId(list, 'ofac-15').properties.country).toBeUndefined();
    expect(byId(list, 'ofac-16').properties).toMatchObject({
      callSign: ['HMYC'],
      flag: ['kp'],
      tonnage: ['12000'],
      grossRegisteredTonnage: ['1524'],
      notes: ['Vessel Owner: OCEAN MARITIME MANAGEMENT'],
    });
    expect(list.warnings).toEqual([]);
  });

  it('reads CONSOLIDATED.XML as the Consolidated list with its own id prefix', async () => {
    const list = await parse(sdnXml(`<uid>5</uid><lastName>X</lastName><sdnType>Entity</sdnType><programList><program>NS-PLC</program></programList>`), 'CONSOLIDATED.XML');
    expect(list.list).toBe('us_ofac_cons');
    expect(list.entities[0]?.id).toBe('ofac-cons-5');
  });

  it('reads an unknown sdnType or alias type (even one named like an Object property) with a warning', async () => {
    const list = await parse(
      sdnXml(`<uid>6</uid><lastName>X</lastName><sdnType>constructor</sdnType><programList/>
<akaList><aka><uid>60</uid><type>toString</type><category>strong</category><lastName>Y</lastName></aka></akaList>`),
    );
    expect(byId(list, 'ofac-6')).toMatchObject({ schema: 'LegalEntity', properties: { name: ['X'], alias: ['Y'] } });
    expect(list.warnings.join('\n')).toMatch(/unknown sdnType "constructor": read as LegalEntity[\s\S]*unknown alias type "toString"/);
  });

  it('warns when Record_Count disagrees with the entries', async () => {
    const text = sdnXml(`<uid>5</uid><lastName>X</lastName><sdnType>Entity</sdnType><programList/>`).replace('<Record_Count>1<', '<Record_Count>2<');
    expect((await parse(text)).warnings.join()).toMatch(/Record_Count says 2 entries but the file has 1/);
  });
});

describe('parseOfacXml refuses bad input with the file and line', () => {
  it('refuses a uid used twice, naming the second entry', async () => {
    const entry = `<uid>5</uid><lastName>X</lastName><sdnType>Entity</sdnType><programList/>`;
    const text = sdnXml(entry, entry);
    const err = await inputError(parse(text));
    expect(err.message).toMatch(/^SDN\.XML:7 \(uid\): uid 5 appears twice \(first on line 4\)/);
  });

  it('refuses entries without uid, sdnType or lastName, and a bad Publish_Date', async () => {
    expect((await inputError(parse(sdnXml('<lastName>X</lastName><sdnType>Entity</sdnType>')))).field).toBe('uid');
    expect((await inputError(parse(sdnXml('<uid>1</uid><lastName>X</lastName>')))).field).toBe('sdnType');
    expect((await inputError(parse(sdnXml('<uid>1</uid><sdnType>Entity</sdnType>')))).field).toBe('lastName');
    const badDate = sdnXml('<uid>1</uid><lastName>X</lastName><sdnType>Entity</sdnType>').replace('05/03/2024', '2024-13-45');
    expect((await inputError(parse(badDate))).field).toBe('Publish_Date');
  });

  it('refuses a file that is not SDN.XML, and more than one file', async () => {
    expect((await inputError(parse('<Sanctions/>'))).message).toMatch(/root element is <Sanctions>/);
    const one = memorySource('a.xml', sdnXml());
    expect((await inputError(parseOfacXml([one, one], {}))).message).toMatch(/one file; 2 given/);
  });

});

describeHostileXmlInput('parseOfacXml', {
  parse: (src) => parseOfacXml([src], {}),
  format: 'ofac-xml',
  fileName: 'sdn-dprk.xml',
  valid: FIXTURE_TEXT,
  root: 'sdnList',
  openTextNode: `<sdnList xmlns="${NS}">\n<sdnEntry><uid>1</uid><remarks>`,
  numRuns: 120,
});

describe('sniffOfacXml', () => {
  it('recognises SDN.XML and not SDN_ADVANCED.XML or the CSV', () => {
    expect(sniffOfacXml(FIXTURE_TEXT.slice(0, 4096), 'whatever.xml')).toBe(true);
    expect(sniffOfacXml('<?xml version="1.0"?>\n<Sanctions xmlns="x"><DateOfIssue>', 'SDN_ADVANCED.XML')).toBe(false);
    expect(sniffOfacXml('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"', 'sdn.csv')).toBe(false);
  });
});
