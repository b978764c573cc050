import { z } from 'zod';

export const traceBody = z
  .object({
    chain: z.string().default('ethereum'),
    from_address: z.array(z.string().min(1)).max(1000).optional(),
    from_tx: z.array(z.string().min(1)).max(1000).optional(),
    incident: z.string().optional(),
    direction: z.enum(['forward', 'backward']).default('forward'),
    model: z.enum(['haircut', 'poison', 'fifo']).default('haircut'),
    asset: z.string().optional(),
    hops: z.number().int().min(1).max(100).default(10),
    min_amount: z.number().min(0).optional(),
  })
  .strict();

export const traceQuerystring = z.object({
  async: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({ description: 'true: always answer 202 with a job id' }),
});

const label = z.object({ category: z.string(), name: z.string(), origin: z.string(), basis: z.string().optional() });

/** What `counterflow trace --json` prints (see docs/tracing.md). */
export const traceReportResponse = z.object({
  addresses: z.array(
    z.object({ address: z.string(), asset: z.string(), tainted_received: z.number(), tainted_balance: z.number(), hop: z.number().int(), labels: z.array(label) }),
  ),
  edges: z.array(
    z.object({ from: z.string(), to: z.string(), tx_hash: z.string(), position: z.string(), block: z.number(), time: z.string(), asset: z.string(), amount: z.number(), taint: z.number() }),
  ),
  exits: z.array(
    z.object({
      service: z.string(),
      category: z.string(),
      address: z.string(),
      asset: z.string(),
      amount: z.number(),
      share: z.number(),
      hop: z.number().int(),
      basis: z.string().optional(),
      links: z
        .array(
          z.object({
            deposit_tx: z.string(),
            chain: z.string(),
            tx_hash: z.string(),
            to: z.string(),
            asset: z.string(),
            amount: z.number(),
            confidence: z.enum(['high', 'medium', 'low']),
            basis: z.string(),
          }),
        )
        .optional(),
      unlinked: z.array(z.object({ deposit_tx: z.string(), amount: z.number(), reason: z.string() })).optional(),
    }),
  ),
  patterns: z.array(
    z.object({
      name: z.enum(['fan_out_split', 'peel_chain', 'dormancy_then_burst', 're_convergence', 'consolidation', 'noise_ignored']),
      addresses: z.array(z.string()),
      summary: z.string(),
      evidence: z.record(z.string(), z.unknown()),
    }),
  ),
});
