/** Source-neutral shapes of one Ethereum block's data, filled from JSON-RPC or from export files. */

export interface EthBlockHeader {
  number: number;
  hash: string;
  parentHash: string;
  timestamp: number;
}

export interface EthTransaction {
  hash: string;
  index: number;
  from: string;
  /** null for a contract creation. */
  to: string | null;
  value: bigint;
}

export interface EthLog {
  address: string;
  topics: string[];
  data: string;
  logIndex: number;
  txHash: string;
  txIndex: number | null;
}

export interface EthReceipt {
  txHash: string;
  /** null before Byzantium (receipts carried a state root instead of a status). */
  status: boolean | null;
  contractAddress: string | null;
  logs: EthLog[];
}

/** One call frame in Parity's flat trace form (geth's callTracer output is flattened into this). */
export interface EthCallFrame {
  txIndex: number | null;
  txHash: string | null;
  traceAddress: number[];
  type: 'call' | 'create' | 'suicide' | 'reward' | 'other';
  /** call, delegatecall, staticcall, callcode for calls; create/create2 for creations. */
  callType: string | null;
  from: string | null;
  to: string | null;
  value: bigint;
  /** This frame reverted or failed. */
  failed: boolean;
}

export interface EthBlock extends EthBlockHeader {
  transactions: EthTransaction[];
}
