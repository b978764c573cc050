import { describe, expect, it } from 'vitest';
import { compatibleMask, SCHEMA_BITS, schemaClass, schemaCompatible } from './feature-schema.js';

describe('schema compatibility', () => {
  it('classes schemata', () => {
    expect(['Person', 'Company', 'Organization', 'PublicBody', 'LegalEntity', 'Vessel', 'Airplane', 'CryptoWallet', 'Address', 'Nope'].map(schemaClass)).toEqual([
      'person', 'org', 'org', 'org', 'legal', 'vessel', 'airplane', 'wallet', 'other', 'other',
    ]);
  });

  it('never lets a person meet an organisation; LegalEntity meets both', () => {
    expect(schemaCompatible('Person', 'Organization')).toBe(false);
    expect(schemaCompatible('Company', 'Person')).toBe(false);
    expect(schemaCompatible('Person', 'LegalEntity')).toBe(true);
    expect(schemaCompatible('LegalEntity', 'Company')).toBe(true);
    expect(schemaCompatible('Vessel', 'Vessel')).toBe(true);
    expect(schemaCompatible('Vessel', 'Company')).toBe(false);
    expect(schemaCompatible('CryptoWallet', 'Person')).toBe(false);
  });

  it('a query of no particular kind (Thing) meets every named kind but wallets', () => {
    expect(compatibleMask('other') & SCHEMA_BITS.person).not.toBe(0);
    expect(compatibleMask('other') & SCHEMA_BITS.vessel).not.toBe(0);
    expect(compatibleMask('other') & SCHEMA_BITS.wallet).toBe(0);
  });
});
