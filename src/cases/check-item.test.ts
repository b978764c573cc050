import { describe, expect, it } from 'vitest';
import { checkItem, type ItemLookups } from './check-item.js';

const lookups: ItemLookups = {
  entityExists: async (id) => id === 'ofac-27307',
  incidentExists: (id) => id === 'bybit-2025',
};

describe('checkItem', () => {
  it('accepts a stored entity and a registry incident', async () => {
    expect(await checkItem({ kind: 'entity', ref: 'ofac-27307' }, lookups)).toEqual({ kind: 'entity', ref: 'ofac-27307' });
    expect(await checkItem({ kind: 'incident', ref: 'bybit-2025' }, lookups)).toEqual({ kind: 'incident', ref: 'bybit-2025' });
  });

  it('refuses an entity or incident that is not there, naming the field', async () => {
    await expect(checkItem({ kind: 'entity', ref: 'ofac-1' }, lookups)).rejects.toThrow('case item (ref): no entity "ofac-1" in the active list versions');
    await expect(checkItem({ kind: 'incident', ref: 'nope-2020' }, lookups)).rejects.toThrow(/case item \(ref\): no incident "nope-2020"/);
  });
});
