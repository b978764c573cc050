import type { EthBlock, EthCallFrame, EthLog, EthReceipt, EthTransaction } from './eth-block-data.js';
import { decodeTransferLog } from './erc20-transfer-log.js';
import { TRANSFER_FLAGS, intrinsicFlags } from './transfer-flags.js';
import { NATIVE_ASSET, NATIVE_POSITION, logPosition, tracePosition, type Transfer } from './transfer.js';

/**
 * The movement of a transaction's own value. Every transaction gives one, zero-value calls included (flagged
 * zeroValue), so the transaction's sender, receiver and success stay on record.
 *
 * @example
 * ethNativeTransfer('ethereum', { number: 1, timestamp: 2 }, tx, { status: true, contractAddress: null })
 */
export function ethNativeTransfer(
  chain: string,
  block: { number: number; timestamp: number | null },
  tx: EthTransaction,
  receipt?: Pick<EthReceipt, 'status' | 'contractAddress'> | null,
): Transfer {
  return {
    chain,
    blockNumber: block.number,
    blockTime: block.timestamp,
    txHash: tx.hash,
    txIndex: tx.index,
    position: NATIVE_POSITION,
    kind: 'native',
    from: tx.from,
    to: tx.to ?? receipt?.contractAddress ?? null,
    asset: NATIVE_ASSET,
    amount: tx.value,
    success: receipt ? receipt.status : null,
    flags: intrinsicFlags(chain, NATIVE_ASSET, tx.value),
  };
}

/**
 * Token transfers decoded from logs (ERC-20 `Transfer`, and ERC-721-shaped ones flagged nonFungible).
 * Logs exist only for successful transactions, so these are always `success: true`.
 *
 * @example
 * ethTokenTransfers('ethereum', 17173049, 1683029999, receipt.logs)
 */
export function ethTokenTransfers(chain: string, blockNumber: number, blockTime: number | null, logs: readonly EthLog[]): Transfer[] {
  const out: Transfer[] = [];
  for (const log of logs) {
    const decoded = decodeTransferLog(log.topics, log.data);
    if (!decoded) continue;
    const asset = log.address;
    out.push({
      chain,
      blockNumber,
      blockTime,
      txHash: log.txHash,
      txIndex: log.txIndex,
      position: logPosition(log.logIndex),
      kind: 'token',
      from: decoded.from,
      to: decoded.to,
      asset,
      amount: decoded.amount,
      success: true,
      flags: intrinsicFlags(chain, asset, decoded.amount, decoded.nonFungible ? TRANSFER_FLAGS.nonFungible : 0),
    });
  }
  return out;
}

/** Why a call frame gave no transfer; counted so nothing read is dropped without a trace. */
export type FrameSkip = 'zeroValue' | 'reward' | 'noValueMovement' | 'topLevel' | 'unknownType';

/**
 * Internal transfers from call frames: value-carrying `call`s, creations with value and self-destruct
 * refunds. A frame whose own call or any enclosing call failed (or whose transaction failed) moved nothing
 * and is stored with `success: false`. delegatecall, staticcall and callcode move no value between accounts.
 * Top-level frames are the transaction's own value and are left to ethNativeTransfer unless
 * `includeTopLevel` is set (an export with traces but no transactions).
 *
 * @example
 * ethInternalTransfers('ethereum', 1000000, null, frames, { txSuccess: () => true })
 */
export function ethInternalTransfers(
  chain: string,
  blockNumber: number,
  blockTime: number | null,
  frames: readonly EthCallFrame[],
  options: {
    txSuccess?: (frame: EthCallFrame) => boolean | null;
    includeTopLevel?: boolean;
    onSkip?: (reason: FrameSkip, frame: EthCallFrame) => void;
  } = {},
): Transfer[] {
  const failedPaths = new Set<string>();
  for (const f of frames) if (f.failed) failedPaths.add(`${f.txHash ?? f.txIndex}:${f.traceAddress.join(',')}`);
  const ancestorFailed = (f: EthCallFrame): boolean => {
    if (failedPaths.size === 0) return false;
    const tx = f.txHash ?? f.txIndex;
    for (let depth = f.traceAddress.length; depth >= 0; depth--) {
      if (failedPaths.has(`${tx}:${f.traceAddress.slice(0, depth).join(',')}`)) return true;
    }
    return false;
  };
  const out: Transfer[] = [];
  for (const f of frames) {
    const topLevel = f.traceAddress.length === 0;
    if (f.type === 'reward') {
      options.onSkip?.('reward', f);
      continue;
    }
    if (f.type === 'other') {
      options.onSkip?.('unknownType', f);
      continue;
    }
    if (topLevel && !options.includeTopLevel) {
      options.onSkip?.('topLevel', f);
      continue;
    }
    if (f.type === 'call' && f.callType !== null && f.callType !== 'call') {
      options.onSkip?.('noValueMovement', f);
      continue;
    }
    if (!topLevel && f.value === 0n) {
      options.onSkip?.('zeroValue', f);
      continue;
    }
    if (!f.txHash) {
      options.onSkip?.('unknownType', f);
      continue;
    }
    const txOk = options.txSuccess ? options.txSuccess(f) : null;
    // The frames carry every failure (the top-level frame included), so without a receipt they still decide.
    const success = !(ancestorFailed(f) || txOk === false);
    out.push({
      chain,
      blockNumber,
      blockTime,
      txHash: f.txHash,
      txIndex: f.txIndex,
      position: topLevel ? NATIVE_POSITION : tracePosition(f.traceAddress),
      kind: topLevel ? 'native' : 'internal',
      from: f.from,
      to: f.to,
      asset: NATIVE_ASSET,
      amount: f.value,
      success,
      flags: intrinsicFlags(chain, NATIVE_ASSET, f.value),
    });
  }
  return out;
}

/**
 * Every transfer of one block from its transactions, receipts (null: not fetched) and call frames (null:
 * the node offers no traces).
 *
 * @example
 * const transfers = ethBlockTransfers('ethereum', block, receipts, frames);
 */
export function ethBlockTransfers(
  chain: string,
  block: EthBlock,
  receipts: readonly EthReceipt[] | null,
  frames: readonly EthCallFrame[] | null,
  onSkip?: (reason: FrameSkip, frame: EthCallFrame) => void,
): Transfer[] {
  const receiptByTx = new Map<string, EthReceipt>();
  for (const r of receipts ?? []) receiptByTx.set(r.txHash, r);
  const out: Transfer[] = [];
  for (const tx of block.transactions) out.push(ethNativeTransfer(chain, block, tx, receiptByTx.get(tx.hash) ?? null));
  if (frames) {
    const txByIndex = new Map(block.transactions.map((t) => [t.index, t]));
    const normalised = frames.map((f) => {
      // geth's callTracer does not name the transaction: join on its position in the block.
      const tx = f.txIndex !== null ? txByIndex.get(f.txIndex) : undefined;
      return f.txHash || !tx ? f : { ...f, txHash: tx.hash };
    });
    out.push(
      ...ethInternalTransfers(chain, block.number, block.timestamp, normalised, {
        txSuccess: (f) => (f.txHash ? (receiptByTx.get(f.txHash)?.status ?? null) : null),
        onSkip,
      }),
    );
  }
  for (const r of receipts ?? []) out.push(...ethTokenTransfers(chain, block.number, block.timestamp, r.logs));
  return out;
}
