import { z } from 'zod';
import { canonicalJson } from '../../store/audit-log.js';
import { numberParam } from '../params.js';

export const DECISIONS = ['true_positive', 'false_positive', 'override', 'block', 'clear'] as const;
export const SUBJECT_KINDS = ['entity', 'address', 'worker', 'query'] as const;
/** Largest `context` of a decision, serialised. */
export const MAX_CONTEXT_CHARS = 8192;

export const decisionSubject = z.object({
  kind: z.enum(SUBJECT_KINDS),
  ref: z.string().trim().min(1).max(500).meta({ description: 'entity id, address, worker id or the screened query' }),
});

export const decisionBody = z
  .object({
    subject: decisionSubject,
    decision: z.enum(DECISIONS),
    reason: z.string().trim().min(1, 'give the reason for the decision').max(2000),
    context: z
      .record(z.string(), z.unknown())
      .refine((c) => canonicalJson(c).length <= MAX_CONTEXT_CHARS, { message: `context must serialise to at most ${MAX_CONTEXT_CHARS} characters` })
      .optional(),
  })
  .strict();

export const decisionView = z.object({
  id: z.number().int().meta({ description: 'the audit entry recording it' }),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string(), role: z.string() }),
  subject: decisionSubject,
  decision: z.enum(DECISIONS),
  reason: z.string(),
  context: z.record(z.string(), z.unknown()).optional(),
  listVersions: z.array(z.string()),
});

export const decisionsQuerystring = z.object({
  subject: z.string().min(3).max(520).meta({ description: 'KIND:REF, e.g. entity:ofac-20157 or address:0x098b…' }).optional(),
  limit: numberParam({ min: 1, max: 1000, int: true }).default(100),
});

export const decisionList = z.object({ decisions: z.array(decisionView) });

export type DecisionView = z.output<typeof decisionView>;
