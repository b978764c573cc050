/** One Bitcoin-style transaction with the addresses and values of its inputs and outputs. */
export interface UtxoTx {
  txHash: string;
  inputs: { address: string | null; value: number }[];
  outputs: { address: string | null; value: number }[];
}

/** Wasabi 1.x post-mix denomination ~0.1 BTC and Whirlpool pool sizes, in satoshi. */
const WHIRLPOOL_POOLS = [100_000, 1_000_000, 5_000_000, 50_000_000];

/**
 * Which CoinJoin shape a transaction has, if any: Whirlpool (5 inputs, 5 equal outputs of a pool size),
 * Wasabi (many inputs, at least 10 equal outputs), JoinMarket (≥ 3 equal outputs, at most as many other
 * outputs as equal ones, and at least as many inputs as equal outputs).
 *
 * @example
 * coinjoinKind(tx) // 'whirlpool'
 */
export function coinjoinKind(tx: UtxoTx): 'whirlpool' | 'wasabi' | 'joinmarket' | null {
  const counts = new Map<number, number>();
  for (const o of tx.outputs) counts.set(o.value, (counts.get(o.value) ?? 0) + 1);
  let [equalValue, equal] = [0, 0];
  for (const [v, c] of counts) if (c > equal) [equalValue, equal] = [v, c];
  if (tx.inputs.length === 5 && tx.outputs.length === 5 && equal === 5 && WHIRLPOOL_POOLS.includes(equalValue)) return 'whirlpool';
  if (equal >= 10 && tx.inputs.length >= 10) return 'wasabi';
  if (equal >= 3 && tx.outputs.length - equal <= equal && tx.inputs.length >= equal) return 'joinmarket';
  return null;
}

/**
 * Multi-input clustering (union-find): all input addresses of a transaction with two or more inputs
 * belong to one owner, except CoinJoins. Returns address → cluster id (the smallest address of the
 * cluster), for clusters of two or more addresses, and the CoinJoins skipped. Bare-multisig inputs (several
 * keys, stored comma-separated) are not one owner and are left out, as in GraphSense.
 *
 * @example
 * const { clusters, coinjoins } = clusterUtxo(txs);
 */
export function clusterUtxo(txs: Iterable<UtxoTx>): { clusters: Map<string, string>; coinjoins: { txHash: string; kind: string }[] } {
  const parent = new Map<string, string>();
  const find = (a: string): string => {
    let r = a;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let x = a;
    while (parent.get(x) !== r) {
      const nx = parent.get(x)!;
      parent.set(x, r);
      x = nx;
    }
    return r;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) return;
    if (ra < rb) parent.set(rb, ra);
    else parent.set(ra, rb);
  };
  const coinjoins: { txHash: string; kind: string }[] = [];
  for (const tx of txs) {
    const addrs = [...new Set(tx.inputs.map((i) => i.address).filter((a): a is string => a !== null && !a.includes(',')))];
    if (addrs.length < 2) continue;
    const kind = coinjoinKind(tx);
    if (kind) {
      coinjoins.push({ txHash: tx.txHash, kind });
      continue;
    }
    for (const a of addrs) if (!parent.has(a)) parent.set(a, a);
    for (let i = 1; i < addrs.length; i++) union(addrs[0]!, addrs[i]!);
  }
  const clusters = new Map<string, string>();
  const size = new Map<string, number>();
  for (const a of parent.keys()) size.set(find(a), (size.get(find(a)) ?? 0) + 1);
  for (const a of parent.keys()) if (size.get(find(a))! >= 2) clusters.set(a, find(a));
  return { clusters, coinjoins };
}
