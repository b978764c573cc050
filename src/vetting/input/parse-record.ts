import { InputError } from '../../errors.js';
import { parseIp } from '../ip/ip-address.js';
import { lookupCountry } from './countries.js';
import type {
  ConductReport,
  Device,
  Employment,
  IdentityCheck,
  IdentityDocument,
  Interview,
  Login,
  PaymentAccount,
  PlatformStats,
  Profile,
  Rating,
  SecurityEvent,
  ShippingAddress,
  WorkerRecord,
} from './record.js';
import { parseTimeZone } from './time-zones.js';
import { parseTimestamp } from './timestamps.js';

/** Where a record was read from, and where notes about it go. */
export interface RecordSource {
  file: string;
  line: number;
  /** Collects notes about values that were kept but could not be mapped (unknown country, time zone). */
  warnings?: string[];
}

type Obj = Record<string, unknown>;

/**
 * Field names the input may use for each record field (the first is the documented one). Matching
 * is case-insensitive and treats `-`, ` ` and `_` alike.
 */
export const RECORD_FIELDS = {
  id: ['id', 'record_id', 'worker_id', 'applicant_id', 'account_id'],
  names: ['names', 'name', 'full_name', 'legal_name', 'display_names'],
  aliases: ['aliases', 'alias', 'aka', 'other_names'],
  emails: ['emails', 'email', 'email_addresses'],
  phones: ['phones', 'phone', 'phone_numbers', 'mobile'],
  claimed_country: ['claimed_country', 'country', 'location_country', 'residence_country'],
  claimed_city: ['claimed_city', 'city', 'location_city'],
  claimed_timezone: ['claimed_timezone', 'timezone', 'time_zone', 'tz'],
  birth_date: ['birth_date', 'dob', 'date_of_birth', 'birthdate'],
  nationality: ['nationality', 'citizenship'],
  address: ['address', 'home_address', 'identity_address', 'id_address', 'residential_address'],
  shipping_address: ['shipping_address', 'shipping_addresses', 'delivery_address', 'laptop_shipping_address'],
  documents: ['documents', 'document', 'identity_documents', 'ids'],
  photo_hash: ['photo_hash', 'photo_phash', 'selfie_hash', 'avatar_hash'],
  resume_text: ['resume_text', 'resume', 'cv', 'cv_text'],
  profiles: ['profiles', 'profile', 'accounts', 'social_profiles'],
  payment_accounts: ['payment_accounts', 'payment_account', 'payments', 'payout_accounts', 'payout'],
  devices: ['devices', 'device'],
  logins: ['logins', 'login_events', 'sessions'],
  activity: ['activity', 'activity_timestamps', 'work_events', 'events'],
  interviews: ['interviews', 'interview'],
  platform: ['platform', 'platform_stats', 'marketplace'],
  preferred_language: ['preferred_language', 'language', 'ui_locale', 'locale'],
  messages: ['messages', 'message_texts', 'chat'],
  referred_by: ['referred_by', 'referrer', 'referral'],
  role: ['role', 'account_type'],
  employment: ['employment', 'employment_history', 'work_history', 'references'],
  reports: ['reports', 'conduct_reports', 'staff_reports'],
  security_events: ['security_events', 'endpoint_events', 'alerts'],
  identity_check: ['identity_check', 'identity_verification', 'kyc'],
} as const;

function keyOf(name: string): string {
  return name.toLowerCase().replace(/[\s-]+/g, '_');
}

const FIELD_BY_ALIAS = new Map<string, keyof typeof RECORD_FIELDS>();
for (const [field, aliases] of Object.entries(RECORD_FIELDS) as [keyof typeof RECORD_FIELDS, readonly string[]][]) {
  for (const a of aliases) FIELD_BY_ALIAS.set(a, field);
}

/**
 * Validates one input record (a parsed JSON object or CSV row) and normalises it. Unknown fields are
 * kept in `extra`. A value of the wrong shape is an InputError naming file, line and field.
 *
 * @example
 * parseWorkerRecord({ id: 'w1', names: 'Jane Doe', logins: [{ timestamp: '2024-05-01T10:00:00Z', ip: '8.8.8.8' }] }, { file: 'in.jsonl', line: 1 });
 */
