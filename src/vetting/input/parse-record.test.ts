import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { parseWorkerRecord } from './parse-record.js';

const where = { file: 'in.jsonl', line: 7 };
const parse = (raw: unknown, warnings?: string[]) => parseWorkerRecord(raw, { ...where, ...(warnings ? { warnings } : {}) });

function errorOf(raw: unknown): InputError {
  try {
    parse(raw);
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('parseWorkerRecord', () => {
  it('reads the documented fields and normalises them', () => {
    const r = parse({
      id: 17,
      names: ['Jane Doe', { name: 'Janie', type: 'alias' }],
      emails: 'jane@example.com',
      claimed_country: 'United States',
      claimed_timezone: 'EST',
      logins: [{ timestamp: '2025-04-01T10:00:00+09:00', ip: '::ffff:8.8.8.8', device_id: 'd1', duration_minutes: 90 }],
      activity: [1711929600, '2024-04-02T09:00:00Z'],
      payment_accounts: [{ type: 'PayPal', email: 'jane@example.com', holder: 'Jane Doe' }],
      devices: [{ device_id: 'd1', remote_access_tools: 'AnyDesk; RustDesk', kvm: 'yes', ports: '3389' }],
      interviews: [{ camera: 'false', notes: 'audio only' }],
      profiles: [{ url: 'https://github.com/jdoe', created_at: '2020-01-01', first_commit: '2019-05-01' }],
    });
    expect(r.id).toBe('17');
    expect(r.names).toEqual(['Jane Doe']);
    expect(r.aliases).toEqual(['Janie']);
    expect(r.emails).toEqual(['jane@example.com']);
    expect(r.claimedCountry).toBe('us');
    expect(r.claimedTimezone).toBe('America/New_York');
    expect(r.logins[0]).toEqual({ at: Date.UTC(2025, 3, 1, 1), end: Date.UTC(2025, 3, 1, 2, 30), ip: '8.8.8.8', deviceId: 'd1' });
    expect(r.activity).toEqual([1711929600000, Date.UTC(2024, 3, 2, 9)]);
    expect(r.paymentAccounts[0]).toEqual({ type: 'paypal', identifier: 'jane@example.com', holderName: 'Jane Doe' });
    expect(r.devices[0]).toEqual({ id: 'd1', remoteTools: ['AnyDesk', 'RustDesk'], ipKvm: true, openPorts: [3389] });
    expect(r.interviews[0]).toEqual({ cameraOn: false, notes: 'audio only', flags: [] });
    expect(r.profiles[0]).toMatchObject({ platform: 'github', createdAt: Date.UTC(2020, 0, 1), earliestCommitAt: Date.UTC(2019, 4, 1) });
  });

  it('keeps unknown fields, and names a record without an id by its file and line', () => {
    const r = parse({ names: 'Jane Doe', hiring_manager: 'Bob', score_from_vendor: 12 });
    expect(r.id).toBe('in.jsonl:7');
    expect(r.extra).toEqual({ hiring_manager: 'Bob', score_from_vendor: 12 });
  });

  it('keeps unknown fields named like Object members as own fields, __proto__ included', () => {
    const raw: unknown = JSON.parse('{"names":"Jane Doe","__proto__":{"x":1},"constructor":"c","toString":"t","hasOwnProperty":"h","valueOf":"v"}');
    const r = parse(raw);
    expect(Object.keys(r.extra)).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']);
    expect(Object.getOwnPropertyDescriptor(r.extra, '__proto__')?.value).toEqual({ x: 1 });
    expect(Object.getPrototypeOf(r.extra)).toBe(Object.prototype);
  });

  it('reads nothing of a nested __proto__ key as a field of its object', () => {
    const raw: unknown = JSON.parse('{"id":"w","devices":[{"Device-ID":"d1","__PROTO__":{"kvm":"yes","remote_access_tools":"AnyDesk"}}]}');
    expect(parse(raw).devices).toEqual([{ id: 'd1', remoteTools: [], ipKvm: false, openPorts: [] }]);
  });

  it('warns about a country or time zone it cannot map and keeps the text', () => {
    const warnings: string[] = [];
    const r = parse({ id: 'w', claimed_country: 'Atlantis', claimed_timezone: 'Mars Standard Time' }, warnings);
    expect(r.claimedCountry).toBe('Atlantis');
    expect(r.claimedTimezone).toBeUndefined();
    expect(warnings).toEqual([
      'in.jsonl:7 (claimed_country): unknown country "Atlantis", kept as written',
      `in.jsonl:7 (claimed_timezone): "Mars Standard Time" is not a time zone we know; the claimed country's zones are used instead`,
    ]);
  });

  it.each([
    [[1, 2], 'in.jsonl:7: a record must be a JSON object, not a list'],
    [{ id: 'w', logins: [{ ip: '8.8.8.8' }] }, 'in.jsonl:7 (logins[0].timestamp): a login needs a timestamp'],
    [{ id: 'w', logins: [{ timestamp: 'yesterday' }] }, 'in.jsonl:7 (logins[0].timestamp): the text "yesterday" is not a timestamp; write ISO 8601 (2024-05-01T09:30:00Z) or epoch seconds'],
    [{ id: 'w', logins: [{ timestamp: '2025-01-01T00:00:00Z', ip: '300.1.1.1' }] }, 'in.jsonl:7 (logins[0].ip): "300.1.1.1" is not an IP address'],
    [{ id: 'w', photo_hash: 'abc' }, 'in.jsonl:7 (photo_hash): "abc" is not a 64-bit hash: write 16 hex digits'],
    [{ id: 'w', devices: [{ ip_kvm: 'maybe' }] }, 'in.jsonl:7 (devices[0].ip_kvm): expected true or false, got the text "maybe"'],
    [{ id: 'w', platform: 'upwork' }, 'in.jsonl:7 (platform): expected an object, got the text "upwork"'],
    [{ id: { x: 1 } }, 'in.jsonl:7 (id): expected text, got an object'],
    [{ id: 'w', email: 'a@b.c', emails: 'd@e.f' }, 'in.jsonl:7 (emails): both "email" and "emails" are given; they mean the same field, use one'],
    [{ id: 'w', role: 'admin' }, 'in.jsonl:7 (role): must be "worker" or "client", not "admin"'],
    [{ id: 'w', logins: [{ timestamp: '2025-01-02', end: '2025-01-01' }] }, 'in.jsonl:7 (logins[0].end): the session ends before it starts'],
  ])('refuses %j with an error naming file, line and field', (raw, message) => {
    expect(errorOf(raw).message).toBe(message);
  });
});
