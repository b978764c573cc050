import { Population, type RawRecord } from '../vetting/generate/population.js';
import { varyResume } from '../vetting/generate/resumes.js';
import { Rng } from '../vetting/generate/rng.js';

export const DEMO_WORKERS_SEED = 12;
export const DEMO_WORKERS_SIZE = 240;
/** The generated population's "now": `counterflow vet --now 2025-06-01` reproduces the demo's figures. */
export const DEMO_WORKERS_NOW = '2025-06-01';

/** What a planted ring shares for certain (on top of what the population generator shares by chance). */
export type RingTheme = 'laptop farm' | 'payout account' | 'résumé template and device';

export interface DemoWorkersTruth {
  seed: number;
  size: number;
  now: string;
  rings: { id: string; theme: RingTheme; members: string[] }[];
  /** Planted workers outside rings (the generator's lone workers). */
  loneWorkers: string[];
  /** Ordinary records turned into plain red-flag cases. */
  redFlagCases: { id: string; flag: string }[];
}

export interface DemoWorkersOptions {
  seed?: number;
  size?: number;
  /** A wallet on the demo sanctions excerpt (a Lazarus Group address): one worker is paid there. */
  listedWallet: string;
  /** A wallet the demo laundering paid: one worker is paid there (exposure to stolen funds). */
  launderingWallet: string;
}

const THEMES: RingTheme[] = ['laptop farm', 'payout account', 'résumé template and device'];
/** Star Joint Venture (AS131279), the DPRK's own network (175.45.176.0/22). */
const DPRK_NETWORK = '175.45.177';

/**
 * The demo worker population (`counterflow vet` input) with its truth: the population generator's
 * records (src/vetting/generate) for a seed that plants three facilitator rings and a few lone workers,
 * each ring given one identifier its members certainly share (a laptop-farm drop address, a payout bank
 * account, a résumé template and a device), and three ordinary people turned into plain red-flag cases
 * (pay to a listed wallet, logins from the DPRK's network in Korean, pay to a wallet funded by the demo
 * laundering).
 *
 * @example
 * const { records, truth } = generateDemoWorkers({ listedWallet: '0x098b…', launderingWallet: '0x…' });
 */
export function generateDemoWorkers(o: DemoWorkersOptions): { records: RawRecord[]; truth: DemoWorkersTruth } {
  const seed = o.seed ?? DEMO_WORKERS_SEED;
  const population = new Population({ seed, size: o.size ?? DEMO_WORKERS_SIZE, plantedShare: 0.1, now: Date.parse(`${DEMO_WORKERS_NOW}T00:00:00Z`) });
  const records = Array.from({ length: population.size }, (_, i) => population.record(i));
  const rng = new Rng(seed, 0xde70);
  const byRing = new Map<string, number[]>();
  const lone: string[] = [];
  const singles: number[] = [];
  records.forEach((r, i) => {
    const t = population.truth(i);
    if (t.ring) byRing.set(t.ring, [...(byRing.get(t.ring) ?? []), i]);
    else if (t.kind === 'lone-worker') lone.push(String(r.id));
    else if (t.kind === 'single') singles.push(i);
  });
  const rings = [...byRing.entries()].map(([id, members], k) => {
    const theme = THEMES[k % THEMES.length]!;
    const ring = members.map((i) => records[i]!);
    if (theme === 'laptop farm') shareValue(ring, 'shipping_address');
    else if (theme === 'payout account') sharePayout(ring);
    else {
      shareResume(ring, rng);
      shareDevice(ring, ring.length);
    }
    if (theme !== 'résumé template and device') shareDevice(ring, 2);
    return { id, theme, members: ring.map((r) => String(r.id)) };
  });
  const [walletCase, networkCase, exposureCase] = [singles[3], singles[11], singles[19]].map((i) => records[i!]!);
  addPayout(walletCase!, { type: 'crypto', identifier: o.listedWallet, currency: 'ETH' });
  dprkLogins(networkCase!);
  addPayout(exposureCase!, { type: 'crypto', identifier: o.launderingWallet, currency: 'ETH' });
  return {
    records,
    truth: {
      seed,
      size: population.size,
      now: DEMO_WORKERS_NOW,
      rings,
      loneWorkers: lone,
      redFlagCases: [
        { id: String(walletCase!.id), flag: 'payout wallet on the sanctions excerpt (Lazarus Group)' },
        { id: String(networkCase!.id), flag: 'logins from the DPRK network, Korean as preferred language' },
        { id: String(exposureCase!.id), flag: 'payout wallet received funds from the demo laundering' },
      ],
    },
  };
}

/** Every member gets the value most members already have (the facilitator's drop, account, …). */
function shareValue(ring: RawRecord[], field: string): void {
  const counts = new Map<string, number>();
  for (const r of ring) counts.set(JSON.stringify(r[field]), (counts.get(JSON.stringify(r[field])) ?? 0) + 1);
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  for (const r of ring) r[field] = JSON.parse(common) as unknown;
}

function sharePayout(ring: RawRecord[]): void {
  const accounts = ring.flatMap((r) => (r.payment_accounts as RawRecord[]).filter((a) => a.type === 'bank'));
  const counts = new Map<string, RawRecord>();
  const seen = new Map<string, number>();
  for (const a of accounts) {
    const key = String(a.identifier);
    counts.set(key, a);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const shared = counts.get([...seen.entries()].sort((a, b) => b[1] - a[1])[0]![0])!;
  for (const r of ring) {
    const others = (r.payment_accounts as RawRecord[]).filter((a) => a.identifier !== shared.identifier);
    r.payment_accounts = [{ ...shared }, ...others];
  }
}

function shareResume(ring: RawRecord[], rng: Rng): void {
  const template = ring[0]!;
  const text = String(template.resume_text ?? '');
  const name = (template.names as string[])[0]!;
  if (!text) template.resume_text = `${name}, full-stack developer.`;
  for (const r of ring.slice(1)) r.resume_text = varyResume(String(template.resume_text), name, (r.names as string[])[0]!, 0.04, rng);
}

/** The first `count` members work on one device (in their device list and their logins). */
function shareDevice(ring: RawRecord[], count: number): void {
  const device = String((ring[0]!.devices as RawRecord[])[0]!.id);
  for (const r of ring.slice(1, count)) {
    const devices = r.devices as RawRecord[];
    const old = devices[0]!.id;
    devices[0]!.id = device;
    for (const l of (r.logins as RawRecord[] | undefined) ?? []) if (l.device_id === old) l.device_id = device;
  }
}

function addPayout(r: RawRecord, account: RawRecord): void {
  r.payment_accounts = [...((r.payment_accounts as RawRecord[] | undefined) ?? []), account];
}

function dprkLogins(r: RawRecord): void {
  const logins = (r.logins as RawRecord[] | undefined) ?? [];
  logins.forEach((l, k) => {
    if (k % 3 === 0) l.ip = `${DPRK_NETWORK}.${10 + k}`;
  });
  r.preferred_language = 'ko';
}
