import type { TokenRecord } from '../store/transfer-store.js';
import type { RpcClient } from './rpc-client.js';

const DECIMALS = '0x313ce567';
const SYMBOL = '0x95d89b41';
const NAME = '0x06fdde03';

/**
 * Reads `decimals()`, `symbol()` and `name()` of token contracts with `eth_call` (batched). A call that reverts
 * or returns something unreadable leaves that field null; nothing is guessed. The symbol is stored as
 * metadata only: tokens are trusted by address (token-allowlist.ts), never by symbol.
 *
 * @example
 * const [usdt] = await fetchTokenMetadata(rpc, 'ethereum', ['0xdac17f958d2ee523a2206206994597c13d831ec7']);
 */
export async function fetchTokenMetadata(client: RpcClient, chain: string, addresses: readonly string[]): Promise<TokenRecord[]> {
  if (addresses.length === 0) return [];
  const calls = addresses.flatMap((to) => [DECIMALS, SYMBOL, NAME].map((data) => ({ method: 'eth_call', params: [{ to, data }, 'latest'] })));
  const outcomes = await client.callMany(calls);
  return addresses.map((address, i) => {
    const [decimals, symbol, name] = [0, 1, 2].map((k) => {
      const o = outcomes[i * 3 + k]!;
      return o.ok && typeof o.result === 'string' ? o.result : undefined;
    });
    return { chain, address, decimals: decodeDecimals(decimals), symbol: decodeText(symbol), name: decodeText(name), origin: 'rpc' };
  });
}

/** A uint8 in a 32-byte word; null for anything else (empty return, out of range). */
export function decodeDecimals(hex: string | undefined): number | null {
  if (!hex || !/^0x[0-9a-fA-F]{64}$/.test(hex)) return null;
  const n = BigInt(hex);
  return n <= 255n ? Number(n) : null;
}

/**
 * An ABI `string` return, or a `bytes32` one (old tokens such as MKR), as text; null when unreadable.
 *
 * @example
 * decodeText('0x' + '20'.padStart(64, '0') + '4'.padStart(64, '0') + '55534454'.padEnd(64, '0')) // 'USDT'
 */
export function decodeText(hex: string | undefined): string | null {
  if (!hex || !/^0x(?:[0-9a-fA-F]{2})*$/.test(hex) || hex.length < 66) return null;
  const bytes = Buffer.from(hex.slice(2), 'hex');
  let raw: Buffer | undefined;
  if (bytes.length >= 64) {
    const offset = Number(BigInt(`0x${bytes.subarray(0, 32).toString('hex')}`));
    if (offset === 32 && bytes.length >= 64) {
      const length = Number(BigInt(`0x${bytes.subarray(32, 64).toString('hex')}`));
      if (length <= 256 && 64 + length <= bytes.length) raw = bytes.subarray(64, 64 + length);
    }
  }
  if (!raw && bytes.length === 32) raw = bytes.subarray(0, bytes.indexOf(0) === -1 ? 32 : bytes.indexOf(0));
  if (!raw) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return null;
  }
  // Control characters would corrupt terminal output; keep the rest (look-alike letters included) as evidence.
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return text.length > 0 ? text.slice(0, 64) : null;
}
