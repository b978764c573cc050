import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressKey } from '../../addresses/index.js';
import { InputError } from '../../errors.js';
import type { SourceFile } from '../source.js';
import { fileSource, memorySource } from '../source.js';
import { parseOfacCrypto, sniffOfacCryptoJson, sniffOfacCryptoTxt, tickerFromFileName } from './parse-ofac-crypto.js';

const SHARED = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const BY_ASSET = `${SHARED}crypto/ofac-by-asset/`;

const SOP = '0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c';
const KIM_CHECKSUMMED = '0x983a81ca6FB1e441266D2FbcB7D8E530AC2E05A2';

describe('tickerFromFileName and sniffing', () => {
  it('reads the ticker from the file name', () => {
    expect(tickerFromFileName('a/b/sanctioned_addresses_XBT.txt')).toBe('XBT');
    expect(tickerFromFileName('sanctioned_addresses_usdt.json')).toBe('USDT');
    expect(tickerFromFileName('addresses.txt')).toBeUndefined();
  });

  it('recognises the text and JSON forms and nothing else', () => {
    expect(sniffOfacCryptoTxt(`${SOP}\n`, 'sanctioned_addresses_ARB.txt')).toBe(true);
    expect(sniffOfacCryptoTxt(`${SOP}\n`, 'addresses.txt')).toBe(false);
    expect(sniffOfacCryptoTxt('ent_num,name,type\n', 'sanctioned_addresses_ARB.txt')).toBe(false);
    expect(sniffOfacCryptoTxt('', 'sanctioned_addresses_ARB.txt')).toBe(false);
    expect(sniffOfacCryptoJson(`[\n  "${SOP}"\n]`, 'sanctioned_addresses_ARB.json')).toBe(true);
    expect(sniffOfacCryptoJson('{"a":1}', 'sanctioned_addresses_ARB.json')).toBe(false);
    expect(sniffOfacCryptoJson(`[\n  "${SOP}"\n]`, 'sanctioned_addresses_ARB.txt')).toBe(false);
  });
});

describe('parseOfacCrypto on snippets', () => {
  it('merges one address listed under several tickers into one target wallet', async () => {
    const list = await parseOfacCrypto(
      [
        memorySource('sanctioned_addresses_ETH.txt', `${KIM_CHECKSUMMED}\n${SOP}\n`),
        memorySource('sanctioned_addresses_USDT.json', `[\n  "${KIM_CHECKSUMMED.toLowerCase()}"\n]`),
        memorySource('sanctioned_addresses_ARB.txt', `${SOP}\n`),
      ],
      { sourceUrl: 'https://example.org/lists' },
    );
    expect(list).toMatchObject({ list: 'us_ofac_crypto', format: 'ofac-crypto-txt', publishedAt: null, warnings: [] });
    expect(list.entities).toHaveLength(2);
    const kim = list.entities.find((e) => e.properties.publicKey?.[0] === KIM_CHECKSUMMED.toLowerCase());
    expect(kim).toMatchObject({
      id: `us_ofac_crypto-${KIM_CHECKSUMMED.toLowerCase()}`,
      schema: 'CryptoWallet',
      target: true,
      properties: { currencySymbol: ['ETH', 'USDT'], topics: ['sanction'], program: ['OFAC-SDN-CRYPTO'] },
      provenance: { list: 'us_ofac_crypto', programs: ['OFAC-SDN-CRYPTO'], file: 'sanctioned_addresses_ETH.txt', line: 1, sourceUrl: 'https://example.org/lists' },
    });
    const sop = list.entities.find((e) => e.properties.publicKey?.[0] === SOP);
    expect(sop?.properties.currencySymbol).toEqual(['ARB', 'ETH']);
  });

  it('keeps an invalid address exactly, with a warning naming file and line', async () => {
    const broken = KIM_CHECKSUMMED.replace('FB1', 'fB1');
    const list = await parseOfacCrypto([memorySource('sanctioned_addresses_ETH.txt', `\n${broken}\r\n`)], {});
    expect(list.entities[0]?.properties.publicKey).toEqual([broken]);
    expect(list.entities[0]?.properties.notes).toEqual(['address problem: EIP-55 checksum mismatch']);
    expect(list.warnings).toEqual([`sanctioned_addresses_ETH.txt:2: ETH address "${broken}" kept as written: EIP-55 checksum mismatch`]);
  });

  it('reports JSON format when every file is JSON, and honours the list option', async () => {
    const list = await parseOfacCrypto([memorySource('sanctioned_addresses_ARB.json', `["${SOP}"]`)], { list: 'mine' });
    expect(list).toMatchObject({ list: 'mine', format: 'ofac-crypto-json' });
    expect(list.entities[0]?.datasets).toEqual(['mine']);
  });

  it('refuses a file whose name does not give the ticker', async () => {
    await expect(parseOfacCrypto([memorySource('addresses.txt', SOP)], {})).rejects.toThrow(/addresses\.txt: cannot tell the asset/);
  });

  it('refuses an over-long line naming its line', async () => {
    await expect(parseOfacCrypto([memorySource('sanctioned_addresses_XBT.txt', `1abc\n${'x'.repeat(5000)}\n`)], {})).rejects.toThrow(
      'sanctioned_addresses_XBT.txt:2: line is longer than 1024 bytes',
    );
  });

  it('refuses a lazily generated 1 GB line after reading little of it', async () => {
    let served = 0;
    const chunk = new Uint8Array(1 << 16).fill(0x31);
    const huge: SourceFile = {
      name: 'sanctioned_addresses_XBT.txt',
      async *open() {
        while (served < 1 << 30) {
          served += chunk.byteLength;
          yield chunk;
        }
      },
    };
    await expect(parseOfacCrypto([huge], {})).rejects.toThrow(InputError);
    expect(served).toBeLessThan(1 << 20);
  });

  it('refuses a truncated or non-string JSON file naming the line', async () => {
    await expect(parseOfacCrypto([memorySource('sanctioned_addresses_ETH.json', `[\n  "${SOP}",\n`)], {})).rejects.toThrow(
      /sanctioned_addresses_ETH\.json:3: not a JSON array of strings/,
    );
    await expect(parseOfacCrypto([memorySource('sanctioned_addresses_ETH.json', `[\n  "${SOP}",\n  {"a": 1}\n]`)], {})).rejects.toThrow(
      /sanctioned_addresses_ETH\.json:3: .*element 2 is not a string/,
    );
  });

  it('property: garbage lines become one wallet per distinct key, never an unexpected error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'binary', maxLength: 60 }), { maxLength: 20 }), async (lines) => {
        const content = lines.map((l) => l.replace(/[\r\n]/g, '')).join('\n');
        const list = await parseOfacCrypto([memorySource('sanctioned_addresses_XBT.txt', content)], {});
        const keys = new Set(content.split('\n').filter((l) => l.trim() !== '').map((l) => addressKey(l, { ticker: 'XBT' })));
        expect(list.entities.map((e) => e.provenance?.entryId).sort()).toEqual([...keys].sort());
        expect(list.warnings.length).toBeGreaterThanOrEqual(list.entities.filter((e) => e.properties.notes).length);
      }),
      { numRuns: 200 },
    );
  });
});

