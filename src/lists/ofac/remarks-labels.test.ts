import { describe, expect, it } from 'vitest';
import { companyEvidence, findRemarkLabel } from './remarks-labels.js';

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
