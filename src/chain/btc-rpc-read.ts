import { ShapeError } from './eth-rpc-read.js';
import type { BtcTransaction } from './btc-transfers.js';
import { p2pkAddress } from './btc-transfers.js';
import { isJsonObject, jsonToDecimalText, type JsonValue } from './lossless-json.js';
import { parseUnits } from './units.js';

export interface BtcBlock {
  number: number;
  hash: string;
  parentHash: string | null;
  time: number;
  transactions: BtcTransaction[];
  /** Inputs carried their previous output (getblock verbosity 3). */
  hasPrevouts: boolean;
}

const HASH = /^[0-9a-f]{64}$/;

function fail(what: string): never {
  throw new ShapeError(what);
}

/** A BTC amount as Bitcoin Core writes it (a JSON decimal) in satoshi, exactly. */
export function btcAmount(value: JsonValue | undefined, what: string): bigint {
  const text = jsonToDecimalText(value);
  if (text === undefined) fail(`${what} is not a number`);
  const parsed = parseUnits(text, 8);
  if (!('value' in parsed)) fail(`${what}: ${parsed.error}`);
  return parsed.value;
}

/** Addresses of a scriptPubKey: `address` (Core ≥ 22), `addresses` (older), or the P2PKH form of a P2PK key. */
export function scriptAddresses(spk: { [key: string]: JsonValue }): string[] {
  if (typeof spk.address === 'string') return [spk.address];
  if (Array.isArray(spk.addresses)) return spk.addresses.filter((a): a is string => typeof a === 'string');
  if (spk.type === 'pubkey' && typeof spk.asm === 'string') {
    const derived = p2pkAddress(spk.asm);
    if (derived) return [derived];
  }
  return [];
}

/**
 * Reads Bitcoin Core `getblock <hash> 2` (or 3, whose inputs carry `prevout`). Throws ShapeError.
 *
 * @example
 * const block = readBtcBlock(await rpc.call('getblock', [hash, 2]));
 */
export function readBtcBlock(value: JsonValue): BtcBlock {
  if (!isJsonObject(value)) fail('block is not an object');
  const b = value;
  const number = typeof b.height === 'number' ? b.height : fail('block.height is not a number');
  const what = `block ${number}`;
  const hash = typeof b.hash === 'string' && HASH.test(b.hash) ? b.hash : fail(`${what}.hash is not a block hash`);
  const parentHash = b.previousblockhash === undefined ? null : typeof b.previousblockhash === 'string' && HASH.test(b.previousblockhash) ? b.previousblockhash : fail(`${what}.previousblockhash is not a block hash`);
  const time = typeof b.time === 'number' ? b.time : fail(`${what}.time is not a number`);
  if (!Array.isArray(b.tx)) fail(`${what}.tx is not a list`);
  let hasPrevouts = false;
  const transactions = b.tx.map((raw, index): BtcTransaction => {
    const w = `${what}.tx[${index}]`;
    if (typeof raw === 'string') fail(`${w} is a txid only: the block was requested with verbosity 1`);
    if (!isJsonObject(raw)) fail(`${w} is not an object`);
    const txid = typeof raw.txid === 'string' && HASH.test(raw.txid) ? raw.txid : fail(`${w}.txid is not a transaction id`);
    if (!Array.isArray(raw.vin) || !Array.isArray(raw.vout)) fail(`${w} has no vin/vout lists`);
    let isCoinbase = false;
    const inputs: BtcTransaction['inputs'] = [];
    raw.vin.forEach((vin, k) => {
      if (!isJsonObject(vin)) fail(`${w}.vin[${k}] is not an object`);
      if (vin.coinbase !== undefined) {
        isCoinbase = true;
        return;
      }
      const spent = typeof vin.txid === 'string' && HASH.test(vin.txid) ? vin.txid : fail(`${w}.vin[${k}].txid is not a transaction id`);
      const vout = typeof vin.vout === 'number' && Number.isSafeInteger(vin.vout) && vin.vout >= 0 ? vin.vout : fail(`${w}.vin[${k}].vout is not an index`);
      let prevValue: bigint | null = null;
      let prevAddress: string | null = null;
      if (isJsonObject(vin.prevout)) {
        hasPrevouts = true;
        prevValue = btcAmount(vin.prevout.value, `${w}.vin[${k}].prevout.value`);
        const spk = isJsonObject(vin.prevout.scriptPubKey) ? vin.prevout.scriptPubKey : {};
        const addresses = scriptAddresses(spk);
        prevAddress = addresses.length ? addresses.join(',') : null;
      }
      inputs.push({ index: k, spentTxHash: spent, spentOutputIndex: vout, value: prevValue, address: prevAddress });
    });
    const outputs = raw.vout.map((vout, k) => {
      if (!isJsonObject(vout)) fail(`${w}.vout[${k}] is not an object`);
      const n = typeof vout.n === 'number' ? vout.n : k;
      const spk = isJsonObject(vout.scriptPubKey) ? vout.scriptPubKey : fail(`${w}.vout[${k}].scriptPubKey is missing`);
      return { index: n, value: btcAmount(vout.value, `${w}.vout[${k}].value`), addresses: scriptAddresses(spk), type: typeof spk.type === 'string' ? spk.type : null };
    });
    return { hash: txid, index, isCoinbase, inputs, outputs };
  });
  return { number, hash, parentHash, time, transactions, hasPrevouts };
}
