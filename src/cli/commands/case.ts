import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { CASE_DECISIONS, MAX_CASE_ID, type CaseDetail, type NewCaseItem } from '../../cases/case.js';
import { checkItem } from '../../cases/check-item.js';
import { CounterflowError, InputError } from '../../errors.js';
import { caseAuditSubject } from '../../reports/case-report.js';
import { incidentLookup } from '../../reports/incident-lookup.js';
import { caseExport, ftmLines } from '../../reports/make-reports.js';
import { AuditLog, digest } from '../../store/audit-log.js';
import { CaseStore } from '../../store/case-store.js';
import type { Database } from '../../store/schema.js';
import type { Store } from '../../store/store.js';
import type { WithStore } from '../context.js';
import { printJson, table, type CliIo } from '../io.js';
import { cliActor, withDatabase } from './database.js';

/**
 * A case id from the command line: a whole number from 1.
 *
 * @example
 * caseIdArgument('12'); // 12
 */
export function caseIdArgument(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1 || n > MAX_CASE_ID) throw new InputError('ID', `expected a case number, got "${value}"`);
  return n;
}

/** Runs `fn` with the case store and the audit trail on the store's database. */
function withCases<T>(store: Store, home: string, fn: (cases: CaseStore, audit: AuditLog, db: Kysely<Database>) => Promise<T>): Promise<T> {
  return withDatabase(store, home, (db) => fn(new CaseStore(db), new AuditLog(db), db));
}

/** One audit entry for a case write from the command line, as the API's recordAudit writes one. */
async function auditCase(store: Store, audit: AuditLog, caseId: number, action: string, input: unknown, result: unknown, detail: unknown): Promise<void> {
  const versions = (await store.activeVersions()).map((v) => `${v.list}@${v.seq}`).sort();
  await audit.append({ actor: cliActor(), action, subject: caseAuditSubject(caseId), inputDigest: digest(input), resultDigest: digest(result), listVersions: versions, detail });
}

function printCase(io: CliIo, c: CaseDetail): void {
  io.out(`case ${c.id}: ${c.title} (${c.status}; opened ${c.createdAt} by ${c.createdBy}, updated ${c.updatedAt})`);
  if (c.description) io.out(c.description);
  io.out(c.items.length ? table([['#', 'kind', 'ref', 'label', 'note', 'added by', 'added at'], ...c.items.map((i) => [i.id, i.kind, i.ref, i.label ?? '', i.note ?? '', i.addedBy, i.addedAt])]) : 'no items');
  io.out(c.decisions.length ? table([['at', 'decision', 'by', 'reason'], ...c.decisions.map((d) => [d.at, d.decision, d.actor, d.reason])]) : 'no decisions');
}

interface AddFlags {
  address?: string;
  entity?: string;
  worker?: string;
  note?: string;
  incident?: string;
  label?: string;
  comment?: string;
}

function itemFromFlags(flags: AddFlags): NewCaseItem {
  const given = (['address', 'entity', 'worker', 'note', 'incident'] as const).filter((k) => flags[k] !== undefined);
  if (given.length !== 1) throw new InputError('case add', 'give exactly one of --address, --entity, --worker, --note, --incident');
  const kind = given[0]!;
  return { kind, ref: flags[kind]!, ...(flags.label !== undefined ? { label: flags.label } : {}), ...(flags.comment !== undefined ? { note: flags.comment } : {}) };
}

/**
 * `counterflow case create|add|list|show|decide|export`: cases on the store's database, each write audited
 * with the actor `cli:<user>`.
 */
