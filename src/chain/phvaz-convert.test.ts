import { describe, expect, it } from 'vitest';
import { memorySource } from '../lists/source.js';
import { convertPhvazCsv } from './phvaz-convert.js';

const HEADER = 'hash,timestamp_utc,to,amount,asset,symbol_non_ascii,kind,contract,block,is_error,chain_id,chain_name,retrieved_utc';
const TX = `0x${'0a'.repeat(32)}`;
const TO = `0x${'0b'.repeat(20)}`;

describe('phvaz trace CSV conversion', () => {
  it('writes generic rows: sender from the option, ISO times, token rows numbered per transaction, allowlisted decimals', async () => {
    const src = memorySource(
      'hop.csv',
      `${HEADER}\n${TX},2025-02-21 14:41:23,${TO},0.0,ETH,no,native,,21895377,0,1,Ethereum,x\n` +
        `${TX},2025-02-21 14:41:23,${TO},10000.0,stETH,no,token,0xae7ab96520de3a18e5e111b5eaab095312d7fe84,21895377,0,1,Ethereum,x\n` +
        `${TX},2025-02-21 14:41:23,${TO},1,ЕТН,yes,token,0x2f22686d00000000000000000000000000000000,21895377,1,1,Ethereum,x\n`,
    );
    const out = await convertPhvazCsv(src, { from: '0x47666Fab8bd0Ac7003bce3f5C3585383F09486E2' });
    expect(out.csv.split('\n')).toEqual([
      'chain,tx_hash,block_number,timestamp,tx_index,position,from,to,asset,amount,kind,success,decimals',
      `ethereum,${TX},21895377,2025-02-21T14:41:23Z,,0,0x47666fab8bd0ac7003bce3f5c3585383f09486e2,${TO},native,0.0,native,1,`,
      `ethereum,${TX},21895377,2025-02-21T14:41:23Z,,1,0x47666fab8bd0ac7003bce3f5c3585383f09486e2,${TO},0xae7ab96520de3a18e5e111b5eaab095312d7fe84,10000.0,token,1,18`,
      `ethereum,${TX},21895377,2025-02-21T14:41:23Z,,2,0x47666fab8bd0ac7003bce3f5c3585383f09486e2,${TO},0x2f22686d00000000000000000000000000000000,1,token,0,`,
      '',
    ]);
    expect(out.notes).toEqual([
      '1 × rows whose token symbol has non-ASCII look-alike letters (symbols are not carried over; tokens are judged by contract address)',
      '1 × rows of tokens not on the allowlist left without decimals (the import will refuse them; pass --unknown-token-decimals)',
    ]);
  });

  it('refuses other chains and a missing or bad sender', async () => {
    const other = memorySource('o.csv', `${HEADER}\n${TX},2025-02-21 14:41:23,${TO},1,BNB,no,native,,1,0,56,BSC,x\n`);
    await expect(convertPhvazCsv(other, { from: TO })).rejects.toThrow('o.csv:2 (chain_id): only Ethereum mainnet (chain_id 1) is converted, got "56"');
    await expect(convertPhvazCsv(other, { from: 'bybit' })).rejects.toThrow('--from: not an Ethereum address: "bybit"');
  });
});
