import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { hexToSafeInteger, toHexQuantity } from '../hex.js';
import { isJsonObject, jsonToBigInt, jsonToSafeInteger, parseJsonLossless, type JsonValue } from '../lossless-json.js';
import type { RpcHandler, RpcReply } from './json-rpc-server.js';

const NOT_FOUND: RpcReply = { error: { code: -32601, message: 'Method not found' } };

/** ethereum-etl's MockWeb3Provider file naming: `web3_response.<method>_<params joined by _>.json`. */
export function ethereumEtlFileName(method: string, params: JsonValue[]): string {
  const str = (p: JsonValue): string => {
    if (Array.isArray(p)) return p.map(str).join('_');
    if (isJsonObject(p)) return Object.keys(p).sort().map((k) => `${k}_${str(p[k]!)}`).join('_');
    return String(p).toLowerCase();
  };
  return `web3_response.${method}_${params.map(str).join('_')}.json`;
}

/**
 * Answers from the `web3_response.*.json` files ethereum-etl recorded from real mainnet nodes. A method
 * never recorded is "Method not found" (as a node without it would say); a recorded method asked with
 * unrecorded parameters is an error, so a test can never pass on invented data.
 *
 * @example
 * const server = await startJsonRpcServer(recordedEthereumEtlHandler([dir]));
 */
export function recordedEthereumEtlHandler(dirs: string[]): RpcHandler {
  const files = new Map<string, string>();
  for (const dir of dirs) for (const name of readdirSync(dir)) if (name.startsWith('web3_response.')) files.set(name, join(dir, name));
  // Method names contain underscores (eth_getBlockByNumber): known methods are matched as file-name prefixes.
  const known = [...files.keys()].map((n) => n.slice('web3_response.'.length));
  return (method, params) => {
    const file = files.get(ethereumEtlFileName(method, params));
    if (file) {
      const body = parseJsonLossless(readFileSync(file, 'utf8'));
      if (isJsonObject(body) && 'error' in body && isJsonObject(body.error)) return { error: { code: Number(body.error.code ?? -32000), message: String(body.error.message) } };
      return { result: isJsonObject(body) && 'result' in body ? body.result! : body };
    }
    if (!known.some((n) => n.startsWith(`${method}_`))) return NOT_FOUND;
    return { error: { code: -32000, message: `not recorded: ${method} ${JSON.stringify(params)}` } };
  };
}

/** bitcoin-etl's file naming: `rpc_response_<method>_<params joined by _>.json` (no params: no underscore). */
export function bitcoinEtlFileName(method: string, params: JsonValue[]): string {
  return `rpc_response_${method}${params.length ? `_${params.map((p) => (p === null ? 'None' : String(p))).join('_')}` : ''}.json`;
}

/**
 * Answers from bitcoin-etl's recorded Bitcoin Core responses. `getblock <hash> 3` is answered with the
 * recorded verbosity-2 block, as a Bitcoin Core before v23 does (it treats any verbosity ≥ 2 as 2).
 */
export function recordedBitcoinEtlHandler(dirs: string[]): RpcHandler {
  const files = new Map<string, string>();
  for (const dir of dirs) for (const name of readdirSync(dir)) if (name.startsWith('rpc_response_')) files.set(name, join(dir, name));
  const known = [...files.keys()];
  return (method, params) => {
    const candidates = [bitcoinEtlFileName(method, params)];
    if (method === 'getblock' && params[1] === 3) candidates.push(bitcoinEtlFileName(method, [params[0]!, 2]));
    if (method === 'getrawtransaction') candidates.push(bitcoinEtlFileName(method, [params[0]!]));
    for (const name of candidates) {
      const file = files.get(name);
      if (file) return { result: parseJsonLossless(readFileSync(file, 'utf8')) };
    }
    if (!known.some((n) => n.startsWith(`rpc_response_${method}`))) return NOT_FOUND;
    return { error: { code: -5, message: `not recorded: ${method} ${JSON.stringify(params)}` } };
  };
}