export function parseWorkerRecord(raw: unknown, where: RecordSource): WorkerRecord {
  if (!isObj(raw)) throw new InputError(where.file, `a record must be a JSON object, not ${describe(raw)}`, where.line);
  const fields: Partial<Record<keyof typeof RECORD_FIELDS, { value: unknown; name: string }>> = {};
  // Entries, not `extra[name] = value`: a field called __proto__ must stay a field.
  const extra: [string, unknown][] = [];
  for (const [name, value] of Object.entries(raw)) {
    const field = FIELD_BY_ALIAS.get(keyOf(name));
    if (!field) {
      extra.push([name, value]);
      continue;
    }
    if (fields[field] !== undefined && value !== undefined && value !== null && value !== '') {
      throw new InputError(where.file, `both "${fields[field]!.name}" and "${name}" are given; they mean the same field, use one`, where.line, name);
    }
    if (value !== undefined && value !== null && value !== '') fields[field] = { value, name };
  }
  const r = new FieldReader(where);
  const get = (f: keyof typeof RECORD_FIELDS) => fields[f];

  const id = get('id');
  const names = r.names(get('names'));
  const record: WorkerRecord = {
    id: id ? r.scalar(id.value, id.name) : `${baseName(where.file)}:${where.line}`,
    names: names.names,
    aliases: [...names.aliases, ...r.strings(get('aliases'))],
    emails: r.strings(get('emails')),
    phones: r.strings(get('phones')),
    shippingAddresses: r.shipping(get('shipping_address')),
    documents: r.objects(get('documents'), (o, p) => r.document(o, p), 'type'),
    profiles: r.objects(get('profiles'), (o, p) => r.profile(o, p), 'url'),
    paymentAccounts: r.objects(get('payment_accounts'), (o, p) => r.payment(o, p), 'identifier'),
    devices: r.objects(get('devices'), (o, p) => r.device(o, p), 'id'),
    logins: r.objects(get('logins'), (o, p) => r.login(o, p), 'timestamp'),
    activity: r.timestamps(get('activity')),
    interviews: r.objects(get('interviews'), (o, p) => r.interview(o, p), 'notes'),
    messages: r.strings(get('messages')),
    role: 'worker',
    employment: r.objects(get('employment'), (o, p) => r.employment(o, p), 'employer'),
    reports: r.objects(get('reports'), (o, p) => r.event(o, p, 'note') as ConductReport, 'type'),
    securityEvents: r.objects(get('security_events'), (o, p) => r.event(o, p, 'detail') as SecurityEvent, 'type'),
    extra: Object.fromEntries(extra),
    source: { file: where.file, line: where.line },
  };
  const country = get('claimed_country');
  if (country) record.claimedCountry = r.country(country.value, country.name);
  const city = get('claimed_city');
  if (city) record.claimedCity = r.scalar(city.value, city.name);
  const tz = get('claimed_timezone');
  if (tz) {
    const text = r.scalar(tz.value, tz.name);
    const zone = parseTimeZone(text);
    if (zone) record.claimedTimezone = zone;
    else where.warnings?.push(`${where.file}:${where.line} (${tz.name}): "${text}" is not a time zone we know; the claimed country's zones are used instead`);
  }
  const dob = get('birth_date');
  if (dob) record.birthDate = r.scalar(dob.value, dob.name);
  const nat = get('nationality');
  if (nat) record.nationality = r.country(nat.value, nat.name);
  const address = get('address');
  if (address) record.address = r.address(address.value, address.name);
  const photo = get('photo_hash');
  if (photo) record.photoHash = r.photoHash(photo.value, photo.name);
  const resume = get('resume_text');
  if (resume) record.resumeText = r.text(resume.value, resume.name);
  const platform = get('platform');
  if (platform) record.platform = r.platform(platform.value, platform.name);
  const lang = get('preferred_language');
  if (lang) record.preferredLanguage = r.scalar(lang.value, lang.name);
  const ref = get('referred_by');
  if (ref) record.referredBy = r.scalar(ref.value, ref.name);
  const role = get('role');
  if (role) {
    const text = r.scalar(role.value, role.name).toLowerCase();
    if (text !== 'worker' && text !== 'client') r.fail(role.name, `must be "worker" or "client", not "${text}"`);
    record.role = text as 'worker' | 'client';
  }
  const check = get('identity_check');
  if (check) record.identityCheck = r.identityCheck(check.value, check.name);
  return record;
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the text "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return `${typeof v} ${String(v)}`;
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'on']);
const FALSE = new Set(['false', 'no', 'n', '0', 'off']);
const MAX_LIST = 100_000;

