import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRpcClient } from './rpc-client.js';
import { startJsonRpcServer } from './test-support/json-rpc-server.js';
import { recordedEthereumEtlHandler } from './test-support/recorded-rpc.js';
import { decodeDecimals, decodeText, fetchTokenMetadata } from './token-metadata.js';

const SHARED = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const TOKENS = `${SHARED}chain/ethereum-etl-fixtures/tests/resources/test_export_tokens_job/`;

describe('token metadata', () => {
  it('decodes string and bytes32 returns, and refuses junk', () => {
    const word = (hex: string) => hex.padStart(64, '0');
    expect(decodeText(`0x${word('20')}${word('4')}${'55534454'.padEnd(64, '0')}`)).toBe('USDT');
    expect(decodeText(`0x${'454f53'.padEnd(64, '0')}`)).toBe('EOS');
    expect(decodeText(`0x${'00'.repeat(32)}`)).toBeNull();
    expect(decodeText('0x')).toBeNull();
    expect(decodeText(`0x${word('20')}${word('ff')}`)).toBeNull();
    expect(decodeDecimals(`0x${word('12')}`)).toBe(18);
    expect(decodeDecimals(`0x${word('100')}`)).toBeNull();
    expect(decodeDecimals('0x')).toBeNull();
  });

  it.skipIf(!existsSync(TOKENS))('reads the recorded mainnet answers of EOS (bytes32 symbol) and a token with broken string data as ethereum-etl does', async () => {
    const server = await startJsonRpcServer(recordedEthereumEtlHandler([`${TOKENS}token_with_alternative_return_type`, `${TOKENS}token_with_invalid_data`]));
    try {
      const tokens = await fetchTokenMetadata(createRpcClient(server.url), 'ethereum', ['0x86fa049857e0209aa7d9e616f7eb3b3b78ecfdb0', '0xf763be8b3263c268e9789abfb3934564a7b80054']);
      expect(tokens).toEqual([
        { chain: 'ethereum', address: '0x86fa049857e0209aa7d9e616f7eb3b3b78ecfdb0', symbol: 'EOS', name: null, decimals: 18, origin: 'rpc' },
        // A fake "ETH" token: the symbol is kept as read, but nothing trusts it (not on the allowlist).
        { chain: 'ethereum', address: '0xf763be8b3263c268e9789abfb3934564a7b80054', symbol: 'ETH', name: 'ETH', decimals: 18, origin: 'rpc' },
      ]);
    } finally {
      await server.stop();
    }
  });
});
