import { EVM_CHAINS, normaliseAddress } from '../addresses/index.js';
import { InputError } from '../errors.js';
import type { TransferGraph } from '../graph/transfer-graph.js';
import { exposure, type ExposureReport } from '../tracing/exposure.js';
import type { LabelBook } from '../tracing/labels/label.js';
import { RISK_ORDER } from '../tracing/risk-rules.js';
import type { ExposureRisk, WalletExposure, WalletExposureProvider } from './exposure.js';

/** Where the exposure engine finds a chain's transfer graph and the labels (null: no data on that chain). */
export interface ChainGraphs {
  /** Chains that hold transfers. */
  chains: readonly string[];
  graph(chain: string): Promise<{ graph: TransferGraph; labels: LabelBook } | null> | { graph: TransferGraph; labels: LabelBook } | null;
}

/**
 * Connects the vetting rule `sanctions.wallet-exposure` to the tracing exposure engine: each payout
 * wallet is scored on every stored chain its format belongs to (an EVM address on each EVM chain
 * loaded), and the worst result is kept with its explanation.
 *
 * @example
 * const provider = chainExposureProvider({ chains: ['ethereum'], graph: () => ({ graph, labels }) });
 * await provider.exposure('0x098b716b8aaf21512996dc57eb0615e2383e2f96'); // { risk: 'severe', … }
 */
export function chainExposureProvider(source: ChainGraphs, options: { hops?: number } = {}): WalletExposureProvider {
  const hops = options.hops ?? 3;
  return {
    description: `exposure engine over stored transfers (${source.chains.join(', ') || 'no chain'}; haircut, ${hops} hops)`,
    async exposure(address) {
      const n = normaliseAddress(address);
      if (!n.valid) return null;
      const chains = n.family === 'evm' ? source.chains.filter((c) => EVM_CHAINS.has(c)) : source.chains.filter((c) => c === n.chain);
      const reports: { chain: string; report: ExposureReport }[] = [];
      for (const chain of chains) {
        const data = await source.graph(chain);
        if (!data) continue;
        try {
          reports.push({ chain, report: exposure(data.graph, data.labels, n.address, { hops }) });
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
        }
      }
      return reports.length ? walletExposureOf(n.address, reports) : null;
    },
  };
}

/** The worst chain's risk; per category the largest share seen on any chain. */
export function walletExposureOf(address: string, reports: readonly { chain: string; report: ExposureReport }[]): WalletExposure {
  let risk: ExposureRisk = 'none';
  const shares = new Map<string, number>();
  const sentences: string[] = [];
  for (const { chain, report } of reports) {
    const chainRisk: ExposureRisk = report.items.length ? report.risk : 'none';
    if (rank(chainRisk) > rank(risk)) risk = chainRisk;
    for (const item of report.items) shares.set(item.category, Math.max(shares.get(item.category) ?? 0, Math.min(1, item.share)));
    sentences.push(`${chain}: ${report.explanation.join('; ')}`);
  }
  return { address, risk, exposure: Object.fromEntries(shares), explanation: sentences.join(' | ') };
}

function rank(risk: ExposureRisk): number {
  return risk === 'none' ? -1 : RISK_ORDER.indexOf(risk);
}
