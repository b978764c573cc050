import { z } from 'zod';

/** A list version as versionJson shapes it. */
export const listVersionResponse = z.object({
  list: z.string(),
  seq: z.number().int(),
  ref: z.string().meta({ description: 'LIST@SEQ' }),
  status: z.string(),
  format: z.string(),
  publishedAt: z.string().nullable(),
  loadedAt: z.string(),
  sourceUrl: z.string().nullable(),
  targetCount: z.number().int(),
  entityCount: z.number().int(),
  sha256: z.string().nullable(),
});

/** `GET /lists`. */
export const listsResponse = z.object({
  lists: z.array(listVersionResponse.extend({ dprkEntries: z.number().int(), bySchema: z.record(z.string(), z.number()) })),
  index: z.object({ entities: z.number().int(), lists: z.array(z.string()), buildMs: z.number() }),
});
