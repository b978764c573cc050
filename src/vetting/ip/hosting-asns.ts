/**
 * Autonomous systems whose addresses are VPN exits, hosting / cloud servers, anonymity networks, or
 * the DPRK's own network. A login from one of them says the person is not where their home
 * connection would be; it does not say who they are.
 *
 * How the list was made: every entry is listed by X4BNet/lists_vpn (MIT licence), a maintained
 * ASN list used by firewall operators, in the file and commit given by its `source`; the
 * organisation name was checked against `@ip-location-db/asn` (RouteViews + DB-IP) as installed.
 * The DPRK entry comes from APNIC's registration of AS131279 and the same ASN data. The list is
 * deliberately short and explainable; {@link HOSTING_NAME_PATTERN} catches other hosting ASNs by
 * their registered names, with a weaker explanation.
 *
 * VPN providers named in DPRK IT-worker reporting (Astrill VPN: Mandiant 2024/2025, Red Canary 2025)
 * have no ASN of their own; their exits sit in the hosting ASNs below.
 */

export type NetworkCategory = 'vpn' | 'hosting' | 'anonymity' | 'dprk';

export interface ListedAsn {
  asn: number;
  /** Organisation as registered in the ASN data. */
  org: string;
  category: NetworkCategory;
  /** Why it is listed (the provider behind it). */
  note?: string;
  source: string;
}

const X4B_VPN = 'https://github.com/X4BNet/lists_vpn/blob/2bd96f8b54f61793e4fcc1a150b8560292b3e6ff/input/vpn/ASN.txt';
const X4B_DC = 'https://github.com/X4BNet/lists_vpn/blob/02e3acb8cfab740bea4785e0b16db106a4dd1ae8/input/datacenter/ASN.txt';
const APNIC = 'https://wq.apnic.net/static/search.html?query=AS131279';