/** Reads typed values out of untyped input, failing with the file, line and field path. */
class FieldReader {
  constructor(private readonly where: RecordSource) {}

  fail(field: string, detail: string): never {
    throw new InputError(this.where.file, detail, this.where.line, field);
  }

  scalar(v: unknown, field: string): string {
    if (typeof v === 'string') return v.trim();
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    return this.fail(field, `expected text, got ${describe(v)}`);
  }

  text(v: unknown, field: string): string {
    if (Array.isArray(v)) return v.map((x, i) => this.scalar(x, `${field}[${i}]`)).join('\n');
    return this.scalar(v, field);
  }

  optScalar(v: unknown, field: string): string | undefined {
    if (v === undefined || v === null || v === '') return undefined;
    const s = this.scalar(v, field);
    return s || undefined;
  }

  list(v: unknown, field: string): unknown[] {
    const list = Array.isArray(v) ? v : [v];
    if (list.length > MAX_LIST) this.fail(field, `more than ${MAX_LIST} values`);
    return list.filter((x) => x !== null && x !== undefined && x !== '');
  }

  strings(f: { value: unknown; name: string } | undefined): string[] {
    if (!f) return [];
    return uniq(this.list(f.value, f.name).map((x, i) => this.scalar(x, `${f.name}[${i}]`)).filter(Boolean));
  }

  names(f: { value: unknown; name: string } | undefined): { names: string[]; aliases: string[] } {
    const out = { names: [] as string[], aliases: [] as string[] };
    if (!f) return out;
    this.list(f.value, f.name).forEach((x, i) => {
      if (isObj(x)) {
        const o = canonical(x);
        const name = this.optScalar(pick(o, 'name', 'full_name', 'value'), `${f.name}[${i}].name`);
        const type = (this.optScalar(pick(o, 'type', 'kind'), `${f.name}[${i}].type`) ?? '').toLowerCase();
        if (name) (/alias|aka|other|former|nick/.test(type) ? out.aliases : out.names).push(name);
      } else {
        const name = this.scalar(x, `${f.name}[${i}]`);
        if (name) out.names.push(name);
      }
    });
    out.names = uniq(out.names);
    out.aliases = uniq(out.aliases);
    return out;
  }

  objects<T>(f: { value: unknown; name: string } | undefined, read: (o: Obj, path: string) => T, scalarKey: string): T[] {
    if (!f) return [];
    return this.list(f.value, f.name).map((x, i) => {
      const path = `${f.name}[${i}]`;
      if (isObj(x)) return read(canonical(x), path);
      if (typeof x === 'string' || typeof x === 'number') return read({ [scalarKey]: x }, path);
      return this.fail(path, `expected an object, got ${describe(x)}`);
    });
  }

  bool(v: unknown, field: string): boolean | undefined {
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number' && (v === 0 || v === 1)) return v === 1;
    if (typeof v === 'string') {
      const t = v.trim().toLowerCase();
      if (TRUE.has(t)) return true;
      if (FALSE.has(t)) return false;
    }
    return this.fail(field, `expected true or false, got ${describe(v)}`);
  }

  num(v: unknown, field: string): number | undefined {
    if (v === undefined || v === null || v === '') return undefined;
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : NaN;
    if (!Number.isFinite(n)) return this.fail(field, `expected a number, got ${describe(v)}`);
    return n;
  }

  time(v: unknown, field: string): number | undefined {
    if (v === undefined || v === null || v === '') return undefined;
    const t = parseTimestamp(v);
    if (t === null) return this.fail(field, `${describe(v)} is not a timestamp; write ISO 8601 (2024-05-01T09:30:00Z) or epoch seconds`);
    return t;
  }

