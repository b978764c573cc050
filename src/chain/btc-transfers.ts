import { ripemd160 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { encodeBase58Check } from '../addresses/base58check.js';
import { intrinsicFlags } from './transfer-flags.js';
import { NATIVE_ASSET, utxoOutputPosition, type Transfer, type UtxoInput } from './transfer.js';

/** One Bitcoin-style transaction, source-neutral (Bitcoin Core getblock or bitcoin-etl JSON). */
export interface BtcTransaction {
  hash: string;
  index: number;
  isCoinbase: boolean;
  inputs: { index: number; spentTxHash: string; spentOutputIndex: number; value: bigint | null; address: string | null }[];
  outputs: { index: number; value: bigint; addresses: string[]; type: string | null }[];
}

/**
 * One `utxo` transfer per output (coinbase, multisig, OP_RETURN and non-standard outputs included) and one
 * input record per spent output, so each output's spender can be looked up.
 *
 * @example
 * const { transfers, inputs } = btcTransactionTransfers('bitcoin', 50001, 1270917100, tx);
 */
export function btcTransactionTransfers(chain: string, blockNumber: number, blockTime: number | null, tx: BtcTransaction): { transfers: Transfer[]; inputs: UtxoInput[] } {
  const transfers = tx.outputs.map(
    (o): Transfer => ({
      chain,
      blockNumber,
      blockTime,
      txHash: tx.hash,
      txIndex: tx.index,
      position: utxoOutputPosition(o.index),
      kind: 'utxo',
      from: null,
      // Bare multisig pays several keys at once: keep them all, comma-separated (no address contains a comma).
      to: o.addresses.length === 0 ? null : o.addresses.join(','),
      asset: NATIVE_ASSET,
      amount: o.value,
      success: true,
      flags: intrinsicFlags(chain, NATIVE_ASSET, o.value),
      scriptType: o.type,
    }),
  );
  const inputs = tx.inputs.map(
    (i): UtxoInput => ({
      chain,
      blockNumber,
      txHash: tx.hash,
      inputIndex: i.index,
      spentTxHash: i.spentTxHash,
      spentOutputIndex: i.spentOutputIndex,
      value: i.value,
      address: i.address,
    }),
  );
  return { transfers, inputs };
}

/**
 * The P2PKH address of a pay-to-public-key output, as Bitcoin Core before v22 reported it (newer versions
 * report no address for P2PK). Undefined when the script is not `<pubkey> OP_CHECKSIG`.
 *
 * @example
 * p2pkAddress('0496b538e853519c726a2c91e61ec11600ae1390813a627c66fb8be7947be63c52da7589379515d4e0a604f8141781e62294721166bf621e73a82cbf2342c858ee OP_CHECKSIG')
 * // '12c6DSiU4Rq3P4ZxziKxzrL5LmMBrzjrJX'
 */
export function p2pkAddress(scriptAsm: string): string | undefined {
  const m = /^((?:02|03)[0-9a-f]{64}|04[0-9a-f]{128}) OP_CHECKSIG$/i.exec(scriptAsm);
  if (!m) return undefined;
  const pubkey = Buffer.from(m[1]!, 'hex');
  const payload = new Uint8Array(21);
  payload.set(ripemd160(sha256(pubkey)), 1);
  return encodeBase58Check(payload);
}
