import type { WorkerRecord } from '../input/record.js';
import type { IpFacts } from '../ip/ip-intel.js';
import type { VetContext } from '../context.js';
import { SOURCES } from '../sources.js';
import { clear, defineRule, fired, noData } from './define.js';
import { country, HOUR_MS, listText, pct } from './helpers.js';

function isMasked(facts: IpFacts | null): boolean {
  return !!facts?.category && facts.category !== 'dprk';
}

interface GeoLogin {
  at: number;
  ip?: string;
  country?: string;
  facts?: IpFacts | null;
}

/**
 * Logins with their country: the login's own country field, else the offline IP data. With
 * `personOnly`, logins through VPN, hosting or anonymity networks are left out: their country is
 * the exit server's, not the person's (the VPN rule reports them).
 */
export function geolocatedLogins(r: WorkerRecord, ctx: VetContext, personOnly = false): GeoLogin[] {
  return r.logins.filter((l) => !personOnly || !l.ip || !isMasked(ctx.ip.lookup(l.ip))).map((l) => {
    const facts = l.ip ? ctx.ip.lookup(l.ip) : null;
    const c = l.country ?? facts?.country;
    const g: GeoLogin = { at: l.at, facts };
    if (l.ip) g.ip = l.ip;
    if (c) g.country = c;
    return g;
  });
}

export const multiCountryLogins = defineRule({
  id: 'network.multi-country-logins',
  title: 'Logins from several countries within hours',
  fields: ['logins.timestamp', 'logins.ip', 'logins.country'],
  parameters: { windowHours: 6, minCountries: 2 },
  severity: 'high',
  source: SOURCES.G22p,
  seeAlso: [SOURCES.G22, SOURCES.ROK22, SOURCES.PSA25],
  evaluate(r, ctx, p) {
    const logins = geolocatedLogins(r, ctx, true).filter((l) => l.country).sort((a, b) => a.at - b.at);
    if (logins.length < 2) return noData('fewer than two geolocated logins outside VPN and hosting networks');
    const window = p.windowHours * HOUR_MS;
    let best: { countries: Set<string>; from: number; to: number } = { countries: new Set(), from: 0, to: 0 };
    let start = 0;
    const counts = new Map<string, number>();
    for (let end = 0; end < logins.length; end++) {
      const c = logins[end]!.country!;
      counts.set(c, (counts.get(c) ?? 0) + 1);
      while (logins[end]!.at - logins[start]!.at > window) {
        const s = logins[start]!.country!;
        const n = (counts.get(s) ?? 1) - 1;
        if (n) counts.set(s, n);
        else counts.delete(s);
        start++;
      }
      if (counts.size > best.countries.size) best = { countries: new Set(counts.keys()), from: logins[start]!.at, to: logins[end]!.at };
    }
    if (best.countries.size >= p.minCountries) {
      const hours = (best.to - best.from) / HOUR_MS;
      return fired(`Logins came from ${listText([...best.countries].map(country))} within ${hours < 1 ? `${Math.round(hours * 60)} minutes` : `${hours.toFixed(1)} hours`} (from ${new Date(best.from).toISOString()}).`);
    }
    return clear(`No ${p.windowHours}-hour window has logins from more than one country (${logins.length} geolocated logins outside VPN and hosting networks).`);
  },
});

export const ipCountryMismatch = defineRule({
  id: 'network.ip-country-mismatch',
  title: 'Logins mostly from a country other than the claimed one',
  fields: ['logins.ip', 'logins.country', 'claimed_country'],
  parameters: { minLogins: 3, minShare: 0.5 },
  severity: 'medium',
  source: SOURCES.G22,
  seeAlso: [SOURCES.PSA23, SOURCES.OFSI24],
  evaluate(r, ctx, p) {
    if (!r.claimedCountry) return noData('no claimed country');
    const logins = geolocatedLogins(r, ctx, true).filter((l) => l.country);
    if (logins.length < p.minLogins) return noData(`fewer than ${p.minLogins} geolocated logins outside VPN and hosting networks`);
    const elsewhere = logins.filter((l) => l.country !== r.claimedCountry);
    const share = elsewhere.length / logins.length;
    const where = [...new Set(elsewhere.map((l) => l.country!))].map(country);
    if (share >= p.minShare) return fired(`${elsewhere.length} of ${logins.length} logins (${pct(share)}) came from ${listText(where)}, not the claimed ${country(r.claimedCountry)}.`);
    return clear(`${logins.length - elsewhere.length} of ${logins.length} logins came from the claimed ${country(r.claimedCountry)}.`);
  },
});

