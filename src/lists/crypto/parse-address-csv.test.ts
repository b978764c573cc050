import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import type { SourceFile } from '../source.js';
import { fileSource, memorySource } from '../source.js';
import { listNameFromFile, parseAddressCsv, sniffAddressCsv } from './parse-address-csv.js';

const SHARED = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const NAMED = `${SHARED}crypto/ofac-eth-named/`;

const RONIN = '0x098B716B8Aaf21512996dC57EB0615e2383E2f96';
const SOP = '0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c';

describe('listNameFromFile and sniffAddressCsv', () => {
  it('derives the list name from the file name', () => {
    expect(listNameFromFile('x/dprk_related_eth_subset.csv')).toBe('dprk_related_eth_subset');
    expect(listNameFromFile('crypto-addresses.csv')).toBe('crypto_addresses');
    expect(listNameFromFile('.csv')).toBe('crypto_addresses');
  });

  it('recognises address CSVs with and without header', () => {
    expect(sniffAddressCsv(`address,name\n${RONIN},"LAZARUS GROUP"\n`, 'data.csv')).toBe(true);
    expect(sniffAddressCsv(`${RONIN},"LAZARUS GROUP"\n`, 'subset.csv')).toBe(true);
    expect(sniffAddressCsv('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- \r\n', 'sdn.csv')).toBe(false);
    expect(sniffAddressCsv(`address,name\n`, 'data.txt')).toBe(false);
  });
});

