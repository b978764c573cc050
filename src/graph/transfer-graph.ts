/**
 * The in-memory transfer graph: addresses are dense integer ids, transfers are edges numbered in execution
 * order (block, transaction index, position), so an edge id is also its chronological rank. Every per-edge
 * column is a typed array; adjacency is compressed (CSR) in both directions and lists edge ids in
 * ascending (= chronological) order, so "outflows of u after edge e" is a binary search.
 */

import { buildAddressSlots, lookupAddress } from './address-index.js';

/** Graph-level flag bits (the transfer-store bits, plus one for a failed transfer). */
export const EDGE_FLAGS = {
  unverifiedToken: 1,
  zeroValue: 2,
  lookalike: 4,
  nonFungible: 8,
  /** The transaction or call failed: nothing moved. */
  failed: 128,
} as const;

/** Transfers that move nothing real or carry poisoning noise: never followed by taint models. */
export const NOISE_FLAGS = EDGE_FLAGS.unverifiedToken | EDGE_FLAGS.zeroValue | EDGE_FLAGS.lookalike | EDGE_FLAGS.nonFungible | EDGE_FLAGS.failed;

export interface GraphColumns {
  chain: string;
  nodeCount: number;
  edgeCount: number;
  /** Per edge, chronological. */
  src: Uint32Array;
  dst: Uint32Array;
  /** Amount in the asset's base units (float64: exact below 2^53, relative error 1e-16 above). */
  amount: Float64Array;
  asset: Uint16Array;
  flags: Uint8Array;
  /** Unix seconds (0 when unknown). */
  time: Uint32Array;
  block: Uint32Array;
  /** Dense transaction id. */
  tx: Uint32Array;
  /** Rank of the transfer inside its transaction (0, 1, …). */
  pos: Uint16Array;
  outOffsets: Uint32Array;
  outEdges: Uint32Array;
  inOffsets: Uint32Array;
  inEdges: Uint32Array;
  /** Receiver of outEdges[k] / sender of inEdges[k], stored beside the edge id so a walk reads sequentially. */
  outNbr: Uint32Array;
  inNbr: Uint32Array;
}

/** Side tables: the strings behind the dense ids (like BlockSci's hash lookup tables). */
export interface GraphNames {
  /** Address text per node id. */
  address(node: number): string;
  /** Asset text per asset id: `native` or a token contract. */
  assets: readonly string[];
  /** Decimals per asset id (null when unknown). */
  decimals: readonly (number | null)[];
  txHash(tx: number): string;
  /** Original position string of an edge, when kept. */
  position(edge: number): string;
  /** Approximate bytes held by the side tables. */
  bytes(): number;
}

/**
 * A built graph. Use {@link GraphBuilder} to make one, or `loadGraphCache` to read one back.
 *
 * @example
 * const g = builder.build();
 * for (let k = g.outOffsets[u]!; k < g.outOffsets[u + 1]!; k++) visit(g.dst[g.outEdges[k]!]!);
 */
export class TransferGraph implements GraphColumns {
  readonly chain: string;
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly src: Uint32Array;
  readonly dst: Uint32Array;
  readonly amount: Float64Array;
  readonly asset: Uint16Array;
  readonly flags: Uint8Array;
  readonly time: Uint32Array;
  readonly block: Uint32Array;
  readonly tx: Uint32Array;
  readonly pos: Uint16Array;
  readonly outOffsets: Uint32Array;
  readonly outEdges: Uint32Array;
  readonly inOffsets: Uint32Array;
  readonly inEdges: Uint32Array;
  readonly outNbr: Uint32Array;
  readonly inNbr: Uint32Array;
  readonly names: GraphNames;
  /** Address → node hash table (see address-index.ts), built eagerly, cached on disk with the graph. */
  readonly addressSlots: Int32Array;
  private txIndex: Map<string, number> | undefined;

  constructor(columns: GraphColumns, names: GraphNames, addressSlots?: Int32Array) {
    this.chain = columns.chain;
    this.nodeCount = columns.nodeCount;
    this.edgeCount = columns.edgeCount;
    this.src = columns.src;
    this.dst = columns.dst;
    this.amount = columns.amount;
    this.asset = columns.asset;
    this.flags = columns.flags;
    this.time = columns.time;
    this.block = columns.block;
    this.tx = columns.tx;
    this.pos = columns.pos;
    this.outOffsets = columns.outOffsets;
    this.outEdges = columns.outEdges;
    this.inOffsets = columns.inOffsets;
    this.inEdges = columns.inEdges;
    this.outNbr = columns.outNbr;
    this.inNbr = columns.inNbr;
    this.names = names;
    this.addressSlots = addressSlots ?? buildAddressSlots(this.nodeCount, (n) => names.address(n));
  }

  /** The node id of an address (already normalised, e.g. lower-case EVM hex), or undefined. */
  node(address: string): number | undefined {
    return lookupAddress(this.addressSlots, (n) => this.names.address(n), address);
  }

  address(node: number): string {
    return this.names.address(node);
  }

  assetId(asset: string): number | undefined {
    const i = this.names.assets.indexOf(asset);
    return i < 0 ? undefined : i;
  }

  /** Edge ids of a transaction, in execution order. */
  txEdges(hash: string): number[] {
    if (!this.txIndex) {
      this.txIndex = new Map();
      for (let e = 0; e < this.edgeCount; e++) {
        const h = this.names.txHash(this.tx[e]!);
        if (!this.txIndex.has(h)) this.txIndex.set(h, e);
      }
    }
    const first = this.txIndex.get(hash);
    if (first === undefined) return [];
    const t = this.tx[first]!;
    const out: number[] = [];
    for (let e = first; e < this.edgeCount && this.tx[e] === t; e++) out.push(e);
    return out;
  }

  outDegree(node: number): number {
    return this.outOffsets[node + 1]! - this.outOffsets[node]!;
  }

  inDegree(node: number): number {
    return this.inOffsets[node + 1]! - this.inOffsets[node]!;
  }

  /** Bytes held by the typed arrays used for traversal and taint (the core). */
  coreBytes(): number {
    const arrays = [this.src, this.dst, this.amount, this.asset, this.flags, this.time, this.block, this.tx, this.pos, this.outOffsets, this.outEdges, this.inOffsets, this.inEdges, this.outNbr, this.inNbr];
    return arrays.reduce((s, a) => s + a.byteLength, 0);
  }
}

/**
 * First index k in `edges[lo, hi)` (ascending) with edges[k] > after; `hi` when none.
 *
 * @example
 * firstAfter(new Uint32Array([1, 5, 9]), 0, 3, 5) // 2
 */
export function firstAfter(edges: Uint32Array, lo: number, hi: number, after: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid]! <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Last index k in `edges[lo, hi)` (ascending) with edges[k] < before, plus one: the end of the prefix of
 * edges before `before`.
 *
 * @example
 * endBefore(new Uint32Array([1, 5, 9]), 0, 3, 9) // 2
 */
export function endBefore(edges: Uint32Array, lo: number, hi: number, before: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid]! < before) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
