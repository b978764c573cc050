import { describe, expect, it } from 'vitest';
import { schemaProperties } from '../../ftm/model.js';
import { rec } from '../test-support/records.js';
import { recordToFtm } from './to-ftm.js';

describe('recordToFtm', () => {
  it('maps a record to Person, Address, Passport, BankAccount + Ownership, CryptoWallet and UserAccount entities that reference the person', () => {
    const entities = recordToFtm(
      rec({
        id: 'W 17',
        names: ['Jane Doe'],
        emails: ['jane@example.com'],
        claimed_country: 'us',
        address: '12 Main St, Austin TX 78701',
        shipping_address: '800 Oak Ave, Phoenix AZ 85001',
        documents: [{ type: 'passport', number: 'X123', country: 'us' }],
        payment_accounts: [{ type: 'bank', identifier: 'GB33BUKB20201555555555', holder_name: 'John Roe' }, { type: 'crypto', identifier: '0x098B716B8Aaf21512996dC57EB0615e2383E2f96' }],
        profiles: [{ url: 'https://github.com/jdoe', handle: 'jdoe' }],
        logins: [{ timestamp: '2025-01-01T00:00:00Z', ip: '8.8.8.8' }],
      }),
    );
    expect(entities.map((e) => `${e.schema} ${e.id}`)).toEqual([
      'Person vet-w-17',
      'Address vet-w-17-addr-1',
      'Address vet-w-17-addr-2',
      'Passport vet-w-17-doc-1',
      'BankAccount vet-w-17-account-1',
      'Ownership vet-w-17-account-1-owner',
      'CryptoWallet vet-w-17-wallet-1',
      'UserAccount vet-w-17-profile-1',
      'UserAccount vet-w-17-platform',
    ]);
    const person = entities[0]!;
    expect(person.properties).toMatchObject({ name: ['Jane Doe'], email: ['jane@example.com'], country: ['us'], addressEntity: ['vet-w-17-addr-1', 'vet-w-17-addr-2'] });
    expect(entities.find((e) => e.schema === 'BankAccount')!.properties.iban).toEqual(['GB33BUKB20201555555555']);
    expect(entities.find((e) => e.schema === 'Ownership')!.properties.role).toEqual(['payout account held in another name (John Roe)']);
    expect(entities.find((e) => e.schema === 'CryptoWallet')!.properties.holder).toEqual(['vet-w-17']);
    expect(entities.find((e) => e.id === 'vet-w-17-platform')!.properties.ipAddress).toEqual(['8.8.8.8']);
    for (const e of entities) {
      expect(e.target).toBe(false);
      expect(e.provenance).toMatchObject({ list: 'vetting', entryId: 'W 17', file: 'test.jsonl', line: 1 });
      for (const p of Object.keys(e.properties)) expect(schemaProperties(e.schema).has(p)).toBe(true);
    }
  });
});
