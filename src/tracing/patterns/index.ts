import { detectConsolidation, detectReconvergence } from './convergence.js';
import { detectDormancyBurst } from './dormancy-burst.js';
import { detectFanOut } from './fan-out.js';
import { detectNoise } from './noise.js';
import type { PatternContext, PatternFinding } from './pattern.js';
import { detectPeelChains } from './peel-chain.js';

export type { PatternFinding } from './pattern.js';

/**
 * Every detector over a finished trace.
 *
 * @example
 * detectPatterns({ graph, taint }).map((p) => p.name)
 */
export function detectPatterns(ctx: PatternContext): PatternFinding[] {
  return [...detectFanOut(ctx), ...detectPeelChains(ctx), ...detectDormancyBurst(ctx), ...detectReconvergence(ctx), ...detectConsolidation(ctx), ...detectNoise(ctx)];
}