/**
 * Serves blocks and receipts rebuilt from ethereum-etl's expected stream output (blocks, transactions with
 * receipt fields, logs). Used for blocks 17173049–17173050, for which ethereum-etl kept the expected output
 * but no recorded node responses: the node side is a reconstruction of the same real data, in JSON-RPC form.
 * Offers no traces and answers `eth_call` with a revert (no token metadata).
 */
export function expectedOutputEthereumHandler(dir: string): RpcHandler {
  const lines = (name: string) =>
    existsSync(join(dir, name))
      ? readFileSync(join(dir, name), 'utf8')
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => parseJsonLossless(l) as { [key: string]: JsonValue })
      : [];
  const blocks = lines('expected_blocks.json');
  const txs = lines('expected_transactions.json');
  const logs = lines('expected_logs.json');
  const hex = (v: JsonValue | undefined) => (v === null || v === undefined ? null : toHexQuantity(jsonToBigInt(v)!));
  const rpcLog = (l: { [key: string]: JsonValue }) => ({
    address: l.address!,
    topics: l.topics!,
    data: l.data!,
    blockNumber: hex(l.block_number),
    blockHash: l.block_hash!,
    transactionHash: l.transaction_hash!,
    transactionIndex: hex(l.transaction_index),
    logIndex: hex(l.log_index),
    removed: false,
  });
  const receipt = (t: { [key: string]: JsonValue }) => ({
    transactionHash: t.hash!,
    transactionIndex: hex(t.transaction_index),
    blockHash: t.block_hash!,
    blockNumber: hex(t.block_number),
    from: t.from_address!,
    to: t.to_address ?? null,
    contractAddress: t.receipt_contract_address ?? null,
    cumulativeGasUsed: hex(t.receipt_cumulative_gas_used),
    gasUsed: hex(t.receipt_gas_used),
    status: t.receipt_status === null || t.receipt_status === undefined ? undefined : hex(t.receipt_status),
    logs: logs.filter((l) => l.transaction_hash === t.hash).map(rpcLog),
  });
  const rpcTx = (t: { [key: string]: JsonValue }) => ({
    hash: t.hash!,
    nonce: hex(t.nonce),
    blockHash: t.block_hash!,
    blockNumber: hex(t.block_number),
    transactionIndex: hex(t.transaction_index),
    from: t.from_address!,
    to: t.to_address ?? null,
    value: hex(t.value),
    gas: hex(t.gas),
    gasPrice: hex(t.gas_price),
    input: t.input!,
    type: hex(t.transaction_type),
  });
  const blockOf = (n: number, full: boolean) => {
    const b = blocks.find((x) => jsonToSafeInteger(x.number) === n);
    if (!b) return null;
    const own = txs.filter((t) => jsonToSafeInteger(t.block_number) === n).sort((x, y) => Number(x.transaction_index) - Number(y.transaction_index));
    return {
      number: hex(b.number),
      hash: b.hash!,
      parentHash: b.parent_hash!,
      timestamp: hex(b.timestamp),
      miner: b.miner!,
      gasLimit: hex(b.gas_limit),
      gasUsed: hex(b.gas_used),
      transactions: full ? own.map(rpcTx) : own.map((t) => t.hash!),
    };
  };
  const head = Math.max(...blocks.map((b) => jsonToSafeInteger(b.number)!));
  return (method, params) => {
    switch (method) {
      case 'eth_blockNumber':
        return { result: toHexQuantity(head) };
      case 'eth_getBlockByNumber':
        return { result: blockOf(hexToSafeInteger(params[0]) ?? -1, params[1] === true) as JsonValue };
      case 'eth_getBlockReceipts': {
        const n = hexToSafeInteger(params[0]);
        return { result: txs.filter((t) => jsonToSafeInteger(t.block_number) === n).map(receipt) as JsonValue };
      }
      case 'eth_getTransactionReceipt': {
        const t = txs.find((x) => x.hash === params[0]);
        return { result: (t ? receipt(t) : null) as JsonValue };
      }
      case 'eth_call':
        return { error: { code: 3, message: 'execution reverted' } };
      default:
        return NOT_FOUND;
    }
  };
}
