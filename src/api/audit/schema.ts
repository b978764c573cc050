import { z } from 'zod';
import { numberParam } from '../params.js';

const timeBound = z.string().min(1).max(40).meta({ description: 'ISO date or date-time, or a span back from now: 30m, 24h, 7d, 2w' });

export const auditQuerystring = z.object({
  since: timeBound.optional(),
  until: timeBound.optional(),
  action: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9_.]+\*?$/, 'an action such as screen, decision, or a prefix such as case.*')
    .optional(),
  subject: z.string().min(1).max(500).optional(),
  limit: numberParam({ min: 1, max: 1000, int: true }).default(100),
  order: z.enum(['asc', 'desc']).default('desc'),
});

export const auditActor = z.object({ id: z.string(), name: z.string(), role: z.string() });

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: auditActor,
  action: z.string(),
  subject: z.string(),
  inputDigest: z.string().meta({ description: 'sha256 of the canonical JSON of the input' }),
  resultDigest: z.string().meta({ description: 'sha256 of the canonical JSON of the result' }),
  listVersions: z.array(z.string()).meta({ description: 'list versions used, LIST@SEQ' }),
  detail: z.unknown(),
  prevHash: z.string(),
  hash: z.string().meta({ description: 'sha256(prevHash + canonical entry): the chain `counterflow audit --verify` checks' }),
});

export const auditList = z.object({ entries: z.array(auditEntry) });

export const auditVerification = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  broken: z.object({ id: z.number().int(), reason: z.string() }).optional(),
});
