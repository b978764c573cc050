import { z } from 'zod';

export const entityParams = z.object({
  id: z.string().min(1).max(500),
});
