// Compiles the test contracts with solc-js and writes compiled.json (abi + bytecode) beside them.
// Run: node --import tsx src/chain/test-support/contracts/compile.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface SolcOutput {
  errors?: { severity: string; formattedMessage: string }[];
  contracts: Record<string, Record<string, { abi: unknown; evm: { bytecode: { object: string } } }>>;
}

const solc = createRequire(import.meta.url)('solc') as { compile(input: string): string; version(): string };
const here = new URL('.', import.meta.url);
const sources = Object.fromEntries(['TestToken.sol', 'Forwarder.sol'].map((f) => [f, { content: readFileSync(new URL(f, here), 'utf8') }]));
const out = JSON.parse(
  solc.compile(
    JSON.stringify({
      language: 'Solidity',
      sources,
      settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: 'paris', outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } },
    }),
  ),
) as SolcOutput;
const errors = (out.errors ?? []).filter((e) => e.severity === 'error');
if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
const compiled: { compiler: string; contracts: Record<string, { source: string; abi: unknown; bytecode: string }> } = { compiler: solc.version(), contracts: {} };
for (const [file, contracts] of Object.entries(out.contracts)) {
  for (const [name, c] of Object.entries(contracts)) compiled.contracts[name] = { source: file, abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` };
}
writeFileSync(new URL('compiled.json', here), `${JSON.stringify(compiled, null, 1)}\n`);
process.stdout.write(`compiled ${Object.keys(compiled.contracts).join(', ')} with ${compiled.compiler}\n`);
