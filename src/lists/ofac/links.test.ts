import { describe, expect, it } from 'vitest';
import { linkedToEntity, OfacNameIndex } from './links.js';

const provenance = { list: 'us_ofac_sdn', entryId: '19570', programs: ['DPRK'] };

describe('OfacNameIndex', () => {
  it('resolves a unique name, with or without a final full stop', () => {
    const index = new OfacNameIndex();
    index.add('TRILIANCE PETROCHEMICAL CO. LTD.', { id: 'ofac-1', legalEntity: true }, ['IRAN']);
    expect(index.resolve('TRILIANCE PETROCHEMICAL CO. LTD', ['SDGT'])?.id).toBe('ofac-1');
    expect(index.resolve('TRILIANCE PETROCHEMICAL CO. LTD.', [])?.id).toBe('ofac-1');
    expect(index.resolve('UNKNOWN', [])).toBeNull();
  });

  it('resolves a shared name to the entry with a common program, or to nothing', () => {
    const index = new OfacNameIndex();
    index.add('MINISTRY OF STATE SECURITY', { id: 'ofac-20129', legalEntity: true }, ['DPRK3']);
    index.add('MINISTRY OF STATE SECURITY', { id: 'ofac-25437', legalEntity: true }, ['CAATSA - RUSSIA']);
    expect(index.resolve('MINISTRY OF STATE SECURITY', ['DPRK3'])?.id).toBe('ofac-20129');
    expect(index.resolve('MINISTRY OF STATE SECURITY', ['SDGT'])).toBeNull();
  });
});

describe('linkedToEntity', () => {
  it('puts the legal entity in the subject place when a vessel is linked to its manager', () => {
    const link = linkedToEntity({ id: 'ofac-19570', legalEntity: false }, { id: 'ofac-17068', legalEntity: true }, 'us_ofac_sdn', provenance);
    expect(link).toMatchObject({
      id: 'ofac-19570-link-ofac-17068',
      schema: 'UnknownLink',
      properties: { subject: ['ofac-17068'], object: ['ofac-19570'], role: ['Linked To'] },
      target: false,
      provenance,
    });
  });

  it('gives no link between two vessels', () => {
    expect(linkedToEntity({ id: 'a', legalEntity: false }, { id: 'b', legalEntity: false }, 'x', provenance)).toBeNull();
  });
});
