import { describe, expect, it } from 'vitest';
import { FailedAuthGuard } from './failed-auth.js';

describe('failed API-key checks per address', () => {
  it('locks an address out after maxFailures within the window, until the window ends, and no other address', () => {
    let now = 1_000;
    const guard = new FailedAuthGuard({ maxFailures: 3, windowMs: 60_000 }, () => now);
    for (let i = 0; i < 2; i++) guard.fail('10.0.0.1');
    expect(guard.lockedFor('10.0.0.1')).toBe(0);
    guard.fail('10.0.0.1');
    expect(guard.lockedFor('10.0.0.1')).toBe(60_000);
    expect(guard.lockedFor('10.0.0.2')).toBe(0);
    now += 59_000;
    expect(guard.lockedFor('10.0.0.1')).toBe(1_000);
    now += 1_000;
    expect(guard.lockedFor('10.0.0.1')).toBe(0);
    guard.fail('10.0.0.1'); // a new window: one failure
    expect(guard.lockedFor('10.0.0.1')).toBe(0);
  });

  it('does not count failures of an earlier window', () => {
    let now = 0;
    const guard = new FailedAuthGuard({ maxFailures: 2, windowMs: 1_000 }, () => now);
    guard.fail('a');
    now = 1_500;
    guard.fail('a');
    expect(guard.lockedFor('a')).toBe(0);
    guard.fail('a');
    expect(guard.lockedFor('a')).toBe(1_000);
  });

  it('keeps tracking bounded when many addresses fail', () => {
    const guard = new FailedAuthGuard({ maxFailures: 1, windowMs: 60_000 }, () => 0);
    for (let i = 0; i < 12_000; i++) guard.fail(`ip-${i}`);
    expect(guard.lockedFor('ip-11999')).toBe(60_000);
    expect(guard.lockedFor('ip-0')).toBe(0); // dropped, oldest first
  });
});
