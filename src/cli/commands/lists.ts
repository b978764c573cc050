import { join } from 'node:path';
import type { Command } from 'commander';
import { CounterflowError } from '../../errors.js';
import { diffVersions } from '../../lists/diff.js';
import { retireDemoLists } from '../../lists/demo.js';
import { LIST_REGISTRY } from '../../lists/formats.js';
import { expandPaths, groupFiles, loadGroup } from '../../lists/load.js';
import { findSource, OFFICIAL_SOURCES } from '../../lists/sources.js';
import { LIST_FORMATS, type ListFormat } from '../../lists/types.js';
import { updateSource } from '../../lists/update.js';
import type { ListVersion, Store } from '../../store/store.js';
import { versionJson } from '../../lists/version-json.js';
import { printJson, progressBar, table, type CliIo } from '../io.js';
import type { WithStore } from '../context.js';

export function registerListCommands(program: Command, io: CliIo, withStore: WithStore): void {
  const lists = program.command('lists').description('Load, update and inspect sanctions lists');

  lists
    .command('load')
    .description('Load list files (format detected from content and name); each list becomes a new version')
    .argument('<paths...>', 'files or directories')
    .option('--list <name>', 'list name to store the entries under')
    .option('--format <format>', `override detection: ${LIST_FORMATS.join(', ')}`)
    .option('--json', 'print the result as JSON')
    .action((paths: string[], opts: { list?: string; format?: string; json?: boolean }) =>
      withStore(async (store) => {
        const format = opts.format ? parseFormat(opts.format) : undefined;
        const skipped: string[] = [];
        const groups = await groupFiles(await expandPaths(paths), LIST_REGISTRY, format, skipped);
        for (const path of skipped) io.err(`skipped ${path}: not a list format Counterflow reads`);
        if (groups.length === 0) throw new CounterflowError(`no list files among ${paths.join(', ')}`);
        if (opts.list && groups.length > 1) {
          throw new CounterflowError(`--list names one list, but these files form ${groups.length} lists; load them separately`);
        }
        const results = [];
        for (const group of groups) {
          const r = await loadGroup(store, group, { list: opts.list, progress: progressBar(io) });
          results.push(r);
          if (!opts.json) {
            io.out(`loaded ${describeVersion(r.version)} from ${r.files.length} file(s)`);
            for (const w of r.warnings) io.err(`  warning: ${w}`);
          }
        }
        const retired = await retireDemoLists(store);
        if (retired && !opts.json) io.out(`retired the demo excerpt (${describeVersion(retired)}): screening now uses the loaded lists only`);
        if (opts.json) printJson(io, results.map((r) => ({ ...r, version: versionJson(r.version) })));
      }),
    );

  lists
    .command('update')
    .description('Download official lists into new versions; keep the last good version if anything is wrong')
    .option('--source <name...>', `sources to update: ${OFFICIAL_SOURCES.map((s) => s.name).join(', ')} (default all)`)
    .option('--mirror <url>', 'fetch every file from this base URL instead (env COUNTERFLOW_MIRROR)')
    .option('--max-shrink <share>', 'refuse a version that lost more than this share of entries', '0.1')
    .option('--force', 'accept the new version even if it shrank')
    .option('--json', 'print the result as JSON')
    .action((opts: { source?: string[]; mirror?: string; maxShrink: string; force?: boolean; json?: boolean }) =>
      withStore(async (store, home) => {
        const names = opts.source ?? OFFICIAL_SOURCES.map((s) => s.name);
        const sources = names.map((n) => {
          const s = findSource(n);
          if (!s) throw new CounterflowError(`unknown source "${n}"; known: ${OFFICIAL_SOURCES.map((x) => x.name).join(', ')}`);
          return s;
        });
        const maxShrink = Number(opts.maxShrink);
        if (!(maxShrink >= 0 && maxShrink <= 1)) throw new CounterflowError('--max-shrink takes a share between 0 and 1');
        const reports = [];
        for (const source of sources) {
          const r = await updateSource(store, source, LIST_REGISTRY, {
            workDir: join(home, 'downloads'),
            mirror: opts.mirror ?? process.env.COUNTERFLOW_MIRROR,
            maxShrink,
            force: opts.force,
            progress: progressBar(io),
          });
          reports.push(r);
          if (!opts.json) io.out(`${source.name}: ${r.outcome}: ${r.message}`);
        }
        const retired = reports.some((r) => r.outcome === 'updated') ? await retireDemoLists(store) : null;
        if (retired && !opts.json) io.out(`retired the demo excerpt (${describeVersion(retired)}): screening now uses the official lists only`);
        if (opts.json) printJson(io, reports.map((r) => ({ ...r, version: r.version && versionJson(r.version), previous: r.previous && versionJson(r.previous) })));
        return reports.some((r) => r.outcome === 'failed' || r.outcome === 'kept-last-good') ? 3 : 0;
      }),
    );

  lists
    .command('status')
    .description('Active list versions with counts per schema and programme, and recent updates')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }) =>
      withStore(async (store) => {
        const status = await listStatus(store);
        if (opts.json) return printJson(io, status);
        if (status.lists.length === 0) {
          io.out('No lists loaded. Load files with `counterflow lists load PATH…` or fetch the official lists with `counterflow lists update`.');
          return;
        }
        io.out(table([
          ['list', 'version', 'format', 'published', 'loaded', 'entries', 'DPRK', 'entities'],
          ...status.lists.map((l) => [l.list, `@${l.seq}`, l.format, l.publishedAt?.slice(0, 10) ?? '-', l.loadedAt.slice(0, 19), l.targetCount, l.dprkEntries, l.entityCount]),
        ]));
        for (const l of status.lists) {
          io.out(`\n${l.list}@${l.seq}  schemas: ${Object.entries(l.bySchema).map(([k, v]) => `${k} ${v}`).join(', ')}`);
          const top = Object.entries(l.byProgram).sort((a, b) => b[1] - a[1]);
          if (top.length) io.out(`  programmes: ${top.slice(0, 12).map(([k, v]) => `${k} ${v}`).join(', ')}${top.length > 12 ? `, … (${top.length} in all)` : ''}`);
        }
        if (status.updates.length) {
          io.out('\nRecent updates:');
          for (const u of status.updates) io.out(`  ${u.at.slice(0, 19)} ${u.list} ${u.outcome}: ${u.message}`);
        }
      }),
    );

  lists
    .command('diff')
    .description('Entries added, removed and changed between two versions (LIST@SEQ, or LIST for the active one)')
    .argument('<a>', 'older version, e.g. us_ofac_sdn@1')
    .argument('<b>', 'newer version, e.g. us_ofac_sdn@2 or us_ofac_sdn')
    .option('--limit <n>', 'entries to print per section (text output)', '20')
    .option('--json', 'print as JSON')
    .action((a: string, b: string, opts: { limit: string; json?: boolean }) =>
      withStore(async (store) => {
        const va = await resolveVersion(store, a);
        const vb = await resolveVersion(store, b);
        const diff = diffVersions(await store.versionEntities(va.id), await store.versionEntities(vb.id));
        if (opts.json) return printJson(io, { from: versionJson(va), to: versionJson(vb), ...diff });
        io.out(`${describeVersion(va)} → ${describeVersion(vb)}`);
        io.out(`added ${diff.added.length}, removed ${diff.removed.length}, changed ${diff.changed.length}, unchanged ${diff.unchanged}`);
        const limit = Number(opts.limit) || 20;
        for (const [label, items] of [['added', diff.added], ['removed', diff.removed], ['changed', diff.changed]] as const) {
          if (!items.length) continue;
          io.out(`\n${label}:`);
          for (const item of items.slice(0, limit)) {
            io.out(`  ${item.id}  ${item.schema}  ${item.caption}`);
            for (const c of item.changes?.slice(0, 5) ?? []) {
              io.out(`      ${c.property}: ${c.removed.length ? `-${JSON.stringify(c.removed)} ` : ''}${c.added.length ? `+${JSON.stringify(c.added)}` : ''}`);
            }
          }
          if (items.length > limit) io.out(`  … ${items.length - limit} more (use --json for all)`);
        }
      }),
    );
}

