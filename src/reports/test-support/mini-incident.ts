import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NATIVE_ASSET, NATIVE_POSITION, type Transfer } from '../../chain/transfer.js';
import { TransferStore } from '../../store/transfer-store.js';
import type { Incident } from '../../tracing/labels/incidents.js';
import { addUserLabels } from '../../tracing/labels/user-labels.js';

const addr = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;

export const MINI = {
  victim: addr(0x100),
  seed: addr(0x200),
  wallets: [addr(0x301), addr(0x302), addr(0x303), addr(0x304), addr(0x305)] as const,
  layer2: addr(0x401),
  layer3: addr(0x402),
  bridge: addr(0x501),
  exchange: addr(0x502),
  mixer: addr(0x503),
} as const;

/** The registry record of the mini theft (a made-up incident with a Hangul victim name). */
export const MINI_INCIDENT: Incident = {
  id: 'test-heist-2025',
  name: 'Test heist',
  date: '2025-06-01',
  victim: '가나 Exchange (test)',
  chains: ['ethereum'],
  amounts: [{ asset: 'ETH', amount: '1000', source: 's1' }],
  usd: { low: 2_000_000, high: 2_500_000, source: 's1' },
  attribution: { actor: 'Test Group', by: 'Test Agency', source: 's1' },
  sources: [{ id: 's1', title: 'Test agency notice', url: 'https://example.org/notice', date: '2025-06-02' }],
  addresses: [{ address: MINI.seed, role: 'theft receiver', source: 's1', seed: true, hop: 0 }],
  services: [],
};

/**
 * A temp home whose chain store holds a small laundering: the seed gets 1,000 ETH, splits 5 × 200 ETH
 * within minutes, and the wallets send 400 to a bridge, 200 + 100 to an exchange, 150 to a mixer, keeping
 * 150 (50 each at hops 1, 2 and 3). Services are user labels of the home.
 *
 * @example
 * const home = await miniIncidentHome();
 */
export async function miniIncidentHome(): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), 'cf-report-'));
  const store = await TransferStore.open({ home });
  try {
    const t0 = Date.parse('2025-06-01T10:00:00Z') / 1000;
    let n = 0;
    const move = (from: string, to: string, eth: number, at: number): Transfer => {
      n++;
      return { chain: 'ethereum', blockNumber: 1000 + n, blockTime: at, txHash: `0x${n.toString(16).padStart(64, '0')}`, txIndex: 0, position: NATIVE_POSITION, kind: 'native', from, to, asset: NATIVE_ASSET, amount: BigInt(eth) * 10n ** 18n, success: true, flags: 0 };
    };
    const [w1, w2, w3, w4, w5] = MINI.wallets;
    const transfers = [
      move(MINI.victim, MINI.seed, 1000, t0),
      ...MINI.wallets.map((w, i) => move(MINI.seed, w, 200, t0 + 600 + i * 60)),
      move(w1, MINI.bridge, 200, t0 + 3600),
      move(w2, MINI.bridge, 200, t0 + 3700),
      move(w3, MINI.exchange, 200, t0 + 3800),
      move(w4, MINI.mixer, 150, t0 + 3900),
      move(w5, MINI.layer2, 200, t0 + 86_400),
      move(MINI.layer2, MINI.exchange, 100, t0 + 90_000),
      move(MINI.layer2, MINI.layer3, 50, t0 + 90_100),
    ];
    store.write({ chain: 'ethereum', sourceId: store.sourceId('ethereum', 'files', 'mini.csv'), transfers });
  } finally {
    await store.close();
  }
  addUserLabels(home, [
    { address: MINI.bridge, category: 'bridge', name: 'TestBridge', origin: 'user', confidence: 100 },
    { address: MINI.exchange, category: 'exchange', name: 'TestExchange', origin: 'user', confidence: 100 },
    { address: MINI.mixer, category: 'mixer', name: 'TestMixer', origin: 'user', confidence: 100 },
  ]);
  return home;
}
