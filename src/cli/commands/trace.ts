import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { openGraph } from '../../graph/graph-cache.js';
import { fileSource } from '../../lists/source.js';
import { TransferStore } from '../../store/transfer-store.js';
import { exposure } from '../../tracing/exposure.js';
import { findIncidentWithLocal, readLocalIncidents } from '../../demo/local-incidents.js';
import { loadIncidents, yearTotals } from '../../tracing/labels/incidents.js';
import { applyStoreDerivedLabels } from '../../tracing/labels/derived-labels.js';
import { loadLabels } from '../../tracing/labels/load-labels.js';
import { addUserLabels, FBI_BYBIT_PSA, parseCategory, readAddressList, readUserLabels } from '../../tracing/labels/user-labels.js';
import { TAINT_MODELS, type TaintModel } from '../../tracing/taint-engine.js';
import { traceReport, type TraceRequest } from '../../tracing/trace.js';
import { bridgeOutbounds, linkBridgeLegs, type BridgeLeg } from '../../tracing/bridge-links.js';
import type { LabelBook } from '../../tracing/labels/label.js';
import { nativeDecimals } from '../../chain/chains.js';
import { traceCsv, traceFtm } from '../../tracing/trace-export.js';
import type { WithStore } from '../context.js';
import { printJson, table, type CliIo } from '../io.js';

interface TraceFlags {
  fromAddress?: string[];
  fromTx?: string[];
  incident?: string;
  direction: string;
  model: string;
  asset?: string;
  hops: string;
  minAmount?: string;
  since?: string;
  until?: string;
  chain: string;
  json?: boolean;
  csv?: string;
  ftm?: string;
}

function intOption(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InputError(name, `expected an integer ${min}–${max}, got "${value}"`);
  return n;
}

function timeOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new InputError(name, `expected an ISO date or time, got "${value}"`);
  return Math.floor(t / 1000);
}

/**
 * When the trace's chain is not Bitcoin and Bitcoin transfers are stored too, bridge exits are linked to
 * payouts of THORChain vaults (bitcoin addresses labelled bridge/THORChain) by time and USD value (store
 * prices); otherwise a bridge stays an exit with the amount.
 */
function bridgeLinkerFor(store: TransferStore, home: string, chain: string, labels: LabelBook): Pick<TraceRequest, 'bridgeLinker'> {
  if (chain === 'bitcoin' || store.countTransfers('bitcoin') === 0) return {};
  const btc = openGraph(store, home, 'bitcoin').graph;
  const usd = (leg: BridgeLeg) => {
    const decimals = leg.asset === 'native' ? (nativeDecimals(leg.chain) ?? 0) : (store.token(leg.chain, leg.asset)?.decimals ?? 0);
    const v = store.usdOf({
      chain: leg.chain,
      blockNumber: 0,
      blockTime: leg.time,
      txHash: leg.txHash,
      txIndex: null,
      position: 'a',
      kind: 'native',
      from: leg.from,
      to: leg.to,
      asset: leg.asset,
      amount: BigInt(Math.round(leg.amount * 10 ** decimals)),
      success: true,
      flags: 0,
    });
    return v === null ? null : Number(v);
  };
  return { bridgeLinker: (deposits) => linkBridgeLegs(deposits, bridgeOutbounds(btc, labels), { usd }) };
}

/**
 * `counterflow trace`, `counterflow exposure`, `counterflow incidents`, `counterflow label add|list|import-fbi`.
 */
