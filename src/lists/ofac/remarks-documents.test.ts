import { describe, expect, it } from 'vitest';
import { parseDocumentValue } from './remarks-documents.js';

describe('parseDocumentValue', () => {
  it('splits number, issuing country and expiry of a North Korean passport', () => {
    expect(parseDocumentValue('654410025 (Korea, North) expires 14 Oct 2019')).toEqual({
      number: '654410025',
      country: 'kp',
      expires: '2019-10-14',
    });
  });

  it('reads issue and expiry dates without a country', () => {
    expect(parseDocumentValue('G025057 issued 23 Jun 1999 expires 05 Feb 2004')).toEqual({
      number: 'G025057',
      issued: '1999-06-23',
      expires: '2004-02-05',
    });
  });

  it('keeps parenthesised parts that are no country in the number', () => {
    expect(parseDocumentValue('G563542(9) (Hong Kong)')).toEqual({ number: 'G563542(9)', country: 'hk' });
    expect(parseDocumentValue('HRA 738077 (Stuttgart) (Germany)')).toEqual({ number: 'HRA 738077 (Stuttgart)', country: 'de' });
    expect(parseDocumentValue('818178-2 (Cali)')).toEqual({ number: '818178-2 (Cali)' });
  });

  it('reports a date it cannot read as leftover text', () => {
    expect(parseDocumentValue('654781 (Jordan) issued 01 Jan 2008 to 31 Dec 2010')).toEqual({
      number: '654781',
      country: 'jo',
      leftover: 'issued 01 Jan 2008 to 31 Dec 2010',
    });
  });
});
