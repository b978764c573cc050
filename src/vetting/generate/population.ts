import { zoneOffsetMinutes } from '../input/time-zones.js';
import { CULTURES, MASKED_PREFIXES, PLACES, WORKER_IP_PREFIXES, WORKER_LOCATIONS, type Culture, type Place } from './cultures.js';
import { bidText, resumeText, varyResume } from './resumes.js';
import { flipBits, Rng } from './rng.js';

/**
 * A seeded synthetic population of remote workers in the documented input format, with the truth
 * kept aside: ordinary people (singles; households sharing an address and home IP; colleagues
 * sharing an office IP, an employer e-mail domain and a city; people of many cultures and
 * countries) and planted DPRK IT-worker schemes (facilitator rings sharing a laptop drop address,
 * payout accounts, devices, photos and résumé templates with some probability each; lone workers).
 * Every record is generated from (seed, block, member) alone, so record i can be regenerated without
 * the others: a million-record population never has to sit in memory.
 */
export interface PopulationOptions {
  seed?: number;
  size: number;
  /** Share of records that are planted workers (default 0.02); 80% of them are in rings. */
  plantedShare?: number;
  /** `links` leaves out the fields only the record rules read (activity, interviews …), for link benchmarks. */
  mode?: 'full' | 'links';
  /** The population's "now" (default 2025-06-01). */
  now?: number;
}

export type RecordKind = 'single' | 'household' | 'office' | 'ring' | 'lone-worker';

/** What a generated record really is. */
export interface Truth {
  planted: boolean;
  kind: RecordKind;
  /** The planted ring (facilitator) the record belongs to. */
  ring: string | null;
  /** The household or office the record belongs to. */
  group: string | null;
}

export type RawRecord = Record<string, unknown>;

const KIND_CODES: RecordKind[] = ['single', 'household', 'office', 'ring', 'lone-worker'];
const DAY = 86_400_000;
const HOUR = 3_600_000;

export class Population {
  readonly size: number;
  readonly seed: number;
  readonly now: number;
  readonly mode: 'full' | 'links';
  private readonly blockStart: Uint32Array;
  private readonly blockKind: Uint8Array;
  private readonly blockCount: number;
  private cached: { block: number; ctx: BlockContext } | undefined;

  constructor(options: PopulationOptions) {
    this.size = options.size;
    this.seed = options.seed ?? 1;
    this.now = options.now ?? Date.UTC(2025, 5, 1);
    this.mode = options.mode ?? 'full';
    const planted = options.plantedShare ?? 0.02;
    const shares: [RecordKind, number, number][] = [
      ['ring', planted * 0.8, 6.5],
      ['lone-worker', planted * 0.2, 1],
      ['household', 0.15, 3],
      ['office', 0.1, 12],
      ['single', Math.max(0, 1 - planted - 0.25), 1],
    ];
    const weights = shares.map(([k, share, avg]) => [k, share / avg] as const);
    const starts: number[] = [];
    const kinds: number[] = [];
    const layout = new Rng(this.seed, 0x1a70);
    let at = 0;
    while (at < this.size) {
      const kind = layout.weighted(weights);
      starts.push(at);
      kinds.push(KIND_CODES.indexOf(kind));
      at += Math.min(this.size - at, blockSize(kind, new Rng(this.seed, starts.length - 1, 0x512e)));
    }
    this.blockCount = starts.length;
    this.blockStart = Uint32Array.from([...starts, this.size]);
    this.blockKind = Uint8Array.from(kinds);
  }

  /** The i-th record (0-based) in the input format. */
  record(i: number): RawRecord {
    const { block, member } = this.locate(i);
    const ctx = this.context(block);
    return ctx.member(member, i);
  }

  truth(i: number): Truth {
    const { block } = this.locate(i);
    const kind = KIND_CODES[this.blockKind[block]!]!;
    const planted = kind === 'ring' || kind === 'lone-worker';
    return {
      planted,
      kind,
      ring: kind === 'ring' ? `ring-${block}` : null,
      group: kind === 'household' || kind === 'office' ? `${kind}-${block}` : null,
    };
  }

  *records(): Generator<RawRecord> {
    for (let i = 0; i < this.size; i++) yield this.record(i);
  }

  /** Id of record i: `w-0000042` (the same shape for every kind). */
  static id(i: number): string {
    return `w-${String(i).padStart(7, '0')}`;
  }

