import { z } from 'zod';

/** The body of every error response, as a schema (see ApiErrorBody in src/api/errors.ts). */
export const apiErrorSchema = z
  .object({
    error: z.string().meta({ description: 'machine-readable kind: bad_request, unauthorized, forbidden, not_found, payload_too_large, too_many_requests …' }),
    message: z.string().meta({ description: 'what went wrong, for a person' }),
    details: z.unknown().optional().meta({ description: 'e.g. every validation issue with its path' }),
  });

const DESCRIPTIONS = new Map<number, string>([
  [400, 'malformed request (the message names the field)'],
  [401, 'no API key, or an unknown or revoked one'],
  [403, "the key's role lacks the access this route needs"],
  [404, 'not found'],
  [413, 'request body too large'],
  [415, 'unsupported content type'],
  [429, 'rate limit of the key (or address) exceeded'],
  [503, 'busy: too many jobs held'],
]);

/**
 * Error responses for a route's `schema.response`, all with the standard error body.
 *
 * @example
 * schema: { response: { 200: result, ...errorResponses(400, 404) } }
 */
export function errorResponses(...statuses: number[]): Record<number, typeof apiErrorSchema> {
  const out: Record<number, typeof apiErrorSchema> = {};
  for (const status of statuses) out[status] = apiErrorSchema.describe(DESCRIPTIONS.get(status) ?? 'client error');
  return out;
}
