import { SOURCES } from '../sources.js';
import { clear, defineRule, fired, noData } from './define.js';
import { listText } from './helpers.js';

/** Remote-access tools by the names inventories report, mapped to one display name. */
const REMOTE_TOOLS: [RegExp, string][] = [
  [/anydesk/i, 'AnyDesk'],
  [/team\s*viewer/i, 'TeamViewer'],
  [/chrome\s*remote|crd\b/i, 'Chrome Remote Desktop'],
  [/rust\s*desk/i, 'RustDesk'],
  [/splashtop/i, 'Splashtop'],
  [/screen\s*connect|connectwise/i, 'ScreenConnect'],
  [/logmein|goto\s*resolve/i, 'LogMeIn / GoTo'],
  [/parsec/i, 'Parsec'],
  [/zoho\s*assist/i, 'Zoho Assist'],
  [/no\s*machine/i, 'NoMachine'],
  [/\bvnc\b|realvnc|tightvnc|ultravnc/i, 'VNC'],
  [/\brdp\b|remote\s*desktop/i, 'Remote Desktop (RDP)'],
  [/atera|n-?able|kaseya|ninja\s*(one|rmm)|\brmm\b/i, 'RMM agent'],
];

/** Hardware IP-KVMs by product name. */
const KVM_NAMES = /pi-?kvm|tiny\s*pilot|jet\s*kvm|ip-?kvm|\bkvm\b|glinet\s*comet|nano\s*kvm/i;

export const remoteAccessTools = defineRule({
  id: 'devices.remote-access-tools',
  title: 'Remote-desktop or remote-management software on the work device',
  fields: ['devices.remote_tools'],
  parameters: {},
  severity: 'medium',
  source: SOURCES.PSA24,
  seeAlso: [SOURCES.G22m, SOURCES.PSA25],
  evaluate(r) {
    if (!r.devices.length) return noData('no device inventory');
    const found = new Set<string>();
    for (const d of r.devices) {
      for (const tool of d.remoteTools) {
        if (KVM_NAMES.test(tool)) continue;
        found.add(REMOTE_TOOLS.find(([re]) => re.test(tool))?.[1] ?? tool);
      }
    }
    if (found.size) return fired(`${listText([...found])} ${found.size > 1 ? 'were' : 'was'} seen on the work device(s).`);
    return clear(`No remote-access tool was seen on ${r.devices.length} device(s).`);
  },
});

export const ipKvm = defineRule({
  id: 'devices.ip-kvm',
  title: 'Hardware IP-KVM attached to the work device',
  fields: ['devices.ip_kvm', 'devices.remote_tools'],
  parameters: {},
  severity: 'high',
  source: SOURCES.PSA24,
  seeAlso: [SOURCES.PSA25],
  evaluate(r) {
    if (!r.devices.length) return noData('no device inventory');
    const hits = r.devices.filter((d) => d.ipKvm || d.remoteTools.some((t) => KVM_NAMES.test(t)));
    if (hits.length) {
      const names = hits.flatMap((d) => d.remoteTools.filter((t) => KVM_NAMES.test(t)));
      return fired(`An IP-KVM${names.length ? ` (${listText([...new Set(names)])})` : ''} was seen on ${listText(hits.map((d) => d.id ?? 'a device'))}: the laptop can be driven from elsewhere.`);
    }
    return clear(`No IP-KVM was seen on ${r.devices.length} device(s).`);
  },
});

export const sharedDevice = defineRule({
  id: 'devices.shared-device',
  title: 'One device used by several workers',
  fields: ['devices.id', 'logins.device_id'],
  parameters: {},
  severity: 'high',
  source: SOURCES.G22,
  seeAlso: [SOURCES.MSFT25, SOURCES.PSA24],
  evaluate(r, ctx) {
    if (!r.devices.some((d) => d.id) && !r.logins.some((l) => l.deviceId)) return noData('no device ids');
    const me = ctx.indexOf(r);
    const shared = ctx.graph.groupsOf(me).filter((g) => g.kind === 'device');
    if (!shared.length) return clear('No other record used these devices.');
    const others = [...new Set(shared.flatMap((g) => g.members.filter((m) => m !== me)))].map((m) => ctx.graph.ids[m]!);
    return fired(`Device ${listText(shared.map((g) => ctx.graph.valueOf(g)))} also logged in or was registered for ${listText(others)}.`, { related: others });
  },
});