  timestamps(f: { value: unknown; name: string } | undefined): number[] {
    if (!f) return [];
    return this.list(f.value, f.name)
      .map((x, i) => this.time(isObj(x) ? pick(canonical(x), 'timestamp', 'ts', 'time', 'at', 'date') : x, `${f.name}[${i}]`))
      .filter((t): t is number => t !== undefined)
      .sort((a, b) => a - b);
  }

  country(v: unknown, field: string): string | undefined {
    const text = this.scalar(v, field);
    const found = lookupCountry(text);
    if (found.kind === 'code') return found.code;
    if (found.kind === 'none') return undefined;
    this.where.warnings?.push(`${this.where.file}:${this.where.line} (${field}): unknown country "${text}", kept as written`);
    return text;
  }

  address(raw: unknown, field: string): string {
    if (isObj(raw)) {
      const v = canonical(raw);
      const parts = ['street', 'street2', 'line1', 'line2', 'city', 'state', 'region', 'postal_code', 'zip', 'postcode', 'country']
        .map((k) => this.optScalar(v[k], `${field}.${k}`))
        .filter(Boolean);
      const full = this.optScalar(pick(v, 'full', 'address', 'text'), `${field}.full`);
      return full ?? parts.join(', ');
    }
    return this.scalar(raw, field);
  }

  shipping(f: { value: unknown; name: string } | undefined): ShippingAddress[] {
    if (!f) return [];
    const out = this.list(f.value, f.name).map((raw, i): ShippingAddress => {
      const path = `${f.name}[${i}]`;
      const x = isObj(raw) ? canonical(raw) : raw;
      if (isObj(x) && (pick(x, 'address', 'full') !== undefined || pick(x, 'since', 'date', 'at', 'requested_at') !== undefined)) {
        const addr: ShippingAddress = { address: this.address(pick(x, 'address', 'full') ?? x, `${path}.address`) };
        const since = this.time(pick(x, 'since', 'date', 'at', 'requested_at'), `${path}.since`);
        if (since !== undefined) addr.since = since;
        return addr;
      }
      return { address: this.address(x, path) };
    });
    if (out.every((a) => a.since !== undefined)) out.sort((a, b) => a.since! - b.since!);
    return out.filter((a) => a.address);
  }

  photoHash(v: unknown, field: string): string {
    const text = this.scalar(v, field).toLowerCase().replace(/^0x/, '');
    if (!/^[0-9a-f]{16}$/.test(text)) this.fail(field, `"${text}" is not a 64-bit hash: write 16 hex digits`);
    return text;
  }

  document(o: Obj, path: string): IdentityDocument {
    const doc: IdentityDocument = { type: (this.optScalar(pick(o, 'type', 'kind', 'document_type'), `${path}.type`) ?? 'document').toLowerCase() };
    set(doc, 'number', this.optScalar(pick(o, 'number', 'id', 'document_number', 'value'), `${path}.number`));
    const c = pick(o, 'country', 'issuing_country', 'issuer_country', 'issuer');
    if (c !== undefined && c !== null && c !== '') set(doc, 'country', this.country(c, `${path}.country`));
    set(doc, 'name', this.optScalar(pick(o, 'name', 'holder', 'holder_name'), `${path}.name`));
    const addr = pick(o, 'address');
    if (addr) doc.address = this.address(addr, `${path}.address`);
    const img = pick(o, 'image_hash', 'photo_hash');
    if (img) doc.imageHash = this.photoHash(img, `${path}.image_hash`);
    const verification = this.optScalar(pick(o, 'verification', 'verification_result', 'verified', 'status'), `${path}.verification`);
    if (verification) doc.verification = verification.toLowerCase();
    set(doc, 'imageQuality', this.num(pick(o, 'image_quality', 'quality'), `${path}.image_quality`));
    return doc;
  }

