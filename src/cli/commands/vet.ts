import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { CounterflowError } from '../../errors.js';
import { fileSource } from '../../lists/source.js';
import { loadScreener } from '../../screening/load-screener.js';
import type { Store } from '../../store/store.js';
import { readRecords } from '../../vetting/input/read-records.js';
import { recordToFtm } from '../../vetting/input/to-ftm.js';
import { parseTimestamp } from '../../vetting/input/timestamps.js';
import { reportHtml } from '../../vetting/report/html.js';
import { screenerSanctions, type SanctionsScreen } from '../../vetting/sanctions.js';
import { openStoredGraphs } from '../../tracing/stored-graphs.js';
import { chainExposureProvider } from '../../vetting/chain-exposure.js';
import { vetRecords, type VetReport } from '../../vetting/vet.js';
import type { WithStore } from '../context.js';
import { countProgressBar, printJson, progressBar, table, type CliIo } from '../io.js';

interface VetOptions {
  json?: boolean;
  out?: string;
  ftm?: string | boolean;
  sanctions: boolean;
  exposure: boolean;
  hops: number;
  now?: number;
}

/** Records shown in the text summary; the JSON and HTML reports hold all of them. */
const SHOWN = 40;

export function registerVetCommand(program: Command, io: CliIo, withStore: WithStore): void {
  program
    .command('vet')
    .description('Vet remote workers / applicants: every official DPRK IT-worker red flag as an explained rule, facilitator rings, sanctions screening')
    .argument('<records...>', 'JSON lines, JSON array or CSV files of worker records (format: docs/vetting.md)')
    .option('--json', 'print the full report as JSON (records with score, level, rules, ring; rings with links)')
    .option('--out <file>', 'write the report as a self-contained HTML page')
    .option('--ftm [file]', 'write the records as FollowTheMoney entities (JSON lines) to FILE, or to stdout instead of the report')
    .option('--no-sanctions', 'do not screen names and wallets against the loaded lists')
    .option('--no-exposure', 'do not score payout wallets with the exposure engine over the stored transfers')
    .option('--hops <n>', 'wallet exposure: indirect exposure up to this many hops', hopsOption, 3)
    .option('--now <date>', 'measure ages (profile age …) against this date instead of today', dateOption)
    .action((paths: string[], opts: VetOptions) =>
      withStore(async (store, home) => {
        if (opts.json && opts.ftm === true) throw new CounterflowError('--ftm without a file prints entities to stdout; it cannot be combined with --json (give --ftm FILE)');
        const sources = paths.map((p) => fileSource(p));
        const total = sources.reduce((n, s) => n + (s.size ?? 0), 0);
        const bar = progressBar(io);
        bar?.start?.('reading records', total);
        let input;
        try {
          input = await readRecords(sources, { onBytes: (b) => bar?.advance?.(b) });
        } finally {
          bar?.stop?.();
        }
        if (opts.ftm !== undefined) {
          const lines = input.records.flatMap((r) => recordToFtm(r)).map((e) => JSON.stringify(e));
          if (opts.ftm === true) {
            io.out(lines.join('\n'));
            return;
          }
          if (typeof opts.ftm === 'string') writeAtomically(opts.ftm, lines.length ? `${lines.join('\n')}\n` : '');
        }
        const sanctions = opts.sanctions ? await sanctionsFor(store) : undefined;
        const graphs = opts.exposure ? await openStoredGraphs(store, home) : undefined;
        const counter = countProgressBar(io, 'vetting', input.records.length * 2);
        let last = 0;
        let report: VetReport;
        try {
          report = await vetRecords(input.records, {
            cacheDir: join(home, 'cache'),
            ...(sanctions ? { sanctions } : {}),
            ...(graphs?.chains.length ? { exposure: chainExposureProvider(graphs, { hops: opts.hops }) } : {}),
            ...(opts.now !== undefined ? { now: opts.now } : {}),
            onProgress: (phase, done) => {
              const at = (phase === 'link' ? 0 : input.records.length) + (phase === 'rings' ? input.records.length : done);
              if (at > last) counter?.tick(at - last);
              last = Math.max(last, at);
            },
          });
        } finally {
          counter?.stop();
          await graphs?.close();
        }
        report.warnings.unshift(...input.warnings);
        if (opts.out) writeAtomically(opts.out, reportHtml(report));
        if (opts.json) return printJson(io, report);
        io.out(textReport(report, opts));
      }),
    );
}

function hopsOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10) throw new InvalidArgumentError('expected an integer 1–10');
  return n;
}

function dateOption(value: string): number {
  const t = parseTimestamp(value);
  if (t === null) throw new InvalidArgumentError('expected a date such as 2025-06-01');
  return t;
}

async function sanctionsFor(store: Store): Promise<SanctionsScreen | undefined> {
  const { screener, versions } = await loadScreener(store);
  if (!versions.length) return undefined;
  return screenerSanctions(screener, versions.map((v) => `${v.list}@${v.seq}`).join(', '));
}

function writeAtomically(path: string, content: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (err) {
    throw new CounterflowError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function textReport(report: VetReport, opts: VetOptions): string {
  const s = report.summary;
  const lines = [
    `vetted ${s.records} records: critical ${s.by_level.critical}, high ${s.by_level.high}, medium ${s.by_level.medium}, low ${s.by_level.low}; ` +
      `block ${s.by_action.block}, escalate ${s.by_action.escalate}, verify ${s.by_action.verify}; ${s.rings} rings (${s.records_in_rings} records)`,
    `sanctions lists: ${report.sanctions ?? 'not screened'}`,
    '',
  ];
  const sorted = [...report.records].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const rows: (string | number)[][] = [['ID', 'SCORE', 'LEVEL', 'ACTION', 'RING', 'STRONGEST RULES']];
  for (const r of sorted.slice(0, SHOWN)) rows.push([r.id, r.score, r.level, r.action, r.ring ?? '', r.rules.slice(0, 2).map((f) => f.id).join(', ')]);
  lines.push(table(rows));
  if (sorted.length > SHOWN) lines.push(`… ${sorted.length - SHOWN} more records (lower scores): see --json${opts.out ? '' : ' or --out report.html'}`);
  for (const ring of report.rings.slice(0, 10)) {
    lines.push('', `${ring.id}: ${ring.members.join(', ')}`);
    for (const l of ring.links.slice(0, 5)) lines.push(`  ${l.a} ↔ ${l.b} (${l.strength}): ${l.shared.map((x) => `${x.label} ${x.value}`).join('; ')}`);
    if (ring.links.length > 5) lines.push(`  … ${ring.links.length - 5} more links`);
  }
  if (report.rings.length > 10) lines.push('', `… ${report.rings.length - 10} more rings`);
  const top = sorted.find((r) => r.rules.length);
  if (top) {
    lines.push('', `why ${top.id} scores ${top.score} (${top.action_text}):`);
    for (const f of top.rules) lines.push(`  - ${f.title}: ${f.explanation} [${f.source.tag} ${f.source.date}]`);
  }
  if (report.warnings.length) lines.push('', ...report.warnings.map((w) => `warning: ${w}`));
  if (opts.out) lines.push('', `HTML report written to ${opts.out}`);
  return lines.join('\n');
}
