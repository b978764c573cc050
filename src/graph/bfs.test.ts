import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hopLimitedBfs } from './bfs.js';
import { GraphBuilder } from './graph-builder.js';

function graphOf(edges: readonly [number, number][]) {
  const b = new GraphBuilder('test');
  edges.forEach(([f, t], i) => b.add({ from: `n${f}`, to: `n${t}`, amount: 1, asset: 'native', flags: 0, time: i, block: i, txHash: `t${i}`, position: 'a' }));
  return b.build();
}

/** The walk written the plain way: a Set, arrays per level. */
function referenceBfs(edges: readonly [number, number][], seeds: readonly number[], hops: number) {
  const out = new Map<number, number[]>();
  for (const [f, t] of edges) out.set(f, [...(out.get(f) ?? []), t]);
  const seen = new Set(seeds);
  let frontier = [...seen];
  let visits = 0;
  for (let h = 0; h < hops && frontier.length > 0; h++) {
    const next: number[] = [];
    for (const u of frontier)
      for (const v of out.get(u) ?? []) {
        visits++;
        if (!seen.has(v)) {
          seen.add(v);
          next.push(v);
        }
      }
    frontier = next;
  }
  return { reached: seen.size, edgeVisits: visits };
}

const edgesArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })), { minLength: 1, maxLength: 120 });

describe('hop-limited BFS (generation-stamped queues, bitmap phase for large frontiers)', () => {
  it('reaches the same nodes and counts the same edge visits as a plain BFS, in both phases, walk after walk', () => {
    fc.assert(
      fc.property(edgesArb, fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 8 }), (edges, rawSeeds, hops, denseAt) => {
        const g = graphOf(edges);
        const seeds = rawSeeds.filter((s) => g.node(`n${s}`) !== undefined);
        const ref = referenceBfs(edges, seeds, hops);
        const ids = seeds.map((s) => g.node(`n${s}`)!);
        // Run twice per phase: the second walk must not see the first one's visited marks.
        for (const o of [{ denseAt }, {}, { denseAt }, {}]) expect(hopLimitedBfs(g, ids, hops, o)).toEqual(ref);
      }),
      { numRuns: 300 },
    );
  });
});
