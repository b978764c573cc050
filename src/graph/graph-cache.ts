import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CounterflowError } from '../errors.js';
import type { TransferStore } from '../store/transfer-store.js';
import { buildGraphFromStore } from './graph-from-store.js';
import { TransferGraph, type GraphColumns, type GraphNames } from './transfer-graph.js';

const MAGIC = 'CFGRAPH2';
const ARRAYS = ['src', 'dst', 'amount', 'asset', 'flags', 'time', 'block', 'tx', 'pos', 'outOffsets', 'outEdges', 'inOffsets', 'inEdges', 'outNbr', 'inNbr', 'addressSlots'] as const;
type ArrayName = (typeof ARRAYS)[number];
const CTORS: Record<ArrayName, new (b: ArrayBuffer, o: number, n: number) => ArrayBufferView> = {
  src: Uint32Array,
  dst: Uint32Array,
  amount: Float64Array,
  asset: Uint16Array,
  flags: Uint8Array,
  time: Uint32Array,
  block: Uint32Array,
  tx: Uint32Array,
  pos: Uint16Array,
  outOffsets: Uint32Array,
  outEdges: Uint32Array,
  inOffsets: Uint32Array,
  inEdges: Uint32Array,
  outNbr: Uint32Array,
  inNbr: Uint32Array,
  addressSlots: Int32Array,
};

interface CacheHeader {
  fingerprint: string;
  chain: string;
  nodeCount: number;
  edgeCount: number;
  arrays: { name: ArrayName; offset: number; length: number }[];
  addresses: string[];
  assets: string[];
  decimals: (number | null)[];
  txHashes: string[];
  positions: string[];
}

/** Where the graph of a chain is cached inside a home directory. */
export function graphCachePath(home: string, chain: string): string {
  return join(home, 'graph', `${chain}.cfgraph`);
}

/**
 * Writes a graph to one file: a JSON header (names, fingerprint) followed by the typed arrays (the
 * address hash table included, so loading needs no re-hashing), each 8-byte aligned so loading is a view over the file buffer, not a copy per element.
 *
 * @example
 * saveGraphCache(graph, graphCachePath(home, 'ethereum'), store.transferFingerprint('ethereum'));
 */
export function saveGraphCache(graph: TransferGraph, file: string, fingerprint: string): void {
  const arrays: CacheHeader['arrays'] = [];
  let offset = 0;
  for (const name of ARRAYS) {
    const a = graph[name];
    arrays.push({ name, offset, length: a.length });
    offset += Math.ceil(a.byteLength / 8) * 8;
  }
  const txHashes: string[] = [];
  for (let e = 0, last = -1; e < graph.edgeCount; e++) if (graph.tx[e] !== last) txHashes.push(graph.names.txHash((last = graph.tx[e]!)));
  const header: CacheHeader = {
    fingerprint,
    chain: graph.chain,
    nodeCount: graph.nodeCount,
    edgeCount: graph.edgeCount,
    arrays,
    addresses: Array.from({ length: graph.nodeCount }, (_, n) => graph.address(n)),
    assets: [...graph.names.assets],
    decimals: [...graph.names.decimals],
    txHashes,
    positions: Array.from({ length: graph.edgeCount }, (_, e) => graph.names.position(e)),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(16);
  prefix.write(MAGIC, 0, 'ascii');
  prefix.writeUInt32LE(headerBytes.length, 8);
  const pad = (8 - ((16 + headerBytes.length) % 8)) % 8;
  const body = Buffer.alloc(offset);
  for (const { name, offset: o } of arrays) {
    const a = graph[name];
    body.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), o);
  }
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, Buffer.concat([prefix, headerBytes, Buffer.alloc(pad), body]));
  renameSync(tmp, file);
}

/**
 * Reads a cached graph; undefined when the file is absent or was built from other transfers.
 *
 * @example
 * const graph = loadGraphCache(graphCachePath(home, 'ethereum'), store.transferFingerprint('ethereum'));
 */
export function loadGraphCache(file: string, fingerprint?: string): TransferGraph | undefined {
  if (!existsSync(file)) return undefined;
  const buf = readFileSync(file);
  // A cache written by an earlier layout (CFGRAPH1: no address index, ids not renumbered) is simply rebuilt.
  if (buf.length >= 16 && /^CFGRAPH\d$/.test(buf.toString('ascii', 0, 8)) && buf.toString('ascii', 0, 8) !== MAGIC) return undefined;
  if (buf.length < 16 || buf.toString('ascii', 0, 8) !== MAGIC) throw new CounterflowError(`${file} is not a Counterflow graph cache; delete it to rebuild`);
  const headerLength = buf.readUInt32LE(8);
  const header = JSON.parse(buf.toString('utf8', 16, 16 + headerLength)) as CacheHeader;
  if (fingerprint !== undefined && header.fingerprint !== fingerprint) return undefined;
  const start = 16 + headerLength + ((8 - ((16 + headerLength) % 8)) % 8);
  // Copy once into an aligned buffer: Node's pooled file buffers may start at any byte offset.
  const body = new ArrayBuffer(buf.length - start);
  new Uint8Array(body).set(buf.subarray(start));
  const columns: Record<string, unknown> = { chain: header.chain, nodeCount: header.nodeCount, edgeCount: header.edgeCount };
  for (const { name, offset, length } of header.arrays) {
    if (!Object.hasOwn(CTORS, name)) throw new CounterflowError(`${file} is not a Counterflow graph cache (unknown column "${name}"); delete it to rebuild`);
    columns[name] = new CTORS[name](body, offset, length);
  }
  const names: GraphNames = {
    address: (n) => header.addresses[n]!,
    assets: header.assets,
    decimals: header.decimals,
    txHash: (t) => header.txHashes[t]!,
    position: (e) => header.positions[e]!,
    bytes: () => headerLength * 2,
  };
  return new TransferGraph(columns as unknown as GraphColumns, names, columns['addressSlots'] as Int32Array | undefined);
}

/**
 * The graph of a chain: from the disk cache when it matches the stored transfers, else built from the
 * store and cached.
 *
 * @example
 * const { graph, cached } = openGraph(store, home, 'ethereum');
 */
export function openGraph(store: TransferStore, home: string, chain: string): { graph: TransferGraph; cached: boolean } {
  const file = graphCachePath(home, chain);
  const fingerprint = store.transferFingerprint(chain);
  const cached = loadGraphCache(file, fingerprint);
  if (cached) return { graph: cached, cached: true };
  const graph = buildGraphFromStore(store, chain);
  saveGraphCache(graph, file, fingerprint);
  return { graph, cached: false };
}
