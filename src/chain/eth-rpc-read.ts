import type { EthBlock, EthCallFrame, EthLog, EthReceipt, EthTransaction } from './eth-block-data.js';
import { hexToBigInt, hexToSafeInteger, normalizeEvmAddress, normalizeHash } from './hex.js';
import { isJsonObject, type JsonValue } from './lossless-json.js';

/** A field that is missing or malformed in a node's answer; the caller wraps it into an RpcDataError. */
export class ShapeError extends Error {}

function fail(what: string): never {
  throw new ShapeError(what);
}

function obj(value: JsonValue | undefined, what: string): { [key: string]: JsonValue } {
  return isJsonObject(value) ? value : fail(`${what} is not an object`);
}

function quantity(o: { [key: string]: JsonValue }, key: string, what: string): number {
  return hexToSafeInteger(o[key]) ?? fail(`${what}.${key} is not a hex quantity: ${JSON.stringify(o[key] ?? null)}`);
}

function bigQuantity(o: { [key: string]: JsonValue }, key: string, what: string): bigint {
  return hexToBigInt(o[key]) ?? fail(`${what}.${key} is not a hex quantity: ${JSON.stringify(o[key] ?? null)}`);
}

function hash(o: { [key: string]: JsonValue }, key: string, what: string): string {
  return normalizeHash(o[key]) ?? fail(`${what}.${key} is not a 32-byte hash`);
}

function address(o: { [key: string]: JsonValue }, key: string, what: string): string {
  return normalizeEvmAddress(o[key]) ?? fail(`${what}.${key} is not an address`);
}

function optionalAddress(o: { [key: string]: JsonValue }, key: string, what: string): string | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  return normalizeEvmAddress(v) ?? fail(`${what}.${key} is not an address`);
}

/**
 * Reads `eth_getBlockByNumber(n, true)`. Throws ShapeError naming the bad field.
 *
 * @example
 * const block = readRpcBlock(await rpc.call('eth_getBlockByNumber', ['0x10', true]));
 */
export function readRpcBlock(value: JsonValue): EthBlock {
  const b = obj(value, 'block');
  const number = quantity(b, 'number', 'block');
  const what = `block ${number}`;
  const txs = b.transactions;
  if (!Array.isArray(txs)) fail(`${what}.transactions is not a list`);
  const transactions: EthTransaction[] = txs.map((raw, i) => {
    if (typeof raw === 'string') fail(`${what}.transactions[${i}] is a hash only: the block was requested without full transactions`);
    const t = obj(raw, `${what}.transactions[${i}]`);
    const w = `${what}.transactions[${i}]`;
    return {
      hash: hash(t, 'hash', w),
      index: quantity(t, 'transactionIndex', w),
      from: address(t, 'from', w),
      to: optionalAddress(t, 'to', w),
      value: bigQuantity(t, 'value', w),
    };
  });
  return { number, hash: hash(b, 'hash', what), parentHash: hash(b, 'parentHash', what), timestamp: quantity(b, 'timestamp', what), transactions };
}

/** Reads the logs of a receipt or of `eth_getLogs`. */
export function readRpcLogs(value: JsonValue | undefined, what: string): EthLog[] {
  if (!Array.isArray(value)) fail(`${what}.logs is not a list`);
  return value.map((raw, i) => {
    const l = obj(raw, `${what}.logs[${i}]`);
    const w = `${what}.logs[${i}]`;
    const topics = l.topics;
    if (!Array.isArray(topics) || !topics.every((t) => typeof t === 'string')) fail(`${w}.topics is not a list of hex strings`);
    const data = l.data;
    if (typeof data !== 'string' || !/^0x[0-9a-fA-F]*$/.test(data)) fail(`${w}.data is not hex`);
    return {
      address: address(l, 'address', w),
      topics: (topics as string[]).map((t) => t.toLowerCase()),
      data,
      logIndex: quantity(l, 'logIndex', w),
      txHash: hash(l, 'transactionHash', w),
      txIndex: hexToSafeInteger(l.transactionIndex) ?? null,
    };
  });
}

/** Reads one transaction receipt. */
export function readRpcReceipt(value: JsonValue): EthReceipt {
  const r = obj(value, 'receipt');
  const txHash = hash(r, 'transactionHash', 'receipt');
  const what = `receipt ${txHash}`;
  let status: boolean | null = null;
  if (r.status !== undefined && r.status !== null) {
    const s = hexToSafeInteger(r.status);
    if (s !== 0 && s !== 1) fail(`${what}.status is neither 0x0 nor 0x1`);
    status = s === 1;
  }
  return { txHash, status, contractAddress: optionalAddress(r, 'contractAddress', what), logs: readRpcLogs(r.logs, what) };
}

/**
 * Reads Parity/Erigon/Reth `trace_block` output (flat frames with trace addresses).
 *
 * @example
 * const frames = readParityTraces(await rpc.call('trace_block', ['0xf4240']));
 */
