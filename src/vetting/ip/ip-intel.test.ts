import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AsnIndex } from './asn-index.js';
import { categorise, offlineIpIntel, tableIpIntel } from './ip-intel.js';
import { LISTED_ASNS } from './hosting-asns.js';

const cacheDir = mkdtempSync(join(tmpdir(), 'cf-ipintel-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('offline IP intelligence', () => {
  const intel = offlineIpIntel({ cacheDir });

  it('gives country, ASN and category from the installed data', () => {
    expect(intel.lookup('159.89.1.10')).toMatchObject({ asn: 14061, org: 'DigitalOcean, LLC', category: 'hosting' });
    expect(intel.lookup('175.45.176.1')).toMatchObject({ country: 'kp', asn: 131279, category: 'dprk' });
    expect(intel.lookup('73.15.1.10')).toMatchObject({ country: 'us', asn: 7922 });
    expect(intel.lookup('73.15.1.10')?.category).toBeUndefined();
    expect(intel.lookup('192.168.1.1')).toEqual({ ip: '192.168.1.1', private: true });
    expect(intel.lookup('not an ip')).toBeNull();
  });

  it('lists only ASNs whose registered organisation in the ASN data is the one the list names', () => {
    const asns = AsnIndex.load({ cacheDir });
    const wrong = LISTED_ASNS.filter((l) => asns.orgOf(l.asn) !== l.org).map((l) => `AS${l.asn}: listed "${l.org}", data "${asns.orgOf(l.asn)}"`);
    expect(wrong).toEqual([]);
  });
});

describe('categorise and tableIpIntel', () => {
  it('explains a category by the list entry, else by a hosting-like registered name', () => {
    expect(categorise(9009, 'M247 Europe SRL').categoryReason).toMatch(/^AS9009 is listed as vpn \(exit host of NordVPN.*X4BNet\/lists_vpn/);
    expect(categorise(64512, 'Example VPS Hosting Ltd')).toEqual({ category: 'hosting', categoryReason: 'AS64512 is registered as "Example VPS Hosting Ltd" (name says "VPS")' });
    expect(categorise(7922, 'Comcast Cable Communications, LLC')).toEqual({});
  });

  it('answers from a fixed table', () => {
    const t = tableIpIntel({ '73.15.1.10': { country: 'us', asn: 9009, org: 'M247' } });
    expect(t.lookup('73.15.1.10')).toMatchObject({ country: 'us', category: 'vpn' });
    expect(t.lookup('8.8.4.4')).toEqual({ ip: '8.8.4.4', private: false });
  });
});
