import { describe, expect, it } from 'vitest';
import { btcTransactionTransfers, p2pkAddress } from './btc-transfers.js';

describe('Bitcoin outputs and inputs', () => {
  it('derives the address Bitcoin Core used to show for pay-to-public-key outputs', () => {
    expect(
      p2pkAddress('04678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5f OP_CHECKSIG'),
    ).toBe('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa');
    expect(p2pkAddress('OP_DUP OP_HASH160 62e907b15cbf27d5425399ebf6f0fb50ebb88f18 OP_EQUALVERIFY OP_CHECKSIG')).toBeUndefined();
  });

  it('keeps every output (multisig, OP_RETURN, non-standard) and links every input', () => {
    const { transfers, inputs } = btcTransactionTransfers('bitcoin', 100, 1_300_000_000, {
      hash: 'ab'.repeat(32),
      index: 3,
      isCoinbase: false,
      inputs: [{ index: 0, spentTxHash: 'cd'.repeat(32), spentOutputIndex: 7, value: null, address: null }],
      outputs: [
        { index: 0, value: 1000n, addresses: ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', '12c6DSiU4Rq3P4ZxziKxzrL5LmMBrzjrJX'], type: 'multisig' },
        { index: 1, value: 0n, addresses: [], type: 'nulldata' },
        { index: 2, value: 5n, addresses: [], type: 'nonstandard' },
      ],
    });
    expect(transfers.map((t) => [t.position, t.to, t.amount, t.scriptType, t.flags])).toEqual([
      ['o10', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa,12c6DSiU4Rq3P4ZxziKxzrL5LmMBrzjrJX', 1000n, 'multisig', 0],
      ['o11', null, 0n, 'nulldata', 2],
      ['o12', null, 5n, 'nonstandard', 0],
    ]);
    expect(inputs).toEqual([{ chain: 'bitcoin', blockNumber: 100, txHash: 'ab'.repeat(32), inputIndex: 0, spentTxHash: 'cd'.repeat(32), spentOutputIndex: 7, value: null, address: null }]);
  });
});
