import { describe, expect, it } from 'vitest';
import { schemaProperties } from '../../ftm/model.js';
import { fieldRule, labelKey } from './ofac-fields.js';

describe('fieldRule', () => {
  it('reads the ticker of a Digital Currency Address label', () => {
    expect(fieldRule('Digital Currency Address - ETH')).toEqual({ kind: 'wallet', ticker: 'ETH' });
    expect(fieldRule('digital currency address - xbt')).toEqual({ kind: 'wallet', ticker: 'XBT' });
  });

  it('ignores case, apostrophe style and trailing punctuation', () => {
    expect(fieldRule('Secondary sanctions risk:')).toEqual(fieldRule('SECONDARY SANCTIONS RISK'));
    expect(fieldRule('Aircraft Manufacturer’s Serial Number (MSN)')).toEqual({ kind: 'property', prop: 'serialNumber', value: 'text' });
    expect(labelKey('  Additional Sanctions Information -  ')).toBe('additional sanctions information');
  });

  it('maps passports to Passport documents and IMO numbers to their own rule', () => {
    expect(fieldRule('Diplomatic Passport')).toEqual({ kind: 'document', passport: true, prop: 'passportNumber' });
    expect(fieldRule('Vessel Registration Identification')).toEqual({ kind: 'imo' });
    expect(fieldRule('National ID No.')).toEqual({ kind: 'document', passport: false, prop: 'idNumber' });
  });

  it('returns undefined for labels it does not know', () => {
    expect(fieldRule('Library Card')).toBeUndefined();
  });

  it('names only properties that FollowTheMoney has', () => {
    const labels = ['Passport', 'Tax ID No.', 'SSN', 'Vessel Flag', 'Gender', 'Birthdate', 'SWIFT/BIC', 'Aircraft Model', 'Title', 'MMSI'];
    const known = new Set([...schemaProperties('Person'), ...schemaProperties('Company'), ...schemaProperties('Vessel'), ...schemaProperties('Airplane')]);
    for (const label of labels) {
      const rule = fieldRule(label);
      const prop = rule && 'prop' in rule ? rule.prop : undefined;
      if (prop) expect(known.has(prop), `${label} → ${prop}`).toBe(true);
    }
  });
});
