import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransferStore } from '../../store/transfer-store.js';
import { openFixture, type Fixture } from '../test-support/fixture.js';
import { nativeTransfer as transfer } from '../../chain/test-support/native-transfer.js';

const LAZARUS = '0x098b716b8aaf21512996dc57eb0615e2383e2f96';
const A = '0x00000000000000000000000000000000000000aa';
const B = '0x00000000000000000000000000000000000000bb';


describe('POST /trace and POST /exposure', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await openFixture();
    const store = await TransferStore.open({ home: dirname(fx.store.location) });
    store.write({ chain: 'ethereum', sourceId: store.sourceId('ethereum', 'files', 't.csv'), transfers: [transfer(1, LAZARUS, A, 10n ** 18n), transfer(2, A, B, 10n ** 18n)] });
    await store.close();
  });
  afterAll(async () => fx.close());

  it('traces from an address with the four documented keys', async () => {
    const res = await fx.app.inject({ method: 'POST', url: '/trace', payload: { from_address: [LAZARUS], model: 'poison' } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body)).toEqual(['addresses', 'edges', 'exits', 'patterns']);
    expect(body.addresses.map((a: { address: string; hop: number }) => [a.address, a.hop])).toEqual([
      [LAZARUS, 0],
      [A, 1],
      [B, 2],
    ]);
  });

  it('scores exposure: two hops from an OFAC-listed Lazarus wallet is indirect sanctioned exposure', async () => {
    const res = await fx.app.inject({ method: 'POST', url: '/exposure', payload: { addresses: [B, A] } });
    expect(res.statusCode).toBe(200);
    const [b, a] = res.json().results;
    expect(b.risk).toBe('high');
    expect(b.items).toContainEqual(expect.objectContaining({ category: 'sanctioned', exposure: 'indirect', direction: 'incoming', hops: 2, share: 1 }));
    expect(a.risk).toBe('severe');
  });

  it('rejects an unknown model with a 400', async () => {
    const res = await fx.app.inject({ method: 'POST', url: '/trace', payload: { from_address: [A], model: 'tiho' } });
    expect(res.statusCode).toBe(400);
  });
});
