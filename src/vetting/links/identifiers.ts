import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { addressKey } from '../../addresses/index.js';
import { ownValue } from '../../common/own.js';
import { isKnownCountryName } from '../input/countries.js';
import type { PaymentAccount, WorkerRecord } from '../input/record.js';
import type { LinkKind } from './kinds.js';

/**
 * The canonical form of an e-mail address for linking: lower case, `+tag` dropped, and for Gmail
 * (and googlemail.com) the dots of the local part dropped, since Gmail delivers `j.o.e+x@gmail.com`
 * to `joe@gmail.com`. Null when the text is not an address.
 *
 * @example
 * normaliseEmail('J.Doe+jobs@GoogleMail.com'); // 'jdoe@gmail.com'
 */
export function normaliseEmail(raw: string): string | null {
  const s = raw.trim().toLowerCase().replace(/^mailto:/, '');
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1 || /\s/.test(s)) return null;
  let local = s.slice(0, at);
  let domain = s.slice(at + 1).replace(/\.$/, '');
  if (!domain.includes('.')) return null;
  if (domain === 'googlemail.com') domain = 'gmail.com';
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return local ? `${local}@${domain}` : null;
}

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * A phone number in E.164 (`+442079460000`). Numbers written with a country code are read directly;
 * national numbers use the record's claimed country. Null when it cannot be read as a number.
 *
 * @example
 * normalisePhone('+44 (0)20 7946 0000'); // '+442079460000'
 * normalisePhone('(415) 555-0100', 'us'); // '+14155550100'
 */
export function normalisePhone(raw: string, country?: string): string | null {
  const trimmed = raw.trim();
  const compact = trimmed.replace(/\(0\)/g, '').replace(/[\s\-.()/]/g, '').replace(/^00(?=[1-9])/, '+');
  if (E164.test(compact)) return compact;
  const region = country && /^[a-z]{2}$/.test(country) ? (country.toUpperCase() as CountryCode) : undefined;
  try {
    const parsed = parsePhoneNumberFromString(trimmed, region ? { defaultCountry: region } : undefined);
    if (parsed?.isPossible()) return parsed.number;
  } catch {
    // not a phone number
  }
  return null;
}

const STREET_WORDS: Record<string, string> = {
  street: 'st', str: 'st', strasse: 'st', straße: 'st', avenue: 'ave', av: 'ave', avda: 'ave', road: 'rd', boulevard: 'blvd', drive: 'dr',
  lane: 'ln', court: 'ct', place: 'pl', square: 'sq', terrace: 'ter', highway: 'hwy', parkway: 'pkwy', circle: 'cir', trail: 'trl',
  apartment: 'unit', apt: 'unit', suite: 'unit', ste: 'unit', '#': 'unit', no: 'unit', flat: 'unit', room: 'unit', rm: 'unit',
  floor: 'fl', north: 'n', south: 's', east: 'e', west: 'w', northeast: 'ne', northwest: 'nw', southeast: 'se', southwest: 'sw',
};

/**
 * The form two postal addresses must share to be the same place: lower case, diacritics and
 * punctuation dropped, street words abbreviated (`Street`→`st`, `Apt`/`Suite`/`#`→`unit`), a
 * trailing country name dropped. Null for text that is not a street address (no digit, or fewer
 * than three words): a city alone never links two people.
 *
 * @example
 * normalisePostalAddress('12 Main Street, Apt. 4, Springfield, IL 62701, USA'); // '12 main st unit 4 springfield il 62701'
 * normalisePostalAddress('Springfield'); // null
 */
