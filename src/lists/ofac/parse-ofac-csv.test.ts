import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { normaliseAddress } from '../../addresses/index.js';
import type { FtmEntity } from '../../ftm/entity.js';
import { fileSource } from '../source.js';
import type { ParsedList } from '../types.js';
import { parseOfacConsCsv, parseOfacSdnCsv, sniffOfacConsCsv, sniffOfacCsv, sniffOfacSdnCsv } from './parse-ofac-csv.js';
import { ofacCsvFile, ofacCsvText, primaryRow } from './test-support.js';

const SHARED = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const SDN_DIR = `${SHARED}lists/ofac-sdn/`;
const CONS_DIR = `${SHARED}lists/ofac-consolidated/`;
const SDN_FILES = ['sdn_2024-05-03.csv', 'alt_2025-12-24.csv', 'add_2025-12-24.csv', 'sdn_comments_2025-12-24.csv'];
const CONS_FILES = ['cons_prim.csv', 'cons_alt.csv', 'cons_add.csv', 'cons_comments.csv'];

const isTarget = (e: FtmEntity) => e.target === true && e.schema !== 'CryptoWallet';
const isDprk = (e: FtmEntity) => (e.provenance?.programs ?? []).some((p) => /^DPRK/.test(p));

/** Raw lines of an OFAC CSV file, read without the parser under test. */
function rawLines(path: string): string[] {
  const text = readFileSync(path, 'latin1');
  return (text.endsWith('\u001a') ? text.slice(0, -1) : text).split('\r\n').filter(Boolean);
}

/** Splits a line of the real files (which have no quotes inside fields) at commas outside quotes. */
function rawFields(line: string): string[] {
  return line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((f) => f.replace(/^"|"$/g, ''));
}

describe('parseOfacSdnCsv / parseOfacConsCsv on small sets', () => {
  it('reads the primary file alone, with defaults for list, format and source URL', async () => {
    const list = await parseOfacSdnCsv([ofacCsvFile('sdn.csv', [primaryRow('1', 'KIM, Jong Un', 'individual', 'DPRK3', 'DOB 08 Jan 1984.')])], {});
    expect(list).toMatchObject({
      list: 'us_ofac_sdn',
      format: 'ofac-csv',
      publishedAt: null,
      sourceUrl: 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV',
      warnings: [],
    });
    expect(list.entities.map((e) => e.id)).toEqual(['ofac-1', 'ofac-1-sanction']);
    expect(list.entities[0]?.properties).toMatchObject({ name: ['KIM, Jong Un'], alias: ['Jong Un KIM'], birthDate: ['1984-01-08'] });
  });

  it('takes list name and source URL from the options', async () => {
    const list = await parseOfacConsCsv([ofacCsvFile('cons_prim.csv', [primaryRow('9639', 'HANIYA, Ismail', 'individual', 'NS-PLC')])], {
      list: 'my_cons',
      sourceUrl: 'file:///tmp/cons_prim.csv',
    });
    expect(list).toMatchObject({ list: 'my_cons', format: 'ofac-cons-csv', sourceUrl: 'file:///tmp/cons_prim.csv' });
    expect(list.entities[0]).toMatchObject({ id: 'ofac-cons-9639', datasets: ['my_cons'], provenance: { list: 'my_cons' } });
  });

  it('warns when Consolidated files are read as the SDN list', async () => {
    const list = await parseOfacSdnCsv([ofacCsvFile('cons_prim.csv', [primaryRow('1', 'A', '', 'NS-PLC')])], {});
    expect(list.warnings).toContainEqual(expect.stringContaining('say this is the Consolidated list'));
  });
});

