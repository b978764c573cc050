import { z } from 'zod';
import { listVersionResponse } from '../lists/schema.js';
import { entityResponse } from '../match/schema.js';

export const entityParams = z.object({
  id: z.string().min(1).max(500),
});

/** `GET /entities/{id}`: the entity, the list version it was read from, and the entities of the same entry. */
export const entityDetailResponse = entityResponse.extend({
  version: listVersionResponse,
  related: z.array(entityResponse),
});
