import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ROLES, type Role } from '../api/auth/types.js';
import { CounterflowError } from '../errors.js';
import type { Database } from './schema.js';

/** An API key as stored: never the secret. */
export interface ApiKey {
  id: number;
  /** `cf_` + the first 8 characters of the secret's random part: enough to tell keys apart, useless to log in. */
  prefix: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const SECRET_PREFIX = 'cf_';
const VISIBLE_CHARS = 8;
/** last_used_at is written at most this often per key, so authenticating stays a read. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * sha256 of a secret. The secrets are 32 random bytes (256 bits), so no dictionary or brute force applies
 * and a slow password hash (bcrypt, scrypt) would only slow every request; sha256 is enough.
 */
function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * API keys: created with a role, listed, revoked; only a hash and a short visible prefix are stored.
 *
 * @example
 * const keys = new KeyStore(db);
 * const { key, secret } = await keys.create({ name: 'alice', role: 'analyst' });
 * (await keys.authenticate(secret))?.role; // 'analyst'
 */
export class KeyStore {
  private readonly touched = new Map<number, number>();

  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Creates a key and returns its secret: the only time the secret exists outside the caller.
   *
   * @example
   * const { secret } = await keys.create({ name: 'ci', role: 'viewer' }); // 'cf_…'
   */
  async create(options: { name: string; role: Role }): Promise<{ key: ApiKey; secret: string }> {
    const name = options.name.trim();
    if (name.length === 0 || name.length > 100) throw new CounterflowError('a key name must have 1 to 100 characters');
    if (!ROLES.includes(options.role)) throw new CounterflowError(`unknown role "${String(options.role)}"; roles: ${ROLES.join(', ')}`);
    const secret = SECRET_PREFIX + randomBytes(32).toString('base64url');
    const prefix = secret.slice(0, SECRET_PREFIX.length + VISIBLE_CHARS);
    const createdAt = new Date().toISOString();
    const row = await this.db
      .insertInto('api_keys')
      .values({ prefix, name, role: options.role, secret_hash: hashSecret(secret), created_at: createdAt, revoked_at: null, last_used_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { key: { id: Number(row.id), prefix, name, role: options.role, createdAt, revokedAt: null, lastUsedAt: null }, secret };
  }

  /** Every key, revoked ones included, oldest first. */
  async list(): Promise<ApiKey[]> {
    return (await this.db.selectFrom('api_keys').selectAll().orderBy('id').execute()).map(fromRow);
  }

  /** Keys that are not revoked. */
  async activeCount(): Promise<number> {
    const row = await this.db
      .selectFrom('api_keys')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Revokes a key named by its id or its prefix (with or without `cf_`). Revoking a revoked key changes
   * nothing and returns it as it is.
   *
   * @example
   * await keys.revoke('cf_Ab3dE9xQ');
   */
  async revoke(idOrPrefix: string): Promise<ApiKey> {
    const key = await this.find(idOrPrefix);
    if (key.revokedAt !== null) return key;
    const revokedAt = new Date().toISOString();
    await this.db.updateTable('api_keys').set({ revoked_at: revokedAt }).where('id', '=', key.id).execute();
    return { ...key, revokedAt };
  }

  /** One key by id or prefix; a CounterflowError naming the reference when there is none. */
  async find(idOrPrefix: string): Promise<ApiKey> {
    const ref = idOrPrefix.trim();
    let q = this.db.selectFrom('api_keys').selectAll();
    if (/^\d{1,15}$/.test(ref)) q = q.where('id', '=', Number(ref));
    else q = q.where('prefix', '=', ref.startsWith(SECRET_PREFIX) ? ref : SECRET_PREFIX + ref);
    const row = await q.executeTakeFirst();
    if (!row) throw new CounterflowError(`no API key "${ref}"; \`counterflow keys list\` shows the ids and prefixes`);
    return fromRow(row);
  }

  /**
   * The active key a presented secret belongs to, or null (unknown, malformed or revoked). Looking up by
   * hash leaks nothing through timing: an attacker would need a sha256 preimage to use it.
   *
   * @example
   * const key = await keys.authenticate(bearerToken);
   */
  async authenticate(secret: string): Promise<ApiKey | null> {
    if (!secret.startsWith(SECRET_PREFIX) || secret.length > 200) return null;
    const row = await this.db.selectFrom('api_keys').selectAll().where('secret_hash', '=', hashSecret(secret)).executeTakeFirst();
    if (!row || row.revoked_at !== null) return null;
    const key = fromRow(row);
    const now = Date.now();
    if (now - (this.touched.get(key.id) ?? 0) >= TOUCH_INTERVAL_MS) {
      this.touched.set(key.id, now);
      key.lastUsedAt = new Date(now).toISOString();
      await this.db.updateTable('api_keys').set({ last_used_at: key.lastUsedAt }).where('id', '=', key.id).execute();
    }
    return key;
  }
}

function fromRow(row: Database['api_keys']): ApiKey {
  return {
    id: Number(row.id),
    prefix: row.prefix,
    name: row.name,
    role: row.role as Role,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}
