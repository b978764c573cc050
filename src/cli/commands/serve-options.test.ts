import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { byteSizeOption, isLoopback, rateLimitOption } from './serve-options.js';

describe('serve options', () => {
  it('reads --rate-limit as N per window, or off', () => {
    expect(rateLimitOption('600/min')).toEqual({ max: 600, timeWindowMs: 60_000 });
    expect(rateLimitOption('120')).toEqual({ max: 120, timeWindowMs: 60_000 });
    expect(rateLimitOption('10/s')).toEqual({ max: 10, timeWindowMs: 1000 });
    expect(rateLimitOption('5000 / hour')).toEqual({ max: 5000, timeWindowMs: 3_600_000 });
    expect(rateLimitOption('off')).toBe(false);
    for (const bad of ['', '-1/min', '10/fortnight', 'many', '0/min']) expect(() => rateLimitOption(bad)).toThrow(InvalidArgumentError);
  });

  it('reads --body-limit in bytes, kb or mb, within 1kb..1024mb', () => {
    expect(byteSizeOption('1mb')).toBe(1024 * 1024);
    expect(byteSizeOption('512kb')).toBe(512 * 1024);
    expect(byteSizeOption('4096')).toBe(4096);
    for (const bad of ['12', '2gb', 'big', '2000mb']) expect(() => byteSizeOption(bad)).toThrow(InvalidArgumentError);
  });

  it('tells loopback addresses from the others', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect([host, isLoopback(host)]).toEqual([host, true]);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.org', '127.0.0.1.example.org']) expect([host, isLoopback(host)]).toEqual([host, false]);
  });
});