  private locate(i: number): { block: number; member: number } {
    if (i < 0 || i >= this.size) throw new RangeError(`record ${i} is outside the population of ${this.size}`);
    let lo = 0;
    let hi = this.blockCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.blockStart[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return { block: lo, member: i - this.blockStart[lo]! };
  }

  private context(block: number): BlockContext {
    if (this.cached?.block === block) return this.cached.ctx;
    const kind = KIND_CODES[this.blockKind[block]!]!;
    const ctx = new BlockContext(this, kind, block, this.blockStart[block + 1]! - this.blockStart[block]!);
    this.cached = { block, ctx };
    return ctx;
  }
}

function blockSize(kind: RecordKind, rng: Rng): number {
  switch (kind) {
    case 'ring':
      return rng.int(3, 10);
    case 'household':
      return rng.int(2, 4);
    case 'office':
      return rng.int(5, 20);
    default:
      return 1;
  }
}

interface Person {
  culture: Culture;
  given: string;
  family: string;
  name: string;
}

function makePerson(rng: Rng, culture: Culture, family?: string): Person {
  const given = rng.pick(culture.given);
  const fam = family ?? rng.pick(culture.family);
  return { culture, given, family: fam, name: culture.familyFirst ? `${fam} ${given}` : `${given} ${fam}` };
}

function ascii(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** A personal address, unique per record (real mailboxes belong to one person): the record index ends the local part. */
function personalEmail(rng: Rng, p: Person, index: number, suffix?: string): string {
  const domain = rng.weighted([['gmail.com', 6], ['outlook.com', 2], ['yahoo.com', 1], ['proton.me', 1], ['icloud.com', 1]] as const);
  const digits = suffix ?? rng.digits(2);
  const sep = rng.pick(['.', '', '_']);
  let local = `${ascii(p.given)}${sep}${ascii(p.family)}${digits}${index}`;
  if (domain === 'gmail.com' && rng.chance(0.1)) local = `${local}+jobs`;
  return `${local}@${domain}`;
}

function phoneNumber(rng: Rng, place: Place): string {
  const digits = `${rng.int(2, 9)}${rng.digits(place.phone.digits - 1)}`;
  if (rng.chance(0.5)) return `+${place.phone.code}${digits}`;
  return `+${place.phone.code} ${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

function streetAddress(rng: Rng, place: Place, city: Place['cities'][number]): string {
  const unit = rng.chance(0.3) ? `, Apt ${rng.int(1, 40)}` : '';
  return `${rng.int(1, 29999)} ${rng.pick(place.streets)}${unit}, ${city.city} ${city.postal}${rng.digits(3)}`;
}

/** An address in one of the /16 (`73.15`) or /24 (`115.84.64`) prefixes. */
function residentialIp(rng: Rng, prefixes: readonly string[]): string {
  const prefix = rng.pick(prefixes);
  return prefix.split('.').length === 3 ? `${prefix}.${rng.int(1, 254)}` : `${prefix}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

function maskedIp(rng: Rng): string {
  return `${rng.pick(MASKED_PREFIXES)}.${rng.int(1, 254)}`;
}

function bankAccount(rng: Rng, country: string, holder: string): RawRecord {
  const place = PLACES[country];
  if (place?.iban) return { type: 'bank', identifier: `${place.iban}${rng.digits(2)}${rng.digits(18)}`, holder_name: holder, bank_country: country };
  return { type: 'bank', identifier: rng.digits(rng.int(9, 12)), bic: `${rng.pick(['CHAS', 'BOFA', 'WFBI', 'CITI', 'HSBC', 'ICIC', 'BKCH', 'MUFG'])}${country.toUpperCase()}${rng.pick(['33', '3N', '6S', '22'])}`, holder_name: holder, bank_country: country };
}

function evmWallet(rng: Rng): string {
  let hex = '';
  while (hex.length < 40) hex += rng.hex64();
  return `0x${hex.slice(0, 40)}`;
}

/** Timestamps on weekdays over the last `days` days at local hours [from, to) of a zone. */
function workTimes(rng: Rng, now: number, zone: string, count: number, from: number, to: number, days = 60): string[] {
  const offset = zoneOffsetMinutes(zone, now) * 60_000;
  const out: number[] = [];
  let guard = 0;
  while (out.length < count && guard++ < count * 10) {
    const dayStart = Math.floor((now - rng.int(1, days) * DAY) / DAY) * DAY;
    const localMidnight = dayStart - offset;
    const weekday = new Date(dayStart).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const t = localMidnight + rng.int(from * 60, to * 60 - 1) * 60_000;
    out.push(t);
  }
  return out.sort((a, b) => a - b).map((t) => new Date(t).toISOString());
}

/** Everything a block's members share, drawn from the block's own seed. */
class BlockContext {
  private readonly rng: Rng;
  readonly culture: Culture;
  readonly country: string;
  readonly place: Place;
  readonly city: Place['cities'][number];
  readonly address: string;
  readonly homeIps: string[];
  readonly familyName: string;
  readonly landline: string | undefined;
  readonly employer: { name: string; domain: string; ip: string } | undefined;
  readonly scheme: Scheme | undefined;

  constructor(
    private readonly pop: Population,
    readonly kind: RecordKind,
    readonly block: number,
    readonly members: number,
  ) {
    const rng = (this.rng = new Rng(pop.seed, block, 0xb10c));
    const planted = kind === 'ring' || kind === 'lone-worker';
    this.culture = planted ? rng.weighted([[CULTURES[0]!, 6], [CULTURES[1]!, 1], [CULTURES[4]!, 1], [CULTURES[5]!, 1], [CULTURES[6]!, 1]] as const) : rng.pick(CULTURES);
    this.country = planted ? rng.weighted([['us', 7], ['gb', 1], ['ca', 1], ['de', 1], ['jp', 1]] as const) : rng.pick(this.culture.countries);
    this.place = PLACES[this.country]!;
    this.city = rng.pick(this.place.cities);
    this.address = streetAddress(rng, this.place, this.city);
    this.homeIps = [residentialIp(rng, this.place.ipPrefixes)];
    if (rng.chance(0.3)) this.homeIps.push(residentialIp(rng, this.place.ipPrefixes));
    this.familyName = rng.pick(this.culture.family);
    this.landline = kind === 'household' && rng.chance(0.1) ? phoneNumber(rng, this.place) : undefined;
    if (kind === 'office') {
      const name = `${rng.pick(['Northwind', 'Bluepeak', 'Quantix', 'Helio', 'Lumen', 'Vertex', 'Orbital', 'Cobalt', 'Juniper', 'Sable'])} ${rng.pick(['Software', 'Analytics', 'Labs', 'Digital', 'Systems'])}`;
      this.employer = { name, domain: `${ascii(name)}${rng.int(1, 999)}.com`, ip: residentialIp(rng, this.place.ipPrefixes) };
    }
    if (planted) this.scheme = new Scheme(rng, this.country, this.place, pop.now);
  }

  member(j: number, index: number): RawRecord {
    const rng = new Rng(this.pop.seed, this.block, j + 1);
    if (this.scheme) return this.worker(rng, j, index);
    return this.ordinary(rng, j, index);
  }

  private ordinary(rng: Rng, j: number, index: number): RawRecord {
    const full = this.pop.mode === 'full';
    const inHousehold = this.kind === 'household';
    const inOffice = this.kind === 'office';
    const culture = inOffice && rng.chance(0.5) ? rng.pick(CULTURES) : this.culture;
    const person = makePerson(rng, culture, inHousehold && rng.chance(0.8) ? this.familyName : undefined);
    const city = inOffice ? (rng.chance(0.8) ? this.city : rng.pick(this.place.cities)) : this.city;
    const address = inHousehold ? this.address : streetAddress(rng, this.place, city);
    const homeIps = inHousehold ? this.homeIps : [residentialIp(rng, this.place.ipPrefixes)];
    const emails = [personalEmail(rng, person, index)];
    if (this.employer) emails.push(`${ascii(person.given)}.${ascii(person.family)}${j > 0 ? j + 1 : ''}@${this.employer.domain}`);
    const phones = [phoneNumber(rng, this.place)];
    if (this.landline) phones.push(this.landline);
    const movedRecently = rng.chance(0.06);
    const r: RawRecord = {
      id: Population.id(index),
      names: [person.name],
      emails,
      phones,
      claimed_country: this.country,
      claimed_city: city.city,
      address,
      shipping_address: movedRecently ? streetAddress(rng, this.place, city) : address,
      documents: [{ type: rng.pick(['passport', 'national_id', 'driver_licence']), number: documentNumber(rng, index), country: this.country, verification: rng.chance(0.98) ? 'passed' : 'failed', image_quality: Math.round((0.45 + rng.next() * 0.55) * 100) / 100 }],
      photo_hash: rng.hex64(),
      payment_accounts: [ordinaryPayment(rng, this.country, person, this.familyName, index)],
      devices: [{ id: `dev-${rng.hex64()}`, remote_tools: rng.chance(0.05) ? [rng.pick(['TeamViewer', 'AnyDesk', 'Chrome Remote Desktop'])] : [] }],
    };
    if (rng.chance(0.7)) r.resume_text = resumeText(rng, person.name);
    const logins: RawRecord[] = [];
    const vpnUser = rng.chance(0.1);
    const travelling = rng.chance(0.05);
    const loginCount = full ? rng.int(8, 25) : rng.int(3, 6);
    const loginTimes = workTimes(rng, this.pop.now, city.zone, loginCount, 7, 22);
    const deviceId = (r.devices as RawRecord[])[0]!.id as string;
    for (const at of loginTimes) {
      let ip = rng.pick(homeIps);
      if (this.employer && rng.chance(0.5)) ip = this.employer.ip;
      if (vpnUser && rng.chance(0.4)) ip = maskedIp(rng);
      if (travelling && rng.chance(0.2)) ip = residentialIp(rng, PLACES[rng.pick(Object.keys(PLACES))]!.ipPrefixes);
      logins.push({ timestamp: at, ip, device_id: deviceId });
    }
    r.logins = logins;
    if (!full) return r;
    if (rng.chance(0.6)) r.claimed_timezone = city.zone;
    if (rng.chance(0.8)) r.birth_date = `${rng.int(1960, 2002)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    r.nationality = rng.chance(0.85) ? this.country : rng.pick(culture.countries);
    const nightOwl = rng.chance(0.08);
    r.activity = nightOwl ? workTimes(rng, this.pop.now, city.zone, rng.int(30, 80), 15, 24) : workTimes(rng, this.pop.now, city.zone, rng.int(30, 80), 8, 19);
    const profiles: RawRecord[] = [];
    if (rng.chance(0.5)) {
      const created = this.pop.now - rng.int(400, 4000) * DAY;
      profiles.push({ platform: 'github', url: `https://github.com/${ascii(person.given)}${ascii(person.family)}${rng.int(1, 99)}`, created: new Date(created).toISOString().slice(0, 10), earliest_commit: new Date(created + rng.int(0, 300) * DAY).toISOString().slice(0, 10), followers: rng.int(0, 300), repositories: rng.int(1, 80) });
    }
    if (rng.chance(0.7)) profiles.push({ platform: 'linkedin', name: rng.chance(0.1) ? `${person.given} ${person.family.slice(0, 1)}.` : person.name, country: this.country, created: new Date(this.pop.now - rng.int(300, 5000) * DAY).toISOString().slice(0, 10), followers: rng.int(20, 900) });
    r.profiles = profiles;
    r.interviews = [rng.chance(0.97) ? { camera_on: true, notes: 'good communication' } : { camera_on: false, notes: 'camera not working, rescheduled' }];
    const bids = rng.int(5, 120);
    r.platform = { bids, wins: Math.round(bids * (0.05 + rng.next() * 0.3)), ratings: [{ client: `client-${rng.int(1, 50000)}`, score: rng.int(3, 5), at: new Date(this.pop.now - rng.int(1, 300) * DAY).toISOString() }], tasks_completed: rng.int(2, 60), tasks_failed: rng.int(0, 2), bid_texts: rng.chance(0.3) ? [bidText(rng)] : [] };
    if (rng.chance(0.02)) r.messages = ['Can we continue on WhatsApp? It is easier for me.'];
    if (j === 0 && this.kind === 'office' && rng.chance(0.1)) r.referred_by = Population.id(index + 1);
    return r;
  }

  private worker(rng: Rng, j: number, index: number): RawRecord {
    const s = this.scheme!;
    const full = this.pop.mode === 'full';
    const inRing = this.kind === 'ring';
    const person = makePerson(rng, this.culture);
    const city = rng.pick(this.place.cities);
    const identityAddress = streetAddress(rng, this.place, city);
    const useDrop = inRing ? rng.chance(0.85) : rng.chance(0.5);
    const shipping = useDrop ? s.dropAddress : identityAddress;
    const email = personalEmail(rng, person, index, rng.chance(0.5) ? s.digitSuffix : undefined);
    const devices: RawRecord[] = [{ id: inRing && j < 2 && s.sharedDevice ? s.sharedDevice : `dev-${rng.hex64()}`, remote_tools: rng.chance(0.7) ? [rng.pick(['AnyDesk', 'RustDesk', 'Chrome Remote Desktop', 'TeamViewer'])] : [], ip_kvm: rng.chance(0.2) }];
    if (rng.chance(0.2)) devices[0]!.open_ports = [3389];
    const payments: RawRecord[] = [];
    if (inRing && rng.chance(0.5)) payments.push({ ...s.bank });
    else if (rng.chance(0.15)) payments.push({ type: 'bank', identifier: rng.digits(16), bank_name: rng.pick(['Bank of China', 'Agricultural Bank of China', 'ICBC']), bank_country: 'cn', holder_name: makePerson(rng, CULTURES[2]!).name });
    else payments.push(bankAccount(rng, this.country, rng.chance(0.4) ? s.facilitator.name : person.name));
    if (rng.chance(0.3)) payments.push({ type: 'crypto', identifier: inRing && rng.chance(0.5) ? s.wallet : evmWallet(rng), currency: 'USDT' });
    if (rng.chance(0.2)) {
      const start = this.pop.now - rng.int(30, 150) * DAY;
      payments.push({ ...bankAccount(rng, this.country, person.name), added: new Date(start).toISOString().slice(0, 10) });
      payments.push({ ...bankAccount(rng, this.country, person.name), added: new Date(start + rng.int(5, 40) * DAY).toISOString().slice(0, 10) });
      payments.push({ type: 'paypal', identifier: email, holder_name: person.name, added: new Date(start + rng.int(41, 90) * DAY).toISOString().slice(0, 10) });
    }
    const photo = inRing && rng.chance(0.25) ? flipBits(s.photo, rng.int(0, 3), rng) : rng.hex64();
    const r: RawRecord = {
      id: Population.id(index),
      names: [person.name],
      emails: [email],
      phones: [phoneNumber(rng, this.place)],
      claimed_country: this.country,
      claimed_city: city.city,
      address: identityAddress,
      shipping_address: shipping,
      documents: [{ type: 'passport', number: inRing && j < 2 && s.sharedDocument ? s.sharedDocument : documentNumber(rng, index), country: this.country, verification: rng.chance(0.15) ? 'altered' : 'passed', image_quality: rng.chance(0.2) ? 0.25 : 0.7 }],
      photo_hash: photo,
      payment_accounts: payments,
      devices,
    };
    if (rng.chance(0.9)) r.resume_text = inRing && rng.chance(0.7) ? varyResume(s.resume, s.resumeName, person.name, 0.06, rng) : resumeText(rng, person.name);
    const logins: RawRecord[] = [];
    const kst = rng.chance(0.8);
    const count = full ? rng.int(10, 30) : rng.int(3, 6);
    const loginTimes = kst ? workTimes(rng, this.pop.now, 'Asia/Seoul', count, 9, 18) : workTimes(rng, this.pop.now, city.zone, count, 8, 20);
    for (const at of loginTimes) {
      const x = rng.next();
      const ip = inRing && x < 0.45 ? s.farmIp : x < 0.75 ? maskedIp(rng) : x < 0.95 ? residentialIp(rng, WORKER_IP_PREFIXES[s.location]!) : residentialIp(rng, this.place.ipPrefixes);
      logins.push({ timestamp: at, ip, device_id: devices[0]!.id });
    }
    if (rng.chance(0.3) && logins.length > 2) {
      const first = logins[0]!;
      logins.push({ timestamp: new Date(Date.parse(first.timestamp as string) + rng.int(1, 4) * HOUR).toISOString(), ip: residentialIp(rng, WORKER_IP_PREFIXES[s.location]!), device_id: devices[0]!.id });
    }
    r.logins = logins;
    if (!full) return r;
    if (rng.chance(0.7)) r.claimed_timezone = city.zone;
    r.birth_date = `${rng.int(1975, 2000)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    r.nationality = this.country;
    r.activity = kst ? workTimes(rng, this.pop.now, 'Asia/Seoul', rng.int(30, 80), 9, 18) : workTimes(rng, this.pop.now, city.zone, rng.int(30, 80), 8, 19);
    const profiles: RawRecord[] = [];
    if (rng.chance(0.7)) {
      const aged = rng.chance(0.4);
      const created = this.pop.now - rng.int(20, 400) * DAY;
      profiles.push({ platform: 'github', url: `https://github.com/${ascii(person.given)}-dev${rng.int(1, 999)}`, created: new Date(created).toISOString().slice(0, 10), earliest_commit: new Date(aged ? created - rng.int(200, 1500) * DAY : created + rng.int(1, 30) * DAY).toISOString().slice(0, 10), followers: rng.int(0, 5), repositories: rng.int(1, 6) });
    }
    if (rng.chance(0.6)) profiles.push({ platform: 'linkedin', name: rng.chance(0.2) ? makePerson(rng, this.culture).name : person.name, country: rng.chance(0.15) ? s.location : this.country, created: new Date(this.pop.now - rng.int(10, 200) * DAY).toISOString().slice(0, 10) });
    r.profiles = profiles;
    const interview: RawRecord = rng.chance(0.5) ? { camera_on: false, notes: rng.pick(['said the webcam is broken', 'refused to turn on the camera', 'audio only, camera off']) } : { camera_on: true };
    const flags: string[] = [];
    if (rng.chance(0.05)) flags.push('deepfake');
    if (rng.chance(0.05)) flags.push('different-person');
    if (rng.chance(0.1)) flags.push('coding-test-irregular');
    if (flags.length) interview.flags = flags;
    r.interviews = [interview];
    const bids = rng.chance(0.4) ? rng.int(200, 800) : rng.int(10, 100);
    const ratings: RawRecord[] = [{ client: inRing && rng.chance(0.5) ? s.client : `client-${rng.int(1, 50000)}`, score: 5, at: new Date(s.ratingDay + rng.int(0, 10) * DAY).toISOString() }];
    r.platform = { bids, wins: bids > 150 ? rng.int(0, 3) : Math.round(bids * 0.1), ratings, prepayment_requests: rng.chance(0.1) ? rng.int(2, 5) : 0, bid_texts: inRing && rng.chance(0.4) ? [s.bid] : [] };
    if (rng.chance(0.05)) r.preferred_language = 'ko';
    const messages: string[] = [];
    if (rng.chance(0.15)) messages.push('Please contact me on Telegram, it is faster.');
    if (rng.chance(0.03)) messages.push('네 알겠습니다');
    if (messages.length) r.messages = messages;
    if (inRing && j > 0 && rng.chance(0.3)) r.referred_by = Population.id(index - j);
    return r;
  }
}

/** A document number unique to the record (real documents are): a letter, the record index, two random digits. */
function documentNumber(rng: Rng, index: number): string {
  return `${rng.pick(['X', 'P', 'C', 'K'])}${String(index).padStart(7, '0')}${rng.digits(2)}`;
}

function ordinaryPayment(rng: Rng, country: string, person: Person, familyName: string, index: number): RawRecord {
  const x = rng.next();
  if (x < 0.03) return { type: 'crypto', identifier: evmWallet(rng), currency: 'USDC' };
  if (x < 0.2) return { type: rng.pick(['paypal', 'wise', 'payoneer']), identifier: `${ascii(person.given)}.${ascii(person.family)}${index}@gmail.com`, holder_name: person.name };
  const holder = rng.chance(0.02) ? `${rng.pick(['Maria', 'John', 'Wei', 'Priya'])} ${familyName}` : person.name;
  return bankAccount(rng, country, holder);
}

/** What a facilitator's scheme shares among its workers. */
class Scheme {
  readonly facilitator: Person;
  readonly dropAddress: string;
  readonly farmIp: string;
  readonly bank: RawRecord;
  readonly wallet: string;
  readonly photo: string;
  readonly resume: string;
  readonly resumeName: string;
  readonly bid: string;
  readonly client: string;
  readonly sharedDevice: string | undefined;
  readonly sharedDocument: string | undefined;
  readonly digitSuffix: string;
  readonly location: string;
  readonly ratingDay: number;

  constructor(rng: Rng, country: string, place: Place, now: number) {
    this.facilitator = makePerson(rng, CULTURES[0]!);
    this.dropAddress = streetAddress(rng, place, rng.pick(place.cities));
    this.farmIp = residentialIp(rng, place.ipPrefixes);
    this.bank = bankAccount(rng, country, this.facilitator.name);
    this.wallet = evmWallet(rng);
    this.photo = rng.hex64();
    this.resumeName = makePerson(rng, CULTURES[0]!).name;
    this.resume = resumeText(rng, this.resumeName);
    this.bid = bidText(rng);
    this.client = `client-x${rng.int(1, 99999)}`;
    this.sharedDevice = rng.chance(0.2) ? `dev-${rng.hex64()}` : undefined;
    this.sharedDocument = rng.chance(0.1) ? `S${rng.digits(10)}` : undefined;
    this.digitSuffix = rng.digits(4);
    this.location = rng.weighted(WORKER_LOCATIONS);
    this.ratingDay = now - rng.int(20, 200) * DAY;
  }
}
