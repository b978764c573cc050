/**
 * Claimed time zones: IANA names, fixed offsets and the abbreviations people type, and the local
 * hour of an instant in such a zone (cached per zone and UTC hour, since offsets change only at
 * DST transitions).
 */
import { ownValue } from '../../common/own.js';

const ABBREVIATIONS: Record<string, string> = {
  utc: 'UTC', gmt: 'UTC', z: 'UTC', zulu: 'UTC',
  est: 'America/New_York', edt: 'America/New_York', et: 'America/New_York', 'eastern time': 'America/New_York', eastern: 'America/New_York',
  cst: 'America/Chicago', cdt: 'America/Chicago', ct: 'America/Chicago', 'central time': 'America/Chicago', central: 'America/Chicago',
  mst: 'America/Denver', mdt: 'America/Denver', mt: 'America/Denver', 'mountain time': 'America/Denver', mountain: 'America/Denver',
  pst: 'America/Los_Angeles', pdt: 'America/Los_Angeles', pt: 'America/Los_Angeles', 'pacific time': 'America/Los_Angeles', pacific: 'America/Los_Angeles',
  akst: 'America/Anchorage', hst: 'Pacific/Honolulu',
  bst: 'Europe/London', wet: 'Europe/Lisbon', cet: 'Europe/Paris', cest: 'Europe/Paris', eet: 'Europe/Athens', eest: 'Europe/Athens',
  msk: 'Europe/Moscow', ist: 'Asia/Kolkata', pkt: 'Asia/Karachi', ict: 'Asia/Bangkok', wib: 'Asia/Jakarta', sgt: 'Asia/Singapore',
  hkt: 'Asia/Hong_Kong', pht: 'Asia/Manila', jst: 'Asia/Tokyo', kst: 'Asia/Seoul', aest: 'Australia/Sydney', aedt: 'Australia/Sydney',
  awst: 'Australia/Perth', nzst: 'Pacific/Auckland', nzdt: 'Pacific/Auckland', brt: 'America/Sao_Paulo', art: 'America/Argentina/Buenos_Aires',
};

const OFFSET = /^(?:utc|gmt)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$/i;

/**
 * Reads a claimed time zone: an IANA name (`America/New_York`), an offset (`UTC-5`, `GMT+09:00`,
 * `+0530`) or a common abbreviation (`EST`, `Pacific Time`, `KST`). Returns the IANA name or
 * `UTC±hh:mm`, or null when the text is not a time zone.
 *
 * @example
 * parseTimeZone('UTC-5'); // 'UTC-05:00'
 * parseTimeZone('pst'); // 'America/Los_Angeles'
 * parseTimeZone('Europe/Berlin'); // 'Europe/Berlin'
 */