export function readParityTraces(value: JsonValue): EthCallFrame[] {
  if (!Array.isArray(value)) fail('trace_block result is not a list');
  return value.map((raw, i) => {
    const t = obj(raw, `trace[${i}]`);
    const w = `trace[${i}]`;
    const action = obj(t.action, `${w}.action`);
    const result = t.result === null || t.result === undefined ? null : obj(t.result, `${w}.result`);
    const traceAddress = t.traceAddress;
    if (!Array.isArray(traceAddress) || !traceAddress.every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0)) {
      fail(`${w}.traceAddress is not a list of indexes`);
    }
    const txIndex = typeof t.transactionPosition === 'number' ? t.transactionPosition : null;
    const txHash = t.transactionHash === null || t.transactionHash === undefined ? null : hash(t, 'transactionHash', w);
    const failed = typeof t.error === 'string' && t.error.length > 0;
    const base = { txIndex, txHash, traceAddress: traceAddress as number[], failed };
    switch (t.type) {
      case 'call':
        return {
          ...base,
          type: 'call',
          callType: typeof action.callType === 'string' ? action.callType.toLowerCase() : 'call',
          from: address(action, 'from', `${w}.action`),
          to: optionalAddress(action, 'to', `${w}.action`),
          value: bigQuantity(action, 'value', `${w}.action`),
        };
      case 'create':
        return {
          ...base,
          type: 'create',
          callType: typeof action.creationMethod === 'string' ? action.creationMethod.toLowerCase() : 'create',
          from: address(action, 'from', `${w}.action`),
          to: result ? optionalAddress(result, 'address', `${w}.result`) : null,
          value: bigQuantity(action, 'value', `${w}.action`),
        };
      case 'suicide':
      case 'selfdestruct':
        return {
          ...base,
          type: 'suicide',
          callType: null,
          from: optionalAddress(action, 'address', `${w}.action`),
          to: optionalAddress(action, 'refundAddress', `${w}.action`),
          value: hexToBigInt(action.balance) ?? 0n,
        };
      case 'reward':
        return { ...base, type: 'reward', callType: null, from: null, to: optionalAddress(action, 'author', `${w}.action`), value: hexToBigInt(action.value) ?? 0n };
      default:
        return { ...base, type: 'other', callType: null, from: null, to: null, value: 0n };
    }
  });
}

/**
 * Reads geth `debug_traceBlockByNumber` with the callTracer (one nested call tree per transaction, in block
 * order; newer geth wraps each as `{txHash, result}`) and flattens it into Parity-style frames.
 *
 * @example
 * const frames = readGethCallTraces(await rpc.call('debug_traceBlockByNumber', ['0xf4240', { tracer: 'callTracer' }]));
 */
export function readGethCallTraces(value: JsonValue): EthCallFrame[] {
  if (!Array.isArray(value)) fail('debug_traceBlockByNumber result is not a list');
  const frames: EthCallFrame[] = [];
  value.forEach((raw, txIndex) => {
    const entry = obj(raw, `trace[${txIndex}]`);
    if (entry.error !== undefined && entry.result === undefined) fail(`trace[${txIndex}] failed on the node: ${JSON.stringify(entry.error)}`);
    const txHash = entry.txHash === undefined || entry.txHash === null ? null : hash(entry, 'txHash', `trace[${txIndex}]`);
    const walk = (frameValue: JsonValue, path: number[], where: string) => {
      const f = obj(frameValue, where);
      const type = typeof f.type === 'string' ? f.type.toUpperCase() : '';
      const failed = typeof f.error === 'string' && f.error.length > 0;
      const value = f.value === undefined || f.value === null ? 0n : bigQuantity(f, 'value', where);
      const base = { txIndex, txHash, traceAddress: path, failed, value };
      if (type === 'CALL' || type === 'DELEGATECALL' || type === 'STATICCALL' || type === 'CALLCODE') {
        frames.push({ ...base, type: 'call', callType: type.toLowerCase(), from: address(f, 'from', where), to: optionalAddress(f, 'to', where) });
      } else if (type === 'CREATE' || type === 'CREATE2') {
        frames.push({ ...base, type: 'create', callType: type.toLowerCase(), from: address(f, 'from', where), to: optionalAddress(f, 'to', where) });
      } else if (type === 'SELFDESTRUCT' || type === 'SUICIDE') {
        frames.push({ ...base, type: 'suicide', callType: null, from: optionalAddress(f, 'from', where), to: optionalAddress(f, 'to', where) });
      } else {
        frames.push({ ...base, type: 'other', callType: null, from: null, to: null });
      }
      const calls = f.calls;
      if (calls === undefined || calls === null) return;
      if (!Array.isArray(calls)) fail(`${where}.calls is not a list`);
      calls.forEach((child, i) => walk(child, [...path, i], `${where}.calls[${i}]`));
    };
    walk(entry.result ?? entry, [], `trace[${txIndex}]`);
  });
  return frames;
}
