import { describe, expect, it } from 'vitest';
import { countryNameIndex, foldCountryName, isCountryCode } from './country-names.js';

describe('foldCountryName', () => {
  it('drops accents, curly apostrophes, extra whitespace, a final dot and case', () => {
    expect(foldCountryName(' Côte  d’Ivoire. ')).toBe("cote d'ivoire");
    expect(foldCountryName('Türkiye')).toBe('turkiye');
  });
});

describe('countryNameIndex', () => {
  const find = countryNameIndex({ 'korea, north': 'kp', congo: 'cg' });

  it('finds a list’s own spellings and FollowTheMoney’s labels, folded', () => {
    expect(find('Korea,  North')).toBe('kp');
    expect(find('Singapore')).toBe('sg');
    expect(find('Cote d’Ivoire')).toBe('ci');
  });

  it('lets the list’s spelling win over a label, and knows nothing else', () => {
    expect(countryNameIndex({ singapore: 'xx' })('Singapore')).toBe('xx');
    expect(find('Congo')).toBe('cg');
    expect(find('Atlantis')).toBeUndefined();
  });
});

describe('isCountryCode', () => {
  it('knows FtM codes only', () => {
    expect(isCountryCode('kp')).toBe(true);
    expect(isCountryCode('ua-cri')).toBe(true);
    expect(isCountryCode('xx')).toBe(false);
  });
});
