import { z } from 'zod';

export const jobParams = z.object({ id: z.string().min(1).max(100) });

const errorBody = z.object({ error: z.string(), message: z.string(), details: z.unknown().optional() });

export const jobProgress = z.object({
  phase: z.string().meta({ description: 'queued, started, loading graph, tracing, done …' }),
  done: z.number().optional(),
  total: z.number().optional(),
});

/** `GET /jobs/{id}`. */
export const jobView = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: jobProgress,
  createdAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  result: z.unknown().optional().meta({ description: 'the response the request would have had, once done' }),
  error: errorBody.optional(),
});

/** The 202 a long request answers with. */
export const jobAccepted = z.object({
  jobId: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: jobProgress,
  location: z.string().meta({ description: 'GET it for progress, then the result' }),
});
