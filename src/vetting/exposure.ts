/**
 * Wallet exposure: what share of a payout wallet's funds came from (or went to) stolen, sanctioned
 * or mixing sources. `chainExposureProvider` (chain-exposure.ts) implements {@link WalletExposureProvider}
 * over the tracing exposure engine; without one the `sanctions.wallet-exposure` rule reports itself as
 * not evaluated.
 */
export type ExposureRisk = 'none' | 'low' | 'medium' | 'high' | 'severe';

export interface WalletExposure {
  address: string;
  risk: ExposureRisk;
  /** Share of the wallet's traced value by category, in [0, 1]: e.g. `{ sanctioned: 0.4, stolen: 0.1 }`. */
  exposure: Record<string, number>;
  /** A sentence naming the sources, e.g. "40% of inflows trace within 2 hops to OFAC-listed Lazarus addresses". */
  explanation: string;
}

export interface WalletExposureProvider {
  /** Exposure of one address (any chain's format), or null when the provider has no data on it. */
  exposure(address: string): Promise<WalletExposure | null> | WalletExposure | null;
  /** What data the provider holds, for the report. */
  description?: string;
}
