import { describe, expect, it } from 'vitest';
import { lookupCountry } from './countries.js';
import { claimedZones, localTime, parseTimeZone, zoneOffsetMinutes } from './time-zones.js';
import { parseTimestamp } from './timestamps.js';

const OBJECT_MEMBERS = ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf'];

describe('parseTimeZone', () => {
  it.each([
    ['America/New_York', 'America/New_York'],
    ['UTC-5', 'UTC-05:00'],
    ['GMT+09:00', 'UTC+09:00'],
    ['+0530', 'UTC+05:30'],
    ['pst', 'America/Los_Angeles'],
    ['Pacific Time', 'America/Los_Angeles'],
    ['KST', 'Asia/Seoul'],
    ['Mars/Olympus', null],
    ['UTC+15', null],
  ])('%s → %s', (raw, zone) => expect(parseTimeZone(raw)).toBe(zone));

  it('reads names of Object members as no time zone', () => {
    for (const name of OBJECT_MEMBERS) expect(parseTimeZone(name)).toBeNull();
  });
});

describe('local time', () => {
  it('follows daylight saving time in IANA zones and fixed offsets', () => {
    expect(zoneOffsetMinutes('America/New_York', Date.UTC(2025, 0, 15))).toBe(-300);
    expect(zoneOffsetMinutes('America/New_York', Date.UTC(2025, 6, 15))).toBe(-240);
    expect(zoneOffsetMinutes('UTC+05:30', 0)).toBe(330);
    expect(localTime('Asia/Seoul', Date.UTC(2025, 0, 15, 1))).toEqual({ hour: 10, weekday: 3 });
  });

  it('uses the claimed zone, else every zone of the claimed country', () => {
    expect(claimedZones({ claimedTimezone: 'Europe/Berlin', claimedCountry: 'us' })).toEqual(['Europe/Berlin']);
    expect(claimedZones({ claimedCountry: 'us' })).toHaveLength(4);
    expect(claimedZones({})).toEqual([]);
    for (const name of OBJECT_MEMBERS) expect(claimedZones({ claimedCountry: name })).toEqual([]);
  });
});

describe('parseTimestamp and lookupCountry', () => {
  it.each([
    ['2024-03-01T09:30:00+09:00', Date.UTC(2024, 2, 1, 0, 30)],
    ['2024-03-01 09:30', Date.UTC(2024, 2, 1, 9, 30)],
    ['2024-03-01', Date.UTC(2024, 2, 1)],
    ['2024-03', Date.UTC(2024, 2, 1)],
    ['1709253000', 1709253000000],
    [1709253000123, 1709253000123],
    ['2024-02-30', null],
    ['2024-13-01', null],
    ['soon', null],
  ])('%s → %s', (raw, ms) => expect(parseTimestamp(raw)).toBe(ms));

  it('maps names, demonyms and codes to alpha-2', () => {
    expect(lookupCountry('United States')).toEqual({ kind: 'code', code: 'us' });
    expect(lookupCountry('South Korean')).toEqual({ kind: 'code', code: 'kr' });
    expect(lookupCountry('PRK')).toEqual({ kind: 'code', code: 'kp' });
    expect(lookupCountry('n/a')).toEqual({ kind: 'none' });
    expect(lookupCountry('Atlantis')).toEqual({ kind: 'unknown', name: 'Atlantis' });
  });

  it('knows no country called like an Object member', () => {
    for (const name of OBJECT_MEMBERS) expect(lookupCountry(name)).toEqual({ kind: 'unknown', name });
  });
});
