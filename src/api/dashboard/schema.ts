import { z } from 'zod';
import { LABEL_CATEGORIES } from '../../tracing/labels/label.js';

/** `GET /dashboard` (the web app's contract). */
export const dashboardResponse = z.object({
  msmt: z.object({
    period: z.string(),
    stolenUsd: z.number(),
    byYear: z.array(z.object({ year: z.string(), usd: z.number(), source: z.string() })),
    source: z.string().meta({ description: 'the MSMT report: title, date, address' }),
  }),
  incidents: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      date: z.string(),
      victim: z.string(),
      chains: z.array(z.string()),
      usdLow: z.number().nullable(),
      usdHigh: z.number().nullable(),
      attribution: z.object({ actor: z.string(), by: z.string(), source: z.string() }),
    }),
  ),
  stolenPerYear: z.array(z.object({ year: z.string(), incidents: z.number().int(), usdLow: z.number(), usdHigh: z.number() })),
  fundsByService: z.array(
    z.object({
      category: z.enum(LABEL_CATEGORIES),
      name: z.string(),
      amount: z.number(),
      asset: z.string(),
      usd: z.number().optional(),
      share: z.number().meta({ description: 'of the funds the traced incidents put in motion in that asset' }),
    }),
  ),
  openCases: z.number().int(),
  openAlerts: z.number().int(),
  lists: z.array(z.object({ ref: z.string(), targetCount: z.number().int(), dprkEntries: z.number().int(), publishedAt: z.string().nullable() })),
  chain: z.object({ transfers: z.number().int(), addresses: z.number().int() }),
});
