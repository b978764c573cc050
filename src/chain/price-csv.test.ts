import { describe, expect, it } from 'vitest';
import { memorySource } from '../lists/source.js';
import { readPriceCsv } from './price-csv.js';

describe('price CSV', () => {
  it('reads daily prices of native assets and tokens by contract address', async () => {
    const rows = await readPriceCsv(memorySource('p.csv', 'date,chain,asset,usd\n2025-02-21,ethereum,native,2700.50\n2025-02-21,eth,0xAE7AB96520DE3A18E5E111B5EAAB095312D7FE84,2690\n2010-04-10,btc,native,0.06\n'));
    expect(rows).toEqual([
      { chain: 'ethereum', asset: 'native', day: '2025-02-21', usd: '2700.50' },
      { chain: 'ethereum', asset: '0xae7ab96520de3a18e5e111b5eaab095312d7fe84', day: '2025-02-21', usd: '2690' },
      { chain: 'bitcoin', asset: 'native', day: '2010-04-10', usd: '0.06' },
    ]);
  });

  it('names the line of a bad date, symbol-as-asset or price', async () => {
    const bad = (row: string) => readPriceCsv(memorySource('p.csv', `date,chain,asset,usd\n${row}\n`)).then(() => 'accepted', (e: Error) => e.message);
    expect(await bad('2025-02-30,ethereum,native,1')).toBe('p.csv:2 (date): expected a YYYY-MM-DD date, got "2025-02-30"');
    expect(await bad('2025-02-21,ethereum,stETH,1')).toBe('p.csv:2 (asset): expected a 0x-prefixed 20-byte address, got "steth"');
    expect(await bad('2025-02-21,ethereum,native,$2,700')).toBe('p.csv:2: expected 4 columns as in the header, found 5');
    expect(await bad('2025-02-21,ethereum,native,-3')).toBe('p.csv:2 (usd): "-3" is not a non-negative decimal number');
  });
});
