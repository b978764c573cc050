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

const provenanceResponse = z.object({
  list: z.string(),
  entryId: z.string(),
  programs: z.array(z.string()),
  listingDate: z.string().optional(),
  publishedAt: z.string().optional(),
  sourceUrl: z.string().optional(),
  file: z.string().optional(),
  line: z.number().optional(),
});

/** An entity as the API shows it (yente's shape plus `provenance`); see entityJson. */
export const entityResponse = z.object({
  id: z.string(),
  caption: z.string(),
  schema: z.string(),
  properties: z.record(z.string(), z.array(z.string())),
  datasets: z.array(z.string()),
  referents: z.array(z.string()),
  target: z.boolean(),
  first_seen: z.string().optional(),
  last_seen: z.string().optional(),
  last_change: z.string().optional(),
  provenance: provenanceResponse.optional(),
});

/** One scoring feature's part in a result. */
export const featureExplanation = z.object({
  feature: z.string(),
  score: z.number(),
  weight: z.number(),
  detail: z.string(),
  query: z.string().optional(),
  candidate: z.string().optional(),
});

export const scoreResponse = z.object({
  score: z.number(),
  match: z.boolean(),
  review: z.boolean().meta({ description: 'below the match threshold but above the review threshold: a reviewer should look' }),
  explanations: z.record(z.string(), featureExplanation),
});

export const matchResultResponse = entityResponse.extend(scoreResponse.shape);

export const totalResponse = z.object({ value: z.number().int(), relation: z.string() });

/** `POST /match/{dataset}`: one response per query key. */
export const matchResponse = z.object({
  responses: z.record(
    z.string(),
    z.object({
      status: z.number().int(),
      results: z.array(matchResultResponse),
      total: totalResponse,
      query: z.object({ id: z.string().optional(), schema: z.string(), properties: z.record(z.string(), z.array(z.string())) }),
    }),
  ),
  limit: z.number().int(),
});
