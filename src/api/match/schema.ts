import { z } from 'zod';
import { algorithmParam, entityExample, numberParam } from '../params.js';

/** Most queries in one `/match` request, as in yente. */
export const MAX_MATCH_QUERIES = 100;
/** Most results per query. */
export const MAX_MATCH_LIMIT = 500;

export const matchParams = z.object({
  dataset: z.string().min(1).max(200),
});

export const matchQuerystring = z.object({
  limit: numberParam({ min: 1, max: MAX_MATCH_LIMIT, int: true }).default(5),
  threshold: numberParam({ min: 0, max: 1 }).optional(),
  cutoff: numberParam({ min: 0, max: 1 }).optional(),
  algorithm: algorithmParam.default('logic'),
});

/**
 * yente's `EntityMatchQuery`. `weights` and `config` are accepted so that yente clients work, but
 * our scorer's weights are fixed by validation and are not overridden per request.
 */
export const matchBody = z.object({
  queries: z
    .record(z.string().min(1).max(200), entityExample)
    .refine((q) => Object.keys(q).length <= MAX_MATCH_QUERIES, { message: `at most ${MAX_MATCH_QUERIES} queries per request` }),
  weights: z.record(z.string(), z.number()).optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});

export type MatchBody = z.output<typeof matchBody>;
