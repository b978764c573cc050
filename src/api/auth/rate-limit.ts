import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors.js';

export interface RateLimitOptions {
  /** Requests per window per API key (per client address when auth is off). */
  max: number;
  /** Window in ms (default one minute). */
  timeWindowMs?: number;
}

/**
 * Limits requests per API key (per client address when auth is off or the route is public) with
 * @fastify/rate-limit; over the limit is a 429 in the standard error body, with `retry-after`. Runs after
 * authentication (a route-level onRequest hook), so it counts per resolved key. Health routes are exempt.
 *
 * @example
 * installRateLimit(app, { max: 600 });
 */
export function installRateLimit(app: FastifyInstance, options: RateLimitOptions): void {
  void app.register(rateLimit, {
    max: options.max,
    timeWindow: options.timeWindowMs ?? 60_000,
    keyGenerator: (request) => (request.actor?.id.startsWith('key:') ? request.actor.id : `ip:${request.ip}`),
    errorResponseBuilder: (_request, context) =>
      new HttpError(429, 'too_many_requests', `rate limit of ${context.max} requests per ${Math.round((options.timeWindowMs ?? 60_000) / 1000)} s exceeded; retry in ${context.after}`),
  });
}