  profile(o: Obj, path: string): Profile {
    const url = this.optScalar(pick(o, 'url', 'link', 'href'), `${path}.url`);
    const platform = (this.optScalar(pick(o, 'platform', 'type', 'service', 'site'), `${path}.platform`) ?? platformFromUrl(url) ?? 'profile').toLowerCase();
    const p: Profile = { platform };
    set(p, 'url', url);
    set(p, 'handle', this.optScalar(pick(o, 'handle', 'username', 'login', 'user'), `${path}.handle`));
    set(p, 'name', this.optScalar(pick(o, 'name', 'display_name'), `${path}.name`));
    const c = pick(o, 'country', 'location');
    if (c !== undefined && c !== null && c !== '') set(p, 'country', this.country(c, `${path}.country`));
    set(p, 'createdAt', this.time(pick(o, 'created', 'created_at', 'account_created', 'creation_date', 'joined'), `${path}.created`));
    set(p, 'earliestCommitAt', this.time(pick(o, 'earliest_commit', 'first_commit', 'earliest_commit_date', 'first_commit_date'), `${path}.earliest_commit`));
    const ph = pick(o, 'photo_hash', 'avatar_hash');
    if (ph) p.photoHash = this.photoHash(ph, `${path}.photo_hash`);
    set(p, 'followers', this.num(pick(o, 'followers'), `${path}.followers`));
    set(p, 'repositories', this.num(pick(o, 'repositories', 'repos', 'public_repos'), `${path}.repositories`));
    set(p, 'status', this.optScalar(pick(o, 'status', 'url_status', 'http_status'), `${path}.status`)?.toLowerCase());
    return p;
  }

  payment(o: Obj, path: string): PaymentAccount {
    const p: PaymentAccount = { type: (this.optScalar(pick(o, 'type', 'method', 'kind', 'provider'), `${path}.type`) ?? 'bank').toLowerCase() };
    set(p, 'identifier', this.optScalar(pick(o, 'identifier', 'account', 'account_number', 'iban', 'number', 'address', 'wallet', 'email', 'id'), `${path}.identifier`));
    set(p, 'holderName', this.optScalar(pick(o, 'holder_name', 'holder', 'account_holder', 'name', 'beneficiary'), `${path}.holder_name`));
    const c = pick(o, 'bank_country', 'country');
    if (c !== undefined && c !== null && c !== '') set(p, 'bankCountry', this.country(c, `${path}.bank_country`));
    set(p, 'bankName', this.optScalar(pick(o, 'bank_name', 'bank'), `${path}.bank_name`));
    set(p, 'bic', this.optScalar(pick(o, 'bic', 'swift', 'swift_bic'), `${path}.bic`)?.toUpperCase());
    set(p, 'currency', this.optScalar(pick(o, 'currency', 'asset'), `${path}.currency`)?.toUpperCase());
    set(p, 'addedAt', this.time(pick(o, 'added', 'added_at', 'since', 'created_at', 'date'), `${path}.added`));
    return p;
  }

  device(o: Obj, path: string): Device {
    const toolsField = pick(o, 'remote_tools', 'remote_access_tools', 'remote_access', 'tools');
    const d: Device = {
      remoteTools: toolsField === undefined || toolsField === null ? [] : this.strings({ value: splitText(toolsField), name: `${path}.remote_tools` }),
      ipKvm: this.bool(pick(o, 'ip_kvm', 'kvm', 'ipkvm'), `${path}.ip_kvm`) ?? false,
      openPorts: [],
    };
    set(d, 'id', this.optScalar(pick(o, 'id', 'device_id', 'fingerprint'), `${path}.id`));
    const ports = pick(o, 'open_ports', 'ports');
    if (ports !== undefined && ports !== null && ports !== '') {
      d.openPorts = this.list(splitText(ports), `${path}.open_ports`).map((x, i) => {
        const n = this.num(x, `${path}.open_ports[${i}]`);
        if (n === undefined || !Number.isInteger(n) || n < 0 || n > 65535) return this.fail(`${path}.open_ports[${i}]`, `${describe(x)} is not a port number`);
        return n;
      });
    }
    set(d, 'managed', this.bool(pick(o, 'managed', 'company_managed'), `${path}.managed`));
    return d;
  }

