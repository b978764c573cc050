import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { InputError } from '../../errors.js';
import { parseWorkerRecord } from '../../vetting/input/parse-record.js';
import type { WorkerRecord } from '../../vetting/input/record.js';
import { parseTimestamp } from '../../vetting/input/timestamps.js';
import { offlineIpIntel, type IpIntel } from '../../vetting/ip/ip-intel.js';
import { screenerSanctions } from '../../vetting/sanctions.js';
import { openStoredGraphs } from '../../tracing/stored-graphs.js';
import { chainExposureProvider } from '../../vetting/chain-exposure.js';
import { vetRecords } from '../../vetting/vet.js';
import { recordAudit } from '../audit/record.js';
import { apiHome, screenerOf, type ApiContext } from '../context.js';
import { vetResponse } from './response-schema.js';
import { VET_BODY_LIMIT, vetBody } from './schema.js';

let sharedIpIntel: IpIntel | undefined;

/**
 * `POST /vet`: vets the records in the body and answers with the same JSON as `counterflow vet
 * --json` (records with score, level, action, rules, ring; rings with their links). Names and
 * payout wallets are screened against the server's loaded lists, and payout wallets scored by the
 * exposure engine when the store holds transfers. A malformed record is a 400 naming
 * its position and field, e.g. `records:3 (logins[0].timestamp): …`. Access `run`; one `vet` audit entry
 * per request, with the count per action in its detail.
 *
 * @example
 * await app.register(vetRoutes, ctx);
 * await app.inject({ method: 'POST', url: '/vet', payload: { records: [{ id: 'w1', names: ['Jane Doe'] }] } });
 */
export const vetRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  const { store } = ctx;
  const schema = { tags: ['vetting'], summary: 'Vet remote-worker records', body: vetBody, response: { 200: vetResponse } };
  app.post('/vet', { bodyLimit: VET_BODY_LIMIT, config: { access: 'run' }, schema }, async (request) => {
    const records: WorkerRecord[] = [];
    const warnings: string[] = [];
    const seen = new Map<string, number>();
    request.body.records.forEach((raw, i) => {
      const record = parseWorkerRecord(raw, { file: 'records', line: i + 1, warnings });
      const first = seen.get(record.id);
      if (first !== undefined) throw new InputError('records', `id "${record.id}" is used twice (first at records:${first})`, i + 1, 'id');
      seen.set(record.id, i + 1);
      records.push(record);
    });
    let now: number | undefined;
    if (request.body.now !== undefined) {
      const t = parseTimestamp(request.body.now);
      if (t === null) throw new InputError('request body', `"${request.body.now}" is not a date`, undefined, 'now');
      now = t;
    }
    sharedIpIntel ??= offlineIpIntel();
    const screener = screenerOf(ctx);
    // The versions of this index, read with it: the live index may be replaced while the records are vetted.
    const listVersions = ctx.live?.versions().map((v) => `${v.list}@${v.seq}`).sort();
    const lists = screener.info.lists;
    const graphs = ctx.home || store.backend === 'sqlite' ? await openStoredGraphs(store, apiHome(ctx)) : undefined;
    let report;
    try {
      report = await vetRecords(records, {
        ip: sharedIpIntel,
        ...(lists.length ? { sanctions: screenerSanctions(screener, lists.join(', ')) } : {}),
        ...(graphs?.chains.length ? { exposure: chainExposureProvider(graphs) } : {}),
        ...(now !== undefined ? { now } : {}),
      });
    } finally {
      await graphs?.close();
    }
    report.warnings.unshift(...warnings);
    await recordAudit(request, {
      action: 'vet',
      subject: records.length === 1 ? `worker ${records[0]!.id}` : `${records.length} workers`,
      input: request.body,
      result: report,
      detail: { records: records.length, by_action: report.summary.by_action, rings: report.summary.rings },
      ...(listVersions ? { listVersions } : {}),
    });
    return report;
  });
};
