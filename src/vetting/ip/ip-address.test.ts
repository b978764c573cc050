import { describe, expect, it } from 'vitest';
import { parseIp, parseV4 } from './ip-address.js';

describe('parseIp', () => {
  it('gives canonical text for IPv4, IPv4-mapped and compressed IPv6', () => {
    expect(parseIp('8.8.8.8')).toEqual({ version: 4, text: '8.8.8.8', v4: 0x08080808, private: false });
    expect(parseIp('::FFFF:8.8.8.8')?.text).toBe('8.8.8.8');
    expect(parseIp('2a00:1450:4001:0:0:0:0:1')?.text).toBe('2a00:1450:4001::1');
    expect(parseIp('[2606:4700::1111]')?.v6High).toEqual([0x26064700, 0]);
    expect(parseIp('fe80::1%eth0')?.text).toBe('fe80::1');
  });

  it('marks private, loopback, CGNAT, documentation and link-local space', () => {
    for (const ip of ['10.1.2.3', '172.20.0.1', '192.168.1.1', '127.0.0.1', '100.64.0.1', '169.254.1.1', '203.0.113.9', '::1', 'fd00::1', 'fe80::2', '2001:db8::1']) {
      expect(parseIp(ip)?.private, ip).toBe(true);
    }
    expect(parseIp('172.32.0.1')?.private).toBe(false);
  });

  it('refuses malformed addresses', () => {
    for (const bad of ['256.1.1.1', '1.2.3', 'abc', '1::2::3', '1:2:3:4:5:6:7:8:9', '']) expect(parseIp(bad), bad).toBeNull();
    expect(parseV4('1.2.3.4')).toBe(0x01020304);
  });
});
