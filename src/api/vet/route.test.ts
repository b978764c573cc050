import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../chain/ingest-files.js';
import { TransferStore } from '../../store/transfer-store.js';
import { openFixture, type Fixture } from '../test-support/fixture.js';

let fx: Fixture;
beforeAll(async () => {
  fx = await openFixture();
});
afterAll(async () => fx.close());

const post = (payload: unknown) => fx.app.inject({ method: 'POST', url: '/vet', payload: payload as object });

describe('POST /vet', () => {
  it('answers with the same report as `counterflow vet --json`, screening names and wallets against the loaded lists', async () => {
    const res = await post({
      now: '2025-06-01',
      records: [
        { id: 'w1', names: ['Jane Doe'], payment_accounts: [{ type: 'crypto', identifier: '0x098B716B8Aaf21512996dC57EB0615e2383E2f96' }] },
        { id: 'w2', names: ['Jong Un Kim'], birth_date: '1984-01-08' },
        { id: 'w3', names: ['Ann Lee'], interviews: [{ camera_on: true }] },
      ],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.sanctions).toBe('un_sc, us_ofac_sdn');
    expect(body.records.map((r: { id: string; action: string }) => [r.id, r.action])).toEqual([['w1', 'block'], ['w2', 'block'], ['w3', 'none']]);
    expect(body.records[0].rules.map((f: { id: string }) => f.id)).toContain('sanctions.wallet-match');
    expect(body.records[1].rules[0]).toMatchObject({ id: 'sanctions.name-match', explanation: expect.stringContaining('us_ofac_sdn entry 20157') });
    expect(body.rings).toEqual([]);
    expect(body.summary.records).toBe(3);
  });

  it('refuses a malformed record with 400, naming its position and field', async () => {
    const res = await post({ records: [{ id: 'a' }, { id: 'b', photo_hash: 'xyz' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'bad_request', message: 'records:2 (photo_hash): "xyz" is not a 64-bit hash: write 16 hex digits' });
  });

  it('refuses duplicate ids, an empty list and a body that is not records', async () => {
    expect((await post({ records: [{ id: 'a' }, { id: 'a' }] })).json().message).toBe('records:2 (id): id "a" is used twice (first at records:1)');
    expect((await post({ records: [] })).json().message).toMatch(/^body\.records: give at least one record/);
    expect((await post({ records: 'nope' })).statusCode).toBe(400);
    expect((await post({ records: [{ id: 'a' }], now: 'someday' })).json().message).toBe('request body (now): "someday" is not a date');
  });

  it('scores payout wallets with the exposure engine once the store holds transfers', async () => {
    const home = dirname(fx.store.location);
    const paid = '0x2222222222222222222222222222222222222222';
    const file = join(home, 'transfers.csv');
    writeFileSync(file, `chain,tx_hash,block_number,timestamp,tx_index,position,from,to,asset,amount,kind,success,decimals\nethereum,0x${'cd'.repeat(32)},100,2025-02-21T14:56:11Z,,0,0x098b716b8aaf21512996dc57eb0615e2383e2f96,${paid},native,5.0,native,1,\n`);
    const transfers = await TransferStore.open({ home });
    try {
      await ingestFiles(transfers, [file]);
    } finally {
      await transfers.close();
    }
    const body = (await post({ now: '2025-06-01', records: [{ id: 'w9', names: ['Jane Roe'], payment_accounts: [{ type: 'crypto', identifier: paid }] }] })).json();
    expect(body.exposure).toMatch(/^exposure engine over stored transfers \(ethereum/);
    expect(body.records[0].rules.find((f: { id: string }) => f.id === 'sanctions.wallet-exposure')).toMatchObject({ explanation: expect.stringMatching(/severe exposure/) });
  });
});
