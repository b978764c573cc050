import { describe, expect, it } from 'vitest';
import { parseOfacRemarks, splitRemarks } from './remarks.js';

const SSR =
  'Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210; ' +
  'Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions: North Korea Sanctions Regulations section 510.214';

describe('splitRemarks', () => {
  it('splits at semicolons, with or without a space, and drops the final full stop', () => {
    expect(splitRemarks('DOB 1962; POB Shati.')).toEqual(['DOB 1962', 'POB Shati']);
    expect(splitRemarks('nationality possibly Palestinian;arrested 23 Apr 2002')).toEqual([
      'nationality possibly Palestinian',
      'arrested 23 Apr 2002',
    ]);
    expect(splitRemarks('')).toEqual([]);
  });
});

describe('parseOfacRemarks on DPRK entries', () => {
  it('reads a vessel IMO number and keeps the sanctions text as notes', () => {
    const r = parseOfacRemarks(`${SSR}; Vessel Registration Identification IMO 7937317.`, 'Vessel');
    expect(r.properties).toEqual({ imoNumber: ['IMO7937317'] });
    expect(r.notes).toEqual([
      'Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210',
      'Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions: North Korea Sanctions Regulations section 510.214',
    ]);
  });

  it('reads IMO company numbers of ship managers and the flag-state suffix', () => {
    const org = parseOfacRemarks('Identification Number IMO 5342883; alt. Identification Number IMO 5405737.', 'Organization');
    expect(org.properties.imoNumber).toEqual(['IMO5342883', 'IMO5405737']);
    const vessel = parseOfacRemarks('Vessel Registration Identification IMO 9256860 (Russia)', 'Vessel');
    expect(vessel.properties.imoNumber).toEqual(['IMO9256860']);
  });

  it('keeps a national registration that is not an IMO number as a registration number and a note', () => {
    const r = parseOfacRemarks('Vessel Registration Identification RS 150443 (Russia)', 'Vessel');
    expect(r.properties.registrationNumber).toEqual(['RS 150443']);
    expect(r.notes).toEqual(['Vessel Registration Identification RS 150443 (Russia)']);
  });

  it('reads MMSI, build year and former flags of a vessel', () => {
    const r = parseOfacRemarks('MMSI 445539000; Vessel Year of Build 1999; Former Vessel Flag Tuvalu; alt. Former Vessel Flag Korea, North', 'Vessel');
    expect(r.properties).toEqual({ mmsi: ['445539000'], buildDate: ['1999'], pastFlags: ['tv', 'kp'] });
  });

  it('reads North Korean passports with expiry dates, the first and the alternative ones', () => {
    const r = parseOfacRemarks(
      `DOB 12 Apr 1970; ${SSR}; Passport 199110092 (Korea, North) expires 17 Mar 2014; alt. Passport 472220503 (Korea, North) expires 06 Jun 2018; Linked To: KOREA MINING DEVELOPMENT TRADING CORPORATION.`,
      'Person',
    );
    expect(r.properties.birthDate).toEqual(['1970-04-12']);
    expect(r.properties.passportNumber).toEqual(['199110092', '472220503']);
    expect(r.documents).toEqual([
      expect.objectContaining({ passport: true, type: 'Passport', number: '199110092', country: 'kp', expires: '2014-03-17', alternative: false }),
      expect.objectContaining({ passport: true, number: '472220503', country: 'kp', expires: '2018-06-06', alternative: true }),
    ]);
    expect(r.linkedTo).toEqual(['KOREA MINING DEVELOPMENT TRADING CORPORATION']);
  });

  it('reads a passport without a country and one with issue and expiry dates', () => {
    const r = parseOfacRemarks('Passport 563410081; alt. Passport G025057 issued 23 Jun 1999 expires 05 Feb 2004', 'Person');
    expect(r.documents.map((d) => [d.number, d.country, d.issued, d.expires])).toEqual([
      ['563410081', undefined, undefined, undefined],
      ['G025057', undefined, '1999-06-23', '2004-02-05'],
    ]);
  });

  it('reads every DOB form OFAC uses; years of ranges and approximations are kept with a note', () => {
    const r = parseOfacRemarks(
      'DOB 08 Jan 1984; alt. DOB 1984; DOB Jan 1984; DOB circa 1960; DOB 1960 to 1962; DOB 01 Jan 1937 to 31 Dec 1938; DOB Mar 1962 to Feb 1963; DOB circa 1979-1982',
      'Person',
    );
    expect(r.properties.birthDate).toEqual(['1984-01-08', '1984', '1984-01', '1960', '1961', '1962', '1937', '1938', '1963', '1979', '1980', '1981', '1982']);
    expect(r.notes).toEqual([
      'DOB circa 1960',
      'DOB 1960 to 1962',
      'DOB 01 Jan 1937 to 31 Dec 1938',
      'DOB Mar 1962 to Feb 1963',
      'DOB circa 1979-1982',
    ]);
  });

  it('keeps an unreadable DOB as a note instead of guessing', () => {
    const r = parseOfacRemarks('DOB 31 Feb 1970; DOB sometime in the sixties', 'Person');
    expect(r.properties.birthDate).toBeUndefined();
    expect(r.notes).toEqual(['DOB 31 Feb 1970', 'DOB sometime in the sixties']);
  });

  it('reads place of birth (and its country), nationality, citizenship and gender', () => {
    const r = parseOfacRemarks(
      "POB Musan, North Hamgyo'ng Province, North Korea; nationality Korea, North; citizen Korea, North; Gender Male",
      'Person',
    );
    expect(r.properties).toEqual({
      birthPlace: ["Musan, North Hamgyo'ng Province, North Korea"],
      birthCountry: ['kp'],
      nationality: ['kp'],
      citizenship: ['kp'],
      gender: ['male'],
    });
  });

  it('keeps a place of birth whose last part is no country without a birth country or warning', () => {
    const r = parseOfacRemarks("POB South Pyo'ngan Province, Pyo'ngso'ng", 'Person');
    expect(r.properties).toEqual({ birthPlace: ["South Pyo'ngan Province, Pyo'ngso'ng"] });
    expect(r.unknownCountries).toEqual([]);
  });

  it('reports an unknown nationality and keeps it as written', () => {
    const r = parseOfacRemarks('nationality Atlantis', 'Person');
    expect(r.properties.nationality).toEqual(['Atlantis']);
    expect(r.unknownCountries).toEqual(['Atlantis']);
  });

  it("reads the Lazarus Group's a.k.a.s from the remarks, including those past the 1,000-character cut", () => {
    const r = parseOfacRemarks(
      `${SSR}; a.k.a. 'HIDDEN COBRA'; a.k.a. 'GUARDIANS OF PEACE'; a.k.a. 'TEMP.HERMIT'; a.k.a. 'ZINC'; a.k.a. 'APT-C-26'; a.k.a. 'APPLEWORM'.`,
      'Organization',
    );
    expect(r.properties.alias).toEqual(['HIDDEN COBRA', 'GUARDIANS OF PEACE', 'TEMP.HERMIT', 'ZINC', 'APT-C-26', 'APPLEWORM']);
  });

  it('reads former names and names with apostrophes', () => {
    const r = parseOfacRemarks("f.k.a. 'KYONGYONG CREDIT BANK'; a.k.a. 'KATA'IB HIZBALLAH'", 'Organization');
    expect(r.properties).toEqual({ previousName: ['KYONGYONG CREDIT BANK'], alias: ["KATA'IB HIZBALLAH"] });
  });

  it('reads each digital currency address with its ticker, exactly as written', () => {
    const r = parseOfacRemarks(
      'Digital Currency Address - ETH 0x098B716B8Aaf21512996dC57EB0615e2383E2f96; alt. Digital Currency Address - XBT 1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V; alt. Digital Currency Address - XRP rnXyVQzgxZe7TR1EPzTkGj2jxH4LMJYh66.',
      'Organization',
    );
    expect(r.wallets.map((w) => [w.ticker, w.address])).toEqual([
      ['ETH', '0x098B716B8Aaf21512996dC57EB0615e2383E2f96'],
      ['XBT', '1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V'],
      ['XRP', 'rnXyVQzgxZe7TR1EPzTkGj2jxH4LMJYh66'],
    ]);
    expect(r.notes).toEqual([]);
  });

  it('reads bank and contact details of a DPRK bank, keeping fax and telex as notes', () => {
    const r = parseOfacRemarks(
      'SWIFT/BIC KDBKKPPY; PHONE 850 2 381 8221; FAX 850 2 381 4576; TELEX 360230 and 37041 KDP KP; EMAIL kdb@co.chesin.com; Website www.example.kp',
      'Organization',
    );
    expect(r.properties).toEqual({
      swiftBic: ['KDBKKPPY'],
      phone: ['850 2 381 8221'],
      email: ['kdb@co.chesin.com'],
      website: ['www.example.kp'],
    });
    expect(r.notes).toEqual(['FAX 850 2 381 4576', 'TELEX 360230 and 37041 KDP KP']);
  });

  it('reads registry numbers into documents and subject properties, and sees a company in them', () => {
    const r = parseOfacRemarks(
      'Company Number 199306026D (Singapore); Unified Social Credit Code (USCC) 91222401MA0Y31E659 (China); Identification Number G563542(9) (Hong Kong)',
      'Company',
    );
    expect(r.documents.map((d) => [d.type, d.number, d.country, d.prop])).toEqual([
      ['Company Number', '199306026D', 'sg', 'registrationNumber'],
      ['Unified Social Credit Code (USCC)', '91222401MA0Y31E659', 'cn', 'registrationNumber'],
      ['Identification Number', 'G563542(9)', 'hk', 'idNumber'],
    ]);
    expect(r.companyEvidence).toEqual(['Company Number']);
  });

  it('sees a company in a commercial Organization Type but not in a political one', () => {
    const company = parseOfacRemarks('Organization Type: Construction of other civil engineering projects', 'Organization');
    expect(company.companyEvidence).toEqual(['Organization Type: Construction of other civil engineering projects']);
    expect(company.properties.sector).toEqual(['Construction of other civil engineering projects']);
    const party = parseOfacRemarks('Organization Type: Activities of political organizations; Target Type Government Entity', 'Organization');
    expect(party.companyEvidence).toEqual([]);
  });

  it('turns an unknown "… Number" identifier into a document rather than a note', () => {
    const r = parseOfacRemarks('Registration Certificate Number (Dubai) DMCC193946 (United Arab Emirates)', 'Organization');
    expect(r.documents).toEqual([
      expect.objectContaining({ type: 'Registration Certificate Number', number: '(Dubai) DMCC193946', country: 'ae' }),
    ]);
  });

  it('keeps items that the schema cannot hold as notes, never dropping them', () => {
    const r = parseOfacRemarks('DOB 1962; Gender Male; nationality Korea, North; Passport 123', 'Vessel');
    expect(r.properties).toEqual({});
    expect(r.documents.map((d) => [d.number, d.prop])).toEqual([['123', undefined]]);
    expect(r.notes).toEqual(['DOB 1962', 'Gender Male', 'nationality Korea, North']);
  });

  it('keeps titles and free text as notes', () => {
    const r = parseOfacRemarks("KOMID Representative in Iran; all offices worldwide; Aircraft Operator Air Koryo", 'Person');
    expect(r.notes).toEqual(['KOMID Representative in Iran', 'all offices worldwide', 'Aircraft Operator Air Koryo']);
  });

  it('reads aircraft details', () => {
    const r = parseOfacRemarks('Aircraft Manufacture Date 1974; Aircraft Model AN24-RV; Aircraft Operator Air Koryo; Aircraft Tail Number P-532', 'Airplane');
    expect(r.properties).toEqual({ buildDate: ['1974'], model: ['AN24-RV'], registrationNumber: ['P-532'] });
    expect(r.notes).toEqual(['Aircraft Operator Air Koryo']);
  });
});