export function registerTraceCommands(program: Command, io: CliIo, withStore: WithStore): void {
  program
    .command('trace')
    .description('Follow taint from addresses, transactions or an incident through the transfer graph')
    .option('--from-address <address...>', 'seed: every stored outflow of these addresses is fully tainted')
    .option('--from-tx <hash...>', 'seed: the transfers of these transactions are fully tainted')
    .option('--incident <id>', 'seed: the seed addresses of a registry incident (see `counterflow incidents`)')
    .option('--direction <dir>', 'forward or backward', 'forward')
    .option('--model <model>', `taint model: ${TAINT_MODELS.join(', ')}`, 'haircut')
    .option('--asset <asset>', 'only this asset: native or a token contract (default: every asset)')
    .option('--hops <n>', 'hop limit', '10')
    .option('--min-amount <n>', 'ignore transfers below this amount (whole units of --asset, else native)')
    .option('--since <time>', 'ignore transfers before this time (ISO)')
    .option('--until <time>', 'ignore transfers after this time (ISO)')
    .option('--chain <chain>', 'chain of the transfer store', 'ethereum')
    .option('--json', 'print the trace as JSON (addresses, edges, exits, patterns)')
    .option('--csv <file>', 'write the traced transfers as CSV')
    .option('--ftm <file>', 'write the trace as FollowTheMoney JSON lines (CryptoWallet, Payment)')
    .action((flags: TraceFlags) =>
      withStore(async (lists, home) => {
        if (!['forward', 'backward'].includes(flags.direction)) throw new InputError('--direction', `expected forward or backward, got "${flags.direction}"`);
        if (!(TAINT_MODELS as readonly string[]).includes(flags.model)) throw new InputError('--model', `expected ${TAINT_MODELS.join(', ')}, got "${flags.model}"`);
        const minAmount = flags.minAmount === undefined ? undefined : Number(flags.minAmount);
        if (minAmount !== undefined && !(minAmount >= 0)) throw new InputError('--min-amount', `expected a non-negative number, got "${flags.minAmount}"`);
        const store = await TransferStore.open({ home });
        try {
          const { graph } = openGraph(store, home, flags.chain);
          const labels = await loadLabels(lists, home);
          applyStoreDerivedLabels(store, graph, labels);
          const since = timeOption(flags.since, '--since');
          const until = timeOption(flags.until, '--until');
          const { report } = traceReport(graph, labels, {
            ...(flags.fromAddress ? { fromAddress: flags.fromAddress } : {}),
            ...(flags.fromTx ? { fromTx: flags.fromTx } : {}),
            ...(flags.incident ? { incident: findIncidentWithLocal(home, flags.incident) } : {}),
            direction: flags.direction as 'forward' | 'backward',
            model: flags.model as TaintModel,
            ...(flags.asset ? { asset: flags.asset } : {}),
            hops: intOption(flags.hops, '--hops', 1, 100),
            ...(minAmount !== undefined ? { minAmount } : {}),
            ...(since !== undefined ? { fromTime: since } : {}),
            ...(until !== undefined ? { toTime: until } : {}),
            ...bridgeLinkerFor(store, home, flags.chain, labels),
          });
          if (flags.csv) writeFileSync(flags.csv, traceCsv(report));
          if (flags.ftm) writeFileSync(flags.ftm, `${traceFtm(report, flags.chain).map((e) => JSON.stringify(e)).join('\n')}\n`);
          if (flags.json) return printJson(io, report);
          io.out(`${report.addresses.length} address/asset holdings, ${report.edges.length} tainted transfers, ${report.exits.length} exits, ${report.patterns.length} patterns`);
          if (report.exits.length) io.out(table([['service', 'category', 'asset', 'amount', 'share', 'hop'], ...report.exits.map((x) => [x.service, x.category, x.asset, x.amount, x.share, x.hop])]));
          for (const p of report.patterns) io.out(`${p.name}: ${p.summary}`);
        } finally {
          await store.close();
        }
      }),
    );

  program
    .command('exposure')
    .description('KYT: direct and indirect exposure of addresses to labelled categories, with a risk level')
    .argument('<address...>')
    .option('--hops <n>', 'indirect exposure up to this many hops', '3')
    .option('--chain <chain>', 'chain of the transfer store', 'ethereum')
    .option('--json', 'print JSON')
    .action((addresses: string[], flags: { hops: string; chain: string; json?: boolean }) =>
      withStore(async (lists, home) => {
        const store = await TransferStore.open({ home });
        try {
          const { graph } = openGraph(store, home, flags.chain);
          const labels = await loadLabels(lists, home);
          applyStoreDerivedLabels(store, graph, labels);
          const reports = addresses.map((a) => exposure(graph, labels, a, { hops: intOption(flags.hops, '--hops', 1, 10) }));
          if (flags.json) return printJson(io, reports);
          for (const r of reports) io.out(`${r.address}: ${r.risk}\n  ${r.explanation.join('\n  ')}`);
        } finally {
          await store.close();
        }
      }),
    );

  program
    .command('incidents')
    .description('The DPRK incident registry with per-year totals')
    .option('--json', 'print JSON')
    .action((flags: { json?: boolean }) =>
      withStore(async (_lists, home) => {
        const incidents = loadIncidents();
        const totals = yearTotals(incidents);
        const local = readLocalIncidents(home);
        if (flags.json) return printJson(io, { incidents, totals, local });
        io.out(table([['id', 'date', 'victim', 'USD (low–high)', 'attribution'], ...incidents.map((i) => [i.id, i.date, i.victim, i.usd ? `${i.usd.low}–${i.usd.high}` : 'not sourced', i.attribution.actor])]));
        io.out(table([['year', 'incidents', 'USD low', 'USD high', 'unpriced'], ...totals.map((t) => [t.year, t.incidents, t.usdLow, t.usdHigh, t.unpriced.join(' ')])]));
        if (local.length) {
          io.out(`\nIncidents of this home (${home}), not in the registry nor in the totals:`);
          io.out(table([['id', 'date', 'victim', 'name'], ...local.map((i) => [i.id, i.date, i.victim, i.name])]));
        }
      }),
    );

  const label = program.command('label').description('User labels and imported address lists');
  label
    .command('add')
    .argument('<address>')
    .requiredOption('--category <category>', 'exchange, mixer, bridge, dex, instant_exchanger, otc, sanctioned, stolen_funds, scam, gambling, other')
    .requiredOption('--name <name>', 'service or actor name')
    .option('--source <text>', 'where the attribution comes from')
    .action((address: string, flags: { category: string; name: string; source?: string }) =>
      withStore(async (_lists, home) => {
        const n = addUserLabels(home, [{ address, category: parseCategory(flags.category), name: flags.name, origin: 'user', confidence: 100, ...(flags.source ? { source: flags.source } : {}) }]);
        io.out(`labelled ${address} (${n} user labels stored)`);
      }),
    );
  label
    .command('list')
    .option('--json', 'print JSON')
    .action((flags: { json?: boolean }) =>
      withStore(async (_lists, home) => {
        const labels = readUserLabels(home);
        if (flags.json) return printJson(io, labels);
        io.out(table([['address', 'category', 'name', 'origin'], ...labels.map((l) => [l.address, l.category, l.name, l.origin])]));
      }),
    );
  label
    .command('import-fbi')
    .description('Import an FBI address list (one address a line) as stolen-funds labels')
    .argument('<file>')
    .option('--name <name>', 'name of the publication', FBI_BYBIT_PSA.name)
    .option('--source <url>', 'URL of the publication', FBI_BYBIT_PSA.source)
    .action((file: string, flags: { name: string; source: string }) =>
      withStore(async (_lists, home) => {
        const labels = await readAddressList(fileSource(file), { name: flags.name, source: flags.source });
        addUserLabels(home, labels);
        io.out(`imported ${labels.length} addresses from ${file}`);
      }),
    );
}
