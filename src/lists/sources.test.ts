import { describe, expect, it } from 'vitest';
import { findSource, mirrored, OFFICIAL_SOURCES } from './sources.js';

describe('official sources', () => {
  it('fetch the UN list and the OFAC CSV sets from their official hosts', () => {
    expect(findSource('un')?.urls).toEqual(['https://scsanctions.un.org/resources/xml/en/consolidated.xml']);
    expect(findSource('ofac')?.urls.map((u) => new URL(u).host)).toEqual(Array(4).fill('sanctionslistservice.ofac.treas.gov'));
    expect(OFFICIAL_SOURCES.map((s) => s.name)).toEqual(['un', 'ofac', 'ofac-cons']);
  });

  it('maps every official file to the same file name under a mirror', () => {
    const url = 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV';
    expect(mirrored(url, 'http://127.0.0.1:9/lists/')).toBe('http://127.0.0.1:9/lists/SDN.CSV');
    expect(mirrored(url, undefined)).toBe(url);
  });
});
