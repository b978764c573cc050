import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BITCOIN_ALPHABET } from './base58check.js';
import { normaliseBitcoinBase58 } from './bitcoin.js';

// Addresses from OFAC's per-asset lists (shared/data/crypto/ofac-by-asset) and two well-known ones.
const REAL = {
  btcLegacy: '123WBUDmSJv4GctdVEz6Qq6z8nXSKrJ4KX',
  btcP2sh: '3LtcaPbCj87CwJHnRX3vh7c2y9RZQqeSy8',
  genesis: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
  ltc: 'LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb',
  ltcP2sh: 'M8yFL6SFC6TreATegTyuSYkDfDRbisdpT3',
  dash: 'XnPFsRWTaSgiVauosEwQ6dEitGYXgwznz2',
  zec: 't1MMXtBrSp1XG38Lx9cePcNUCJj5vdWfUWL',
  btg: 'GPwg61XoHqQPNmAucFACuQ5H9sGCDv9TpS',
  bsv: '12sjrrhoFEsedNRhtgwvvRqjFTh8fZTDX9',
  xvg: 'DFFJhnQNZf8rf67tYnesPu7MuGUpYtzv7Z',
};

describe('normaliseBitcoinBase58', () => {
  it.each([
    [REAL.btcLegacy, 'bitcoin'],
    [REAL.btcP2sh, 'bitcoin'],
    [REAL.genesis, 'bitcoin'],
    [REAL.ltc, 'litecoin'],
    [REAL.ltcP2sh, 'litecoin'],
    [REAL.dash, 'dash'],
    [REAL.zec, 'zcash'],
    [REAL.btg, 'bitcoin-gold'],
    [REAL.xvg, 'dogecoin'],
  ])('validates %s as %s from its version prefix', (address, chain) => {
    expect(normaliseBitcoinBase58(address)).toEqual({ address, chain, family: 'base58check', valid: true });
  });

  it('lets a hint choose among chains that share a prefix', () => {
    expect(normaliseBitcoinBase58(REAL.bsv, 'bitcoin-sv').chain).toBe('bitcoin-sv');
    expect(normaliseBitcoinBase58(REAL.xvg, 'verge').chain).toBe('verge');
  });

  it('keeps the format chain and warns when the hint names a chain the prefix does not allow', () => {
    const result = normaliseBitcoinBase58(REAL.ltc, 'dash');
    expect(result).toMatchObject({ chain: 'litecoin', valid: true });
    expect(result.warning).toMatch(/listed as dash.*litecoin/);
  });

  it('never case-folds: the lower-cased form of a valid address is invalid and kept as written', () => {
    const lowered = REAL.btcLegacy.toLowerCase();
    expect(normaliseBitcoinBase58(lowered)).toMatchObject({ address: lowered, valid: false });
  });

  it('names a character outside the base58 alphabet and its position', () => {
    expect(normaliseBitcoinBase58('1A1zP1eP5QGefi2DMPTfTL5SLmv7Div0Na').problem).toBe(
      "character '0' at position 32 is not in the base58 alphabet",
    );
  });

  it('property: any single-character change to a valid address makes it invalid', () => {
    const addresses = Object.values(REAL);
    fc.assert(
      fc.property(fc.constantFrom(...addresses), fc.nat(), fc.constantFrom(...BITCOIN_ALPHABET), (address, pos, replacement) => {
        const i = pos % address.length;
        fc.pre(address[i] !== replacement);
        const changed = address.slice(0, i) + replacement + address.slice(i + 1);
        expect(normaliseBitcoinBase58(changed).valid).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