export interface ListStatusEntry extends ReturnType<typeof versionJson> {
  dprkEntries: number;
  bySchema: Record<string, number>;
  byProgram: Record<string, number>;
  byRegime: Record<string, number>;
}

export async function listStatus(store: Store) {
  const lists: ListStatusEntry[] = [];
  for (const v of await store.activeVersions()) {
    const stats = await store.versionStats(v.id);
    lists.push({ ...versionJson(v), dprkEntries: stats.byRegime.DPRK ?? 0, ...stats });
  }
  const versions = (await store.listVersions()).map(versionJson);
  return { store: store.location, lists, versions, updates: await store.updateLog(undefined, 10) };
}

async function resolveVersion(store: Store, ref: string): Promise<ListVersion> {
  const m = /^([^@]+)(?:@(\d+))?$/.exec(ref);
  const version = m ? await store.findVersion(m[1] ?? '', m[2] ? Number(m[2]) : undefined) : null;
  if (!version) {
    const known = (await store.listVersions()).map((v) => `${v.list}@${v.seq}`).join(', ') || 'none';
    throw new CounterflowError(`no list version "${ref}" (known: ${known})`);
  }
  return version;
}

function parseFormat(f: string): ListFormat {
  if ((LIST_FORMATS as readonly string[]).includes(f)) return f as ListFormat;
  throw new CounterflowError(`unknown format "${f}"; use one of: ${LIST_FORMATS.join(', ')}`);
}

export function describeVersion(v: ListVersion): string {
  return `${v.list}@${v.seq} (${v.format}, ${v.targetCount} entries, ${v.entityCount} entities${v.publishedAt ? `, published ${v.publishedAt.slice(0, 10)}` : ''})`;
}
