import { describe, expect, it } from 'vitest';
import { aliasProperty } from './un-aliases.js';

describe('aliasProperty', () => {
  it.each([
    ['Good', 'alias'],
    ['a.k.a.', 'alias'],
    ['A.K.A', 'alias'],
    ['Low', 'weakAlias'],
    ['f.k.a.', 'previousName'],
    ['fka', 'previousName'],
  ])('maps QUALITY %s to %s', (quality, prop) => {
    expect(aliasProperty(quality)).toBe(prop);
  });

  it.each(['', 'Medium', 'n.k.a.'])('does not know QUALITY "%s"', (quality) => {
    expect(aliasProperty(quality)).toBeUndefined();
  });
});
