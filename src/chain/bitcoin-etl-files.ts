import { InputError } from '../errors.js';
import type { SourceFile } from '../lists/source.js';
import { btcTransactionTransfers, type BtcTransaction } from './btc-transfers.js';
import { BlockCollector, emptyBatch, note, type FileBatch, type FileReadContext } from './file-batch.js';
import { FieldReader } from './file-fields.js';
import { readJsonLines } from './json-lines.js';
import { jsonToBigInt, jsonToSafeInteger, isJsonObject, type JsonValue } from './lossless-json.js';

const TXID = /^[0-9a-fA-F]{64}$/;

/** Whether a JSON object is a bitcoin-etl block or transaction. */
export function bitcoinEtlKindOfObject(obj: { [key: string]: JsonValue }): 'block' | 'transaction' | undefined {
  if (obj.type === 'transaction' || ('inputs' in obj && 'outputs' in obj && 'is_coinbase' in obj)) return 'transaction';
  if (obj.type === 'block' || ('merkle_root' in obj && 'coinbase_param' in obj)) return 'block';
  return undefined;
}

/**
 * Reads bitcoin-etl JSON lines (blocks and transactions, export or stream output): each output becomes a
 * `utxo` transfer, each input a link to the output it spends (with value and address when the export was
 * enriched). Amounts are satoshi integers.
 *
 * @example
 * for await (const batch of readBitcoinEtlJson(fileSource('transactions.json'), ctx)) store.write(…);
 */
export async function* readBitcoinEtlJson(src: SourceFile, ctx: FileReadContext): AsyncGenerator<FileBatch> {
  const f: FieldReader = new FieldReader(src.name);
  const blocks = new BlockCollector();
  const chain = ctx.chain;
  let rows = 0;
  for await (const chunk of readJsonLines(src, { onBytes: ctx.onBytes })) {
    const out = emptyBatch();
    for (let i = 0; i < chunk.objects.length; i++) {
      const o = chunk.objects[i]!;
      f.line = chunk.lines[i]!;
      rows++;
      const kind = bitcoinEtlKindOfObject(o);
      if (kind === 'block') {
        blocks.add(chain, int(f, o, 'number'), txid(f, o.hash, 'hash'), null, int(f, o, 'timestamp'));
        continue;
      }
      if (kind !== 'transaction') throw new InputError(src.name, `not a bitcoin-etl block or transaction (keys: ${Object.keys(o).slice(0, 8).join(', ')})`, f.line);
      const blockNumber = int(f, o, 'block_number');
      const time = o.block_timestamp === undefined || o.block_timestamp === null ? null : int(f, o, 'block_timestamp');
      const rawInputs = o.inputs;
      const rawOutputs = o.outputs;
      if (!Array.isArray(rawInputs) || !Array.isArray(rawOutputs)) f.fail('inputs', 'inputs and outputs must be lists');
      const tx: BtcTransaction = {
        hash: txid(f, o.hash, 'hash'),
        index: int(f, o, 'index'),
        isCoinbase: o.is_coinbase === true,
        inputs: rawInputs.map((raw, k) => {
          if (!isJsonObject(raw)) f.fail(`inputs[${k}]`, 'not an object');
          const value = raw.value === null || raw.value === undefined ? null : (jsonToBigInt(raw.value) ?? f.fail(`inputs[${k}].value`, 'not a satoshi amount'));
          return {
            index: jsonToSafeInteger(raw.index) ?? k,
            spentTxHash: txid(f, raw.spent_transaction_hash, `inputs[${k}].spent_transaction_hash`),
            spentOutputIndex: jsonToSafeInteger(raw.spent_output_index) ?? f.fail(`inputs[${k}].spent_output_index`, 'not an index'),
            value,
            address: addressesOf(raw.addresses),
          };
        }),
        outputs: rawOutputs.map((raw, k) => {
          if (!isJsonObject(raw)) f.fail(`outputs[${k}]`, 'not an object');
          if (raw.value === null || raw.value === undefined) {
            note(ctx, 'outputs without a value (shielded) were stored with amount 0');
          }
          const value = raw.value === null || raw.value === undefined ? 0n : (jsonToBigInt(raw.value) ?? f.fail(`outputs[${k}].value`, `not a satoshi amount: ${String(raw.value)}`));
          const rawAddresses = raw.addresses;
          const addresses = Array.isArray(rawAddresses) ? rawAddresses.filter((a): a is string => typeof a === 'string') : [];
          return { index: jsonToSafeInteger(raw.index) ?? k, value, addresses, type: typeof raw.type === 'string' ? raw.type : null };
        }),
      };
      const r = btcTransactionTransfers(chain, blockNumber, time, tx);
      out.transfers.push(...r.transfers);
      out.inputs.push(...r.inputs);
      blocks.add(chain, blockNumber, o.block_hash === undefined || o.block_hash === null ? null : txid(f, o.block_hash, 'block_hash'), null, time);
    }
    out.blocks = blocks.drain();
    yield out;
  }
  if (rows === 0) throw new InputError(src.name, 'the file holds no bitcoin-etl items', 1);
}

function int(f: FieldReader, o: { [key: string]: JsonValue }, key: string): number {
  return jsonToSafeInteger(o[key]) ?? f.fail(key, `expected a non-negative integer, got ${JSON.stringify(o[key] ?? null)}`);
}

function txid(f: FieldReader, value: JsonValue | undefined, field: string): string {
  if (typeof value !== 'string' || !TXID.test(value)) f.fail(field, `expected a 64-hex-digit hash, got ${JSON.stringify(value ?? null)}`);
  return value.toLowerCase();
}

function addressesOf(value: JsonValue | undefined): string | null {
  if (!Array.isArray(value)) return null;
  const list = value.filter((a): a is string => typeof a === 'string');
  return list.length ? list.join(',') : null;
}