describe('sniffOfacCsv', () => {
  const primaryHead = ofacCsvText([primaryRow('36', 'AEROCARIBBEAN AIRLINES', '', 'CUBA')]);

  it('recognises each file of a set by name and field count', () => {
    expect(sniffOfacCsv(primaryHead, 'sdn.csv')).toBe('primary');
    expect(sniffOfacCsv(ofacCsvText([['36', '12', 'aka', 'AERO-CARIBBEAN', '']]), 'alt.csv')).toBe('alt');
    expect(sniffOfacCsv(ofacCsvText([['36', '25', '', 'Havana', 'Cuba', '']]), 'add.csv')).toBe('add');
    expect(sniffOfacCsv(ofacCsvText([['17016', 'tive Date']]), 'sdn_comments.csv')).toBe('comments');
  });

  it('recognises a renamed file by field count and the null marker', () => {
    expect(sniffOfacCsv(primaryHead, 'download.csv')).toBe('primary');
    expect(sniffOfacCsv('17016,"tive Date"\r\n', 'download.csv')).toBeNull();
  });

  it('refuses a file whose name and content disagree, and other CSV files', () => {
    expect(sniffOfacCsv(primaryHead, 'alt.csv')).toBeNull();
    expect(sniffOfacCsv('address,name\r\n0x098B716B8Aaf21512996dC57EB0615e2383E2f96,LAZARUS GROUP\r\n', 'addresses.csv')).toBeNull();
    expect(sniffOfacCsv('0x098B716B8Aaf21512996dC57EB0615e2383E2f96,"LAZARUS GROUP"\n', 'add_subset.csv')).toBeNull();
    expect(sniffOfacCsv('<?xml version="1.0"?><CONSOLIDATED_LIST>', 'sdn.xml')).toBeNull();
  });

  it('tells the SDN set from the Consolidated set', () => {
    expect(sniffOfacSdnCsv(primaryHead, 'sdn.csv')).toBe(true);
    expect(sniffOfacConsCsv(primaryHead, 'sdn.csv')).toBe(false);
    expect(sniffOfacConsCsv(primaryHead, 'cons_prim.csv')).toBe(true);
    expect(sniffOfacSdnCsv(primaryHead, 'cons_prim.csv')).toBe(false);
  });
});

describe.skipIf(!existsSync(SHARED))('real OFAC files (../shared/data)', () => {
  it('sniffs every real file as its role and set', () => {
    const head = (path: string) => readFileSync(path).subarray(0, 4096).toString('utf8');
    const roles = SDN_FILES.map((f) => sniffOfacCsv(head(SDN_DIR + f), f));
    expect(roles).toEqual(['primary', 'alt', 'add', 'comments']);
    expect(SDN_FILES.every((f) => sniffOfacSdnCsv(head(SDN_DIR + f), f))).toBe(true);
    expect(CONS_FILES.every((f) => sniffOfacConsCsv(head(CONS_DIR + f), f))).toBe(true);
    expect(sniffOfacCsv(head(`${SHARED}lists/un/UN_consolidated_2026-02-27.xml`), 'UN_consolidated_2026-02-27.xml')).toBeNull();
    expect(sniffOfacCsv(head(`${SHARED}crypto/ofac-eth-named/data.csv`), 'data.csv')).toBeNull();
  });
});

