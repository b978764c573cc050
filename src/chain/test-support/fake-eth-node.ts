import { hexToSafeInteger, toHexQuantity } from '../hex.js';
import type { JsonValue } from '../lossless-json.js';
import type { RpcHandler } from './json-rpc-server.js';

const pad = (n: number | bigint, width = 64) => n.toString(16).padStart(width, '0');

/** Deterministic hashes that differ between forks of the same height. */
export const fakeBlockHash = (n: number, fork = 0) => `0x${pad(fork, 8)}${pad(n, 56)}`;
export const fakeTxHash = (n: number, i: number, fork = 0) => `0x${pad(fork, 8)}${pad(n, 28)}${pad(i, 28)}`;
export const fakeAddress = (k: number) => `0x${pad(k, 40)}`;

/**
 * A tiny in-memory Ethereum node for fault tests: `blocks` blocks of `txsPerBlock` plain ETH transfers each.
 * `fork` changes every hash from `forkFrom` on, to simulate a reorg; `tamper` may rewrite any result.
 */
export function fakeEthNode(options: {
  blocks: number;
  txsPerBlock?: number;
  fork?: { from: number; id: number };
  tamper?: (method: string, params: JsonValue[], result: JsonValue) => JsonValue;
}): RpcHandler & { setFork(fork: { from: number; id: number } | undefined): void; setTamper(t: typeof options.tamper): void } {
  let fork = options.fork;
  let tamper = options.tamper;
  const perBlock = options.txsPerBlock ?? 2;
  const forkOf = (n: number) => (fork && n >= fork.from ? fork.id : 0);
  const tx = (n: number, i: number) => ({
    hash: fakeTxHash(n, i, forkOf(n)),
    transactionIndex: toHexQuantity(i),
    blockNumber: toHexQuantity(n),
    from: fakeAddress(1),
    to: fakeAddress(1000 + n * 10 + i + forkOf(n) * 100_000),
    value: toHexQuantity(BigInt(n) * 10n ** 18n + BigInt(i)),
  });
  const block = (n: number, full: boolean) => ({
    number: toHexQuantity(n),
    hash: fakeBlockHash(n, forkOf(n)),
    parentHash: n === 0 ? `0x${pad(0)}` : fakeBlockHash(n - 1, forkOf(n - 1)),
    timestamp: toHexQuantity(1_700_000_000 + n * 12),
    transactions: Array.from({ length: perBlock }, (_, i) => (full ? tx(n, i) : fakeTxHash(n, i, forkOf(n)))),
  });
  const receipt = (n: number, i: number) => ({ transactionHash: fakeTxHash(n, i, forkOf(n)), status: '0x1', contractAddress: null, logs: [] });
  const handler = ((method: string, params: JsonValue[]) => {
    const n = hexToSafeInteger(params[0]);
    let result: JsonValue;
    switch (method) {
      case 'eth_blockNumber':
        result = toHexQuantity(options.blocks - 1);
        break;
      case 'eth_getBlockByNumber':
        result = n !== undefined && n < options.blocks ? (block(n, params[1] === true) as unknown as JsonValue) : null;
        break;
      case 'eth_getBlockReceipts':
        result = n !== undefined && n < options.blocks ? (Array.from({ length: perBlock }, (_, i) => receipt(n, i)) as unknown as JsonValue) : null;
        break;
      default:
        return { error: { code: -32601, message: 'Method not found' } };
    }
    return { result: tamper ? tamper(method, params, result) : result };
  }) as RpcHandler & { setFork(f: typeof fork): void; setTamper(t: typeof tamper): void };
  handler.setFork = (f) => (fork = f);
  handler.setTamper = (t) => (tamper = t);
  return handler;
}
