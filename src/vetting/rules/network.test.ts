import { tableIpIntel } from '../ip/ip-intel.js';
import { rec } from '../test-support/records.js';
import { testRule } from '../test-support/rule-cases.js';
import { continuousSession, dprkNetwork, ipCountryMismatch, multiCountryLogins, remoteDesktopPorts, sharedLoginIp, vpnOrHosting } from './network.js';

const US = '73.15.1.10';
const US2 = '73.15.2.20';
const CN = '58.16.1.10';
const VPN = '5.180.63.10';
const KP = '175.45.176.5';
const ip = tableIpIntel({
  [US]: { country: 'us', asn: 7922, org: 'Comcast Cable Communications, LLC' },
  [US2]: { country: 'us', asn: 7922, org: 'Comcast Cable Communications, LLC' },
  [CN]: { country: 'cn', asn: 4837, org: 'CHINA UNICOM China169 Backbone' },
  [VPN]: { country: 'es', asn: 136787, org: 'PacketHub S.A.' },
  [KP]: { country: 'kp', asn: 131279, org: 'Star Joint Venture Co. Ltd.' },
});
const options = { ip };
const base = { id: 'w1', names: ['Jane Doe'], claimed_country: 'us', claimed_city: 'Austin, TX' };
const at = (h: number) => new Date(Date.UTC(2025, 3, 1) + h * 3_600_000).toISOString();

testRule(multiCountryLogins, () => ({
  fires: [rec({ ...base, logins: [{ timestamp: at(0), ip: US }, { timestamp: at(2), ip: CN }] })],
  nearMiss: [rec({ ...base, logins: [{ timestamp: at(0), ip: US }, { timestamp: at(10), ip: CN }, { timestamp: at(11), ip: VPN }] })],
  options,
  says: /United States and China within 2\.0 hours/,
}));

testRule(ipCountryMismatch, () => ({
  fires: [rec({ ...base, logins: [0, 30, 60].map((h) => ({ timestamp: at(h), ip: CN })).concat([{ timestamp: at(90), ip: US }]) })],
  nearMiss: [rec({ ...base, logins: [{ timestamp: at(0), ip: CN }, { timestamp: at(30), ip: US }, { timestamp: at(60), ip: US }, { timestamp: at(70), ip: VPN }, { timestamp: at(80), ip: VPN }] })],
  options,
  says: /3 of 4 logins \(75%\) came from China, not the claimed United States/,
}));

testRule(vpnOrHosting, () => ({
  fires: [rec({ ...base, logins: [{ timestamp: at(0), ip: VPN }, { timestamp: at(30), ip: VPN }, { timestamp: at(60), ip: US }] })],
  nearMiss: [rec({ ...base, logins: [{ timestamp: at(0), ip: VPN }, { timestamp: at(30), ip: US }, { timestamp: at(60), ip: US }, { timestamp: at(90), ip: US }] })],
  options,
  says: /AS136787 PacketHub S\.A\. \(vpn\); AS136787 is listed as vpn \(NordVPN/,
}));

testRule(dprkNetwork, () => ({
  fires: [rec({ ...base, logins: [{ timestamp: at(0), ip: KP }] })],
  nearMiss: [rec({ ...base, logins: [{ timestamp: at(0), ip: CN }] })],
  options,
  says: /came from North Korea \(175\.45\.176\.5, AS131279 Star Joint Venture/,
}));

testRule(continuousSession, () => ({
  fires: [rec({ ...base, logins: [{ timestamp: at(0), duration_hours: 30 }] })],
  nearMiss: [rec({ ...base, logins: [{ timestamp: at(0), end: at(23) }] })],
  options,
  says: /logged in for 30\.0 hours/,
}));

const farm = (id: string, city: string, line: number, extra: Record<string, unknown> = {}) =>
  rec({ id, names: [`Person ${id}`], claimed_country: 'us', claimed_city: city, logins: [{ timestamp: at(line), ip: US2 }], ...extra }, line);

testRule(sharedLoginIp, () => ({
  fires: [farm('a', 'Austin, TX', 1), farm('b', 'Denver, CO', 2), farm('c', 'Seattle, WA', 3)],
  nearMiss: [
    farm('a', 'Austin, TX', 1, { emails: ['a@initech.com'] }),
    farm('b', 'Round Rock, TX', 2, { emails: ['b@initech.com', 'b@gmail.com'] }),
    farm('c', 'Austin, TX', 3, { emails: ['c@initech.com'] }),
  ],
  options,
  says: /IP 73\.15\.2\.20 was used by 3 accounts \(b and c besides this one\) that claim 3 different places/,
}));

testRule(remoteDesktopPorts, () => ({
  fires: [rec({ ...base, devices: [{ id: 'laptop-1', open_ports: '22;3389' }] })],
  nearMiss: [rec({ ...base, devices: [{ id: 'laptop-1', open_ports: [22, 443] }] })],
  says: /3389 \(RDP\) on laptop-1/,
}));