describe.skipIf(!existsSync(SHARED))('real OFAC SDN CSV set (sdn 2024-05-03 with alt/add/comments 2025-12-24)', () => {
  let list: ParsedList;
  let byId: Map<string, FtmEntity>;
  const primaryLines = () => rawLines(SDN_DIR + SDN_FILES[0]);

  beforeAll(async () => {
    list = await parseOfacSdnCsv(
      SDN_FILES.map((f) => fileSource(SDN_DIR + f)),
      {},
    );
    byId = new Map(list.entities.map((e) => [e.id, e]));
  });

  it('lists every one of the 14,965 entries once, as a target of its SDN type', () => {
    const targets = list.entities.filter(isTarget);
    expect(targets).toHaveLength(14965);
    expect(byId.size).toBe(list.entities.length);
    const rawTypes = new Map<string, number>();
    for (const line of primaryLines()) {
      const type = rawFields(line)[2]?.trim() ?? '';
      rawTypes.set(type, (rawTypes.get(type) ?? 0) + 1);
    }
    const count = (...schemas: string[]) => targets.filter((e) => schemas.includes(e.schema)).length;
    expect(count('Person')).toBe(rawTypes.get('individual'));
    expect(count('Vessel')).toBe(rawTypes.get('vessel'));
    expect(count('Airplane')).toBe(rawTypes.get('aircraft'));
    expect(count('Organization', 'Company')).toBe(rawTypes.get('-0-'));
  });

  it('finds the 484 DPRK entries: 164 individuals, 199 entities, 105 vessels, 16 aircraft', () => {
    const dprk = list.entities.filter((e) => isTarget(e) && isDprk(e));
    const count = (...schemas: string[]) => dprk.filter((e) => schemas.includes(e.schema)).length;
    expect(dprk).toHaveLength(484);
    expect([count('Person'), count('Organization', 'Company'), count('Vessel'), count('Airplane')]).toEqual([164, 199, 105, 16]);
    const perProgram = (p: string) => dprk.filter((e) => e.provenance?.programs.includes(p)).length;
    expect(['DPRK4', 'DPRK3', 'DPRK2', 'DPRK', 'DPRK-NKSPEA'].map(perProgram)).toEqual([174, 147, 111, 57, 2]);
  });

  it('records file and line of each entry', () => {
    const lines = primaryLines();
    const lazarusLine = lines.findIndex((l) => l.startsWith('27307,')) + 1;
    expect(byId.get('ofac-27307')?.provenance).toMatchObject({
      list: 'us_ofac_sdn',
      entryId: '27307',
      programs: ['DPRK3'],
      file: 'sdn_2024-05-03.csv',
      line: lazarusLine,
      publishedAt: '2024-05-03',
    });
    const last = rawFields(lines[lines.length - 1] ?? '')[0] ?? '';
    expect(byId.get(`ofac-${last}`)?.provenance?.line).toBe(lines.length);
  });

  it('extracts every digital currency address in the remarks and comments, chain-normalised', () => {
    const comments = new Map(rawLines(SDN_DIR + SDN_FILES[3]).map((l) => [rawFields(l)[0], rawFields(l)[1] ?? '']));
    const raw = new Set<string>();
    const entries = new Set<string>();
    for (const line of primaryLines()) {
      const [ent = '', , , , , , , , , , , remarks = ''] = rawFields(line);
      const text = remarks.length === 1000 ? remarks + (comments.get(ent) ?? '') : remarks;
      for (const m of text.matchAll(/Digital Currency Address - (\w+) ([^;\s]+)/g)) {
        raw.add(`${ent} ${m[1]} ${(m[2] ?? '').replace(/\.$/, '')}`);
        entries.add(ent);
      }
    }
    expect(entries.size).toBe(55);
    const wallets = list.entities.filter((e) => e.schema === 'CryptoWallet');
    const produced = new Set(wallets.map((w) => `${w.provenance?.entryId} ${w.properties.currencySymbol?.[0]} ${w.properties.publicKey?.[0]}`));
    const expected = new Set(
      [...raw].map((k) => {
        const [ent, ticker, address] = k.split(' ') as [string, string, string];
        return `${ent} ${ticker} ${normaliseAddress(address, { ticker }).address}`;
      }),
    );
    expect(wallets).toHaveLength(raw.size);
    expect(produced).toEqual(expected);
    for (const w of wallets) {
      expect(w).toMatchObject({ target: true, properties: { holder: [`ofac-${w.provenance?.entryId}`] } });
      const key = w.properties.publicKey?.[0] ?? '';
      if (key.startsWith('0x')) expect(key).toBe(key.toLowerCase());
    }
  });

  it('reads the addresses across the 1,000-character cut correctly: each is on the 2024 OFAC address lists', () => {
    const listed = new Set<string>();
    const assets = ['XBT', 'ETH', 'USDT', 'LTC', 'BCH', 'TRX', 'XMR', 'ZEC', 'DASH', 'USDC', 'BTG', 'ETC', 'BSV', 'XVG', 'XRP', 'ARB', 'BSC'];
    for (const asset of assets) {
      for (const a of readFileSync(`${SHARED}crypto/ofac-by-asset/sanctioned_addresses_${asset}.txt`, 'utf8').split('\n')) {
        if (a.trim()) listed.add(`${asset} ${normaliseAddress(a.trim(), { ticker: asset }).address}`);
      }
    }
    const missing = list.entities
      .filter((e) => e.schema === 'CryptoWallet')
      .map((w) => `${w.properties.currencySymbol?.[0]} ${w.properties.publicKey?.[0]}`)
      .filter((k) => !listed.has(k));
    expect(missing).toEqual([]);
  });

  it("gives the Lazarus Group its remarks a.k.a.s, those only in sdn_comments included, and its ETH wallets", () => {
    const lazarus = byId.get('ofac-27307');
    expect(lazarus?.properties.name).toEqual(['LAZARUS GROUP']);
    expect(lazarus?.properties.alias).toEqual(expect.arrayContaining(['HIDDEN COBRA', 'GUARDIANS OF PEACE', 'WHOIS HACKING TEAM', 'ZINC', 'APT-C-26', 'APPLEWORM']));
    const eth = list.entities
      .filter((e) => e.schema === 'CryptoWallet' && e.properties.holder?.[0] === 'ofac-27307' && e.properties.currencySymbol?.[0] === 'ETH')
      .map((e) => e.properties.publicKey?.[0]);
    expect(eth).toContain('0x098b716b8aaf21512996dc57eb0615e2383e2f96');
    const named = readFileSync(`${SHARED}crypto/ofac-eth-named/dprk_related_eth_subset.csv`, 'utf8')
      .split('\n')
      .filter((l) => l.includes('LAZARUS GROUP'))
      .map((l) => l.split(',')[0]?.toLowerCase());
    expect(new Set(eth)).toEqual(new Set(named));
  });

  it('reads DPRK vessels, passports and links', () => {
    expect(byId.get('ofac-17069')).toMatchObject({
      schema: 'Vessel',
      properties: { name: ['CHONG CHON GANG'], imoNumber: ['IMO7937317'], flag: ['kp'], type: ['General Cargo'] },
    });
    expect(byId.get('ofac-18668-passport-654220197')).toMatchObject({
      schema: 'Passport',
      properties: { holder: ['ofac-18668'], country: ['kp'], endDate: ['2019-05-07'] },
    });
    // Two entries are called MINISTRY OF STATE SECURITY; the DPRK program decides.
    expect(byId.get('ofac-20130-link-ofac-20129')?.properties).toEqual({
      subject: ['ofac-20130'],
      object: ['ofac-20129'],
      role: ['Linked To'],
    });
  });

  it('keeps every reference inside the list', () => {
    const refs = ['entity', 'holder', 'addressEntity', 'subject', 'object'];
    const dangling = list.entities.flatMap((e) => refs.flatMap((p) => (e.properties[p] ?? []).filter((id) => !byId.has(id)).map((id) => `${e.id}.${p} → ${id}`)));
    expect(dangling).toEqual([]);
    for (const e of list.entities) expect(e.provenance?.entryId, e.id).toBeTruthy();
  });

  it('reports the joins the mixed dates leave open and the one country it cannot map', () => {
    expect(list.warnings).toContainEqual(expect.stringMatching(/^alt_2025-12-24\.csv: \d+ rows \(1567 of 8653 ent_nums\)/));
    expect(list.warnings).toContainEqual(expect.stringMatching(/^add_2025-12-24\.csv: \d+ rows \(4253 of 18494 ent_nums\)/));
    expect(list.warnings.filter((w) => w.startsWith('unknown country'))).toEqual(['unknown country name "Netherlands Antilles" (2×): kept as written']);
  });
});

