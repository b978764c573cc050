import type { Command } from 'commander';
import { parseTimeBound } from '../../api/audit/time-bound.js';
import { AuditLog, type AuditEntry } from '../../store/audit-log.js';
import type { WithStore } from '../context.js';
import { printJson, table, type CliIo } from '../io.js';
import { numberOption } from './options.js';
import { withDatabase } from './database.js';

interface AuditFlags {
  since?: string;
  until?: string;
  action?: string;
  subject?: string;
  limit: number;
  json?: boolean;
  verify?: boolean;
}

/**
 * `counterflow audit [--since 7d] [--action screen*] [--json]`: the audit trail, oldest first;
 * `--verify` recomputes the hash chain and exits 1 when an entry was changed, deleted or inserted.
 *
 * @example
 * registerAuditCommand(program, io, withStore);
 */
export function registerAuditCommand(program: Command, io: CliIo, withStore: WithStore): void {
  program
    .command('audit')
    .description('Show the audit trail (who screened, traced, vetted, decided what, when, on which list versions)')
    .option('--since <when>', 'from this date, date-time or span back from now (2026-06-01, 24h, 7d)')
    .option('--until <when>', 'before this date, date-time or span back from now')
    .option('--action <action>', 'one action (screen, trace, decision …) or a prefix (case.*)')
    .option('--subject <subject>', 'one subject (e.g. entity:ofac-20157)')
    .option('--limit <n>', 'at most this many entries (the newest)', numberOption(1, 1_000_000, true), 1000)
    .option('--json', 'print JSON (every field, with digests and hashes)')
    .option('--verify', 'check the hash chain of the whole trail instead of listing it')
    .action((opts: AuditFlags) =>
      withStore((store, home) =>
        withDatabase(store, home, async (db) => {
          const audit = new AuditLog(db);
          if (opts.verify) {
            const result = await audit.verify();
            if (opts.json) printJson(io, result);
            if (result.ok) {
              if (!opts.json) io.out(`audit trail intact: ${result.entries} entries, each chained to the one before`);
              return 0;
            }
            io.err(`audit trail broken at entry #${result.broken!.id}: ${result.broken!.reason} (${result.entries} entries before it are intact)`);
            return 1;
          }
          const newestFirst = await audit.list({
            ...(opts.since !== undefined ? { since: parseTimeBound(opts.since, '--since') } : {}),
            ...(opts.until !== undefined ? { until: parseTimeBound(opts.until, '--until') } : {}),
            ...(opts.action !== undefined ? { action: opts.action } : {}),
            ...(opts.subject !== undefined ? { subject: opts.subject } : {}),
            order: 'desc',
            limit: opts.limit,
          });
          const entries = newestFirst.reverse();
          if (opts.json) return printJson(io, entries);
          if (entries.length === 0) return io.out('no audit entries match');
          io.out(table([['id', 'at', 'actor', 'action', 'subject', 'lists', 'result'], ...entries.map(row)]));
          return undefined;
        }),
      ),
    );
}

function row(e: AuditEntry): (string | number)[] {
  return [e.id, e.at.slice(0, 19).replace('T', ' '), `${e.actor.name} (${e.actor.role})`, e.action, e.subject.slice(0, 60), e.listVersions.join(' ') || '-', e.resultDigest.slice(0, 12)];
}
