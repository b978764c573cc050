import { z } from 'zod';

const level = z.enum(['low', 'medium', 'high', 'critical']);
const action = z.enum(['none', 'verify', 'escalate', 'block']);
const sourceDocument = z.object({ tag: z.string(), document: z.string(), date: z.string(), url: z.string(), status: z.enum(['primary', 'secondary']) });

/** `POST /vet`: the JSON of `counterflow vet --json` (docs/vetting.md). */
export const vetResponse = z.object({
  generated_at: z.string(),
  records: z.array(
    z.object({
      id: z.string(),
      score: z.number(),
      level,
      action,
      action_text: z.string(),
      ring: z.string().nullable(),
      rules: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          severity: z.enum(['info', 'low', 'medium', 'high', 'critical']),
          weight: z.number(),
          explanation: z.string(),
          source: sourceDocument,
          see_also: z.array(sourceDocument),
          blocking: z.boolean(),
          related: z.array(z.string()).optional(),
        }),
      ),
      not_evaluated: z.array(z.string()),
      source: z.object({ file: z.string(), line: z.number().int() }),
    }),
  ),
  rings: z.array(
    z.object({
      id: z.string(),
      members: z.array(z.string()),
      links: z.array(
        z.object({
          a: z.string(),
          b: z.string(),
          strength: z.number(),
          shared: z.array(z.object({ kind: z.string(), label: z.string(), value: z.string(), weight: z.number() })),
        }),
      ),
      max_score: z.number(),
    }),
  ),
  summary: z.object({
    records: z.number().int(),
    by_level: z.record(level, z.number().int()),
    by_action: z.record(action, z.number().int()),
    rings: z.number().int(),
    records_in_rings: z.number().int(),
    rules_fired: z.record(z.string(), z.number().int()),
  }),
  sanctions: z.string().nullable(),
  exposure: z.string().nullable(),
  warnings: z.array(z.string()),
});