  login(o: Obj, path: string): Login {
    const at = this.time(pick(o, 'timestamp', 'ts', 'time', 'at', 'login_at', 'start'), `${path}.timestamp`);
    if (at === undefined) return this.fail(`${path}.timestamp`, 'a login needs a timestamp');
    const l: Login = { at };
    let end = this.time(pick(o, 'end', 'logout', 'ended_at', 'session_end', 'logout_at'), `${path}.end`);
    const minutes = this.num(pick(o, 'duration_minutes'), `${path}.duration_minutes`);
    const hours = this.num(pick(o, 'duration_hours'), `${path}.duration_hours`);
    if (end === undefined && minutes !== undefined) end = at + minutes * 60_000;
    if (end === undefined && hours !== undefined) end = at + hours * 3_600_000;
    if (end !== undefined) {
      if (end < at) this.fail(`${path}.end`, 'the session ends before it starts');
      l.end = end;
    }
    const ip = this.optScalar(pick(o, 'ip', 'ip_address', 'address'), `${path}.ip`);
    if (ip) {
      const parsed = parseIp(ip);
      if (!parsed) this.fail(`${path}.ip`, `"${ip}" is not an IP address`);
      l.ip = parsed.text;
      if (parsed.private) l.ipPrivate = true;
    }
    set(l, 'deviceId', this.optScalar(pick(o, 'device_id', 'device'), `${path}.device_id`));
    set(l, 'userAgent', this.optScalar(pick(o, 'user_agent', 'ua'), `${path}.user_agent`));
    const c = pick(o, 'country', 'ip_country');
    if (c !== undefined && c !== null && c !== '') set(l, 'country', this.country(c, `${path}.country`));
    return l;
  }

  interview(o: Obj, path: string): Interview {
    const flags = pick(o, 'flags', 'observations');
    const i: Interview = { flags: flags === undefined || flags === null ? [] : this.strings({ value: splitText(flags), name: `${path}.flags` }).map((f) => f.toLowerCase().replace(/[\s_]+/g, '-')) };
    set(i, 'at', this.time(pick(o, 'at', 'date', 'timestamp'), `${path}.at`));
    set(i, 'cameraOn', this.bool(pick(o, 'camera_on', 'camera', 'video_on', 'video'), `${path}.camera_on`));
    set(i, 'notes', this.optScalar(pick(o, 'notes', 'note', 'comments'), `${path}.notes`));
    return i;
  }

  platform(raw: unknown, field: string): PlatformStats {
    if (!isObj(raw)) return this.fail(field, `expected an object, got ${describe(raw)}`);
    const v = canonical(raw);
    const ratings = pick(v, 'ratings', 'reviews');
    const p: PlatformStats = {
      ratings: this.objects(ratings === undefined || ratings === null ? undefined : { value: ratings, name: `${field}.ratings` }, (o, path) => this.rating(o, path), 'score'),
      bidTexts: this.strings(
        pick(v, 'bid_texts', 'proposals', 'bid_templates') === undefined ? undefined : { value: pick(v, 'bid_texts', 'proposals', 'bid_templates'), name: `${field}.bid_texts` },
      ),
    };
    set(p, 'bids', this.num(pick(v, 'bids', 'bids_sent', 'proposals_sent'), `${field}.bids`));
    set(p, 'wins', this.num(pick(v, 'wins', 'bids_won', 'bids_accepted', 'hires'), `${field}.wins`));
    set(p, 'tasksCompleted', this.num(pick(v, 'tasks_completed', 'jobs_completed'), `${field}.tasks_completed`));
    set(p, 'tasksFailed', this.num(pick(v, 'tasks_failed', 'jobs_failed', 'missed_deadlines'), `${field}.tasks_failed`));
    set(p, 'prepaymentRequests', this.num(pick(v, 'prepayment_requests', 'advance_payment_requests'), `${field}.prepayment_requests`));
    set(p, 'ownerChanges', this.num(pick(v, 'owner_changes', 'account_owner_changes'), `${field}.owner_changes`));
    return p;
  }

  rating(o: Obj, path: string): Rating {
    const score = this.num(pick(o, 'score', 'rating', 'stars'), `${path}.score`);
    if (score === undefined) return this.fail(`${path}.score`, 'a rating needs a score');
    const r: Rating = { client: this.optScalar(pick(o, 'client', 'client_id', 'from', 'by'), `${path}.client`) ?? '', score };
    set(r, 'at', this.time(pick(o, 'at', 'date', 'timestamp'), `${path}.at`));
    return r;
  }

