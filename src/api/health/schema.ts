import { z } from 'zod';

export const healthResponse = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() });

export const readyResponse = z.object({
  ready: z.boolean(),
  checks: z.object({
    store: z.enum(['ok', 'unreachable']),
    index: z.enum(['built', 'empty']),
  }),
  lists: z.number().int().meta({ description: 'lists in the screening index' }),
  entities: z.number().int().meta({ description: 'entities in the screening index' }),
});