export const LISTED_ASNS: readonly ListedAsn[] = [
  { asn: 9009, org: 'M247 Europe SRL', category: 'vpn', note: 'exit host of NordVPN and other commercial VPNs', source: X4B_VPN },
  { asn: 136787, org: 'PacketHub S.A.', category: 'vpn', note: 'NordVPN (Tefincom)', source: X4B_VPN },
  { asn: 207137, org: 'PacketHub S.A.', category: 'vpn', note: 'NordVPN', source: X4B_VPN },
  { asn: 141039, org: 'PacketHub S.A.', category: 'vpn', note: 'NordVPN', source: X4B_DC },
  { asn: 147049, org: 'PacketHub S.A.', category: 'vpn', note: 'NordVPN', source: X4B_DC },
  { asn: 209854, org: 'Cyberzone S.A.', category: 'vpn', note: 'Surfshark', source: X4B_VPN },
  { asn: 212238, org: 'Datacamp Limited', category: 'vpn', note: 'Datacamp / CDN77, hosts VPN exits', source: X4B_VPN },
  { asn: 60068, org: 'Datacamp Limited', category: 'vpn', note: 'Datacamp / CDN77, hosts VPN exits', source: X4B_DC },
  { asn: 20448, org: 'Peace Communications LLC', category: 'vpn', note: 'listed by X4B as VPNtranet', source: X4B_VPN },
  { asn: 206092, org: 'F.N.S. HOLDINGS LIMITED', category: 'vpn', note: 'ExpressVPN and other VPN exits (X4B)', source: X4B_DC },
  { asn: 62005, org: 'BlueVPS OU', category: 'hosting', source: X4B_DC },
  { asn: 60729, org: 'Stiftung Erneuerbare Freiheit', category: 'anonymity', note: 'Tor exit relays', source: X4B_VPN },
  { asn: 208323, org: 'Foundation for Applied Privacy', category: 'anonymity', note: 'Tor exit relays', source: X4B_DC },
  { asn: 16652, org: 'Riseup Networks', category: 'anonymity', note: 'Riseup VPN', source: X4B_DC },
  { asn: 14061, org: 'DigitalOcean, LLC', category: 'hosting', source: X4B_DC },
  { asn: 16509, org: 'Amazon.com, Inc.', category: 'hosting', note: 'AWS', source: X4B_DC },
  { asn: 14618, org: 'Amazon.com, Inc.', category: 'hosting', note: 'AWS', source: X4B_DC },
  { asn: 396982, org: 'Google LLC', category: 'hosting', note: 'Google Cloud Platform', source: X4B_DC },
  { asn: 8075, org: 'Microsoft Corporation', category: 'hosting', note: 'Azure (also Microsoft corporate egress)', source: X4B_DC },
  { asn: 24940, org: 'Hetzner Online GmbH', category: 'hosting', source: X4B_DC },
  { asn: 213230, org: 'Hetzner Online GmbH', category: 'hosting', note: 'Hetzner Cloud', source: X4B_DC },
  { asn: 16276, org: 'OVH SAS', category: 'hosting', source: X4B_DC },
  { asn: 35540, org: 'OVH SAS', category: 'hosting', source: X4B_DC },
  { asn: 20473, org: 'The Constant Company, LLC', category: 'hosting', note: 'Vultr / Choopa', source: X4B_DC },
  { asn: 63949, org: 'Akamai Technologies, Inc.', category: 'hosting', note: 'Linode', source: X4B_DC },
  { asn: 12876, org: 'Scaleway SAS', category: 'hosting', source: X4B_DC },
  { asn: 51167, org: 'Contabo GmbH', category: 'hosting', source: X4B_DC },
  { asn: 141995, org: 'Contabo Asia Private Limited', category: 'hosting', source: X4B_DC },
  { asn: 62240, org: 'Clouvider Limited', category: 'hosting', source: X4B_DC },
  { asn: 53667, org: 'FranTech Solutions', category: 'hosting', note: 'BuyVM', source: X4B_DC },
  { asn: 45102, org: 'Alibaba (US) Technology Co., Ltd.', category: 'hosting', note: 'Alibaba Cloud', source: X4B_DC },
  { asn: 134963, org: 'Alibaba Cloud (Singapore) Private Limited', category: 'hosting', source: X4B_DC },
  { asn: 45090, org: 'Shenzhen Tencent Computer Systems Company Limited', category: 'hosting', note: 'Tencent Cloud', source: X4B_DC },
  { asn: 132203, org: 'Shenzhen Tencent Computer Systems Company Limited', category: 'hosting', note: 'Tencent Cloud', source: X4B_DC },
  { asn: 55990, org: 'Huawei Cloud Service data center', category: 'hosting', source: X4B_DC },
  { asn: 136907, org: 'HUAWEI INTERNATIONAL PTE. LTD.', category: 'hosting', note: 'Huawei Cloud', source: X4B_DC },
  { asn: 29802, org: 'HIVELOCITY, Inc.', category: 'hosting', source: X4B_DC },
  { asn: 46562, org: 'Performive LLC', category: 'hosting', note: 'formerly Total Server Solutions', source: X4B_DC },
  { asn: 31898, org: 'Oracle Corporation', category: 'hosting', note: 'Oracle Cloud', source: X4B_DC },
  { asn: 8100, org: 'QuadraNet Enterprises LLC', category: 'hosting', source: X4B_DC },
  { asn: 40676, org: 'Psychz Networks', category: 'hosting', source: X4B_DC },
  { asn: 21859, org: 'Zenlayer Inc', category: 'hosting', source: X4B_DC },
  { asn: 28753, org: 'Leaseweb Deutschland GmbH', category: 'hosting', source: X4B_DC },
  { asn: 60781, org: 'LeaseWeb Netherlands B.V.', category: 'hosting', source: X4B_DC },
  { asn: 19148, org: 'Leaseweb USA, Inc.', category: 'hosting', source: X4B_DC },
  { asn: 49981, org: 'WorldStream B.V.', category: 'hosting', source: X4B_DC },
  { asn: 57043, org: 'HOSTKEY B.V.', category: 'hosting', source: X4B_DC },
  { asn: 43350, org: 'NForce Entertainment B.V.', category: 'hosting', source: X4B_DC },
  { asn: 35415, org: 'Webzilla B.V.', category: 'hosting', source: X4B_DC },
  { asn: 46844, org: 'Sharktech', category: 'hosting', source: X4B_DC },
  { asn: 36352, org: 'HostPapa', category: 'hosting', note: 'formerly ColoCrossing', source: X4B_DC },
  { asn: 44477, org: 'AS44477', category: 'hosting', note: 'Stark Industries', source: X4B_DC },
  { asn: 210329, org: 'Kamatera Inc', category: 'hosting', source: X4B_DC },
  { asn: 36007, org: 'Kamatera, Inc.', category: 'hosting', source: X4B_DC },
  { asn: 197540, org: 'netcup GmbH', category: 'hosting', source: X4B_DC },
  { asn: 131279, org: 'Star Joint Venture Co. Ltd.', category: 'dprk', note: "the DPRK's internet operator (175.45.176.0/22)", source: APNIC },
];

/**
 * Registered organisation names that say "server hosting": a weaker signal than a listed ASN, used
 * only when the ASN is not listed.
 */
export const HOSTING_NAME_PATTERN = /\b(hosting|hoster|vps|vds|dedicated server|datacenter|data center|data centre|colo(?:cation)?|cloud server|server ?hub|vpn)\b/i;

const byAsn = new Map(LISTED_ASNS.map((a) => [a.asn, a]));

/**
 * The listed entry of an ASN, if any.
 *
 * @example
 * listedAsn(14061)?.category; // 'hosting'
 */
export function listedAsn(asn: number): ListedAsn | undefined {
  return byAsn.get(asn);
}
