import { writeFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { requireChain } from '../../chain/chains.js';
import { CHAIN_FILE_FORMATS, type ChainFileFormat } from '../../chain/file-formats.js';
import { ingestBitcoin } from '../../chain/ingest-btc.js';
import { ingestEthereum } from '../../chain/ingest-eth.js';
import { ingestFiles } from '../../chain/ingest-files.js';
import { convertPhvazCsv } from '../../chain/phvaz-convert.js';
import { readPriceCsv } from '../../chain/price-csv.js';
import { createRpcClient } from '../../chain/rpc-client.js';
import { describeFlags } from '../../chain/transfer-flags.js';
import { describePosition } from '../../chain/transfer.js';
import { formatUnits } from '../../chain/units.js';
import { nativeDecimals } from '../../chain/chains.js';
import { CounterflowError } from '../../errors.js';
import { fileSource } from '../../lists/source.js';
import { TransferStore } from '../../store/transfer-store.js';
import type { WithStore } from '../context.js';
import { printJson, progressBar, table, type CliIo } from '../io.js';

interface RpcFlags {
  rpc: string;
  from: string;
  to?: string;
  follow?: boolean;
  blocksPerBatch: string;
  rpcConcurrency: string;
  rpcBatch: string;
  rpcTimeout: string;
  rpcAttempts: string;
  confirmations: string;
  maxReorgDepth: string;
  pollSeconds: string;
  json?: boolean;
}

/**
 * `counterflow ingest eth|btc|files|convert-phvaz`, `counterflow prices load`, `counterflow chain status|transfers`.
 */
export function registerChainCommands(program: Command, io: CliIo, withStore: WithStore): void {
  const withTransfers = (fn: (store: TransferStore) => Promise<void | number>) =>
    withStore(async (_lists, home) => {
      const store = await TransferStore.open({ home });
      try {
        return await fn(store);
      } finally {
        await store.close();
      }
    });

  const ingest = program.command('ingest').description('Ingest chain transfers from a node or from export files into the transfer store');

  const rpcOptions = (cmd: Command, pollDefault: string) =>
    cmd
      .requiredOption('--rpc <url>', 'JSON-RPC endpoint (http or https; user:password@ in the URL for Bitcoin Core)')
      .requiredOption('--from <block>', 'first block')
      .option('--to <block>', 'last block (default: the node head)')
      .option('--follow', 'keep following new blocks until interrupted (Ctrl-C stops after the current batch)')
      .option('--blocks-per-batch <n>', 'blocks fetched and committed together', '10')
      .option('--rpc-concurrency <n>', 'HTTP requests in flight', '4')
      .option('--rpc-batch <n>', 'calls per JSON-RPC batch (1 disables batching)', '50')
      .option('--rpc-timeout <seconds>', 'time allowed per HTTP request', '30')
      .option('--rpc-attempts <n>', 'attempts per request before giving up', '6')
      .option('--confirmations <n>', 'stay this many blocks behind the head', '0')
      .option('--max-reorg-depth <n>', 'refuse to roll back further than this', '64')
      .option('--poll-seconds <s>', 'with --follow: wait between polls of the head', pollDefault)
      .option('--json', 'print the report as JSON');

  rpcOptions(ingest.command('eth').description('Ingest Ethereum blocks, receipts (ERC-20 transfers) and traces (internal transfers) over JSON-RPC'), '4')
    .option('--chain <name>', 'chain name to store under', 'ethereum')
    .option('--traces <mode>', 'auto (detect), parity (trace_block), geth (debug_traceBlockByNumber), none', 'auto')
    .option('--no-token-metadata', 'do not read decimals/symbol of unknown tokens with eth_call')
    .option('--no-lookalikes', 'skip the look-alike address search after the ingest')
    .action((opts: RpcFlags & { chain: string; traces: string; tokenMetadata: boolean; lookalikes: boolean }) =>
      withTransfers(async (store) => {
        const client = createRpcClient(opts.rpc, clientOptions(opts));
        const stop = followSignal(opts.follow);
        const bar = blockBar(io);
        try {
          const report = await ingestEthereum(store, client, {
            chain: requireChain(opts.chain, '--chain'),
            ...rangeOptions(opts),
            traces: parseTraces(opts.traces),
            tokenMetadata: opts.tokenMetadata,
            signal: stop.signal,
            onProgress: bar?.update,
            onReorg: (r) => io.err(`reorg at block ${r.detectedAt}: rolled back to ${r.commonAncestor} (${r.dropped.transfers} transfers dropped), re-ingesting`),
          });
          bar?.stop();
          const lookalikes = opts.lookalikes && report.written.inserted > 0 ? store.detectLookalikes(report.chain).length : 0;
          if (opts.json) return printJson(io, { ...report, lookalikes, rpcStats: client.stats });
          io.out(
            `${report.endpoint}: ${report.startedAt === null ? 'nothing to do (already ingested)' : `blocks ${report.startedAt}–${report.lastBlock}`}; ` +
              `${report.written.inserted} new transfers, ${report.written.duplicates} already stored; traces: ${report.capabilities?.traces ?? 'n/a'}; ` +
              `${report.tokensFetched} token(s) looked up; ${report.reorgs.length} reorg(s); ${lookalikes} look-alike finding(s)`,
          );
          for (const w of report.warnings) io.err(`warning: ${w}`);
        } finally {
          bar?.stop();
          stop.dispose();
        }
      }),
    );

  rpcOptions(ingest.command('btc').description('Ingest Bitcoin blocks (every output and input) from Bitcoin Core JSON-RPC'), '30')
    .option('--chain <name>', 'chain name to store under', 'bitcoin')
    .option('--lookup-prevouts', 'fill value/address of spent outputs with getrawtransaction when the node sends blocks without them (needs txindex)')
    .action((opts: RpcFlags & { chain: string; lookupPrevouts?: boolean }) =>
      withTransfers(async (store) => {
        const client = createRpcClient(opts.rpc, { ...clientOptions(opts), jsonrpc: '1.0' });
        const stop = followSignal(opts.follow);
        const bar = blockBar(io);
        try {
          const report = await ingestBitcoin(store, client, {
            chain: requireChain(opts.chain, '--chain'),
            ...rangeOptions(opts),
            lookupPrevouts: opts.lookupPrevouts,
            signal: stop.signal,
            onProgress: bar?.update,
          });
          bar?.stop();
          if (opts.json) return printJson(io, { ...report, rpcStats: client.stats });
          io.out(
            `${report.endpoint}: ${report.startedAt === null ? 'nothing to do (already ingested)' : `blocks ${report.startedAt}–${report.lastBlock}`}; ` +
              `${report.written.inserted} new outputs, ${report.written.inputsInserted} inputs, ${report.written.duplicates} already stored; getblock verbosity ${report.verbosity ?? 'n/a'}; ${report.reorgs.length} reorg(s)`,
          );
        } finally {
          bar?.stop();
          stop.dispose();
        }
      }),
    );

  ingest
    .command('files')
    .description('Import export files (format detected): ethereum-etl CSV/JSON, bitcoin-etl JSON, cryo parquet, generic transfers CSV')
    .argument('<paths...>', 'files or directories')
    .option('--chain <name>', 'chain of ethereum-etl/bitcoin-etl/cryo files (they do not say)')
    .option('--format <format>', `skip detection: ${CHAIN_FILE_FORMATS.join(', ')}`)
    .option('--no-lookalikes', 'skip the look-alike address search after the import')
    .option('--json', 'print the report as JSON')
    .action((paths: string[], opts: { chain?: string; format?: string; lookalikes: boolean; json?: boolean }) =>
      withTransfers(async (store) => {
        if (opts.format && !(CHAIN_FILE_FORMATS as readonly string[]).includes(opts.format)) {
          throw new CounterflowError(`unknown --format "${opts.format}"; known: ${CHAIN_FILE_FORMATS.join(', ')}`);
        }
        const bar = progressBar(io);
        const report = await ingestFiles(store, paths, {
          chain: opts.chain,
          format: opts.format as ChainFileFormat | undefined,
          lookalikes: opts.lookalikes,
          onFile: (file, format, size) => {
            bar?.stop?.();
            bar?.start?.(`${format} ${file.split('/').pop()}`, size);
          },
          onBytes: (_file, bytes) => bar?.advance?.(bytes),
        });
        bar?.stop?.();
        if (opts.json) return printJson(io, report);
        for (const f of report.files) {
          io.out(`${f.file}: ${f.format}, ${f.transfersRead} transfers read, ${f.written.inserted} new, ${f.written.enriched} completed, ${f.written.duplicates} already stored${f.written.inputsInserted ? `, ${f.written.inputsInserted} inputs` : ''}${f.receiptsApplied ? `, ${f.receiptsApplied} receipts applied` : ''}`);
          for (const n of f.notes) io.err(`  note: ${n}`);
        }
        for (const s of report.skipped) io.err(`skipped (not a chain export): ${s}`);
        if (report.lookalikes) io.out(`${report.lookalikes} look-alike address finding(s); see \`counterflow chain status\``);
      }),
    );

  ingest
    .command('convert-phvaz')
    .description('Convert a phvaz trace CSV (Bybit investigation, Etherscan-export style) into the generic transfers CSV')
    .argument('<file>', 'phvaz CSV (hop1.csv, hop3.csv, …)')
    .requiredOption('--from <address>', 'the address that sent every row (the phvaz files do not name it)')
    .option('-o, --output <file>', 'write here instead of standard output')
    .option('--unknown-token-decimals <n>', 'decimals to assume for tokens not on the allowlist')
    .action(async (file: string, opts: { from: string; output?: string; unknownTokenDecimals?: string }) => {
      const decimals = opts.unknownTokenDecimals === undefined ? undefined : Number(opts.unknownTokenDecimals);
      if (decimals !== undefined && !(Number.isInteger(decimals) && decimals >= 0 && decimals <= 77)) throw new CounterflowError('--unknown-token-decimals takes an integer 0-77');
      const result = await convertPhvazCsv(fileSource(file), { from: opts.from, unknownTokenDecimals: decimals });
      if (opts.output) {
        writeFileSync(opts.output, result.csv);
        io.err(`wrote ${result.rows} transfers to ${opts.output}`);
      } else io.out(result.csv.trimEnd());
      for (const n of result.notes) io.err(`note: ${n}`);
    });

  program
    .command('prices')
    .description('USD prices used to value transfers')
    .command('load')
    .description('Load a daily price CSV (date,chain,asset,usd); missing days leave USD values empty')
    .argument('<file>', 'price CSV')
    .option('--json', 'print the result as JSON')
    .action((file: string, opts: { json?: boolean }) =>
      withTransfers(async (store) => {
        const rows = await readPriceCsv(fileSource(file));
        store.loadPrices(rows, file);
        const assets = new Set(rows.map((r) => `${r.chain}:${r.asset}`));
        if (opts.json) return printJson(io, { file, rows: rows.length, assets: [...assets] });
        io.out(`loaded ${rows.length} daily prices for ${assets.size} asset(s) from ${file}`);
      }),
    );

  const chain = program.command('chain').description('Inspect the transfer store');
  chain
    .command('status')
    .description('Ranges ingested per chain and source, counts, checkpoints')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }) =>
      withTransfers(async (store) => {
        const status = await store.status();
        if (opts.json) return printJson(io, status);
        if (status.chains.length === 0 && status.sources.length === 0) return io.out(`no transfers stored yet (${status.location})`);
        io.out(
          table([
            ['chain', 'transfers', 'native', 'internal', 'token', 'utxo', 'inputs', 'failed', 'unverified', 'zero', 'look-alike', 'blocks'],
            ...status.chains.map((c) => [
              c.chain,
              c.transfers,
              c.byKind.native ?? 0,
              c.byKind.internal ?? 0,
              c.byKind.token ?? 0,
              c.byKind.utxo ?? 0,
              c.utxoInputs,
              c.flagged.failed,
              c.flagged.unverifiedToken,
              c.flagged.zeroValue,
              c.flagged.lookalike,
              `${c.lowestBlock}–${c.highestBlock}`,
            ]),
          ]),
        );
        io.out('');
        io.out(
          table([
            ['source', 'chain', 'kind', 'transfers', 'ranges', 'checkpoint'],
            ...status.sources.map((s) => [
              s.name.length > 60 ? `…${s.name.slice(-59)}` : s.name,
              s.chain,
              s.kind,
              s.transfers,
              s.ranges.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`)).join(', ') + (s.rangeCount > s.ranges.length ? ` (+${s.rangeCount - s.ranges.length} more)` : ''),
              s.checkpoint ? `${s.checkpoint.blockNumber}` : '',
            ]),
          ]),
        );
        if (status.prices.length) io.out(`\nprices: ${status.prices.map((p) => `${p.chain}:${p.asset} ${p.days} day(s) ${p.from}…${p.to}`).join('; ')}`);
        if (status.lookalikes) io.out(`look-alike address findings: ${status.lookalikes}`);
      }),
    );

  chain
    .command('transfers')
    .description('List stored transfers (by transaction or address), with USD value where a price is loaded')
    .option('--chain <name>', 'chain')
    .option('--tx <hash>', 'one transaction')
    .option('--address <address>', 'sender or receiver')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print as JSON')
    .action((opts: { chain?: string; tx?: string; address?: string; limit: string; json?: boolean }) =>
      withTransfers(async (store) => {
        const rows = store.transfers({
          chain: opts.chain ? requireChain(opts.chain, '--chain') : undefined,
          txHash: opts.tx?.toLowerCase(),
          address: opts.address?.toLowerCase(),
          limit: Math.max(1, Number(opts.limit) || 100),
        });
        const view = rows.map((t) => {
          const token = t.asset === 'native' ? null : store.token(t.chain, t.asset);
          const decimals = t.asset === 'native' ? nativeDecimals(t.chain) : (token?.decimals ?? null);
          return {
            chain: t.chain,
            block: t.blockNumber,
            time: t.blockTime === null ? null : new Date(t.blockTime * 1000).toISOString(),
            tx: t.txHash,
            position: describePosition(t.position),
            kind: t.kind,
            from: t.from,
            to: t.to,
            asset: t.asset,
            symbol: t.asset === 'native' ? null : (token?.symbol ?? null),
            verified: t.asset === 'native' || Boolean(token?.verified),
            amount: t.amount.toString(),
            value: decimals === null ? null : formatUnits(t.amount, decimals),
            usd: store.usdOf(t),
            success: t.success,
            flags: describeFlags(t.flags),
          };
        });
        if (opts.json) return printJson(io, view);
        io.out(
          table([
            ['block', 'tx', 'position', 'kind', 'from', 'to', 'value', 'asset', 'usd', 'ok', 'flags'],
            ...view.map((v) => [
              v.block,
              `${v.tx.slice(0, 10)}…`,
              v.position,
              v.kind,
              v.from ?? '',
              v.to ?? '',
              v.value ?? `${v.amount} (base units)`,
              v.asset === 'native' ? 'native' : `${v.symbol ?? '?'}${v.verified ? '' : ' (unverified)'} ${v.asset}`,
              v.usd ?? '',
              v.success === null ? '?' : v.success ? 'yes' : 'FAILED',
              v.flags.join(' '),
            ]),
          ]),
        );
      }),
    );
}

function int(value: string, flag: string, min = 0): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new CounterflowError(`${flag} takes an integer ≥ ${min}, got "${value}"`);
  return n;
}

function clientOptions(opts: RpcFlags) {
  return {
    concurrency: int(opts.rpcConcurrency, '--rpc-concurrency', 1),
    maxBatch: int(opts.rpcBatch, '--rpc-batch', 1),
    timeoutMs: int(opts.rpcTimeout, '--rpc-timeout', 1) * 1000,
    attempts: int(opts.rpcAttempts, '--rpc-attempts', 1),
  };
}

function rangeOptions(opts: RpcFlags) {
  const from = int(opts.from, '--from');
  const to = opts.to === undefined ? undefined : int(opts.to, '--to');
  if (to !== undefined && to < from) throw new CounterflowError(`--to ${to} is before --from ${from}`);
  return {
    from,
    to,
    follow: opts.follow,
    blocksPerBatch: int(opts.blocksPerBatch, '--blocks-per-batch', 1),
    confirmations: int(opts.confirmations, '--confirmations'),
    maxReorgDepth: int(opts.maxReorgDepth, '--max-reorg-depth', 1),
    pollMs: Number(opts.pollSeconds) * 1000,
  };
}

function parseTraces(mode: string): 'auto' | 'parity' | 'geth' | 'none' {
  if (mode === 'auto' || mode === 'parity' || mode === 'geth' || mode === 'none') return mode;
  throw new CounterflowError(`--traces takes auto, parity, geth or none, not "${mode}"`);
}

/** With --follow, Ctrl-C stops after the batch being written instead of killing the process. */
function followSignal(follow?: boolean): { signal?: AbortSignal; dispose(): void } {
  if (!follow) return { dispose() {} };
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

function blockBar(io: CliIo): { update(p: { block: number; to: number; transfers: number }): void; stop(): void } | undefined {
  if (!io.interactive) return undefined;
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(p) {
      if (!bar) {
        bar = new cliProgress.SingleBar({ format: 'blocks [{bar}] {value}/{total} · {transfers} transfers', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
        bar.start(p.to, p.block, { transfers: p.transfers });
      }
      bar.setTotal(p.to);
      bar.update(p.block, { transfers: p.transfers });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
