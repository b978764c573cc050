import { describe, expect, it } from 'vitest';
import { detectChainFileFormat, guessEthEtlKind, sniffBitcoinEtlJson, sniffCryoParquet, sniffEthereumEtlCsv, sniffEthereumEtlJson, sniffGenericTransfersCsv } from './file-formats.js';

describe('chain file detection', () => {
  it('recognises each format from its first bytes', () => {
    expect(detectChainFileFormat('PAR1\u0015\u0004', 'x.parquet')).toBe('cryo-parquet');
    expect(detectChainFileFormat('chain,tx_hash,block_number,timestamp,tx_index,position,from,to,asset,amount,kind\n', 'g.csv')).toBe('generic-csv');
    expect(detectChainFileFormat('token_address,from_address,to_address,value,transaction_hash,log_index,block_number\r\n', 't.csv')).toBe('ethereum-etl-csv');
    expect(detectChainFileFormat('{"type": "transaction", "hash": "0xeb", "nonce": 1, "transaction_index": 0, "from_address": "0x1"', 'tx.json')).toBe('ethereum-etl-json');
    expect(detectChainFileFormat('{"hash": "e188", "size": 135, "is_coinbase": true, "inputs": [], "outputs": [', 'btc.json')).toBe('bitcoin-etl-json');
    expect(detectChainFileFormat('{"jsonrpc": "2.0", "id": 0, "result": {"transactionIndex": "0x0"}}', 'web3_response.json')).toBeUndefined();
    expect(detectChainFileFormat('hash,timestamp_utc,to,amount,asset\n', 'hop1.csv')).toBeUndefined();
  });

  it('each sniffer says yes only to its own format', () => {
    const heads = {
      parquet: 'PAR1',
      generic: 'chain,tx_hash,block_number,timestamp,tx_index,position,from,to,asset,amount',
      etlCsv: 'number,hash,parent_hash,nonce,sha3_uncles,logs_bloom,transactions_root,state_root,receipts_root,miner,difficulty,total_difficulty,size,extra_data,gas_limit,gas_used,timestamp,transaction_count',
      btc: '{"type": "block", "hash": "0000", "merkle_root": "ee3a", "coinbase_param": "04"}',
      etlJson: '{"type": "log", "log_index": 0, "transaction_hash": "0xeb"}',
    };
    const sniffers = { parquet: sniffCryoParquet, generic: sniffGenericTransfersCsv, etlCsv: sniffEthereumEtlCsv, btc: sniffBitcoinEtlJson, etlJson: sniffEthereumEtlJson };
    for (const [name, sniff] of Object.entries(sniffers)) {
      for (const [headName, head] of Object.entries(heads)) expect([name, headName, sniff(head, 'f')]).toEqual([name, headName, name === headName]);
    }
  });

  it('orders ethereum-etl files: blocks and transactions before what refers to them', () => {
    expect(guessEthEtlKind('{"type": "block", "number": 1')).toBe('blocks');
    expect(guessEthEtlKind('hash,nonce,block_hash,block_number,transaction_index,from_address,to_address,value')).toBe('transactions');
    expect(guessEthEtlKind('{"transaction_hash": "0x1", "transaction_index": 0, "block_hash": "0x2", "block_number": 1, "cumulative_gas_used": 1, "status": 1}')).toBe('receipts');
  });
});
