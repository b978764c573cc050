import { describe, expect, it } from 'vitest';
import { rec } from '../test-support/records.js';
import { documentKey, identifierKeys, normaliseEmail, normalisePhone, normalisePostalAddress, paymentKey } from './identifiers.js';

describe('normaliseEmail', () => {
  it('folds case, drops +tags, and drops dots only for Gmail', () => {
    expect(normaliseEmail(' J.Doe+jobs@GoogleMail.com ')).toBe('jdoe@gmail.com');
    expect(normaliseEmail('j.doe+x@outlook.com')).toBe('j.doe@outlook.com');
    expect(normaliseEmail('mailto:Ann@Example.ORG')).toBe('ann@example.org');
  });
  it('refuses text that is not an address', () => {
    for (const bad of ['jdoe', '@gmail.com', 'jdoe@', 'j doe@gmail.com', 'jdoe@localhost']) expect(normaliseEmail(bad)).toBeNull();
  });
});

describe('normalisePhone', () => {
  it('writes numbers in E.164 whatever the format', () => {
    expect(normalisePhone('+44 (0)20 7946 0000')).toBe('+442079460000');
    expect(normalisePhone('0044 20 7946 0000')).toBe('+442079460000');
    expect(normalisePhone('(415) 555-0100', 'us')).toBe('+14155550100');
    expect(normalisePhone('010-1234-5678', 'kr')).toBe('+821012345678');
  });
  it('gives null for text that is not a phone number', () => {
    expect(normalisePhone('call me')).toBeNull();
    expect(normalisePhone('12', 'us')).toBeNull();
  });
});

describe('normalisePostalAddress', () => {
  it('makes spellings of one address equal', () => {
    const a = normalisePostalAddress('12 Main Street, Apt. 4, Springfield, IL 62701, USA');
    expect(a).toBe('12 main st unit 4 springfield il 62701');
    expect(normalisePostalAddress('12 MAIN ST #4 Springfield IL 62701')).toBe(a);
    expect(normalisePostalAddress('Friedrichstraße 43-45, 10117 Berlin, Deutschland')).toBe('friedrichstr 43-45 10117 berlin');
  });
  it('gives null for a city or region alone: a common city never links two people', () => {
    expect(normalisePostalAddress('Springfield')).toBeNull();
    expect(normalisePostalAddress('Berlin, Germany')).toBeNull();
    expect(normalisePostalAddress('Unit 4')).toBeNull();
  });
  it('keeps a street word spelled like an Object member (constructor) as it is', () => {
    expect(normalisePostalAddress('12 Constructor Street, Springfield')).toBe('12 constructor st springfield');
  });
});

describe('paymentKey and documentKey', () => {
  it('keys IBANs without spaces, payout e-mails normalised, wallets canonical, bare account numbers with their bank', () => {
    expect(paymentKey({ type: 'bank', identifier: 'de89 3704 0044 0532 0130 00' })).toEqual({ kind: 'bank', key: 'iban:DE89370400440532013000' });
    expect(paymentKey({ type: 'paypal', identifier: 'J.Doe@gmail.com' })).toEqual({ kind: 'bank', key: 'paypal:jdoe@gmail.com' });
    expect(paymentKey({ type: 'crypto', identifier: '0x098B716B8Aaf21512996dC57EB0615e2383E2f96' })).toEqual({ kind: 'wallet', key: '0x098b716b8aaf21512996dc57eb0615e2383e2f96' });
    expect(paymentKey({ type: 'bank', identifier: '123-456-789', bic: 'CHASUS33XXX' })).toEqual({ kind: 'bank', key: 'bank:CHASUS33:123456789' });
    expect(paymentKey({ type: 'bank', identifier: '0000' })).toBeNull();
  });
  it('keys documents by country and number, refusing placeholders', () => {
    expect(documentKey({ number: 'x12-345 678', country: 'us' })).toBe('us:X12345678');
    expect(documentKey({ number: '123456789' })).toBeNull();
    expect(documentKey({ number: 'AAAAAAA' })).toBeNull();
  });
});

describe('identifierKeys', () => {
  it('lists each identifier once and marks a shipping address the person does not live at as a drop address', () => {
    const r = rec({
      id: 'w1',
      emails: ['a.b@gmail.com', 'ab@gmail.com'],
      phones: ['+1 415 555 0100'],
      address: '12 Main St, Austin TX 78701',
      shipping_address: '800 Oak Ave, Phoenix AZ 85001',
      devices: [{ id: 'LAPTOP-9' }],
      logins: [{ timestamp: '2025-01-01T00:00:00Z', ip: '73.15.1.10', device_id: 'laptop-9' }, { timestamp: '2025-01-02T00:00:00Z', ip: '192.168.1.5' }],
    });
    expect(identifierKeys(r)).toEqual([
      { kind: 'email', key: 'ab@gmail.com' },
      { kind: 'phone', key: '+14155550100' },
      { kind: 'address', key: '12 main st austin tx 78701' },
      { kind: 'address', key: '800 oak ave phoenix az 85001', drop: true },
      { kind: 'device', key: 'laptop-9' },
      { kind: 'ip', key: '73.15.1.10' },
    ]);
  });
});
