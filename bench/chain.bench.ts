import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { parseEther } from 'viem';
import { ingestEthereum } from '../src/chain/ingest-eth.js';
import { ingestFiles } from '../src/chain/ingest-files.js';
import { createRpcClient } from '../src/chain/rpc-client.js';
import { startAnvil } from '../src/chain/test-support/anvil.js';
import { anvilClients } from '../src/chain/test-support/anvil-scenario.js';
import { openDatabase } from '../src/store/open-database.js';
import { TransferStore } from '../src/store/transfer-store.js';

/**
 * Ingest rates of the transfer store, each against a peer measured in the same run:
 * - ethereum-etl token_transfers CSV and transactions CSV, and the generic transfers CSV (synthetic files with
 *   the real column layout), through `ingestFiles` into a fresh store: transfers per second of wall time and
 *   per second of CPU time (this process is single-threaded, so CPU time is the one-core figure on a busy
 *   machine). Peers: csv-parse alone on the same file (parsing only, nothing stored), and a naive
 *   row-by-row kysely insert of the same rows.
 * - JSON-RPC ingest from anvil (blocks with many transactions), transfers and blocks per second.
 */
export async function benchChain(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'cf-bench-chain-'));
  const rows = Number(process.env.CF_BENCH_CHAIN_ROWS ?? 500_000);
  try {
    const files = {
      ethereumEtlTokenTransfersCsv: await writeFile(join(dir, 'token_transfers.csv'), rows, tokenTransferRow, 'token_address,from_address,to_address,value,transaction_hash,log_index,block_number'),
      ethereumEtlTransactionsCsv: await writeFile(
        join(dir, 'transactions.csv'),
        rows,
        transactionRow,
        'hash,nonce,block_hash,block_number,transaction_index,from_address,to_address,value,gas,gas_price,input,block_timestamp,max_fee_per_gas,max_priority_fee_per_gas,transaction_type',
      ),
      genericCsv: await writeFile(join(dir, 'generic.csv'), rows, genericRow, 'chain,tx_hash,block_number,timestamp,tx_index,position,from,to,asset,amount'),
    };
    // The machine may be shared: say how busy it was, CPU-time rates are the fairer one-core figure then.
    const results: Record<string, unknown> = { rows, cpus: cpus().length, loadAverageAtStart: loadavg().map((x) => round(x)) };
    for (const [name, file] of Object.entries(files)) {
      const ours = await measureIngest(file, dir);
      const parseOnly = measure(() => parseCsvSync(readFileSync(file, 'utf8'), { columns: false, from_line: 2 }).length);
      results[name] = {
        bytes: statSync(file).size,
        transfersStored: ours.stored,
        transfersPerSecond: Math.round(rows / ours.wallS),
        transfersPerCpuSecond: Math.round(rows / ours.cpuS),
        addressIndexBuildSeconds: round(ours.indexWallS),
        transfersPerSecondIncludingAddressIndexes: Math.round(rows / (ours.wallS + ours.indexWallS)),
        peerCsvParseOnlyRowsPerSecond: Math.round(rows / parseOnly.wallS),
        ratioToCsvParseOnly: round(parseOnly.wallS / ours.wallS),
        targetTransfersPerSecond: 300_000,
        meetsTargetWall: rows / ours.wallS >= 300_000,
        meetsTargetCpu: rows / ours.cpuS >= 300_000,
      };
    }
    const naive = await measureNaiveKysely(files.ethereumEtlTokenTransfersCsv, dir, Math.min(rows, 50_000));
    const ours = results.ethereumEtlTokenTransfersCsv as { transfersPerSecond: number };
    results.peerNaiveKyselyRowByRow = { rows: naive.rows, rowsPerSecond: Math.round(naive.rows / naive.wallS), ratioOursToPeer: round(ours.transfersPerSecond / (naive.rows / naive.wallS)) };
    results.rpcAnvil = await measureRpc(dir);
    results.loadAverageAtEnd = loadavg().map((x) => round(x));
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function measure<T>(fn: () => T): { value: T; wallS: number; cpuS: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const c = process.cpuUsage(c0);
  return { value, wallS: (performance.now() - t0) / 1000, cpuS: (c.user + c.system) / 1e6 };
}

async function measureIngest(file: string, dir: string): Promise<{ stored: number; wallS: number; cpuS: number; indexWallS: number }> {
  const home = mkdtempSync(join(dir, 'home-'));
  const store = await TransferStore.open({ home });
  try {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await ingestFiles(store, [file], { lookalikes: false });
    const c = process.cpuUsage(c0);
    const wallS = (performance.now() - t0) / 1000;
    // A bulk load leaves the sender/receiver indexes to the first address query: time that separately.
    const t1 = performance.now();
    store.ensureAddressIndexes();
    return { stored: store.countTransfers(), wallS, cpuS: (c.user + c.system) / 1e6, indexWallS: (performance.now() - t1) / 1000 };
  } finally {
    await store.close();
    rmSync(home, { recursive: true, force: true });
  }
}

/** The peer: csv-parse, then one kysely insert per row inside a transaction (what a first version would do). */
async function measureNaiveKysely(file: string, dir: string, rows: number): Promise<{ rows: number; wallS: number }> {
  const home = mkdtempSync(join(dir, 'naive-'));
  const { db } = await openDatabase({ home });
  try {
    const t0 = performance.now();
    const records = (parseCsvSync(readFileSync(file, 'utf8'), { from_line: 2, to_line: rows + 1 }) as string[][]).slice(0, rows);
    await db.transaction().execute(async (trx) => {
      for (const r of records) {
        await trx
          .insertInto('chain_transfers')
          .values({
            chain: 'ethereum',
            block_number: Number(r[6]),
            tx_hash: r[4]!,
            position: `c${r[5]!.length}${r[5]}`,
            kind: 'token',
            block_time: null,
            tx_index: null,
            from_address: r[1]!,
            to_address: r[2]!,
            asset: r[0]!,
            amount: BigInt(r[3]!).toString(),
            success: 1,
            flags: 0,
            script_type: null,
            source_id: 1,
          })
          .onConflict((oc) => oc.columns(['chain', 'block_number', 'tx_hash', 'position']).doNothing())
          .execute();
      }
    });
    return { rows: records.length, wallS: (performance.now() - t0) / 1000 };
  } finally {
    await db.destroy();
    rmSync(home, { recursive: true, force: true });
  }
}

async function measureRpc(dir: string): Promise<Record<string, unknown>> {
  const anvil = await startAnvil();
  try {
    const { wallet, test, public: pub } = anvilClients(anvil.url);
    const blocks = 40;
    const perBlock = 25;
    await test.setAutomine(false);
    for (let b = 0; b < blocks; b++) {
      const hashes: `0x${string}`[] = [];
      for (let i = 0; i < perBlock; i++) hashes.push(await wallet.sendTransaction({ to: `0x${(0x5000 + b * perBlock + i).toString(16).padStart(40, '0')}` as `0x${string}`, value: parseEther('0.001') }));
      await test.mine({ blocks: 1 });
      await pub.waitForTransactionReceipt({ hash: hashes[hashes.length - 1]! });
    }
    await test.setAutomine(true);
    const head = Number(await pub.getBlockNumber({ cacheTime: 0 }));
    const home = mkdtempSync(join(dir, 'rpc-'));
    const store = await TransferStore.open({ home });
    try {
      const client = createRpcClient(anvil.url);
      const t0 = performance.now();
      const report = await ingestEthereum(store, client, { from: 0, to: head, blocksPerBatch: 10 });
      const wallS = (performance.now() - t0) / 1000;
      return {
        blocks: report.blocks,
        transfers: report.written.inserted,
        transfersPerSecond: Math.round(report.written.inserted / wallS),
        blocksPerSecond: Math.round(report.blocks / wallS),
        httpRequests: client.stats.httpRequests,
        traces: report.capabilities?.traces,
        note: 'anvil on the same machine; a remote node is bound by its latency and rate limits',
      };
    } finally {
      await store.close();
    }
  } finally {
    await anvil.stop();
  }
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** Deterministic pseudo-random 32-bit values (xorshift), so every run writes the same files. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

const random = rng(0x5eed);
const r32 = () => hex(random(), 8);
const hash = () => `0x${r32()}${r32()}${r32()}${r32()}${r32()}${r32()}${r32()}${r32()}`;
const address = () => `0x${r32()}${r32()}${r32()}${r32()}${r32()}`;
const TOKENS = ['0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2', '0xdac17f958d2ee523a2206206994597c13d831ec7', '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', address()];

function tokenTransferRow(i: number): string {
  return `${TOKENS[i % 4]},${address()},${address()},${BigInt(random()) * 1_000_000_007n * BigInt(random())},${hash()},${i % 300},${17_000_000 + Math.floor(i / 300)}`;
}

function transactionRow(i: number): string {
  const block = 17_000_000 + Math.floor(i / 150);
  return `${hash()},${i},${hash()},${block},${i % 150},${address()},${address()},${BigInt(random()) * 1_000_000_000n},21000,30000000000,0x,${1_680_000_000 + Math.floor(i / 150) * 12},,,0`;
}

function genericRow(i: number): string {
  const block = 17_000_000 + Math.floor(i / 150);
  return `ethereum,${hash()},${block},${1_680_000_000 + Math.floor(i / 150) * 12},${i % 150},0,${address()},${address()},native,${random() % 1000}.${random() % 1000}`;
}

async function writeFile(path: string, rows: number, row: (i: number) => string, header: string): Promise<string> {
  const out = createWriteStream(path);
  let buffer = `${header}\n`;
  for (let i = 0; i < rows; i++) {
    buffer += `${row(i)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  }
  out.write(buffer);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return path;
}
