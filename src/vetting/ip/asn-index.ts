import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseIp } from './ip-address.js';

/** The autonomous system an address is routed from. */
export interface AsnInfo {
  asn: number;
  org: string;
}

interface Ranges {
  v4Start: Uint32Array;
  v4End: Uint32Array;
  v4Asn: Uint32Array;
  /** IPv6 ranges by their upper 64 bits: start high/low halves, end high/low halves. */
  v6: Uint32Array;
  v6Asn: Uint32Array;
  orgs: Map<number, string>;
}

const PACKAGE = '@ip-location-db/asn';

/**
 * IP → ASN and organisation, from the `@ip-location-db/asn` CSVs (RouteViews + DB-IP, CC BY 4.0),
 * kept as sorted typed arrays and searched by binary search. Building reads ~45 MB of CSV once; with
 * a cache directory the arrays are written there and later runs load them in milliseconds.
 *
 * @example
 * const index = AsnIndex.load({ cacheDir: join(home, 'cache') });
 * index.lookup('8.8.8.8'); // { asn: 15169, org: 'Google LLC' }
 */
export class AsnIndex {
  private constructor(
    private readonly ranges: Ranges,
    /** Version of the data package the index was built from. */
    readonly dataVersion: string,
  ) {}

  static load(options: { cacheDir?: string } = {}): AsnIndex {
    const { dir, version } = packageDir();
    const cacheFile = options.cacheDir ? join(options.cacheDir, `asn-index-${version}.bin`) : undefined;
    if (cacheFile) {
      const cached = readCache(cacheFile);
      if (cached) return new AsnIndex(cached, version);
    }
    const ranges = buildRanges(dir);
    if (cacheFile) writeCache(cacheFile, ranges);
    return new AsnIndex(ranges, version);
  }

  /** Builds an index from CSV text in the package's layouts (numbers or address text); for tests. */
  static fromCsv(v4Csv: string, v6Csv = ''): AsnIndex {
    const orgs = new Map<number, string>();
    return new AsnIndex({ ...parseV4Csv(v4Csv, orgs), ...parseV6Csv(v6Csv, orgs), orgs }, 'test');
  }

  get rangeCount(): number {
    return this.ranges.v4Start.length + this.ranges.v6Asn.length;
  }

  /** The registered organisation of an ASN, if the data has it. */
  orgOf(asn: number): string | undefined {
    return this.ranges.orgs.get(asn);
  }

  lookup(ip: string): AsnInfo | null {
    const parsed = parseIp(ip);
    if (!parsed || parsed.private) return null;
    const r = this.ranges;
    let asn = 0;
    if (parsed.v4 !== undefined) {
      const i = lastAtOrBelow(r.v4Start, parsed.v4);
      if (i >= 0 && parsed.v4 <= r.v4End[i]!) asn = r.v4Asn[i]!;
    } else if (parsed.v6High) {
      const [hi, lo] = parsed.v6High;
      const i = lastV6AtOrBelow(r.v6, hi, lo);
      if (i >= 0 && compare64(hi, lo, r.v6[i * 4 + 2]!, r.v6[i * 4 + 3]!) <= 0) asn = r.v6Asn[i]!;
    }
    if (!asn) return null;
    return { asn, org: r.orgs.get(asn) ?? '' };
  }
}

function packageDir(): { dir: string; version: string } {
  const require = createRequire(import.meta.url);
  const pkgJson = require.resolve(`${PACKAGE}/package.json`);
  const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;
  return { dir: dirname(pkgJson), version };
}

function buildRanges(dir: string): Ranges {
  const orgs = new Map<number, string>();
  const v4 = parseV4Csv(readFileSync(join(dir, 'asn-ipv4-num.csv'), 'utf8'), orgs);
  const v6 = parseV6Csv(readFileSync(join(dir, 'asn-ipv6-num.csv'), 'utf8'), orgs);
  return { ...v4, ...v6, orgs };
}

/** Splits `a,b,asn,org` where only the organisation may be quoted. */
function splitRow(line: string): [string, string, string, string] | null {
  const c1 = line.indexOf(',');
  const c2 = line.indexOf(',', c1 + 1);
  const c3 = line.indexOf(',', c2 + 1);
  if (c1 < 0 || c2 < 0 || c3 < 0) return null;
  let org = line.slice(c3 + 1);
  if (org.startsWith('"')) org = org.slice(1, org.endsWith('"') ? -1 : undefined).replace(/""/g, '"');
  return [line.slice(0, c1), line.slice(c1 + 1, c2), line.slice(c2 + 1, c3), org];
}

