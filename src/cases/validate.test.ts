import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { CASE_DECISIONS, CASE_ITEM_KINDS, type NewCaseItem } from './case.js';
import { CASE_LIMITS, validateDecision, validateNewCase, validateNewItem } from './validate.js';

const CONTROL = /[^\P{Cc}\t\n\r]/u;

describe('case validation', () => {
  it('trims a case and keeps a multi-line description', () => {
    expect(validateNewCase({ title: ' A ', description: ' one\ntwo ' })).toEqual({ title: 'A', description: 'one\ntwo' });
    expect(validateNewCase({ title: 'A', description: '   ' })).toEqual({ title: 'A' });
  });

  it('names the field of every refusal', () => {
    expect(() => validateNewCase({ title: '' })).toThrow('case (title): is empty');
    expect(() => validateNewCase({ title: 'a\nb' })).toThrow('case (title): contains control characters');
    expect(() => validateNewCase({ title: 'x'.repeat(201) })).toThrow('case (title): is 201 characters long; at most 200');
    expect(() => validateNewItem({ kind: 'address', ref: 'not an address' })).toThrow(/case item \(ref\): not a valid crypto address/);
    expect(() => validateNewItem({ kind: 'entity', ref: 'two words' })).toThrow(/case item \(ref\): "two words" is not an entity id/);
    expect(() => validateNewItem({ kind: 'incident', ref: 'Bybit 2025' })).toThrow(/case item \(ref\): "Bybit 2025" is not an incident id/);
    expect(() => validateNewItem({ kind: 'note', ref: '' })).toThrow('case item (ref): is empty');
    expect(() => validateDecision({ decision: 'block', reason: '' })).toThrow('decision (reason): is empty');
  });

  it('canonicalises addresses and takes a note’s text from `note` when `ref` is empty', () => {
    expect(validateNewItem({ kind: 'address', ref: ' 0x098B716B8Aaf21512996dC57EB0615e2383E2f96 ' }).ref).toBe('0x098b716b8aaf21512996dc57eb0615e2383e2f96');
    expect(validateNewItem({ kind: 'address', ref: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' }).ref).toBe('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq');
    expect(validateNewItem({ kind: 'note', ref: '', note: 'called the exchange' })).toEqual({ kind: 'note', ref: 'called the exchange' });
    expect(validateNewItem({ kind: 'note', ref: 'text', note: 'comment' })).toEqual({ kind: 'note', ref: 'text', note: 'comment' });
    expect(validateNewItem({ kind: 'worker', ref: 'W-1', label: '김철수' })).toEqual({ kind: 'worker', ref: 'W-1', label: '김철수' });
  });

  it('takes any untrusted item or decision to a clean value or an InputError, nothing else', () => {
    const anyText = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('__proto__', 'toString', '0x47666fab8bd0ac7003bce3f5c3585383f09486e2', 'x'.repeat(600)));
    const kind = fc.oneof(fc.constantFrom(...CASE_ITEM_KINDS), fc.constantFrom('constructor', 'wallet', ''));
    fc.assert(
      fc.property(kind, anyText, fc.option(anyText, { nil: undefined }), fc.option(anyText, { nil: undefined }), (k, ref, label, note) => {
        let item: NewCaseItem;
        try {
          item = validateNewItem({ kind: k as NewCaseItem['kind'], ref, ...(label !== undefined ? { label } : {}), ...(note !== undefined ? { note } : {}) });
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
          return;
        }
        expect(CASE_ITEM_KINDS).toContain(item.kind);
        expect(item.ref.length).toBeGreaterThan(0);
        expect(item.ref.length).toBeLessThanOrEqual(item.kind === 'note' ? CASE_LIMITS.note : CASE_LIMITS.ref);
        expect(item.ref).toBe(item.ref.trim());
        for (const v of [item.ref, item.label ?? '', item.note ?? '']) expect(CONTROL.test(v)).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...CASE_DECISIONS), fc.string({ maxLength: 12 })), anyText, (decision, reason) => {
        try {
          const d = validateDecision({ decision: decision as never, reason });
          expect(CASE_DECISIONS).toContain(d.decision);
          expect(d.reason.length).toBeGreaterThan(0);
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
        }
      }),
    );
  });
});
