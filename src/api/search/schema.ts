import { z } from 'zod';
import { isSchema } from '../../ftm/model.js';
import { LIMITS } from '../../screening/index.js';
import { entityResponse, totalResponse } from '../match/schema.js';
import { numberParam } from '../params.js';

export const MAX_SEARCH_LIMIT = 500;
/** Deepest page reachable, as in yente (offset + limit). */
export const MAX_SEARCH_WINDOW = 10_000;

export const searchParams = z.object({
  dataset: z.string().min(1).max(200),
});

export const searchQuerystring = z
  .object({
    q: z.string().trim().min(1, 'give a name, identifier or address to search for').max(LIMITS.searchQueryLength),
    limit: numberParam({ min: 1, max: MAX_SEARCH_LIMIT, int: true }).default(10),
    offset: numberParam({ min: 0, max: MAX_SEARCH_WINDOW, int: true }).default(0),
    schema: z
      .string()
      .refine((s) => isSchema(s), { message: 'unknown schema' })
      .optional(),
  })
  .refine((p) => p.offset + p.limit <= MAX_SEARCH_WINDOW, { message: `offset + limit must be at most ${MAX_SEARCH_WINDOW}`, path: ['offset'] });

const facet = z.object({
  label: z.string(),
  values: z.array(z.object({ name: z.string(), label: z.string(), count: z.number().int() })),
});

export const searchResponse = z.object({
  limit: z.number().int(),
  offset: z.number().int(),
  total: totalResponse,
  results: z.array(entityResponse),
  facets: z
    .object({ countries: facet, topics: facet, datasets: facet })
    .meta({ description: "counts of every entity found (not only this page) by country, topic and dataset, as yente's facets" }),
});