export const vpnOrHosting = defineRule({
  id: 'network.vpn-or-hosting',
  title: 'Logins through VPN, hosting or anonymity networks',
  fields: ['logins.ip'],
  parameters: { minLogins: 2, minShare: 0.25 },
  severity: 'low',
  source: SOURCES.G22p,
  seeAlso: [SOURCES.G22m, SOURCES.PSA23, SOURCES.OFSI24],
  evaluate(r, ctx, p) {
    const logins = geolocatedLogins(r, ctx).filter((l) => l.facts && !l.facts.private);
    if (!logins.length) return noData('no public login IPs');
    const masked = logins.filter((l) => l.facts!.category && l.facts!.category !== 'dprk');
    const share = masked.length / logins.length;
    if (masked.length >= p.minLogins && share >= p.minShare) {
      const networks = [...new Map(masked.map((l) => [l.facts!.asn, `AS${l.facts!.asn} ${l.facts!.org} (${l.facts!.category})`])).values()];
      const reason = masked[0]!.facts!.categoryReason ?? '';
      return fired(`${masked.length} of ${logins.length} logins (${pct(share)}) came through ${listText(networks)}; ${reason}.`);
    }
    return clear(`${masked.length} of ${logins.length} logins came through listed VPN or hosting networks.`);
  },
});

export const dprkNetwork = defineRule({
  id: 'network.dprk-network',
  title: "Login from the DPRK's own network",
  fields: ['logins.ip', 'logins.country'],
  parameters: {},
  severity: 'critical',
  source: SOURCES.G22,
  seeAlso: [SOURCES.SEAL],
  evaluate(r, ctx) {
    const logins = geolocatedLogins(r, ctx);
    if (!logins.some((l) => l.ip || l.country)) return noData('no login IPs or countries');
    const hits = logins.filter((l) => l.country === 'kp' || l.facts?.category === 'dprk');
    if (hits.length) return fired(`${hits.length} login(s) came from North Korea (${listText([...new Set(hits.map((l) => l.ip ?? 'country kp'))])}${hits[0]!.facts?.asn ? `, AS${hits[0]!.facts.asn} ${hits[0]!.facts.org}` : ''}).`);
    return clear('No login came from North Korean address space.');
  },
});

export const continuousSession = defineRule({
  id: 'network.continuous-session',
  title: 'Account logged in continuously for a day or more',
  fields: ['logins.timestamp', 'logins.end'],
  parameters: { minHours: 24 },
  severity: 'medium',
  source: SOURCES.G22p,
  seeAlso: [SOURCES.ROK22],
  evaluate(r, _ctx, p) {
    const sessions = r.logins.filter((l) => l.end !== undefined);
    if (!sessions.length) return noData('no session end times');
    const longest = sessions.reduce((a, b) => (b.end! - b.at > a.end! - a.at ? b : a));
    const hours = (longest.end! - longest.at) / HOUR_MS;
    if (hours >= p.minHours) return fired(`A session stayed logged in for ${hours.toFixed(1)} hours from ${new Date(longest.at).toISOString()}.`);
    return clear(`The longest session lasted ${hours.toFixed(1)} hours.`);
  },
});

