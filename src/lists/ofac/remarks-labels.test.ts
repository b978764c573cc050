import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelKey } from './ofac-fields.js';
import { companyEvidence, findRemarkLabel, remarkLabelRule } from './remarks-labels.js';

describe('findRemarkLabel', () => {
  it('takes the longest known label', () => {
    expect(findRemarkLabel('Vessel Registration Identification IMO 7937317')).toEqual({
      label: 'Vessel Registration Identification IMO',
      rule: { kind: 'imo' },
      value: '7937317',
    });
    expect(findRemarkLabel('Nationality of Registration Korea, North')?.rule).toEqual({
      kind: 'property',
      prop: 'jurisdiction',
      value: 'country',
    });
    expect(findRemarkLabel('nationality Korea, North')).toMatchObject({ label: 'nationality', value: 'Korea, North' });
  });

  it('knows labels written only in remarks', () => {
    expect(findRemarkLabel('citizen Korea, North')?.rule).toMatchObject({ prop: 'citizenship' });
    expect(findRemarkLabel('PHONE 850 2 381 8221')?.rule).toMatchObject({ prop: 'phone' });
    expect(findRemarkLabel('Company Number IMO 5055293')?.rule).toEqual({ kind: 'imo' });
  });

  it('finds nothing in free text', () => {
    expect(findRemarkLabel('KOMID Representative in Iran')).toBeNull();
    expect(findRemarkLabel('all offices worldwide')).toBeNull();
  });
});

describe('companyEvidence', () => {
  it('accepts company registries, securities and commercial activities', () => {
    expect(companyEvidence({ label: 'Company Number', value: '01074897 (United Kingdom)' })).toBe('Company Number');
    expect(companyEvidence({ label: 'ISIN', value: 'KYG7114V1023' })).toBe('ISIN');
    expect(companyEvidence({ label: 'Target Type', value: 'State-Owned Enterprise' })).toBe('Target Type State-Owned Enterprise');
    expect(companyEvidence({ label: 'Organization Type:', value: 'Sea and coastal freight water transport' })).toContain('Sea and coastal');
  });

  it('does not take registration numbers that any organisation has, or government bodies, as companies', () => {
    expect(companyEvidence({ label: 'Registration Number', value: '26740 (Iran)' })).toBeNull();
    expect(companyEvidence({ label: 'Target Type', value: 'Government Entity' })).toBeNull();
    expect(companyEvidence({ label: 'Organization Type:', value: 'Defense activities' })).toBeNull();
  });
});

describe('findRemarkLabel against trying every prefix', () => {
  /** The plain search: every prefix of up to 14 words, longest first. */
  function everyPrefix(item: string): { label: string; value: string } | null {
    const words = item.split(' ');
    for (let n = Math.min(words.length - 1, 14); n >= 1; n--) {
      const label = words.slice(0, n).join(' ');
      if (remarkLabelRule(label)) return { label, value: words.slice(n).join(' ').trim() };
    }
    return null;
  }

  it('finds the same label and value however the words are mixed', () => {
    const word = fc.constantFrom(
      'DOB', 'POB', 'Passport', 'passport', 'Booklet', 'National', 'ID', 'No.', 'Phone', 'phone', 'no.', 'Nationality', 'nationality:', 'citizen',
      'Digital', 'Currency', 'Address', '-', '--', ':', 'XBT', 'Secondary', 'sanctions', 'risk:', 'Organization', 'Type:', 'Vessel', 'Registration',
      'Identification', 'IMO', 'Gender', 'Male', 'alt.', 'Company', 'Number', 'Website', 'Email', 'Telephone', '’s', 'Transactions', 'Prohibited', 'For',
      'Persons', 'Owned', 'or', 'Controlled', 'By', 'U.S.', 'Financial', 'Institutions:', '12', '(Korea,', 'North)', 'expires', 'x',
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 18 }), (words) => {
        const item = words.join(' ');
        const found = findRemarkLabel(item);
        const expected = everyPrefix(item);
        expect(found ? { label: found.label, value: found.value } : null).toEqual(expected);
        if (found) expect(labelKey(found.label)).not.toBe('');
      }),
      { numRuns: 2000 },
    );
  });
});