  employment(o: Obj, path: string): Employment {
    const e: Employment = {};
    set(e, 'employer', this.optScalar(pick(o, 'employer', 'company', 'name'), `${path}.employer`));
    set(e, 'domain', this.optScalar(pick(o, 'domain', 'employer_domain', 'website'), `${path}.domain`)?.toLowerCase());
    set(e, 'referenceEmail', this.optScalar(pick(o, 'reference_email', 'reference', 'contact_email'), `${path}.reference_email`)?.toLowerCase());
    return e;
  }

  event(o: Obj, path: string, textKey: 'note' | 'detail'): ConductReport | SecurityEvent {
    const type = this.optScalar(pick(o, 'type', 'kind', 'category'), `${path}.type`);
    if (!type) return this.fail(`${path}.type`, 'needs a type');
    const e: { type: string; at?: number; note?: string; detail?: string } = { type: type.toLowerCase().replace(/[\s_]+/g, '-') };
    set(e, 'at', this.time(pick(o, 'at', 'date', 'timestamp'), `${path}.at`));
    set(e, textKey, this.optScalar(pick(o, 'note', 'detail', 'details', 'text', 'description'), `${path}.${textKey}`));
    return e;
  }

  identityCheck(raw: unknown, field: string): IdentityCheck {
    if (!isObj(raw)) return this.fail(field, `expected an object, got ${describe(raw)}`);
    const v = canonical(raw);
    const c: IdentityCheck = {};
    set(c, 'stolenIdentity', this.bool(pick(v, 'stolen_identity', 'identity_theft', 'synthetic_identity', 'stolen'), `${field}.stolen_identity`));
    set(c, 'eVerify', this.optScalar(pick(v, 'e_verify', 'everify', 'work_authorization'), `${field}.e_verify`)?.toLowerCase());
    return c;
  }
}

const CANONICAL_KEY = /^[a-z0-9_]+$/;

/**
 * The object with its keys in canonical form (`Camera-On` → `camera_on`), the first of colliding keys
 * winning; the object itself when they already are. Collected in a Map, so that a key spelled
 * `__proto__` or `constructor` is a key like any other.
 */
function canonical(o: Obj): Obj {
  for (const k in o) {
    if (CANONICAL_KEY.test(k)) continue;
    const c = new Map<string, unknown>();
    for (const [key, v] of Object.entries(o)) if (!c.has(keyOf(key))) c.set(keyOf(key), v);
    return Object.fromEntries(c);
  }
  return o;
}

/** The first of `keys` the (canonical) object has. */
function pick(o: Obj, ...keys: string[]): unknown {
  for (const k of keys) {
    const v = o[k];
    if (v !== undefined) return v;
  }
  return undefined;
}

function set<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined && value !== '') target[key] = value;
}

function splitText(v: unknown): unknown {
  return typeof v === 'string' && v.includes(';') ? v.split(';').map((s) => s.trim()) : v;
}

function uniq(values: string[]): string[] {
  return [...new Set(values)];
}

const PLATFORM_HOSTS: [RegExp, string][] = [
  [/(^|\.)github\.com$/, 'github'],
  [/(^|\.)gitlab\.com$/, 'gitlab'],
  [/(^|\.)linkedin\.com$/, 'linkedin'],
  [/(^|\.)upwork\.com$/, 'upwork'],
  [/(^|\.)freelancer\.com$/, 'freelancer'],
  [/(^|\.)fiverr\.com$/, 'fiverr'],
  [/(^|\.)toptal\.com$/, 'toptal'],
  [/(^|\.)t\.me$|telegram/, 'telegram'],
  [/(^|\.)npmjs\.com$/, 'npm'],
];

function platformFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const host = new URL(url.includes('://') ? url : `https://${url}`).hostname.toLowerCase();
    for (const [re, name] of PLATFORM_HOSTS) if (re.test(host)) return name;
    return 'website';
  } catch {
    return undefined;
  }
}