export const sharedLoginIp = defineRule({
  id: 'network.shared-login-ip',
  title: 'One residential IP used by several accounts that claim different places',
  fields: ['logins.ip', 'claimed_city', 'claimed_country', 'emails'],
  parameters: { minAccounts: 3, minPlaces: 2 },
  severity: 'low',
  source: SOURCES.G22p,
  seeAlso: [SOURCES.ROK22],
  evaluate(r, ctx, p) {
    if (!r.logins.some((l) => l.ip)) return noData('no login IPs');
    const me = ctx.indexOf(r);
    const groups = ctx.graph.groupsOf(me).filter((g) => g.kind === 'ip' && !g.common && g.members.length >= p.minAccounts);
    let office = false;
    for (const g of groups) {
      const ip = ctx.graph.valueOf(g);
      if (isMasked(ctx.ip.lookup(ip))) continue;
      const members = g.members.map((m) => ctx.records[m]!);
      if (shareEmployerDomain(members)) {
        office = true;
        continue;
      }
      const places = new Set(members.map(placeOf).filter(Boolean));
      if (places.size >= p.minPlaces) {
        const others = g.members.filter((m) => m !== me).map((m) => ctx.graph.ids[m]!);
        return fired(`IP ${ip} was used by ${g.members.length} accounts (${listText(others)} besides this one) that claim ${places.size} different places and share no employer.`, { related: others });
      }
    }
    if (office) return clear('The accounts sharing an IP with this one work for one employer (an office network).');
    return clear(groups.length ? 'Accounts sharing an IP with this one claim the same place (a household).' : `No residential IP is shared with ${p.minAccounts - 1} or more other accounts.`);
  },
});

const FREE_MAIL = /^(gmail|googlemail|outlook|hotmail|live|yahoo|proton|protonmail|icloud|me|aol|gmx|mail|yandex|qq|163|126|zoho)\./;

/** True when every record has an e-mail at one non-free-mail domain (colleagues on an office network). */
function shareEmployerDomain(records: readonly WorkerRecord[]): boolean {
  let common: Set<string> | undefined;
  for (const r of records) {
    const domains = new Set(r.emails.map((e) => e.split('@')[1]?.toLowerCase() ?? '').filter((d) => d && !FREE_MAIL.test(d)));
    common = common ? new Set([...common].filter((d) => domains.has(d))) : domains;
    if (!common.size) return false;
  }
  return !!common?.size;
}

function placeOf(r: WorkerRecord): string {
  return [r.claimedCity?.toLowerCase().trim(), r.claimedCountry].filter(Boolean).join('|');
}

/** Ports of remote-desktop services: RDP, VNC, TeamViewer, AnyDesk, RustDesk, Chrome Remote Desktop relay. */
export const REMOTE_DESKTOP_PORTS: Record<number, string> = {
  3389: 'RDP',
  5900: 'VNC',
  5901: 'VNC',
  5938: 'TeamViewer',
  6568: 'AnyDesk',
  7070: 'AnyDesk',
  21115: 'RustDesk',
  21116: 'RustDesk',
  21118: 'RustDesk',
};

export const remoteDesktopPorts = defineRule({
  id: 'network.remote-desktop-ports',
  title: 'Router or device exposes remote-desktop ports',
  fields: ['devices.open_ports'],
  parameters: {},
  severity: 'medium',
  source: SOURCES.G22p,
  seeAlso: [SOURCES.G22m],
  evaluate(r) {
    const scanned = r.devices.filter((d) => d.openPorts.length);
    if (!scanned.length) return noData('no open-port data');
    const hits = scanned.flatMap((d) => d.openPorts.filter((port) => REMOTE_DESKTOP_PORTS[port]).map((port) => `${port} (${REMOTE_DESKTOP_PORTS[port]}) on ${d.id ?? 'a device'}`));
    if (hits.length) return fired(`Remote-desktop port ${listText(hits)} is open.`);
    return clear(`Open ports ${listText([...new Set(scanned.flatMap((d) => d.openPorts.map(String)))])} are not remote-desktop services.`);
  },
});