export function registerCaseCommands(program: Command, io: CliIo, withStore: WithStore): void {
  const cmd = program.command('case').description('Cases: collect addresses, entities, workers, notes and incidents; record decisions');

  cmd
    .command('create')
    .argument('<title>')
    .option('--description <text>', 'what the case is about')
    .option('--json', 'print the case as JSON')
    .action((title: string, flags: { description?: string; json?: boolean }) =>
      withStore((store, home) =>
        withCases(store, home, async (cases, audit) => {
          const input = { title, ...(flags.description !== undefined ? { description: flags.description } : {}) };
          const c = await cases.createCase(input, cliActor().id);
          await auditCase(store, audit, c.id, 'case.create', input, c, { title: c.title });
          if (flags.json) return printJson(io, c);
          io.out(`case ${c.id} opened: ${c.title}`);
        }),
      ),
    );

  cmd
    .command('add')
    .argument('<id>', 'case number')
    .option('--address <address>', 'a crypto address (validated and normalised)')
    .option('--entity <id>', 'an entity id of the active lists (`counterflow entity ID`)')
    .option('--worker <id>', 'a remote-worker record id')
    .option('--note <text>', 'a free-text note')
    .option('--incident <id>', 'an incident of the registry (`counterflow incidents`)')
    .option('--label <text>', 'a short label for the item')
    .option('--comment <text>', 'a comment on the item')
    .action((id: string, flags: AddFlags) =>
      withStore((store, home) =>
        withCases(store, home, async (cases, audit) => {
          const caseId = caseIdArgument(id);
          const findIncident = incidentLookup(home);
          const item = await checkItem(itemFromFlags(flags), { entityExists: async (e) => (await store.getEntity(e)) !== null, incidentExists: (i) => findIncident(i) !== undefined }, 'case add');
          const { item: stored, added } = await cases.addItem(caseId, item, cliActor().id);
          if (added) await auditCase(store, audit, caseId, 'case.item', item, stored, { kind: stored.kind, ref: stored.ref.slice(0, 200) });
          io.out(added ? `added ${stored.kind} ${stored.ref} to case ${caseId} (item ${stored.id})` : `case ${caseId} already holds ${stored.kind} ${stored.ref} (item ${stored.id})`);
        }),
      ),
    );

  cmd
    .command('list')
    .option('--status <status>', 'open or closed')
    .option('--json', 'print JSON')
    .action((flags: { status?: string; json?: boolean }) =>
      withStore((store, home) =>
        withCases(store, home, async (cases) => {
          if (flags.status !== undefined && flags.status !== 'open' && flags.status !== 'closed') throw new InputError('--status', `expected open or closed, got "${flags.status}"`);
          const list = await cases.listCases(flags.status ? { status: flags.status } : {});
          if (flags.json) return printJson(io, { cases: list });
          io.out(list.length ? table([['id', 'status', 'items', 'decision', 'updated', 'title'], ...list.map((c) => [c.id, c.status, c.itemCount, c.decision ?? '', c.updatedAt, c.title])]) : 'no cases');
        }),
      ),
    );

  cmd
    .command('show')
    .argument('<id>', 'case number')
    .option('--json', 'print JSON')
    .action((id: string, flags: { json?: boolean }) =>
      withStore((store, home) =>
        withCases(store, home, async (cases) => {
          const c = await cases.getCase(caseIdArgument(id));
          if (!c) throw new CounterflowError(`no case ${id}`);
          if (flags.json) return printJson(io, c);
          printCase(io, c);
        }),
      ),
    );

  cmd
    .command('decide')
    .argument('<id>', 'case number')
    .requiredOption('--decision <decision>', CASE_DECISIONS.join(', '))
    .requiredOption('--reason <text>', 'why')
    .action((id: string, flags: { decision: string; reason: string }) =>
      withStore((store, home) =>
        withCases(store, home, async (cases, audit) => {
          const caseId = caseIdArgument(id);
          const input = { decision: flags.decision as (typeof CASE_DECISIONS)[number], reason: flags.reason };
          const { decision, status } = await cases.addDecision(caseId, input, cliActor().id);
          await auditCase(store, audit, caseId, 'case.decision', input, decision, { decision: decision.decision, reason: decision.reason, status });
          io.out(`case ${caseId}: ${decision.decision} recorded (decision ${decision.id}); the case is ${status}`);
        }),
      ),
    );

  cmd
    .command('export')
    .argument('<id>', 'case number')
    .requiredOption('--ftm <file>', 'write the case as FollowTheMoney JSON lines')
    .action((id: string, flags: { ftm: string }) =>
      withStore((store, home) =>
        withCases(store, home, async (cases, audit) => {
          const c = await cases.getCase(caseIdArgument(id));
          if (!c) throw new CounterflowError(`no case ${id}`);
          const entities = await caseExport(c, { store, home });
          try {
            writeFileSync(flags.ftm, ftmLines(entities));
          } catch (err) {
            throw new CounterflowError(`cannot write ${flags.ftm}: ${(err as Error).message}`);
          }
          await auditCase(store, audit, c.id, 'export.case', { id: c.id }, entities.map((e) => e.id), { entities: entities.length });
          io.out(`wrote ${entities.length} FollowTheMoney entities of case ${c.id} to ${flags.ftm}`);
        }),
      ),
    );
}