function parseV4Csv(text: string, orgs: Map<number, string>): Pick<Ranges, 'v4Start' | 'v4End' | 'v4Asn'> {
  const lines = text.split('\n');
  const start = new Uint32Array(lines.length);
  const end = new Uint32Array(lines.length);
  const asns = new Uint32Array(lines.length);
  let n = 0;
  for (const line of lines) {
    const row = splitRow(line);
    if (!row) continue;
    const asn = Number(row[2]);
    if (!Number.isInteger(asn) || asn <= 0) continue;
    start[n] = Number(row[0]);
    end[n] = Number(row[1]);
    asns[n] = asn;
    if (!orgs.has(asn)) orgs.set(asn, row[3]);
    n++;
  }
  return sortV4(start.subarray(0, n), end.subarray(0, n), asns.subarray(0, n));
}

function sortV4(start: Uint32Array, end: Uint32Array, asns: Uint32Array): Pick<Ranges, 'v4Start' | 'v4End' | 'v4Asn'> {
  let sorted = true;
  for (let i = 1; i < start.length && sorted; i++) if (start[i]! < start[i - 1]!) sorted = false;
  if (sorted) return { v4Start: start.slice(), v4End: end.slice(), v4Asn: asns.slice() };
  const order = Array.from(start.keys()).sort((a, b) => start[a]! - start[b]!);
  return {
    v4Start: Uint32Array.from(order, (i) => start[i]!),
    v4End: Uint32Array.from(order, (i) => end[i]!),
    v4Asn: Uint32Array.from(order, (i) => asns[i]!),
  };
}

function parseV6Csv(text: string, orgs: Map<number, string>): Pick<Ranges, 'v6' | 'v6Asn'> {
  const rows: { s: [number, number]; e: [number, number]; asn: number }[] = [];
  for (const line of text.split('\n')) {
    const row = splitRow(line);
    if (!row) continue;
    const asn = Number(row[2]);
    const s = high64(row[0]);
    const e = high64(row[1]);
    if (!s || !e || !Number.isInteger(asn) || asn <= 0) continue;
    rows.push({ s, e, asn });
    if (!orgs.has(asn)) orgs.set(asn, row[3]);
  }
  rows.sort((a, b) => compare64(a.s[0], a.s[1], b.s[0], b.s[1]));
  const v6 = new Uint32Array(rows.length * 4);
  const v6Asn = new Uint32Array(rows.length);
  rows.forEach((r, i) => {
    v6.set([r.s[0], r.s[1], r.e[0], r.e[1]], i * 4);
    v6Asn[i] = r.asn;
  });
  return { v6, v6Asn };
}

/** Upper 64 bits of an IPv6 address written as a decimal number (the `*-num.csv` layout) or as text. */
function high64(field: string): [number, number] | null {
  if (/^\d+$/.test(field)) {
    const high = BigInt(field) >> 64n;
    return [Number(high >> 32n), Number(high & 0xffffffffn)];
  }
  return parseIp(field)?.v6High ?? null;
}

function compare64(aHi: number, aLo: number, bHi: number, bLo: number): number {
  return aHi !== bHi ? aHi - bHi : aLo - bLo;
}

function lastAtOrBelow(sorted: Uint32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function lastV6AtOrBelow(v6: Uint32Array, hiValue: number, loValue: number): number {
  let lo = 0;
  let hi = v6.length / 4 - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (compare64(v6[mid * 4]!, v6[mid * 4 + 1]!, hiValue, loValue) <= 0) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

const CACHE_MAGIC = 0x43464153; // "CFAS"

function writeCache(file: string, r: Ranges): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const header = Buffer.from(JSON.stringify({ v4: r.v4Start.length, v6: r.v6Asn.length, orgs: [...r.orgs] }), 'utf8');
    const pad = (4 - ((8 + header.length) % 4)) % 4;
    const arrays = [r.v4Start, r.v4End, r.v4Asn, r.v6, r.v6Asn];
    const prefix = Buffer.alloc(8);
    prefix.writeUInt32LE(CACHE_MAGIC, 0);
    prefix.writeUInt32LE(header.length, 4);
    const parts = [prefix, header, Buffer.alloc(pad), ...arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))];
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.concat(parts));
    renameSync(tmp, file);
  } catch {
    // A cache that cannot be written only costs the next run the build time.
  }
}

function readCache(file: string): Ranges | null {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    return null;
  }
  try {
    if (buf.length < 8 || buf.readUInt32LE(0) !== CACHE_MAGIC) return null;
    const headerLen = buf.readUInt32LE(4);
    const header = JSON.parse(buf.subarray(8, 8 + headerLen).toString('utf8')) as { v4: number; v6: number; orgs: [number, string][] };
    let offset = 8 + headerLen;
    offset += (4 - (offset % 4)) % 4;
    const take = (count: number): Uint32Array => {
      const bytes = buf.subarray(offset, offset + count * 4);
      if (bytes.length !== count * 4) throw new Error('truncated');
      offset += count * 4;
      return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    };
    return {
      v4Start: take(header.v4),
      v4End: take(header.v4),
      v4Asn: take(header.v4),
      v6: take(header.v6 * 4),
      v6Asn: take(header.v6),
      orgs: new Map(header.orgs),
    };
  } catch {
    return null;
  }
}
