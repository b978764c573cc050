import { dirname } from 'node:path';
import type { Screener } from '../screening/index.js';
import type { LiveScreener } from '../screening/live-screener.js';
import type { AuditLog } from '../store/audit-log.js';
import type { Store } from '../store/store.js';
import { HttpError, notFound } from './errors.js';
import type { JobRegistry } from './jobs/job-registry.js';

/** When a `POST /trace` is handed over as a job instead of answered directly. */
export interface TraceJobPolicy {
  /** Seeds × hops above which the trace becomes a job at once (default 2000). */
  workThreshold: number;
  /** A trace run directly that is not done in this many ms is answered with its job (default 10 s). */
  syncBudgetMs: number;
}

/** What every route reads from: the store (list versions, entities) and the screening index built from it. */
export interface ApiContext {
  store: Store;
  /** The index the server started with; with `live`, the routes screen against `live.current()` instead. */
  screener: Screener;
  /** Keeps the index in step with the store's list versions (the server's; absent in unit tests of single routes). */
  live?: LiveScreener;
  /** The home directory (transfer store, graph cache, user labels, local incidents); default: the SQLite store's folder. */
  home?: string;
  /** The audit trail; absent in unit tests of single routes (then nothing is recorded). */
  audit?: AuditLog;
  /** Jobs for long requests; buildApp always provides one. */
  jobs?: JobRegistry;
  traceJobs?: TraceJobPolicy;
}

/**
 * The home directory the chain data lives in: given by the server, else the folder of the embedded
 * store. With a PostgreSQL store and no home the chain routes cannot run: a 400 says so.
 *
 * @example
 * apiHome({ store }); // '/var/lib/counterflow'
 */
export function apiHome(ctx: Pick<ApiContext, 'store' | 'home'>): string {
  if (ctx.home) return ctx.home;
  if (ctx.store.backend === 'sqlite') return dirname(ctx.store.location);
  throw new HttpError(400, 'bad_request', 'chain data lives in the home directory: start the server with `counterflow serve --home DIR`');
}

/**
 * The screening index a request uses: the live one when the server keeps it in step with the store. Read it
 * once per request, so that one answer never mixes two list versions.
 *
 * @example
 * const screener = screenerOf(ctx);
 */
export function screenerOf(ctx: Pick<ApiContext, 'screener' | 'live'>): Screener {
  return ctx.live ? ctx.live.current() : ctx.screener;
}

/** The dataset name that stands for every loaded list, as in yente. */
export const DEFAULT_DATASET = 'default';

/**
 * The lists a `{dataset}` path parameter selects: undefined (all) for `default`, else that one list.
 * An unknown name is a 404 that names the known ones.
 *
 * @example
 * listsForDataset(screener, 'un_sc'); // ['un_sc']
 */
export function listsForDataset(screener: Screener, dataset: string): string[] | undefined {
  if (dataset === DEFAULT_DATASET) return undefined;
  const known = screener.info.lists;
  if (known.includes(dataset)) return [dataset];
  throw notFound(`unknown dataset "${dataset}"; known: ${[DEFAULT_DATASET, ...known].join(', ')}`);
}