export function normalisePostalAddress(raw: string): string | null {
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x00-\x7f]*$/.test(raw);
  const text = (ascii ? raw : raw.normalize('NFKD').replace(/\p{M}/gu, '')).toLowerCase();
  const tokens: string[] = [];
  let start = -1;
  let hasDigit = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const digit = c >= 48 && c <= 57;
    const letter = (c >= 97 && c <= 122) || c === 45 || (c > 127 && /[\p{L}\p{N}]/u.test(text[i]!));
    if (digit) hasDigit = true;
    if (digit || letter) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      addAddressToken(tokens, text.slice(start, i));
      start = -1;
    }
    if (c === 35) addAddressToken(tokens, '#');
  }
  if (!hasDigit) return null;
  const last = tokens[tokens.length - 1];
  if (last !== undefined && /^\p{L}+$/u.test(last)) {
    for (let n = Math.min(3, tokens.length - 1); n >= 1; n--) {
      const tail = n === 1 ? last : tokens.slice(-n).join(' ');
      if (isKnownCountryName(tail) && (tail.length > 2 || tail === 'us' || tail === 'uk')) {
        tokens.length -= n;
        break;
      }
    }
  }
  if (tokens.length < 3 || !tokens.some((t) => /\d/.test(t))) return null;
  return tokens.join(' ');
}

/** Adds one word of an address: hyphenated words split (house-number ranges `12-14` kept), street words abbreviated. */
function addAddressToken(tokens: string[], word: string): void {
  if (word.includes('-') && !/^\d+-\d+$/.test(word)) {
    for (const part of word.split('-')) if (part) addAddressToken(tokens, part);
    return;
  }
  const t = ownValue(STREET_WORDS, word) ?? (word.length > 7 && (word.endsWith('strasse') || word.endsWith('straße')) ? `${word.slice(0, word.endsWith('strasse') ? -7 : -6)}str` : word);
  if (t === 'unit' && tokens[tokens.length - 1] === 'unit') return;
  tokens.push(t);
}

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/;

/**
 * The key a payout account is linked by: kind `wallet` for crypto addresses (canonical form of
 * {@link addressKey}), else kind `bank` (IBAN; other account numbers qualified by BIC, bank name
 * or country; payout e-mails normalised). Null when the identifier is too short to mean anything.
 *
 * @example
 * paymentKey({ type: 'bank', identifier: 'DE89 3704 0044 0532 0130 00' }); // { kind: 'bank', key: 'iban:DE89370400440532013000' }
 */
export function paymentKey(p: PaymentAccount): { kind: 'bank' | 'wallet'; key: string } | null {
  const id = p.identifier?.trim();
  if (!id) return null;
  if (p.type === 'crypto' || p.type === 'wallet' || /^(0x[0-9a-f]{40}|T[1-9A-HJ-NP-Za-km-z]{33}|(bc1|[13])[a-zA-HJ-NP-Z0-9]{25,60})$/i.test(id)) {
    const key = addressKey(id);
    return key.length >= 20 ? { kind: 'wallet', key } : null;
  }
  const email = id.includes('@') ? normaliseEmail(id) : null;
  if (email) return { kind: 'bank', key: `${p.type}:${email}` };
  const compact = id.toUpperCase().replace(/[\s\-./]/g, '');
  if (compact.length < 6 || /^(.)\1+$/.test(compact)) return null;
  if (IBAN.test(compact)) return { kind: 'bank', key: `iban:${compact}` };
  const qualifier = (p.bic?.slice(0, 8) ?? p.bankName?.toLowerCase().replace(/[^a-z0-9]/g, '') ?? p.bankCountry ?? '').toString();
  return { kind: 'bank', key: `${p.type}:${qualifier}:${compact}` };
}

/**
 * The key an identity document is linked by: issuing country and number (letters and digits only).
 * Null for placeholders (fewer than five characters, one repeated character, 123456789).
 *
 * @example
 * documentKey({ type: 'passport', number: 'x12-345 678', country: 'us' }); // 'us:X12345678'
 */
export function documentKey(doc: { number?: string; country?: string }): string | null {
  const number = doc.number?.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (!number || number.length < 5 || /^(.)\1+$/.test(number) || '1234567890'.includes(number)) return null;
  return `${doc.country ?? '?'}:${number}`;
}

