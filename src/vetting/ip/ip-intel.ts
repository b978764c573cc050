import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Reader, type Response } from 'maxmind';
import { AsnIndex } from './asn-index.js';
import { HOSTING_NAME_PATTERN, listedAsn, type NetworkCategory } from './hosting-asns.js';
import { parseIp } from './ip-address.js';

/** What the offline data says about one IP address. */
export interface IpFacts {
  /** Canonical text of the address. */
  ip: string;
  /** Country the address is registered / routed in, ISO alpha-2 lower case. */
  country?: string;
  asn?: number;
  org?: string;
  /** VPN / hosting / anonymity / DPRK network, when the ASN is listed or its name says hosting. */
  category?: NetworkCategory;
  /** Why the category was given: the list entry's source, or `registered name "…"`. */
  categoryReason?: string;
  private: boolean;
}

/** IP → country, ASN and network category. */
export interface IpIntel {
  lookup(ip: string): IpFacts | null;
}

/**
 * The offline IP intelligence: country from `@ip-location-db/geo-whois-asn-country-mmdb` (read with
 * `maxmind`), ASN and organisation from `@ip-location-db/asn` (see {@link AsnIndex}), category from the
 * documented ASN list. Data files load on the first lookup; answers are memoised per address.
 *
 * @example
 * const intel = offlineIpIntel({ cacheDir: join(home, 'cache') });
 * intel.lookup('159.89.0.1'); // { ip, country: 'us', asn: 14061, org: 'DigitalOcean, LLC', category: 'hosting', … }
 */
export function offlineIpIntel(options: { cacheDir?: string } = {}): IpIntel {
  let countries: Reader<Response> | undefined;
  let asns: AsnIndex | undefined;
  const memo = new Map<string, IpFacts | null>();
  return {
    lookup(ip) {
      const cached = memo.get(ip);
      if (cached !== undefined) return cached;
      const parsed = parseIp(ip);
      let facts: IpFacts | null = null;
      if (parsed) {
        facts = { ip: parsed.text, private: parsed.private };
        if (!parsed.private) {
          countries ??= openCountryReader();
          asns ??= AsnIndex.load(options.cacheDir ? { cacheDir: options.cacheDir } : {});
          const cc = (countries.get(parsed.text) as { country_code?: string } | null)?.country_code;
          if (cc) facts.country = cc.toLowerCase();
          const asn = asns.lookup(parsed.text);
          if (asn) Object.assign(facts, { asn: asn.asn, org: asn.org }, categorise(asn.asn, asn.org));
        }
      }
      if (memo.size > 500_000) memo.clear();
      memo.set(ip, facts);
      return facts;
    },
  };
}

/**
 * The category of an ASN: from the listed ASNs, else from a hosting-like registered name.
 *
 * @example
 * categorise(9009, 'M247 Europe SRL'); // { category: 'vpn', categoryReason: 'listed: exit host of NordVPN … (source …)' }
 */
export function categorise(asn: number, org: string): Pick<IpFacts, 'category' | 'categoryReason'> {
  const listed = listedAsn(asn);
  if (listed) return { category: listed.category, categoryReason: `AS${asn} is listed as ${listed.category}${listed.note ? ` (${listed.note})` : ''}; source ${listed.source}` };
  const m = HOSTING_NAME_PATTERN.exec(org);
  if (m) return { category: 'hosting', categoryReason: `AS${asn} is registered as "${org}" (name says "${m[0]}")` };
  return {};
}

function openCountryReader(): Reader<Response> {
  const require = createRequire(import.meta.url);
  const path = require.resolve('@ip-location-db/geo-whois-asn-country-mmdb/geo-whois-asn-country.mmdb');
  return new Reader<Response>(readFileSync(path));
}

/**
 * A fixed table of IP facts, for tests and for callers that already geolocated their logins.
 *
 * @example
 * const intel = tableIpIntel({ '203.0.113.7': { country: 'cn', asn: 45090, org: 'Tencent' } });
 */
export function tableIpIntel(table: Record<string, Omit<IpFacts, 'ip' | 'private'>>): IpIntel {
  return {
    lookup(ip) {
      const parsed = parseIp(ip);
      if (!parsed) return null;
      const row = table[parsed.text] ?? table[ip];
      if (!row) return { ip: parsed.text, private: parsed.private };
      const categorised = row.category || row.asn === undefined ? {} : categorise(row.asn, row.org ?? '');
      return { ip: parsed.text, private: parsed.private, ...categorised, ...row };
    },
  };
}
