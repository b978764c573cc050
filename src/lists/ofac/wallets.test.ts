import { describe, expect, it } from 'vitest';
import { ofacWalletEntities } from './wallets.js';

const provenance = { list: 'us_ofac_sdn', entryId: '27307', programs: ['DPRK3'] };

describe('ofacWalletEntities', () => {
  it('stores EVM addresses in lower case and base58 addresses as written', () => {
    const { entities, problems } = ofacWalletEntities(
      'ofac',
      '27307',
      'ofac-27307',
      [
        { ticker: 'ETH', address: '0x098B716B8Aaf21512996dC57EB0615e2383E2f96', text: '' },
        { ticker: 'XBT', address: '1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V', text: '' },
      ],
      'us_ofac_sdn',
      provenance,
    );
    expect(problems).toEqual([]);
    expect(entities.map((e) => [e.id, e.properties.publicKey, e.properties.currencySymbol, e.properties.holder, e.target])).toEqual([
      ['ofac-27307-wallet-eth-0x098b716b8aaf21512996dc57eb0615e2383e2f96', ['0x098b716b8aaf21512996dc57eb0615e2383e2f96'], ['ETH'], ['ofac-27307'], true],
      ['ofac-27307-wallet-xbt-1ajzpmsnmpdk2rv9kqnfmurtxinscvro9v', ['1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V'], ['XBT'], ['ofac-27307'], true],
    ]);
    expect(entities[0]?.provenance).toEqual(provenance);
  });

  it('lists an address once per ticker, and keeps one EVM address under several tickers', () => {
    const evm = '0xb6f5ec1a0a9cd1526536d3f0426c429529471f40';
    const { entities } = ofacWalletEntities(
      'ofac',
      '43377',
      'ofac-43377',
      ['ETH', 'USDT', 'USDC', 'ETH'].map((ticker) => ({ ticker, address: evm, text: '' })),
      'us_ofac_sdn',
      provenance,
    );
    expect(entities.map((e) => e.properties.currencySymbol?.[0])).toEqual(['ETH', 'USDT', 'USDC']);
  });

  it('gives base58 addresses that differ only in case two wallets', () => {
    const { entities } = ofacWalletEntities(
      'ofac',
      '1',
      'ofac-1',
      [
        { ticker: 'XBT', address: '1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V', text: '' },
        { ticker: 'XBT', address: '1AJZPMsnmpdK2Rv9KQNfMurTXinscVro9V', text: '' },
      ],
      'x',
      provenance,
    );
    expect(new Set(entities.map((e) => e.id)).size).toBe(2);
  });

  it('still lists an address that does not validate, and reports it', () => {
    const { entities, problems } = ofacWalletEntities(
      'ofac',
      '29585',
      'ofac-29585',
      [{ ticker: 'XMR', address: '5be5543ff73456ab9f2d207887e2af87322c651ea1a873c5b25b7ffae456c320', text: '' }],
      'us_ofac_sdn',
      provenance,
    );
    expect(entities).toHaveLength(1);
    expect(entities[0]?.properties.notes?.[0]).toContain('Address as listed');
    expect(problems).toEqual([expect.stringContaining('ent_num 29585: XMR address 5be5543f')]);
  });
});
