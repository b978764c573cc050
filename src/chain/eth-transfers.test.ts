import { describe, expect, it } from 'vitest';
import type { EthCallFrame } from './eth-block-data.js';
import { ethInternalTransfers } from './eth-transfers.js';

const TX = `0x${'0a'.repeat(32)}`;
const frame = (traceAddress: number[], value: bigint, extra: Partial<EthCallFrame> = {}): EthCallFrame => ({
  txIndex: 0,
  txHash: TX,
  traceAddress,
  type: 'call',
  callType: 'call',
  from: `0x${'01'.repeat(20)}`,
  to: `0x${'02'.repeat(20)}`,
  value,
  failed: false,
  ...extra,
});

describe('internal transfers from call frames', () => {
  it('marks a frame failed when it or an enclosing call failed, and keeps siblings of the failed call', () => {
    const frames = [frame([], 10n), frame([0], 5n, { failed: true }), frame([0, 0], 3n), frame([1], 2n)];
    expect(ethInternalTransfers('ethereum', 1, null, frames).map((t) => [t.position, t.amount, t.success])).toEqual([
      ['b10', 5n, false],
      ['b10.10', 3n, false],
      ['b11', 2n, true],
    ]);
  });

  it('moves nothing in a failed transaction, and skips what moves no value between accounts', () => {
    const skipped: string[] = [];
    const frames = [
      frame([], 1n),
      frame([0], 4n),
      frame([1], 4n, { callType: 'delegatecall' }),
      frame([2], 0n),
      frame([3], 7n, { type: 'create', callType: 'create' }),
      frame([4], 9n, { type: 'suicide', callType: null }),
      frame([], 2n, { type: 'reward', callType: null, txHash: null }),
    ];
    const out = ethInternalTransfers('ethereum', 1, null, frames, { txSuccess: () => false, onSkip: (r) => skipped.push(r) });
    expect(out.map((t) => [t.position, t.amount, t.success])).toEqual([
      ['b10', 4n, false],
      ['b13', 7n, false],
      ['b14', 9n, false],
    ]);
    expect(skipped).toEqual(['topLevel', 'noValueMovement', 'zeroValue', 'reward']);
  });
});
