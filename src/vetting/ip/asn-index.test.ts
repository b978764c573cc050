import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AsnIndex } from './asn-index.js';

describe('AsnIndex from CSV', () => {
  const index = AsnIndex.fromCsv(
    ['16777216,16777471,13335,"Cloudflare, Inc."', '134744064,134744319,15169,Google LLC', '3758096384,3758096639,64500,"Quote ""Test"" Org"'].join('\n'),
    ['2a00:1450::,2a00:1450:ffff:ffff:ffff:ffff:ffff:ffff,15169,Google LLC', '42540766411282592856903984951653826560,42540766411282592875350729025363378175,64501,Doc Net'].join('\n'),
  );

  it('finds the range an address falls in, by binary search', () => {
    expect(index.lookup('1.0.0.1')).toEqual({ asn: 13335, org: 'Cloudflare, Inc.' });
    expect(index.lookup('8.8.8.8')).toEqual({ asn: 15169, org: 'Google LLC' });
    expect(index.lookup('224.0.0.1')).toBeNull();
    expect(index.lookup('1.0.1.0')).toBeNull();
    expect(index.lookup('2a00:1450:4001::1')).toEqual({ asn: 15169, org: 'Google LLC' });
    expect(index.lookup('10.0.0.1')).toBeNull();
  });

  it('unquotes organisation names', () => {
    expect(AsnIndex.fromCsv('16777216,16777471,64500,"Quote ""Test"" Org"').lookup('1.0.0.50')).toEqual({ asn: 64500, org: 'Quote "Test" Org' });
  });
});

describe('AsnIndex over @ip-location-db/asn', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'cf-asn-'));
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('builds once, caches a compact index, and answers from the cache the same way', () => {
    const built = AsnIndex.load({ cacheDir });
    expect(built.rangeCount).toBeGreaterThan(300_000);
    expect(readdirSync(cacheDir).filter((f) => f.startsWith('asn-index-'))).toHaveLength(1);
    const cached = AsnIndex.load({ cacheDir });
    for (const ip of ['8.8.8.8', '175.45.176.1', '2606:4700::1111', '159.89.1.10']) expect(cached.lookup(ip)).toEqual(built.lookup(ip));
    expect(cached.lookup('8.8.8.8')?.asn).toBe(15169);
    expect(cached.lookup('175.45.176.1')?.asn).toBe(131279);
  });
});
