import { describe, expect, it } from 'vitest';
import { parseWorkerRecord } from '../input/parse-record.js';
import { LinkGraphBuilder } from '../links/link-graph.js';
import { linkPopulationInParallel } from './parallel-links.js';
import { Population } from './population.js';

describe('linkPopulationInParallel', () => {
  it('finds the same links and rings over worker slices as one builder over the whole population', async () => {
    const options = { seed: 5, size: 3000, plantedShare: 0.1, mode: 'links' as const };
    const { builder, slices } = await linkPopulationInParallel(options, 2);
    expect(slices.map((s) => [s.from, s.to])).toEqual([[0, 1500], [1500, 3000]]);
    const parallel = builder.build();

    const population = new Population(options);
    const single = new LinkGraphBuilder();
    for (let i = 0; i < population.size; i++) {
      const r = parseWorkerRecord(population.record(i), { file: 'generated', line: i + 1 });
      single.add(r.id, r);
    }
    const serial = single.build();
    expect(parallel.linkCount).toBe(serial.linkCount);
    expect(parallel.rings.map((r) => [r.id, r.members])).toEqual(serial.rings.map((r) => [r.id, r.members]));
    expect(parallel.rings.length).toBeGreaterThan(10);
  });
});
