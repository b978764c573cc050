import type { Transfer } from '../transfer.js';

/**
 * A native Ethereum transfer in block `block` (one per block, 12 s apart), for tests that need
 * chain data in the store.
 *
 * @example
 * await transfers.write({ chain: 'ethereum', transfers: [nativeTransfer(1, LAZARUS, A)] });
 */
export function nativeTransfer(block: number, from: string, to: string, amount: bigint = 10n ** 18n): Transfer {
  return {
    chain: 'ethereum',
    blockNumber: block,
    blockTime: 1_700_000_000 + block * 12,
    txHash: `0x${block.toString(16).padStart(64, '0')}`,
    txIndex: 0,
    position: 'a',
    kind: 'native',
    from,
    to,
    asset: 'native',
    amount,
    success: true,
    flags: 0,
  };
}
