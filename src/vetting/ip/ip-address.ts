/** IPv4 / IPv6 addresses: validation, canonical text, and the numbers the range indexes compare. */
export interface ParsedIp {
  version: 4 | 6;
  /** Canonical text: dotted quad for IPv4 (and IPv4-mapped IPv6), lower-case compressed IPv6. */
  text: string;
  /** IPv4 as an unsigned 32-bit number. */
  v4?: number;
  /** IPv6: the upper 64 bits as two unsigned 32-bit halves (routing never goes below /64). */
  v6High?: [number, number];
  /** Private, loopback, link-local, CGNAT or other non-routable space: no location, never a link. */
  private: boolean;
}

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Parses an IP address; null when the text is not one.
 *
 * @example
 * parseIp('::ffff:8.8.8.8'); // { version: 4, text: '8.8.8.8', v4: 134744072, private: false }
 * parseIp('192.168.1.10')?.private; // true
 */
export function parseIp(raw: string): ParsedIp | null {
  const text = raw.trim().replace(/%.*$/, '').replace(/^\[|\]$/g, '');
  const v4 = parseV4(text);
  if (v4 !== null) return v4Result(v4);
  if (!text.includes(':')) return null;
  const groups = parseV6(text);
  if (!groups) return null;
  if (groups[0] === 0 && groups[1] === 0 && groups[2] === 0 && groups[3] === 0 && groups[4] === 0 && groups[5] === 0xffff) {
    return v4Result(((groups[6]! << 16) | groups[7]!) >>> 0);
  }
  const high: [number, number] = [((groups[0]! << 16) | groups[1]!) >>> 0, ((groups[2]! << 16) | groups[3]!) >>> 0];
  return { version: 6, text: formatV6(groups), v6High: high, private: isPrivateV6(groups) };
}

function v4Result(n: number): ParsedIp {
  return { version: 4, text: `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`, v4: n, private: isPrivateV4(n) };
}

/** IPv4 text to an unsigned 32-bit number, or null. */
export function parseV4(text: string): number | null {
  const m = V4.exec(text);
  if (!m) return null;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const part = Number(m[i]);
    if (part > 255) return null;
    n = n * 256 + part;
  }
  return n >>> 0;
}

function parseV6(text: string): number[] | null {
  let body = text.toLowerCase();
  let tail: number[] = [];
  const lastColon = body.lastIndexOf(':');
  const maybeV4 = body.slice(lastColon + 1);
  if (maybeV4.includes('.')) {
    const n = parseV4(maybeV4);
    if (n === null) return null;
    tail = [n >>> 16, n & 0xffff];
    body = body.slice(0, lastColon + 1) + (body[lastColon - 1] === ':' ? '' : '0');
    if (body.endsWith(':0')) body = body.slice(0, -2);
    else if (body.endsWith(':') && !body.endsWith('::')) body = body.slice(0, -1);
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string): number[] | null => {
    if (!s) return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (!/^[0-9a-f]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  if (!head || !rest) return null;
  const total = 8 - tail.length;
  if (halves.length === 1) {
    if (head.length !== total) return null;
    return [...head, ...tail];
  }
  const fill = total - head.length - rest.length;
  if (fill < 1) return null;
  return [...head, ...new Array<number>(fill).fill(0), ...rest, ...tail];
}

function formatV6(groups: number[]): string {
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i > 1) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

function inV4(n: number, base: number, bits: number): boolean {
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return ((n & mask) >>> 0) === base >>> 0;
}

const PRIVATE_V4: [number, number][] = [
  [0x00000000, 8], // 0.0.0.0/8
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10 CGNAT
  [0x7f000000, 8], // loopback
  [0xa9fe0000, 16], // link-local
  [0xac100000, 12], // 172.16/12
  [0xc0000000, 24], // 192.0.0/24
  [0xc0000200, 24], // TEST-NET-1
  [0xc0a80000, 16], // 192.168/16
  [0xc6120000, 15], // benchmarking
  [0xc6336400, 24], // TEST-NET-2
  [0xcb007100, 24], // TEST-NET-3
  [0xe0000000, 3], // multicast and reserved
];

function isPrivateV4(n: number): boolean {
  return PRIVATE_V4.some(([base, bits]) => inV4(n, base, bits));
}

function isPrivateV6(g: number[]): boolean {
  const first = g[0]!;
  if (g.every((x, i) => (i < 7 ? x === 0 : x <= 1))) return true; // :: and ::1
  if ((first & 0xfe00) === 0xfc00) return true; // unique local
  if ((first & 0xffc0) === 0xfe80) return true; // link-local
  if ((first & 0xff00) === 0xff00) return true; // multicast
  if (first === 0x2001 && g[1] === 0x0db8) return true; // documentation
  return false;
}
