import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { findIncidentWithLocal } from '../../demo/local-incidents.js';
import { traceReport, type TraceReport } from '../../tracing/trace.js';
import { recordAudit } from '../audit/record.js';
import { apiHome, type ApiContext } from '../context.js';
import type { JobProgress, JobView } from '../jobs/job-registry.js';
import { jobAccepted } from '../jobs/schema.js';
import { graphContext } from './graph-context.js';
import { traceBody, traceQuerystring, traceReportResponse } from './schema.js';

export { traceBody } from './schema.js';

/**
 * `POST /trace`: the HTTP form of `counterflow trace --json` (addresses, edges, exits, patterns). Access
 * `run`; one `trace` audit entry per trace. A trace whose work (seeds × hops) is above the policy's
 * threshold, or that is not done within the sync budget, or asked with `?async=true`, is answered with
 * 202 `{jobId, status, progress, location}`; `GET /jobs/{jobId}` then gives progress and the report.
 *
 * @example
 * await app.register(traceRoutes, ctx);
 */
export const traceRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  const { store, jobs, traceJobs } = ctx;
  const schema = {
    tags: ['tracing'],
    summary: 'Follow funds from addresses, transactions or an incident',
    querystring: traceQuerystring,
    body: traceBody,
    response: { 200: traceReportResponse, 202: jobAccepted },
  };
  app.post('/trace', { config: { access: 'run' }, schema }, async (request, reply) => {
    const b = request.body;
    const incident = b.incident ? findIncidentWithLocal(apiHome(ctx), b.incident) : undefined;
    const run = async (progress: (p: JobProgress) => void): Promise<TraceReport> => {
      progress({ phase: 'loading graph' });
      const { graph, labels } = await graphContext(store, b.chain, apiHome(ctx));
      progress({ phase: 'tracing' });
      const report = traceReport(graph, labels, {
        ...(b.from_address ? { fromAddress: b.from_address } : {}),
        ...(b.from_tx ? { fromTx: b.from_tx } : {}),
        ...(incident ? { incident } : {}),
        direction: b.direction,
        model: b.model,
        ...(b.asset ? { asset: b.asset } : {}),
        hops: b.hops,
        ...(b.min_amount !== undefined ? { minAmount: b.min_amount } : {}),
      }).report;
      await recordAudit(request, {
        action: 'trace',
        subject: traceSubject(b),
        input: b,
        result: report,
        detail: { chain: b.chain, model: b.model, direction: b.direction, hops: b.hops, addresses: report.addresses.length, exits: report.exits.length },
      });
      return report;
    };
    if (!jobs || !traceJobs) return run(() => undefined);
    const seeds = (b.from_address?.length ?? 0) + (b.from_tx?.length ?? 0) + (incident?.addresses.filter((a) => a.seed).length ?? 0);
    const handOver = request.query.async === true || seeds * b.hops > traceJobs.workThreshold;
    // The direct path rethrows the job's own error, so a client mistake keeps its status and message.
    let failure: unknown;
    const job = jobs.submit('trace', request.actor.id, (progress) =>
      run(progress).catch((err: unknown) => {
        failure = err;
        throw err;
      }),
    );
    const view = handOver ? job : await jobs.wait(job.id, traceJobs.syncBudgetMs);
    if (view?.status === 'done' || view?.status === 'failed') {
      jobs.forget(job.id);
      if (view.status === 'failed') throw failure;
      return view.result as TraceReport;
    }
    return reply
      .code(202)
      .header('location', `/jobs/${job.id}`)
      .send(accepted(view ?? job));
  });
};

function accepted(job: JobView): z.output<typeof jobAccepted> {
  return { jobId: job.id, status: job.status, progress: job.progress, location: `/jobs/${job.id}` };
}

function traceSubject(b: z.output<typeof traceBody>): string {
  if (b.incident) return `incident ${b.incident}`;
  const seeds = [...(b.from_address ?? []), ...(b.from_tx ?? [])];
  return seeds.length === 1 ? seeds[0]! : `${seeds.length} seeds on ${b.chain}`;
}
