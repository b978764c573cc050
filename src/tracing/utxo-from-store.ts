import { utxoOutputPosition } from '../chain/transfer.js';
import type { TransferStore } from '../store/transfer-store.js';
import type { UtxoTx } from './utxo-clustering.js';

/**
 * The stored Bitcoin-style transactions of a chain as inputs and outputs with addresses and values: outputs
 * are the `utxo` transfers, inputs the stored input records; an input whose record carries no address or
 * value takes them from the output it spends when that output is stored (otherwise address null).
 *
 * @example
 * const { clusters } = clusterUtxo(utxoTxsFromStore(store, 'bitcoin'));
 */
export function utxoTxsFromStore(store: TransferStore, chain: string): UtxoTx[] {
  const txs = new Map<string, UtxoTx>();
  const outputs = new Map<string, { address: string | null; value: number }>();
  const txOf = (hash: string) => {
    let tx = txs.get(hash);
    if (!tx) txs.set(hash, (tx = { txHash: hash, inputs: [], outputs: [] }));
    return tx;
  };
  for (const t of store.iterateTransfers(chain)) {
    if (t.kind !== 'utxo') continue;
    const out = { address: t.to, value: Number(t.amount) };
    txOf(t.txHash).outputs.push(out);
    outputs.set(`${t.txHash}/${t.position}`, out);
  }
  for (const i of store.utxoInputs({ chain })) {
    const spent = outputs.get(`${i.spentTxHash}/${utxoOutputPosition(i.spentOutputIndex)}`);
    txOf(i.txHash).inputs.push({ address: i.address ?? spent?.address ?? null, value: i.value !== null ? Number(i.value) : (spent?.value ?? 0) });
  }
  return [...txs.values()];
}

/**
 * Who sends a UTXO transaction's outputs in the address graph: the input address that contributed the most
 * value (the first on ties). An estimate, as in GraphSense's address relations: exact input-to-output
 * attribution does not exist in the UTXO model. Coinbase transactions (no inputs) have no sender.
 *
 * @example
 * const sender = utxoSenders(txs).get(txHash);
 */
export function utxoSenders(txs: Iterable<UtxoTx>): Map<string, string> {
  const senders = new Map<string, string>();
  for (const tx of txs) {
    const byAddress = new Map<string, number>();
    for (const i of tx.inputs) if (i.address !== null) byAddress.set(i.address, (byAddress.get(i.address) ?? 0) + i.value);
    let best: string | undefined;
    let bestValue = -1;
    for (const [a, v] of byAddress)
      if (v > bestValue) {
        best = a;
        bestValue = v;
      }
    if (best !== undefined) senders.set(tx.txHash, best);
  }
  return senders;
}
