import type { TaintModel } from '../tracing/taint-engine.js';

/** How each taint model divides stolen funds (docs/tracing.md), in the words a report prints. */
export const MODEL_NOTES: Readonly<Record<TaintModel, string>> = {
  haircut:
    'Haircut model: every wallet holds a balance and a tainted part; each transfer out carries the wallet’s tainted share of the amount (a wallet holding 30% stolen funds passes on 30% of whatever it sends). Taint is conserved and spreads thinly.',
  poison:
    'Poison model: after its first tainted receipt a wallet is poisoned and every later transfer out is counted as fully tainted. It over-counts on purpose: an upper bound of what may be stolen funds.',
  fifo: 'FIFO model (first in, first out, Clayton’s Case): a wallet spends the funds it received in the order it received them; stolen lots are followed exactly, split where a payment takes part of one. Lossless and deterministic.',
};

/** What every traced figure rests on and where it stops. */
export const TRACE_NOTES: readonly string[] = [
  'Seeds: the registry’s seed addresses for the incident; every stored transfer out of them is counted as fully tainted, each at the hop the registry gives it.',
  'Not followed: zero-value transfers, tokens that are not on the allowlist, look-alike transfers (address poisoning), non-fungible tokens and failed transactions, and nothing beyond the hop limit.',
  'Services: wallets labelled as an exchange, mixer, bridge, DEX, instant exchanger, OTC desk or gambling service absorb the taint they receive and are reported as exits; funds are not followed through a service. Labels come from the incident registry, the OFAC and TagPack lists loaded, user labels and two heuristics (deposit addresses, multi-input clusters), which say so where they apply.',
  'Swaps: when a wallet sends one asset and receives another in the same transaction, the received amount takes the sent tainted share (reported as “swapped inside traced wallets”).',
  'Amounts are in whole units of each asset; a share is of the taint created in that asset (seeded plus swapped). USD figures are those the cited sources published at the time, not computed by Counterflow.',
];

export const TRACE_LIMITS: readonly string[] = [
  'The trace sees only the transfers in the chain store: an incomplete extract under-reports later hops and exits.',
  'A taint figure is a model estimate of where value went, not proof of who controls a wallet.',
  'Bridge payouts on other chains are not linked in this report (see `counterflow trace` with both chains ingested).',
];
