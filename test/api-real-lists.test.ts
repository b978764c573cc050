import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/app.js';
import { loadScreener } from '../src/screening/load-screener.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { HAS_SHARED, SHARED_DATA, runCli, tempHome } from './support.js';

describe.skipIf(!HAS_SHARED)('the HTTP API on the real UN and OFAC SDN lists', () => {
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    const home = tempHome('cf-api-real-');
    expect((await runCli(['--home', home, 'lists', 'load', join(SHARED_DATA, 'lists', 'un'), join(SHARED_DATA, 'lists', 'ofac-sdn')])).code).toBe(0);
    store = await openStore({ home });
    const { screener } = await loadScreener(store);
    app = buildApp({ store, screener });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('answers a batch of person, company, vessel and wallet queries with the listed entries on top', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/match/default?limit=3',
      payload: {
        queries: {
          kim: { schema: 'Person', properties: { name: ['Kim Jong-un'], birthDate: ['1984-01-08'], nationality: ['kp'] } },
          komid: { schema: 'Company', properties: { name: ['Korea Mining Development Trading Corp'], jurisdiction: ['kp'] } },
          vessel: { schema: 'Vessel', properties: { name: ['CHONG CHON GANG'], imoNumber: ['7937317'] } },
          wallet: { schema: 'CryptoWallet', properties: { publicKey: ['0X098B716B8AAF21512996DC57EB0615E2383E2F96'] } },
        },
      },
    });
    expect(res.statusCode).toBe(200);
    const { responses } = res.json() as { responses: Record<string, { results: { id: string; match: boolean; provenance: { list: string } }[] }> };
    expect(responses.kim?.results[0]).toMatchObject({ id: 'ofac-20157', match: true });
    expect(responses.komid?.results.filter((r) => r.match).map((r) => r.provenance.list)).toContain('un_sc');
    expect(responses.vessel?.results[0]).toMatchObject({ id: 'ofac-17069', match: true });
    expect(responses.wallet?.results[0]).toMatchObject({ id: 'ofac-27307-wallet-eth-0x098b716b8aaf21512996dc57eb0615e2383e2f96', match: true });
  });

  it('screens one list by name', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/match/un_sc',
      payload: { queries: { q: { schema: 'Organization', properties: { name: 'KOREA MINING DEVELOPMENT TRADING CORPORATION' } } } },
    });
    const top = res.json().responses.q.results[0];
    expect(top).toMatchObject({ schema: 'Organization', datasets: ['un_sc'], match: true, provenance: { entryId: 'KPe.001' } });
  });

  it('searches, shows an entity with its entry, and lists the loaded versions', async () => {
    const search = (await app.inject({ method: 'GET', url: '/search/us_ofac_sdn?q=lazarus%20group' })).json();
    expect(search.results.map((r: { id: string }) => r.id)).toContain('ofac-27307');

    const entity = (await app.inject({ method: 'GET', url: '/entities/ofac-27307' })).json();
    expect(entity).toMatchObject({ caption: 'LAZARUS GROUP', provenance: { list: 'us_ofac_sdn', entryId: '27307', programs: ['DPRK3'] }, version: { ref: 'us_ofac_sdn@1' } });
    expect(entity.related.filter((r: { schema: string }) => r.schema === 'CryptoWallet').length).toBeGreaterThan(0);

    const lists = (await app.inject({ method: 'GET', url: '/lists' })).json();
    expect(Object.fromEntries(lists.lists.map((l: { list: string; targetCount: number }) => [l.list, l.targetCount]))).toEqual({ us_ofac_sdn: 14965, un_sc: 1003 });
    expect(lists.lists.find((l: { list: string }) => l.list === 'un_sc')).toMatchObject({ publishedAt: expect.stringMatching(/^2026-02-27/), dprkEntries: 155 });
  });
});
