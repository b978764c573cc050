import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

describe('test contracts', () => {
  it('compiled.json is what solc makes of the Solidity sources beside it', () => {
    const solc = createRequire(import.meta.url)('solc') as { compile(input: string): string; version(): string };
    const source = (f: string) => readFileSync(new URL(f, import.meta.url), 'utf8');
    const out = JSON.parse(
      solc.compile(
        JSON.stringify({
          language: 'Solidity',
          sources: { 'TestToken.sol': { content: source('TestToken.sol') }, 'Forwarder.sol': { content: source('Forwarder.sol') } },
          settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: 'paris', outputSelection: { '*': { '*': ['evm.bytecode.object'] } } },
        }),
      ),
    ) as { contracts: Record<string, Record<string, { evm: { bytecode: { object: string } } }>> };
    const shipped = JSON.parse(source('compiled.json')) as { compiler: string; contracts: Record<string, { bytecode: string }> };
    expect(shipped.compiler).toBe(solc.version());
    expect(shipped.contracts.TestToken!.bytecode).toBe(`0x${out.contracts['TestToken.sol']!.TestToken!.evm.bytecode.object}`);
    expect(shipped.contracts.Forwarder!.bytecode).toBe(`0x${out.contracts['Forwarder.sol']!.Forwarder!.evm.bytecode.object}`);
  });
});
