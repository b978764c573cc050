import { addressKey } from '../../addresses/index.js';

/** Attribution categories (docs/tracing.md). */
export const LABEL_CATEGORIES = [
  'exchange',
  'mixer',
  'bridge',
  'dex',
  'instant_exchanger',
  'otc',
  'sanctioned',
  'stolen_funds',
  'scam',
  'gambling',
  'other',
] as const;
export type LabelCategory = (typeof LABEL_CATEGORIES)[number];

/** Services: funds pool inside them, so a trace stops there and reports an exit. */
export const SERVICE_CATEGORIES: ReadonlySet<LabelCategory> = new Set(['exchange', 'mixer', 'bridge', 'dex', 'instant_exchanger', 'otc', 'gambling']);

export interface Label {
  /** Canonical address (addressKey). */
  address: string;
  category: LabelCategory;
  /** Service or actor name: `Bybit`, `THORChain`, `Lazarus Group`. */
  name: string;
  /** tagpack, ofac, user, incident, fbi, heuristic */
  origin: string;
  /** 0–100 (GraphSense confidence levels). */
  confidence: number;
  source?: string;
  /** Finer kind: hot wallet, deposit address, router, … */
  detail?: string;
}

/**
 * Category of a GraphSense TagPack tag from its category, abuse and concepts.
 *
 * @example
 * tagpackCategory('user', 'sanction', []) // 'sanctioned'
 */
export function tagpackCategory(category: string | undefined, abuse: string | undefined, concepts: readonly string[]): LabelCategory {
  const all = [category, abuse, ...concepts].filter(Boolean).map((s) => s!.toLowerCase());
  if (all.includes('sanction')) return 'sanctioned';
  if (all.some((c) => ['mixing_service', 'coinjoin', 'mixer'].includes(c))) return 'mixer';
  if (all.some((c) => ['defi_bridge', 'bridge'].includes(c))) return 'bridge';
  if (all.some((c) => ['defi_dex', 'dex'].includes(c))) return 'dex';
  if (all.some((c) => ['service_hack', 'exploit', 'account_hack', 'theft'].includes(c)) && category !== 'exchange') return 'stolen_funds';
  if (all.some((c) => ['exchange', 'hot_wallet', 'cold_wallet', 'deposit_wallet'].includes(c))) return 'exchange';
  if (all.some((c) => ['scam', 'phishing', 'ransomware', 'ponzi_scheme'].includes(c))) return 'scam';
  if (all.includes('gambling')) return 'gambling';
  if (all.some((c) => ['otc', 'payment_processor'].includes(c))) return 'otc';
  return 'other';
}

/**
 * All labels by canonical address.
 *
 * @example
 * const book = new LabelBook([{ address: '0xd37b…', category: 'bridge', name: 'THORChain', origin: 'incident', confidence: 70 }]);
 * book.get('0xD37B…'); // [{ … }]
 */
export class LabelBook {
  private readonly byAddress = new Map<string, Label[]>();

  constructor(labels: Iterable<Label> = []) {
    for (const l of labels) this.add(l);
  }

  add(label: Label): void {
    const key = keyOf(label.address);
    const list = this.byAddress.get(key);
    const l = { ...label, address: key };
    if (!list) this.byAddress.set(key, [l]);
    else if (!list.some((x) => x.category === l.category && x.name === l.name && x.origin === l.origin)) list.push(l);
  }

  get(address: string): readonly Label[] {
    return this.byAddress.get(keyOf(address)) ?? [];
  }

  /** The service label of an address (highest confidence), if it is a service. */
  service(address: string): Label | undefined {
    return [...this.get(address)].filter((l) => SERVICE_CATEGORIES.has(l.category)).sort((a, b) => b.confidence - a.confidence)[0];
  }

  get size(): number {
    return this.byAddress.size;
  }

  all(): Label[] {
    return [...this.byAddress.values()].flat();
  }
}

const LOWER_EVM = /^0x[0-9a-f]{40}$/;

function keyOf(address: string): string {
  if (LOWER_EVM.test(address)) return address;
  const k = addressKey(address);
  return /^0x[0-9a-f]{40}$/i.test(k) ? k.toLowerCase() : k;
}
