import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { FtmEntity, Provenance } from '../../ftm/entity.js';
import { computeListStats } from '../../lists/stats.js';
import { loadScreener } from '../../screening/load-screener.js';
import { AuditLog } from '../../store/audit-log.js';
import { KeyStore } from '../../store/key-store.js';
import { openDatabase } from '../../store/open-database.js';
import { openStore } from '../../store/open-store.js';
import type { Database } from '../../store/schema.js';
import type { Store } from '../../store/store.js';
import { buildApp, type AppOptions } from '../app.js';

const UN: Omit<Provenance, 'entryId'> = { list: 'un_sc', programs: ['UN-DPRK'], publishedAt: '2026-02-27', file: 'UN_consolidated_2026-02-27.xml' };
const OFAC: Omit<Provenance, 'entryId'> = { list: 'us_ofac_sdn', programs: ['DPRK3'], publishedAt: '2024-05-03', file: 'sdn_2024-05-03.csv' };

function entity(base: Omit<Provenance, 'entryId'>, entryId: string, id: string, schema: string, properties: Record<string, string[]>, target: boolean): FtmEntity {
  const caption = properties.name?.[0] ?? properties.publicKey?.[0] ?? properties.program?.[0] ?? properties.full?.[0];
  return { id, schema, properties, datasets: [base.list], target, ...(caption ? { caption } : {}), provenance: { ...base, entryId } };
}

/** A few entries modelled on the real UN and OFAC DPRK listings (see ../shared/data/lists). */
export function fixtureLists(): Record<string, FtmEntity[]> {
  return {
    un_sc: [
      entity(UN, 'KPi.001', 'un-690734', 'Person', { name: ['YUN HO-JIN'], alias: ['Yun Ho-chin'], birthDate: ['1944-10-13'], nationality: ['kp'] }, true),
      entity(UN, 'KPi.001', 'un-690734-sanction', 'Sanction', { entity: ['un-690734'], authority: ['United Nations Security Council'], program: ['UN-DPRK'], unscId: ['KPi.001'] }, false),
      entity(UN, 'KPe.001', 'un-690735', 'Organization', { name: ['KOREA MINING DEVELOPMENT TRADING CORPORATION'], alias: ['KOMID'], country: ['kp'] }, true),
      entity(UN, 'KPe.001', 'un-690735-sanction', 'Sanction', { entity: ['un-690735'], authority: ['United Nations Security Council'], program: ['UN-DPRK'], unscId: ['KPe.001'] }, false),
    ],
    us_ofac_sdn: [
      entity(OFAC, '20157', 'ofac-20157', 'Person', { name: ['KIM, Jong Un'], firstName: ['Jong Un'], lastName: ['KIM'], alias: ['Jong Un KIM'], birthDate: ['1984-01-08'], country: ['kp'] }, true),
      entity(OFAC, '20157', 'ofac-20157-sanction', 'Sanction', { entity: ['ofac-20157'], authority: ['Office of Foreign Assets Control'], program: ['DPRK3'] }, false),
      entity(OFAC, '27307', 'ofac-27307', 'Organization', { name: ['LAZARUS GROUP'], alias: ['HIDDEN COBRA', 'APPLEWORM'], country: ['kp'], addressEntity: ['ofac-27307-addr-41656'] }, true),
      entity(OFAC, '27307', 'ofac-27307-addr-41656', 'Address', { full: ['Potonggang District, Pyongyang, Korea, North'], city: ['Pyongyang'], country: ['kp'] }, false),
      entity(OFAC, '27307', 'ofac-27307-wallet-eth-0x098b716b8aaf21512996dc57eb0615e2383e2f96', 'CryptoWallet', { publicKey: ['0x098b716b8aaf21512996dc57eb0615e2383e2f96'], currencySymbol: ['ETH'], holder: ['ofac-27307'] }, true),
      entity(OFAC, '17069', 'ofac-17069', 'Vessel', { name: ['CHONG CHON GANG'], imoNumber: ['IMO7937317'], flag: ['kp'] }, true),
    ],
  };
}

export interface Fixture {
  app: FastifyInstance;
  store: Store;
  /** The same database on a second connection: keys and the audit trail. */
  db: Kysely<Database>;
  keys: KeyStore;
  audit: AuditLog;
  close(): Promise<void>;
}

export interface FixtureOptions {
  /** Require API keys (default false: every request is the local actor). */
  auth?: boolean;
  /** Any other buildApp option (rate limit, body limit, job policy …). */
  app?: Partial<AppOptions>;
}

/**
 * A temporary store holding {@link fixtureLists}, its screener and the API app with an audit trail, for
 * route tests; with `auth: true` the app requires API keys (create them with `fx.keys.create`).
 *
 * @example
 * const fx = await openFixture({ auth: true });
 * const { secret } = await fx.keys.create({ name: 'alice', role: 'viewer' });
 * const res = await fx.app.inject({ method: 'GET', url: '/lists', headers: { authorization: `Bearer ${secret}` } });
 * await fx.close();
 */
export async function openFixture(options: FixtureOptions = {}): Promise<Fixture> {
  const home = mkdtempSync(join(tmpdir(), 'cf-api-'));
  const store = await openStore({ home });
  for (const [list, entities] of Object.entries(fixtureLists())) {
    await store.addListVersion(
      { list, format: 'ftm-jsonl', publishedAt: entities[0]?.provenance?.publishedAt ?? null, sourceUrl: null, sha256: null, note: null, entities, stats: computeListStats(entities) },
      { activate: true },
    );
  }
  const { screener, versions } = await loadScreener(store);
  const { db } = await openDatabase({ home });
  const keys = new KeyStore(db);
  const audit = new AuditLog(db);
  const app = buildApp({ store, screener, db, audit, listVersions: versions, auth: { enabled: options.auth ?? false, keys }, ...options.app });
  return {
    app,
    store,
    db,
    keys,
    audit,
    close: async () => {
      await app.close();
      await db.destroy();
      await store.close();
    },
  };
}