export function parseTimeZone(raw: string): string | null {
  const text = raw.trim();
  if (!text) return null;
  const abbreviation = ownValue(ABBREVIATIONS, text.toLowerCase());
  if (abbreviation) return abbreviation;
  const m = OFFSET.exec(text);
  if (m) {
    const hours = Number(m[2]);
    const minutes = Number(m[3] ?? 0);
    if (hours > 14 || minutes >= 60) return null;
    const sign = m[1] === '+' ? '+' : '-';
    return `UTC${sign}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  }
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const FIXED = /^UTC([+-])(\d{2}):(\d{2})$/;
const HOUR_MS = 3_600_000;
const offsetCache = new Map<string, Map<number, number>>();
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Offset of a zone (as returned by {@link parseTimeZone}) from UTC at an instant, in minutes.
 *
 * @example
 * zoneOffsetMinutes('Asia/Seoul', Date.UTC(2024, 0, 1)); // 540
 */
export function zoneOffsetMinutes(zone: string, epochMs: number): number {
  if (zone === 'UTC') return 0;
  const fixed = FIXED.exec(zone);
  if (fixed) return (fixed[1] === '+' ? 1 : -1) * (Number(fixed[2]) * 60 + Number(fixed[3]));
  let perHour = offsetCache.get(zone);
  if (!perHour) {
    perHour = new Map();
    offsetCache.set(zone, perHour);
  }
  const bucket = Math.floor(epochMs / HOUR_MS);
  let offset = perHour.get(bucket);
  if (offset === undefined) {
    offset = computeOffset(zone, bucket * HOUR_MS);
    if (perHour.size > 200_000) perHour.clear();
    perHour.set(bucket, offset);
  }
  return offset;
}

function computeOffset(zone: string, epochMs: number): number {
  let fmt = formatters.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, fmt);
  }
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(epochMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0);
  return Math.round((asUtc - epochMs) / 60_000);
}

/** Local hour (0–23, fractional minutes dropped) and weekday (0 = Sunday) of an instant in a zone. */
export function localTime(zone: string, epochMs: number): { hour: number; weekday: number } {
  const local = new Date(epochMs + zoneOffsetMinutes(zone, epochMs) * 60_000);
  return { hour: local.getUTCHours(), weekday: local.getUTCDay() };
}

/**
 * Representative zones of a country, for records that claim a country but no time zone. Countries
 * that span several zones list them all; a rule that depends on the zone uses the one most
 * favourable to the person.
 */
export const COUNTRY_ZONES: Record<string, readonly string[]> = {
  us: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'],
  ca: ['America/Toronto', 'America/Winnipeg', 'America/Edmonton', 'America/Vancouver'],
  mx: ['America/Mexico_City', 'America/Tijuana'],
  br: ['America/Sao_Paulo', 'America/Manaus'],
  ar: ['America/Argentina/Buenos_Aires'],
  cl: ['America/Santiago'],
  co: ['America/Bogota'],
  pe: ['America/Lima'],
  gb: ['Europe/London'],
  ie: ['Europe/Dublin'],
  pt: ['Europe/Lisbon'],
  es: ['Europe/Madrid'],
  fr: ['Europe/Paris'],
  de: ['Europe/Berlin'],
  nl: ['Europe/Amsterdam'],
  be: ['Europe/Brussels'],
  ch: ['Europe/Zurich'],
  at: ['Europe/Vienna'],
  it: ['Europe/Rome'],
  se: ['Europe/Stockholm'],
  no: ['Europe/Oslo'],
  dk: ['Europe/Copenhagen'],
  fi: ['Europe/Helsinki'],
  pl: ['Europe/Warsaw'],
  cz: ['Europe/Prague'],
  ro: ['Europe/Bucharest'],
  bg: ['Europe/Sofia'],
  gr: ['Europe/Athens'],
  ua: ['Europe/Kyiv'],
  rs: ['Europe/Belgrade'],
  hr: ['Europe/Zagreb'],
  tr: ['Europe/Istanbul'],
  ru: ['Europe/Moscow', 'Asia/Yekaterinburg', 'Asia/Novosibirsk', 'Asia/Vladivostok'],
  il: ['Asia/Jerusalem'],
  ae: ['Asia/Dubai'],
  in: ['Asia/Kolkata'],
  pk: ['Asia/Karachi'],
  bd: ['Asia/Dhaka'],
  th: ['Asia/Bangkok'],
  vn: ['Asia/Ho_Chi_Minh'],
  la: ['Asia/Vientiane'],
  kh: ['Asia/Phnom_Penh'],
  my: ['Asia/Kuala_Lumpur'],
  sg: ['Asia/Singapore'],
  id: ['Asia/Jakarta', 'Asia/Makassar'],
  ph: ['Asia/Manila'],
  cn: ['Asia/Shanghai'],
  hk: ['Asia/Hong_Kong'],
  tw: ['Asia/Taipei'],
  jp: ['Asia/Tokyo'],
  kr: ['Asia/Seoul'],
  kp: ['Asia/Pyongyang'],
  au: ['Australia/Sydney', 'Australia/Adelaide', 'Australia/Perth'],
  nz: ['Pacific/Auckland'],
  ng: ['Africa/Lagos'],
  ke: ['Africa/Nairobi'],
  tz: ['Africa/Dar_es_Salaam'],
  za: ['Africa/Johannesburg'],
  eg: ['Africa/Cairo'],
  gn: ['Africa/Conakry'],
  gq: ['Africa/Malabo'],
};

/** The zones to judge a record's working hours in: its claimed zone, else its claimed country's zones. */
export function claimedZones(record: { claimedTimezone?: string; claimedCountry?: string }): readonly string[] {
  if (record.claimedTimezone) return [record.claimedTimezone];
  return (record.claimedCountry && ownValue(COUNTRY_ZONES, record.claimedCountry)) || [];
}
