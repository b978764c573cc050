import { describe, expect, it } from 'vitest';
import { foldDocumentType, splitDocumentNumber } from './un-documents.js';

describe('foldDocumentType', () => {
  it.each(['Passport', 'Numéro de passeport ', 'Número de pasaporte', 'passport number'])('folds %s to Passport', (type) => {
    expect(foldDocumentType(type)).toEqual({ kind: 'passport', types: ['Passport'] });
  });

  it('reads a passport filed under National Identification Number as a passport, keeping the specific type', () => {
    expect(foldDocumentType('National Identification Number', ' national passport')).toEqual({
      kind: 'passport',
      types: ['Passport', 'national passport'],
    });
    expect(foldDocumentType('Passport', 'Service passport ')).toEqual({ kind: 'passport', types: ['Passport', 'Service passport'] });
  });

  it('folds national identification numbers in English, French and Spanish', () => {
    for (const type of ['National Identification\n      ', 'Numéro d’identification nationale', 'Número de identificación nacional']) {
      expect(foldDocumentType(type)).toEqual({ kind: 'identification', types: ['National Identification Number'] });
    }
  });

  it('keeps other document types as written', () => {
    expect(foldDocumentType('National Identification Number', 'Birth certificate')).toEqual({
      kind: 'identification',
      types: ['National Identification Number', 'Birth certificate'],
    });
    expect(foldDocumentType(undefined, undefined)).toEqual({ kind: 'identification', types: [] });
  });
});

describe('splitDocumentNumber', () => {
  it.each([
    ['381110042 (Expired 25 Jan. 2016)', { number: '381110042', remark: 'Expired 25 Jan. 2016' }],
    ['403062567 (US)', { number: '403062567', remark: 'US' }],
    [' 381310014', { number: '381310014' }],
    ['PS 472330208 ', { number: 'PS 472330208' }],
    ['R00012098, South Sudan', { number: 'R00012098, South Sudan' }],
    ['(US)', { number: '(US)' }],
  ])('splits %s', (raw, expected) => {
    expect(splitDocumentNumber(raw)).toEqual(expected);
  });
});
