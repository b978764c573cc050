import { z } from 'zod';

export const exposureBody = z
  .object({
    chain: z.string().default('ethereum'),
    addresses: z.array(z.string().min(1)).min(1).max(1000),
    hops: z.number().int().min(1).max(10).default(3),
  })
  .strict();

export const exposureResponse = z.object({
  results: z.array(
    z.object({
      address: z.string(),
      risk: z.enum(['severe', 'high', 'medium', 'low']),
      explanation: z.array(z.string()),
      items: z.array(
        z.object({
          category: z.string(),
          exposure: z.enum(['ownership', 'direct', 'indirect']),
          direction: z.enum(['incoming', 'outgoing']),
          service: z.string(),
          address: z.string(),
          asset: z.string(),
          amount: z.number(),
          share: z.number(),
          hops: z.number().int(),
          basis: z.string().optional(),
        }),
      ),
      method: z.object({ model: z.literal('haircut'), hops: z.number().int(), maxVisits: z.number().int(), truncated: z.boolean() }),
    }),
  ),
});
