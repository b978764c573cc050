import { describe, expect, it } from 'vitest';
import { findLookalikes, lookalikeKey } from './lookalike.js';

const RECEIVER = '0x47666fab8bd0ac7003bce3f5c3585383f09486e2';
const CONSOLIDATOR = '0xa4b2fd68593b6f34e51cb9edb66e71c1b4ab449e';
const LOOKALIKE = '0xa4b24033f4c6d70133e4557c2c32a3fb693e449e';

describe('look-alike addresses', () => {
  it('compares what a wallet shows: the first and last four hex digits', () => {
    expect(lookalikeKey(CONSOLIDATOR)).toBe('a4b2…449e');
    expect(lookalikeKey(LOOKALIKE)).toBe(lookalikeKey(CONSOLIDATOR));
  });

  it('finds the Bybit poisoning address next to the real consolidator, in either direction', () => {
    const expected = [{ address: LOOKALIKE, resembles: CONSOLIDATOR, counterparty: RECEIVER }];
    expect(findLookalikes([[RECEIVER, CONSOLIDATOR]], [[RECEIVER, CONSOLIDATOR], [RECEIVER, LOOKALIKE]])).toEqual(expected);
    expect(findLookalikes([[CONSOLIDATOR, RECEIVER]], [[LOOKALIKE, RECEIVER]])).toEqual(expected);
  });

  it('does not flag an address that is itself a real counterparty, nor strangers that merely resemble each other', () => {
    expect(findLookalikes([[RECEIVER, CONSOLIDATOR], [RECEIVER, LOOKALIKE]], [[RECEIVER, LOOKALIKE]])).toEqual([]);
    const stranger = '0x1111111111111111111111111111111111111111';
    expect(findLookalikes([[RECEIVER, CONSOLIDATOR]], [[stranger, LOOKALIKE]])).toEqual([]);
  });
});
