import { z } from 'zod';

/** Most records in one `/vet` request. */
export const MAX_VET_RECORDS = 10_000;
/** Largest `/vet` request body in bytes. */
export const VET_BODY_LIMIT = 32 * 1024 * 1024;

/**
 * `POST /vet` body: the records in the documented input format (as in a JSON-lines file, one
 * object per record), and optionally the date ages are measured against.
 */
export const vetBody = z.object({
  records: z
    .array(z.record(z.string(), z.unknown()), { error: 'records must be a list of record objects (see docs/vetting.md)' })
    .min(1, 'give at least one record')
    .max(MAX_VET_RECORDS, `at most ${MAX_VET_RECORDS} records per request; vet larger populations with \`counterflow vet\``),
  now: z.string().max(40).optional(),
});

export type VetBody = z.output<typeof vetBody>;
