import { CounterflowError } from '../errors.js';
import { localityOrder, remapEndpoints } from './renumber.js';
import { TransferGraph, type GraphColumns, type GraphNames } from './transfer-graph.js';

/** One transfer as the builder takes it (amount in base units). */
export interface GraphEdgeInput {
  from: string;
  to: string;
  amount: number | bigint;
  asset: string;
  flags: number;
  time: number;
  block: number;
  txHash: string;
  position: string;
}

function grow<T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2, 1024));
  next.set(a);
  return next;
}

/**
 * Accumulates transfers in execution order (block, transaction, position) and builds a
 * {@link TransferGraph}: interns addresses, assets and transactions to dense ids, then lays out the CSR
 * adjacency in both directions with a counting sort (two passes over the edges).
 *
 * @example
 * const b = new GraphBuilder('ethereum');
 * b.add({ from: '0xa…', to: '0xb…', amount: 10n ** 18n, asset: 'native', flags: 0, time: 1740147227, block: 21895319, txHash: '0x…', position: 'a' });
 * const graph = b.build();
 */
export class GraphBuilder {
  private n = 0;
  private src = new Uint32Array(1024);
  private dst = new Uint32Array(1024);
  private amount = new Float64Array(1024);
  private asset = new Uint16Array(1024);
  private flags = new Uint8Array(1024);
  private time = new Uint32Array(1024);
  private block = new Uint32Array(1024);
  private tx = new Uint32Array(1024);
  private pos = new Uint16Array(1024);
  private addresses: string[] = [];
  private readonly addressIds = new Map<string, number>();
  private readonly assets: string[] = [];
  private readonly decimals: (number | null)[] = [];
  private readonly txHashes: string[] = [];
  private readonly positions: string[] = [];
  private lastTx = '';
  private lastBlock = -1;
  private posInTx = 0;

  constructor(
    readonly chain: string,
    private readonly decimalsOf: (asset: string) => number | null = () => null,
  ) {}

  private nodeId(address: string): number {
    let id = this.addressIds.get(address);
    if (id === undefined) {
      id = this.addresses.length;
      this.addresses.push(address);
      this.addressIds.set(address, id);
    }
    return id;
  }

  private assetIdOf(asset: string): number {
    let id = this.assets.indexOf(asset);
    if (id < 0) {
      if (this.assets.length >= 65535) throw new CounterflowError('the graph holds at most 65,535 assets per chain');
      id = this.assets.length;
      this.assets.push(asset);
      this.decimals.push(this.decimalsOf(asset));
    }
    return id;
  }

  /** Adds one transfer; transfers must come in execution order (the store's reading order). */
  add(t: GraphEdgeInput): void {
    if (t.block < this.lastBlock) throw new CounterflowError(`graph input out of order: block ${t.block} after ${this.lastBlock}`);
    const i = this.n;
    this.ensure(i + 1);
    if (t.txHash !== this.lastTx || t.block !== this.lastBlock) {
      this.txHashes.push(t.txHash);
      this.lastTx = t.txHash;
      this.posInTx = 0;
    } else this.posInTx++;
    this.lastBlock = t.block;
    this.src[i] = this.nodeId(t.from);
    this.dst[i] = this.nodeId(t.to);
    this.amount[i] = Number(t.amount);
    this.asset[i] = this.assetIdOf(t.asset);
    this.flags[i] = t.flags;
    this.time[i] = t.time;
    this.block[i] = t.block;
    this.tx[i] = this.txHashes.length - 1;
    this.pos[i] = Math.min(this.posInTx, 65535);
    this.positions.push(t.position);
    this.n++;
  }

  private ensure(need: number): void {
    if (need <= this.src.length) return;
    this.src = grow(this.src, need);
    this.dst = grow(this.dst, need);
    this.amount = grow(this.amount, need);
    this.asset = grow(this.asset, need);
    this.flags = grow(this.flags, need);
    this.time = grow(this.time, need);
    this.block = grow(this.block, need);
    this.tx = grow(this.tx, need);
    this.pos = grow(this.pos, need);
  }

  get size(): number {
    return this.n;
  }

  /**
   * Lays out the graph. Node ids are renumbered for locality first (breadth-first from the busiest
   * address, see renumber.ts), so ids follow the graph's structure rather than first appearance.
   */
  build(): TransferGraph {
    const n = this.n;
    const src = this.src.slice(0, n);
    const dst = this.dst.slice(0, n);
    const { newOf, oldOf } = localityOrder(this.addresses.length, n, src, dst);
    remapEndpoints(src, dst, n, newOf);
    // Keep the builder consistent with the new ids, so adding more transfers and building again works.
    this.addresses = Array.from(oldOf, (old) => this.addresses[old]!);
    this.addressIds.clear();
    this.addresses.forEach((a, i) => this.addressIds.set(a, i));
    this.src.set(src);
    this.dst.set(dst);
    const table = this.addresses;
    const names: GraphNames = {
      address: (node) => table[node]!,
      assets: this.assets,
      decimals: this.decimals,
      txHash: (tx) => this.txHashes[tx]!,
      position: (edge) => this.positions[edge]!,
      bytes: () => stringTableBytes(table) + stringTableBytes(this.txHashes) + stringTableBytes(this.positions),
    };
    return new TransferGraph(
      buildCsr({
        chain: this.chain,
        nodeCount: this.addresses.length,
        edgeCount: n,
        src,
        dst,
        amount: this.amount.slice(0, n),
        asset: this.asset.slice(0, n),
        flags: this.flags.slice(0, n),
        time: this.time.slice(0, n),
        block: this.block.slice(0, n),
        tx: this.tx.slice(0, n),
        pos: this.pos.slice(0, n),
      }),
      names,
    );
  }
}

/** Rough heap size of a string table: 2 bytes a character plus object overhead. */
function stringTableBytes(strings: readonly string[]): number {
  let chars = 0;
  for (const s of strings) chars += s.length;
  return chars + strings.length * 16;
}

export type EdgeColumns = Omit<GraphColumns, 'outOffsets' | 'outEdges' | 'inOffsets' | 'inEdges' | 'outNbr' | 'inNbr'>;

/**
 * Lays out compressed adjacency in both directions from chronological edge columns: a counting sort by
 * node keeps each node's edge list in ascending (chronological) order.
 *
 * @example
 * const columns = buildCsr({ chain, nodeCount, edgeCount, src, dst, amount, asset, flags, time, block, tx, pos });
 */
export function buildCsr(c: EdgeColumns): GraphColumns {
  const { nodeCount, edgeCount, src, dst } = c;
  const outOffsets = new Uint32Array(nodeCount + 1);
  const inOffsets = new Uint32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    outOffsets[src[e]! + 1]!++;
    inOffsets[dst[e]! + 1]!++;
  }
  for (let v = 0; v < nodeCount; v++) {
    outOffsets[v + 1]! += outOffsets[v]!;
    inOffsets[v + 1]! += inOffsets[v]!;
  }
  const outEdges = new Uint32Array(edgeCount);
  const inEdges = new Uint32Array(edgeCount);
  const outFill = outOffsets.slice(0, nodeCount);
  const inFill = inOffsets.slice(0, nodeCount);
  const outNbr = new Uint32Array(edgeCount);
  const inNbr = new Uint32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const s = src[e]!;
    const d = dst[e]!;
    const ko = outFill[s]!++;
    outEdges[ko] = e;
    outNbr[ko] = d;
    const ki = inFill[d]!++;
    inEdges[ki] = e;
    inNbr[ki] = s;
  }
  return { ...c, outOffsets, outEdges, inOffsets, inEdges, outNbr, inNbr };
}