/** One identifier value of a record: its kind, the key records must share, and how to show it. */
export interface IdentifierKey {
  kind: LinkKind;
  key: string;
  /** Addresses: the record ships here but does not live here (a drop address). */
  drop?: boolean;
}

/**
 * Every exact-match identifier of a record (e-mail, phone, payout account, wallet, address, device,
 * IP, document), each kind's keys deduplicated; a shipping address where the record does not live
 * is marked `drop`. Photos and texts are compared by
 * similarity elsewhere.
 *
 * @example
 * identifierKeys(record); // [{ kind: 'email', key: 'jdoe@gmail.com' }, { kind: 'ip', key: '203.0.113.7' }, …]
 */
export function identifierKeys(record: WorkerRecord): IdentifierKey[] {
  const out = new KeyList();
  forEachIdentifier(record, (kind, key, drop) => out.add(kind, key, drop));
  return out.keys;
}

/**
 * Visits every exact-match identifier of a record without collecting them (the linker's hot path);
 * a value may be visited more than once.
 *
 * @example
 * forEachIdentifier(record, (kind, key, drop) => index.add(kind, key, drop));
 */
export function forEachIdentifier(record: WorkerRecord, visit: (kind: LinkKind, key: string, drop: boolean) => void): void {
  for (const e of record.emails) {
    const key = normaliseEmail(e);
    if (key) visit('email', key, false);
  }
  const country = record.claimedCountry && record.claimedCountry.length === 2 ? record.claimedCountry : undefined;
  for (const p of record.phones) {
    const key = normalisePhone(p, country);
    if (key) visit('phone', key, false);
  }
  for (const p of record.paymentAccounts) {
    const k = paymentKey(p);
    if (k) visit(k.kind, k.key, false);
  }
  const home = homeAddressKeys(record);
  for (const h of home) visit('address', h, false);
  for (const s of record.shippingAddresses) {
    if (s.address === record.address) continue;
    const key = normalisePostalAddress(s.address);
    if (key) visit('address', key, home.size > 0 && !home.has(key));
  }
  for (const d of record.devices) {
    const key = deviceKey(d.id);
    if (key) visit('device', key, false);
  }
  let lastDevice: string | undefined;
  let lastIp: string | undefined;
  for (const l of record.logins) {
    if (l.deviceId !== undefined && l.deviceId !== lastDevice) {
      lastDevice = l.deviceId;
      const key = deviceKey(l.deviceId);
      if (key) visit('device', key, false);
    }
    if (l.ip && !l.ipPrivate && l.ip !== lastIp) {
      lastIp = l.ip;
      visit('ip', l.ip, false);
    }
  }
  for (const d of record.documents) {
    const key = documentKey(d);
    if (key) visit('document', key, false);
  }
}

/** Collects keys, each kind's values once (a linear scan: a record has a handful of keys). */
class KeyList {
  readonly keys: IdentifierKey[] = [];

  add(kind: LinkKind, key: string | null | undefined, drop = false): void {
    if (!key) return;
    for (const k of this.keys) if (k.key === key && k.kind === kind) return;
    this.keys.push(drop ? { kind, key, drop } : { kind, key });
  }
}

/** The record's own (identity / home) addresses, normalised: its `address` and its documents' addresses. */
export function homeAddressKeys(record: WorkerRecord): Set<string> {
  const keys = new Set<string>();
  if (record.address) {
    const key = normalisePostalAddress(record.address);
    if (key) keys.add(key);
  }
  for (const d of record.documents) {
    const key = d.address ? normalisePostalAddress(d.address) : null;
    if (key) keys.add(key);
  }
  return keys;
}

export function deviceKey(id: string | undefined): string | null {
  const key = id?.trim().toLowerCase();
  return key && key.length >= 4 ? key : null;
}
