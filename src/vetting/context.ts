import type { ExposureRisk, WalletExposure } from './exposure.js';
import type { WorkerRecord } from './input/record.js';
import type { IpIntel } from './ip/ip-intel.js';
import type { LinkGraph } from './links/link-graph.js';
import type { SanctionsScreen } from './sanctions.js';

/** A ring peer's first-pass result, for the ring rules. */
export interface PeerResult {
  index: number;
  id: string;
  score: number;
  /** Titles of the peer's strongest fired rules. */
  topRules: string[];
  blocking: boolean;
}

/** Everything a rule may read besides the record itself. */
export interface VetContext {
  /** The time rules measure ages against (epoch ms). */
  now: number;
  ip: IpIntel;
  records: readonly WorkerRecord[];
  /** Index of a record in `records` (by id). */
  indexOf(record: WorkerRecord): number;
  graph: LinkGraph;
  /** Absent when no sanctions lists are loaded: the sanctions rules then report "not evaluated". */
  sanctions?: SanctionsScreen;
  /** Wallet exposures fetched before the rules ran, by wallet address as given; absent without a provider. */
  exposures?: ReadonlyMap<string, WalletExposure | null>;
  /** Minimum exposure risk that fires the exposure rule. */
  exposureFloor?: ExposureRisk;
  /** Ratings by client account: which records each client rated, when and how. */
  ratingsByClient: ReadonlyMap<string, { record: number; score: number; at?: number }[]>;
  /** Records by the id of the record that referred them. */
  referralsBy: ReadonlyMap<string, number[]>;
  /** Ring phase only: first-pass results of every record. */
  firstPass?: readonly PeerResult[];
}
