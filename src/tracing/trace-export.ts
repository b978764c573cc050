import { EntityBuilder, slugId, type FtmEntity } from '../ftm/entity.js';
import type { TraceReport } from './trace.js';

const CSV_COLUMNS = ['from', 'to', 'tx_hash', 'position', 'block', 'time', 'asset', 'amount', 'taint'] as const;

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The traced edges as CSV (one row per tainted transfer).
 *
 * @example
 * writeFileSync('trace.csv', traceCsv(report));
 */
export function traceCsv(report: TraceReport): string {
  const rows = report.edges.map((e) => CSV_COLUMNS.map((c) => csvCell(e[c])).join(','));
  return `${[CSV_COLUMNS.join(','), ...rows].join('\n')}\n`;
}

/**
 * The trace as FollowTheMoney entities: a CryptoWallet per address (taint in `notes`, labels in
 * `keywords`) and a Payment per tainted transfer (payer/beneficiary = the wallets).
 *
 * @example
 * traceFtm(report, 'ethereum').map((e) => JSON.stringify(e)).join('\n')
 */
export function traceFtm(report: TraceReport, chain: string, dataset = 'counterflow_trace'): FtmEntity[] {
  const wallets = new Map<string, EntityBuilder>();
  const wallet = (address: string) => {
    let w = wallets.get(address);
    if (!w) {
      w = new EntityBuilder('CryptoWallet', slugId('wallet', chain, address), dataset).add('publicKey', address).add('currency', chain);
      wallets.set(address, w);
    }
    return w;
  };
  for (const a of report.addresses) {
    const w = wallet(a.address);
    w.add('notes', `asset ${a.asset}: tainted received ${a.tainted_received}, tainted balance ${a.tainted_balance}, hop ${a.hop}`);
    w.add('keywords', a.labels.map((l) => `${l.category}: ${l.name}`));
  }
  const payments: FtmEntity[] = report.edges.map((e) => {
    const p = new EntityBuilder('Payment', slugId('payment', chain, e.tx_hash, e.position), dataset)
      .add('payer', wallet(e.from).id)
      .add('beneficiary', wallet(e.to).id)
      .add('amount', String(e.amount))
      .add('currency', e.asset)
      .add('date', e.time.slice(0, 10))
      .add('transactionNumber', e.tx_hash)
      .add('summary', `taint ${e.taint} of ${e.amount}`);
    return p.build();
  });
  return [...[...wallets.values()].map((w) => w.build()), ...payments];
}
