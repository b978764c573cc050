import { readFileSync } from 'node:fs';
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  encodeFunctionData,
  http,
  parseEther,
  type Abi,
  type Address,
  type Hash,
  type Hex,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';

/** anvil's first two default accounts (public test keys from the well-known "test … junk" mnemonic). */
export const ANVIL_KEYS = [
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '0x59c4d6f3ad16ce5b8f2e9fd8a22c4bb8a8c47a4f9a2c0e1c46d2a6e1ecb3bdc5',
] as const;

export interface CompiledContract {
  abi: Abi;
  bytecode: Hex;
}

export function compiledContracts(): { TestToken: CompiledContract; Forwarder: CompiledContract } {
  const compiled = JSON.parse(readFileSync(new URL('./contracts/compiled.json', import.meta.url), 'utf8')) as {
    contracts: Record<string, CompiledContract>;
  };
  return { TestToken: compiled.contracts.TestToken!, Forwarder: compiled.contracts.Forwarder! };
}

/** A transfer the scenario expects the ingest to find (kind, parties, amount, success). */
export interface ExpectedTransfer {
  txHash: Hash;
  kind: 'native' | 'internal' | 'token';
  from: string;
  to: string;
  asset: string;
  amount: bigint;
  success: boolean;
}

export interface Scenario {
  sender: Address;
  token: Address;
  forwarder: Address;
  expected: ExpectedTransfer[];
  /** Head block after the scenario. */
  head: number;
  /** The real counterparty and its look-alike in the poisoning step. */
  poisoning: { real: Address; lookalike: Address };
}

export function anvilClients(url: string) {
  const account = privateKeyToAccount(ANVIL_KEYS[0]);
  const transport = http(url);
  return {
    account,
    wallet: createWalletClient({ account, chain: foundry, transport }),
    public: createPublicClient({ chain: foundry, transport }),
    test: createTestClient({ mode: 'anvil', chain: foundry, transport }),
  };
}

/**
 * Deploys an ERC-20 and a forwarding contract on anvil and sends a known set of transfers, several per block:
 * plain ETH, token transfers, internal ETH forwards (one and two hops of value), a transaction that forwards
 * then reverts (failed: nothing moved), a caught inner revert (transaction succeeds, inner transfer failed), a
 * failing token transfer and a zero-value transferFrom to a look-alike of a real counterparty.
 */