describe('parseAddressCsv on snippets', () => {
  it('reads a headed CSV into target wallets named after their holder', async () => {
    const list = await parseAddressCsv([memorySource('named.csv', `address,name\n${RONIN},"LAZARUS GROUP"\n${SOP},"SIM, Hyon Sop"\n`)], {});
    expect(list).toMatchObject({ list: 'named', format: 'address-csv', publishedAt: null, warnings: [] });
    expect(list.entities).toHaveLength(2);
    expect(list.entities[0]).toMatchObject({
      id: `named-${RONIN.toLowerCase()}`,
      schema: 'CryptoWallet',
      target: true,
      properties: { publicKey: [RONIN.toLowerCase()], name: ['LAZARUS GROUP'], notes: ['holder named in source'] },
      provenance: { list: 'named', entryId: RONIN.toLowerCase(), programs: [], file: 'named.csv', line: 2 },
    });
    expect(list.entities[1]?.properties.name).toEqual(['SIM, Hyon Sop']);
  });

  it('reads a CSV without header, counting lines from 1', async () => {
    const list = await parseAddressCsv([memorySource('subset.csv', `${RONIN},"LAZARUS GROUP"\n\n${SOP},"SIM, Hyon Sop"`)], {});
    expect(list.entities.map((e) => e.provenance?.line)).toEqual([1, 3]);
  });

  it('merges one address given in two cases, keeping both names', async () => {
    const list = await parseAddressCsv([memorySource('n.csv', `${RONIN},A\n${RONIN.toLowerCase()},B\n`)], {});
    expect(list.entities).toHaveLength(1);
    expect(list.entities[0]?.properties.name).toEqual(['A', 'B']);
  });

  it('uses a currency column and reordered columns from the header', async () => {
    const list = await parseAddressCsv([memorySource('c.csv', `name,currency,wallet\nX,TRX,TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre\n`)], {});
    expect(list.entities[0]?.properties).toMatchObject({ publicKey: ['TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre'], name: ['X'], currencySymbol: ['TRX'] });
  });

  it('keeps other named columns in notes', async () => {
    const list = await parseAddressCsv([memorySource('core.csv', `address,role,source\n${SOP},exploiter EOA,Etherscan label\n`)], {});
    expect(list.entities[0]?.properties.notes).toEqual(['role: exploiter EOA', 'source: Etherscan label']);
    expect(list.entities[0]?.properties.name).toBeUndefined();
  });

  it('keeps an invalid address exactly with a warning naming file and line', async () => {
    const lookAlike = 'TН96tFMn8KGiYSLiwсV3E2UiaJc8jmcbz3';
    const list = await parseAddressCsv([memorySource('il.csv', `address,name\n${lookAlike},someone\n`)], {});
    expect(list.entities[0]?.properties.publicKey).toEqual([lookAlike]);
    expect(list.warnings).toEqual([`il.csv:2: address "${lookAlike}" kept as written: non-ASCII character 'Н' (U+041D) at position 2`]);
  });

  it.each([
    ['missing address column', 'holder,name\nA,B\n', /m\.csv:1: header has no address column/],
    ['inconsistent columns', `address,name\n${RONIN}\n`, /m\.csv:2: not a valid CSV file: Invalid Record Length/],
    ['unclosed quote', `address,name\n${RONIN},"LAZ\n`, /m\.csv:\d+: not a valid CSV file: Quote Not Closed/],
    ['too many columns without header', `${RONIN},a,b\n`, /m\.csv:1: expected address,name columns/],
    ['empty address', `address,name\n,X\n`, /m\.csv:2 \(address\): empty address/],
  ])('refuses %s with an InputError naming the line', async (_what, content, message) => {
    await expect(parseAddressCsv([memorySource('m.csv', content)], {})).rejects.toThrow(message);
  });

  it('refuses a lazily generated 1 GB line early', async () => {
    let served = 0;
    const chunk = new Uint8Array(1 << 16).fill(0x61);
    const huge: SourceFile = {
      name: 'huge.csv',
      async *open() {
        while (served < 1 << 30) {
          served += chunk.byteLength;
          yield chunk;
        }
      },
    };
    await expect(parseAddressCsv([huge], {})).rejects.toThrow(/huge\.csv:1: line is longer/);
    expect(served).toBeLessThan(1 << 20);
  });

  it('property: arbitrary text gives a list or an InputError, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (content) => {
        try {
          const list = await parseAddressCsv([memorySource('f.csv', content)], {});
          expect(list.entities.every((e) => e.target && (e.properties.publicKey?.length ?? 0) === 1)).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe.skipIf(!existsSync(NAMED))('parseAddressCsv on the real named ETH lists (shared/data)', () => {
  it('reads data.csv (header): 97 wallets, all valid, LAZARUS GROUP 8', async () => {
    const list = await parseAddressCsv([fileSource(`${NAMED}data.csv`)], {});
    expect(list.list).toBe('data');
    expect(list.entities).toHaveLength(97);
    expect(list.warnings).toEqual([]);
    expect(list.entities.filter((e) => e.properties.name?.includes('LAZARUS GROUP'))).toHaveLength(8);
    expect(list.entities.filter((e) => e.properties.name?.includes('SEMENOV, Roman'))).toHaveLength(8);
    expect(list.entities.find((e) => e.properties.publicKey?.[0] === RONIN.toLowerCase())?.provenance?.line).toBe(2);
  });

  it('reads dprk_related_eth_subset.csv (no header): 21 wallets in the DPRK names', async () => {
    const list = await parseAddressCsv([fileSource(`${NAMED}dprk_related_eth_subset.csv`)], {});
    expect(list.list).toBe('dprk_related_eth_subset');
    expect(list.entities).toHaveLength(21);
    const byName = new Map<string, number>();
    for (const e of list.entities) for (const n of e.properties.name ?? []) byName.set(n, (byName.get(n) ?? 0) + 1);
    expect(Object.fromEntries(byName)).toEqual({
      'LAZARUS GROUP': 8,
      'SIM, Hyon Sop': 6,
      'KIM, Sang Man': 2,
      'YUN, Song Guk': 2,
      'AMNOKGANG TECHNOLOGY DEVELOPMENT COMPANY': 3,
    });
    expect(list.entities[0]?.provenance?.line).toBe(1);
  });
});

describe('parseAddressCsv line numbers', () => {
  it('names the first line of a record that spans lines', async () => {
    const list = await parseAddressCsv([memorySource('q.csv', `address,name\n\n${RONIN},"LAZARUS\nGROUP"\n${SOP},x\n`)], {});
    expect(list.entities.map((e) => e.provenance?.line)).toEqual([3, 5]);
  });
});