describe.skipIf(!existsSync(SHARED))('real OFAC Consolidated CSV set (2025-12-19)', () => {
  let list: ParsedList;

  beforeAll(async () => {
    list = await parseOfacConsCsv(
      CONS_FILES.map((f) => fileSource(CONS_DIR + f)),
      {},
    );
  });

  it('lists the 442 entries with their own ids and no DPRK program', () => {
    const targets = list.entities.filter(isTarget);
    expect(targets).toHaveLength(442);
    expect(targets.every((e) => e.id.startsWith('ofac-cons-'))).toBe(true);
    expect(targets.filter(isDprk)).toEqual([]);
    const perProgram = (p: string) => targets.filter((e) => e.provenance?.programs.includes(p)).length;
    expect(['UKRAINE-EO13662', 'RUSSIA-EO14024', 'NS-PLC', 'CMIC-EO13959'].map(perProgram)).toEqual([286, 93, 78, 68]);
  });

  it('joins all ten comments rows (the files are of one date)', () => {
    expect(list.warnings.filter((w) => /comments|cut at|different dates|no entry/.test(w))).toEqual([]);
    // GAZPROMBANK's LEI is written after the 1,000-character cut, in cons_comments.csv.
    const gazprombank = list.entities.find((e) => e.id === 'ofac-cons-17016');
    expect(gazprombank?.properties.leiCode).toEqual(['253400WSS48YWMBUA688']);
  });
});
