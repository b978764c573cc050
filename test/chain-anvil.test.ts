import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestEthereum } from '../src/chain/ingest-eth.js';
import { createRpcClient } from '../src/chain/rpc-client.js';
import { startAnvil, type RunningAnvil } from '../src/chain/test-support/anvil.js';
import { anvilClients, mineTransfers, runAnvilScenario, type Scenario } from '../src/chain/test-support/anvil-scenario.js';
import { startDelayingProxy } from '../src/chain/test-support/rpc-proxy.js';
import { TRANSFER_FLAGS } from '../src/chain/transfer-flags.js';
import { TransferStore } from '../src/store/transfer-store.js';
import { runCli, tempHome } from './support.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** The comparable core of a stored transfer. */
function core(t: { txHash: string; kind: string; from: string | null; to: string | null; asset: string; amount: bigint; success: boolean | null }) {
  return `${t.txHash} ${t.kind} ${t.from} → ${t.to} ${t.amount} ${t.asset} ${t.success}`;
}

describe('ingest over JSON-RPC from a real node (anvil)', () => {
  let anvil: RunningAnvil;
  let scenario: Scenario;

  beforeAll(async () => {
    anvil = await startAnvil();
    scenario = await runAnvilScenario(anvil.url);
  });
  afterAll(async () => {
    await anvil?.stop();
  });

  it.each(['auto', 'geth'] as const)('stores exactly the transfers that were sent, failed ones marked (traces: %s)', async (traces) => {
    const store = await TransferStore.open({ home: tempHome('cf-anvil-') });
    try {
      const report = await ingestEthereum(store, createRpcClient(anvil.url), { from: 0, to: scenario.head, traces });
      expect(report.capabilities?.traces).toBe(traces === 'auto' ? 'parity' : 'geth');
      const stored = store.transfers({ toBlock: scenario.head });
      expect(stored.map(core).sort()).toEqual(scenario.expected.map(core).sort());
      expect(report.written).toMatchObject({ inserted: scenario.expected.length, duplicates: 0, enriched: 0 });
      // Failed calls are kept but marked: the reverted forward and the caught inner revert.
      expect(stored.filter((t) => t.success === false).map((t) => t.kind).sort()).toEqual(['internal', 'internal', 'internal', 'native', 'native']);
      // The token was looked up on chain, but it is not on the allowlist: its transfers are unverified.
      expect(store.token('ethereum', scenario.token.toLowerCase())).toMatchObject({ symbol: 'CFT', decimals: 6, verified: false });
      expect(stored.filter((t) => t.kind === 'token').every((t) => (t.flags & TRANSFER_FLAGS.unverifiedToken) !== 0)).toBe(true);
      // The zero-value transferFrom to 0xa4b2…449e next to a real ETH payment to another 0xa4b2…449e.
      const found = store.detectLookalikes('ethereum');
      expect(found).toEqual([{ address: scenario.poisoning.lookalike, resembles: scenario.poisoning.real, counterparty: scenario.sender.toLowerCase() }]);
      const poisoned = store.transfers({ address: scenario.poisoning.lookalike });
      expect(poisoned).toHaveLength(1);
      expect(poisoned[0]!.flags & TRANSFER_FLAGS.lookalike).toBe(TRANSFER_FLAGS.lookalike);

      const again = await ingestEthereum(store, createRpcClient(anvil.url), { from: 0, to: scenario.head, traces });
      expect(again.startedAt).toBeNull();
      expect(store.countTransfers()).toBe(scenario.expected.length);
    } finally {
      await store.close();
    }
  });

  it('resumes a killed ingest where it stopped, with no loss and no duplicate', async () => {
    const mined = await mineTransfers(anvil.url, 60);
    const head = Number(await anvilClients(anvil.url).public.getBlockNumber({ cacheTime: 0 }));
    const reference = await TransferStore.open({ home: tempHome('cf-anvil-ref-') });
    await ingestEthereum(reference, createRpcClient(anvil.url), { from: 0, to: head });
    const expected = reference.transfers().map(core);
    expect(reference.transfers().filter((t) => mined.includes(t.txHash as `0x${string}`))).toHaveLength(60);
    await reference.close();

    const proxy = await startDelayingProxy(anvil.url, 15);
    const home = tempHome('cf-anvil-kill-');
    try {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', "const { main } = await import('./src/cli/main.ts'); process.exitCode = await main(process.argv.slice(1));", '--', '--home', home, 'ingest', 'eth', '--rpc', proxy.url, '--from', '0', '--to', String(head), '--blocks-per-batch', '2', '--rpc-concurrency', '1'],
        { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let childErr = '';
      child.stderr.on('data', (c: Buffer) => (childErr += c.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      // Kill once a few batches are committed, well before the end.
      const killedAt = await new Promise<number>((resolve, reject) => {
        const timer = setInterval(() => {
          let cp: number | undefined;
          try {
            const db = new Sqlite(join(home, 'counterflow.db'), { readonly: true, fileMustExist: true });
            cp = (db.prepare('SELECT max(block_number) AS n FROM chain_checkpoints').get() as { n: number | null }).n ?? undefined;
            db.close();
          } catch {
            cp = undefined; // not created yet
          }
          if (cp !== undefined && cp >= 10) {
            clearInterval(timer);
            child.kill('SIGKILL');
            resolve(cp);
          }
        }, 20);
        child.once('exit', () => {
          clearInterval(timer);
          reject(new Error(`the ingest ended before it could be killed: ${childErr}`));
        });
      });
      expect(await exited).toBeNull();
      expect(killedAt).toBeLessThan(head);

      proxy.delayMs = 0;
      const store = await TransferStore.open({ home });
      try {
        const resumed = await ingestEthereum(store, createRpcClient(proxy.url), { from: 0, to: head });
        const checkpointAtKill = resumed.startedAt! - 1;
        expect(checkpointAtKill).toBeGreaterThanOrEqual(killedAt);
        expect(checkpointAtKill).toBeLessThan(head);
        expect(resumed.written.duplicates).toBe(0);
        expect(store.transfers().map(core)).toEqual(expected);
      } finally {
        await store.close();
      }
    } finally {
      await proxy.stop();
    }
  });

  it('follows a reorg: rolls back to the common ancestor and re-ingests the new chain', async () => {
    const { test, wallet, public: pub } = anvilClients(anvil.url);
    const store = await TransferStore.open({ home: tempHome('cf-anvil-reorg-') });
    try {
      const base = Number(await pub.getBlockNumber({ cacheTime: 0 }));
      const snapshot = await test.snapshot();
      const old: `0x${string}`[] = [];
      for (let i = 0; i < 3; i++) old.push(await wallet.sendTransaction({ to: '0x00000000000000000000000000000000000001d1', value: parseEther('0.01') }));
      // Ingest only once every transaction is mined: under load the last one may still be pending.
      for (const hash of old) await pub.waitForTransactionReceipt({ hash, pollingInterval: 20 });
      await ingestEthereum(store, createRpcClient(anvil.url), { from: 0 });
      expect(store.transfers({ address: '0x00000000000000000000000000000000000001d1' })).toHaveLength(3);

      await test.revert({ id: snapshot });
      const replacement: `0x${string}`[] = [];
      for (let i = 0; i < 4; i++) replacement.push(await wallet.sendTransaction({ to: '0x00000000000000000000000000000000000002d2', value: parseEther('0.02') }));
      for (const hash of replacement) await pub.waitForTransactionReceipt({ hash, pollingInterval: 20 });
      const report = await ingestEthereum(store, createRpcClient(anvil.url), { from: 0 });

      expect(report.reorgs).toHaveLength(1);
      expect(report.reorgs[0]).toMatchObject({ commonAncestor: base, dropped: { transfers: 3 } });
      expect(store.transfers({ address: '0x00000000000000000000000000000000000001d1' })).toHaveLength(0);
      expect(store.transfers({ address: '0x00000000000000000000000000000000000002d2' }).map((t) => t.txHash).sort()).toEqual(replacement.sort());
      for (let n = base + 1; n <= base + 4; n++) {
        expect(store.storedBlockHash('ethereum', n)).toBe((await pub.getBlock({ blockNumber: BigInt(n) })).hash);
      }
    } finally {
      await store.close();
    }
  });

  it('with follow, keeps ingesting new blocks as they come until stopped', async () => {
    const store = await TransferStore.open({ home: tempHome('cf-anvil-follow-') });
    const controller = new AbortController();
    try {
      const { public: pub } = anvilClients(anvil.url);
      const waitForCheckpoint = async (block: number) => {
        for (let i = 0; i < 400 && (store.checkpoint('ethereum', 1)?.blockNumber ?? -1) < block; i++) await new Promise((r) => setTimeout(r, 25));
        expect(store.checkpoint('ethereum', 1)?.blockNumber).toBeGreaterThanOrEqual(block);
      };
      const running = ingestEthereum(store, createRpcClient(anvil.url), { from: 0, follow: true, pollMs: 30, signal: controller.signal });
      await waitForCheckpoint(Number(await pub.getBlockNumber({ cacheTime: 0 })));
      const later = await mineTransfers(anvil.url, 3);
      await waitForCheckpoint(Number(await pub.getBlockNumber({ cacheTime: 0 })));
      controller.abort();
      const report = await running;
      expect(report.startedAt).toBe(0);
      expect(later.map((h) => store.transfers({ txHash: h }).length)).toEqual([1, 1, 1]);
    } finally {
      controller.abort();
      await store.close();
    }
  });

  it('counterflow ingest eth and chain status report the ranges, counts and checkpoint', async () => {
    const home = tempHome('cf-anvil-cli-');
    const ingest = await runCli(['--home', home, 'ingest', 'eth', '--rpc', anvil.url, '--from', '0', '--to', String(scenario.head), '--json']);
    expect(ingest.code).toBe(0);
    expect(JSON.parse(ingest.out)).toMatchObject({ startedAt: 0, lastBlock: scenario.head, written: { inserted: scenario.expected.length } });
    const status = JSON.parse((await runCli(['--home', home, 'chain', 'status', '--json'])).out);
    expect(status.chains[0]).toMatchObject({ chain: 'ethereum', transfers: scenario.expected.length, lowestBlock: 1, highestBlock: scenario.head });
    expect(status.sources[0]).toMatchObject({ kind: 'rpc', name: anvil.url, ranges: [{ from: 0, to: scenario.head }], checkpoint: { blockNumber: scenario.head } });
    const text = await runCli(['--home', home, 'chain', 'status']);
    expect(text.out).toMatch(new RegExp(`${anvil.url.replace(/[.:/]/g, '\\$&')}\\s+ethereum\\s+rpc\\s+${scenario.expected.length}\\s+0–${scenario.head}\\s+${scenario.head}`));
  });
});