export async function runAnvilScenario(url: string): Promise<Scenario> {
  const { account, wallet, public: pub, test } = anvilClients(url);
  const { TestToken, Forwarder } = compiledContracts();
  const sender = account.address;
  const lower = (a: string) => a.toLowerCase();
  const expected: ExpectedTransfer[] = [];

  const deploy = async (c: CompiledContract, args: unknown[]) => {
    const hash = await wallet.deployContract({ abi: c.abi, bytecode: c.bytecode, args });
    const receipt = await pub.waitForTransactionReceipt({ hash });
    return { address: receipt.contractAddress!, hash };
  };
  const token = await deploy(TestToken, [1_000_000_000_000n]);
  const forwarder = await deploy(Forwarder, []);
  // Deployments: value 0 to the created contract; the mint is a Transfer from the zero address.
  expected.push({ txHash: token.hash, kind: 'native', from: lower(sender), to: lower(token.address), asset: 'native', amount: 0n, success: true });
  expected.push({ txHash: token.hash, kind: 'token', from: '0x0000000000000000000000000000000000000000', to: lower(sender), asset: lower(token.address), amount: 1_000_000_000_000n, success: true });
  expected.push({ txHash: forwarder.hash, kind: 'native', from: lower(sender), to: lower(forwarder.address), asset: 'native', amount: 0n, success: true });

  const bob: Address = '0x000000000000000000000000000000000000b0b0';
  const carol: Address = '0x00000000000000000000000000000000000ca201';
  const dave: Address = '0x000000000000000000000000000000000000da7e';
  const erin: Address = '0x00000000000000000000000000000000000e2140';
  const real: Address = '0xa4b2fd68593b6f34e51cb9edb66e71c1b4ab449e';
  const lookalike: Address = '0xa4b24033f4c6d70133e4557c2c32a3fb693e449e';

  await test.setAutomine(false);
  const send = async (to: Address, value: bigint, data?: Hex, gas?: bigint) => wallet.sendTransaction({ to, value, data, gas });
  const call = (c: CompiledContract, functionName: string, args: unknown[]) => encodeFunctionData({ abi: c.abi, functionName, args });
  const mine = async (hashes: Hash[]) => {
    await test.mine({ blocks: 1 });
    for (const h of hashes) await pub.waitForTransactionReceipt({ hash: h });
  };

  // Block A: plain ETH, a token transfer, a forward, a split.
  const a1 = await send(bob, parseEther('1'));
  const a2 = await send(token.address, 0n, call(TestToken, 'transfer', [carol, 1_000n]), 100_000n);
  const a3 = await send(forwarder.address, parseEther('0.5'), call(Forwarder, 'forward', [dave]), 100_000n);
  const a4 = await send(forwarder.address, parseEther('1'), call(Forwarder, 'split', [erin, bob]), 150_000n);
  await mine([a1, a2, a3, a4]);
  expected.push({ txHash: a1, kind: 'native', from: lower(sender), to: bob, asset: 'native', amount: parseEther('1'), success: true });
  expected.push({ txHash: a2, kind: 'native', from: lower(sender), to: lower(token.address), asset: 'native', amount: 0n, success: true });
  expected.push({ txHash: a2, kind: 'token', from: lower(sender), to: carol, asset: lower(token.address), amount: 1_000n, success: true });
  expected.push({ txHash: a3, kind: 'native', from: lower(sender), to: lower(forwarder.address), asset: 'native', amount: parseEther('0.5'), success: true });
  expected.push({ txHash: a3, kind: 'internal', from: lower(forwarder.address), to: dave, asset: 'native', amount: parseEther('0.5'), success: true });
  expected.push({ txHash: a4, kind: 'native', from: lower(sender), to: lower(forwarder.address), asset: 'native', amount: parseEther('1'), success: true });
  expected.push({ txHash: a4, kind: 'internal', from: lower(forwarder.address), to: erin, asset: 'native', amount: parseEther('0.5'), success: true });
  expected.push({ txHash: a4, kind: 'internal', from: lower(forwarder.address), to: bob, asset: 'native', amount: parseEther('0.5'), success: true });

  // Block B: a transaction that forwards then reverts, a caught inner revert, a failing token transfer.
  const b1 = await send(forwarder.address, parseEther('0.25'), call(Forwarder, 'forwardThenRevert', [dave]), 100_000n);
  const b2 = await send(forwarder.address, parseEther('0.3'), call(Forwarder, 'tryForward', [dave]), 150_000n);
  const b3 = await send(token.address, 0n, call(TestToken, 'transfer', [carol, 10n ** 30n]), 100_000n);
  await mine([b1, b2, b3]);
  expected.push({ txHash: b1, kind: 'native', from: lower(sender), to: lower(forwarder.address), asset: 'native', amount: parseEther('0.25'), success: false });
  expected.push({ txHash: b1, kind: 'internal', from: lower(forwarder.address), to: dave, asset: 'native', amount: parseEther('0.25'), success: false });
  expected.push({ txHash: b2, kind: 'native', from: lower(sender), to: lower(forwarder.address), asset: 'native', amount: parseEther('0.3'), success: true });
  // tryForward calls itself (this.forwardThenRevert) with the value, which forwards and reverts: both failed.
  expected.push({ txHash: b2, kind: 'internal', from: lower(forwarder.address), to: lower(forwarder.address), asset: 'native', amount: parseEther('0.3'), success: false });
  expected.push({ txHash: b2, kind: 'internal', from: lower(forwarder.address), to: dave, asset: 'native', amount: parseEther('0.3'), success: false });
  expected.push({ txHash: b3, kind: 'native', from: lower(sender), to: lower(token.address), asset: 'native', amount: 0n, success: false });

  // Block C: a real ETH payment to a counterparty, then a zero-value token transferFrom to its look-alike.
  const c1 = await send(real, parseEther('2'));
  const c2 = await send(token.address, 0n, call(TestToken, 'transferFrom', [sender, lookalike, 0n]), 100_000n);
  await mine([c1, c2]);
  expected.push({ txHash: c1, kind: 'native', from: lower(sender), to: real, asset: 'native', amount: parseEther('2'), success: true });
  expected.push({ txHash: c2, kind: 'native', from: lower(sender), to: lower(token.address), asset: 'native', amount: 0n, success: true });
  expected.push({ txHash: c2, kind: 'token', from: lower(sender), to: lookalike, asset: lower(token.address), amount: 0n, success: true });

  await test.setAutomine(true);
  const head = Number(await pub.getBlockNumber({ cacheTime: 0 }));
  return { sender, token: token.address, forwarder: forwarder.address, expected, head, poisoning: { real, lookalike } };
}

/** Sends `count` plain transfers, one block each (to give an ingest something long to chew on). */
export async function mineTransfers(url: string, count: number): Promise<Hash[]> {
  const { wallet, public: pub } = anvilClients(url);
  const hashes: Hash[] = [];
  for (let i = 0; i < count; i++) hashes.push(await wallet.sendTransaction({ to: `0x${(0x1000 + i).toString(16).padStart(40, '0')}`, value: BigInt(i + 1) }));
  await pub.waitForTransactionReceipt({ hash: hashes[hashes.length - 1]! });
  return hashes;
}
