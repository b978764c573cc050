import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '../../web/src/lib/route.js';

describe('web hash routes', () => {
  it('reads pages, parameters and the query', () => {
    expect(parseRoute('')).toMatchObject({ page: 'dashboard', params: [] });
    const r = parseRoute('#/cases/7?tab=items');
    expect(r.page).toBe('cases');
    expect(r.params).toEqual(['7']);
    expect(r.query.get('tab')).toBe('items');
    expect(parseRoute('#/nowhere').page).toBe('not-found');
    expect(parseRoute('#/__proto__').page).toBe('not-found');
    expect(parseRoute('#/address/%E0%A4%A').params).toEqual(['%E0%A4%A']);
  });

  it('writes links that read back the same, for any parameter and query text (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('trace', 'address', 'cases', 'reports'), fc.array(fc.string({ minLength: 1 }), { maxLength: 2 }), fc.string(), (page, params, value) => {
        const r = parseRoute(href([page, ...params], { incident: value }));
        expect(r.page).toBe(page);
        expect(r.params).toEqual(params);
        expect(r.query.get('incident')).toBe(value === '' ? null : value);
      }),
    );
  });
});