describe.skipIf(!existsSync(BY_ASSET))('parseOfacCrypto on the real per-asset lists (shared/data)', () => {
  const files = (ext: string) =>
    readdirSync(BY_ASSET)
      .filter((f) => f.endsWith(ext))
      .map((f) => fileSource(BY_ASSET + f));

  it.each(['.txt', '.json'])('reads the 17 %s files into 641 wallets with two warnings', async (ext) => {
    const list = await parseOfacCrypto(files(ext), {});
    expect(files(ext)).toHaveLength(17);
    expect(list.format).toBe(ext === '.txt' ? 'ofac-crypto-txt' : 'ofac-crypto-json');
    // 654 entries, 641 distinct strings; no EVM address appears in two different cases, so 641 keys.
    expect(list.entities).toHaveLength(641);
    expect(list.entities.every((e) => e.target === true && e.schema === 'CryptoWallet')).toBe(true);
    expect(list.warnings).toHaveLength(2);
    expect(list.warnings[0]).toMatch(/sanctioned_addresses_XBT\.\w+:\d+: XBT address TUCsTq7TofTCJRRoHk6RvhMoS2mJLm5Yzq: listed under ticker XBT \(bitcoin\) but it is a tron address/);
    expect(list.warnings[1]).toMatch(/sanctioned_addresses_XMR\.\w+:\d+: XMR address "5be5543f.*" kept as written/);
    const tickers = list.entities.reduce((n, e) => n + (e.properties.currencySymbol?.length ?? 0), 0);
    expect(tickers).toBe(654);
    const multi = list.entities.filter((e) => (e.properties.currencySymbol?.length ?? 0) > 1);
    expect(multi).toHaveLength(10);
    expect(multi.find((e) => e.properties.publicKey?.[0] === SOP)?.properties.currencySymbol).toEqual(['ARB', 'BSC', 'ETH']);
  });

  it('gives the same wallets from the text and JSON forms', async () => {
    const [txt, json] = await Promise.all([parseOfacCrypto(files('.txt'), {}), parseOfacCrypto(files('.json'), {})]);
    const strip = (l: typeof txt) => l.entities.map((e) => ({ id: e.id, properties: e.properties }));
    expect(strip(json)).toEqual(strip(txt));
  });
});
