import { describe, expect, it } from 'vitest';
import { normaliseMonero } from './monero.js';

// From OFAC's XMR list: a standard (4…) and a subaddress (8…).
const STANDARD = '49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5B2ufNsL';
const SUBADDRESS = '884Bz8UH63aYsjVdkfWfScRYWZGGNbjFL7pztqvWNSrtYT4reFSwyvkCj9KEGUtheHhhMUj87ciTBFyzoesrMJ4L1FvSoxL';
// Also in OFAC's XMR list, but 64 hex digits: not an address.
const HEX_ENTRY = '5be5543ff73456ab9f2d207887e2af87322c651ea1a873c5b25b7ffae456c320';

describe('normaliseMonero', () => {
  it.each([STANDARD, SUBADDRESS])('validates %s and keeps it exactly', (address) => {
    expect(normaliseMonero(address)).toEqual({ address, chain: 'monero', family: 'other', valid: true });
  });

  it('reports a changed character as a checksum mismatch', () => {
    const changed = STANDARD.slice(0, 40) + (STANDARD[40] === 'a' ? 'b' : 'a') + STANDARD.slice(41);
    expect(normaliseMonero(changed).valid).toBe(false);
  });

  it('explains the 64-hex entry of the OFAC list', () => {
    const result = normaliseMonero(HEX_ENTRY);
    expect(result).toMatchObject({ address: HEX_ENTRY, valid: false });
    expect(result.problem).toMatch(/transaction id or payment id/);
  });
});
