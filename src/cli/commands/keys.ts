import { type Command, InvalidArgumentError } from 'commander';
import { ROLES, type Role } from '../../api/auth/types.js';
import { AuditLog, digest } from '../../store/audit-log.js';
import { KeyStore, type ApiKey } from '../../store/key-store.js';
import type { WithStore } from '../context.js';
import { printJson, table, type CliIo } from '../io.js';
import { cliActor, withDatabase } from './database.js';

function roleOption(value: string): Role {
  const role = value.trim().toLowerCase();
  if (!(ROLES as readonly string[]).includes(role)) throw new InvalidArgumentError(`use one of: ${ROLES.join(', ')}`);
  return role as Role;
}

/** A key without anything secret, for `--json` and the audit trail. */
function keyJson(k: ApiKey) {
  return { id: k.id, prefix: k.prefix, name: k.name, role: k.role, createdAt: k.createdAt, revokedAt: k.revokedAt, lastUsedAt: k.lastUsedAt };
}

/**
 * `counterflow keys create --role ROLE --name NAME` (prints the secret once), `keys list [--json]`,
 * `keys revoke ID|PREFIX`. Creating and revoking are recorded in the audit trail (`key.create`,
 * `key.revoke`) as the local user.
 *
 * @example
 * registerKeyCommands(program, io, withStore);
 */
export function registerKeyCommands(program: Command, io: CliIo, withStore: WithStore): void {
  const keys = program.command('keys').description('API keys for `counterflow serve`: create, list, revoke');

  keys
    .command('create')
    .description('Create an API key and print its secret (shown only this once)')
    .requiredOption('--role <role>', `${ROLES.join(' | ')}: what the key may do (docs/server.md)`, roleOption)
    .requiredOption('--name <name>', 'who or what uses it (a person, a service)')
    .option('--json', 'print JSON (with the secret)')
    .action((opts: { role: Role; name: string; json?: boolean }) =>
      withStore((store, home) =>
        withDatabase(store, home, async (db) => {
          const { key, secret } = await new KeyStore(db).create({ name: opts.name, role: opts.role });
          await new AuditLog(db).append({
            actor: cliActor(),
            action: 'key.create',
            subject: key.prefix,
            inputDigest: digest({ name: opts.name, role: opts.role }),
            resultDigest: digest(keyJson(key)),
            listVersions: [],
            detail: { id: key.id, name: key.name, role: key.role },
          });
          if (opts.json) return printJson(io, { ...keyJson(key), secret });
          io.out(`created ${key.role} key #${key.id} "${key.name}" (${key.prefix}…)`);
          io.out(secret);
          io.err('This secret is shown only now: store it safely. Send it as "Authorization: Bearer <secret>".');
        }),
      ),
    );

  keys
    .command('list')
    .description('List API keys (never their secrets)')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) =>
      withStore((store, home) =>
        withDatabase(store, home, async (db) => {
          const all = await new KeyStore(db).list();
          if (opts.json) return printJson(io, all.map(keyJson));
          if (all.length === 0) return io.out('no API keys; create one with `counterflow keys create --role admin --name NAME`');
          io.out(
            table([
              ['id', 'prefix', 'name', 'role', 'created', 'last used', 'status'],
              ...all.map((k) => [k.id, k.prefix, k.name, k.role, k.createdAt.slice(0, 16), k.lastUsedAt?.slice(0, 16) ?? '-', k.revokedAt ? `revoked ${k.revokedAt.slice(0, 10)}` : 'active']),
            ]),
          );
        }),
      ),
    );

  keys
    .command('revoke')
    .description('Revoke an API key by id or prefix; requests with it are refused from then on')
    .argument('<key>', 'the id or the prefix (cf_…) that `keys list` shows')
    .option('--json', 'print JSON')
    .action((ref: string, opts: { json?: boolean }) =>
      withStore((store, home) =>
        withDatabase(store, home, async (db) => {
          const keyStore = new KeyStore(db);
          const before = await keyStore.find(ref);
          const key = await keyStore.revoke(ref);
          if (before.revokedAt === null) {
            await new AuditLog(db).append({
              actor: cliActor(),
              action: 'key.revoke',
              subject: key.prefix,
              inputDigest: digest({ ref }),
              resultDigest: digest(keyJson(key)),
              listVersions: [],
              detail: { id: key.id, name: key.name, role: key.role },
            });
          }
          if (opts.json) return printJson(io, keyJson(key));
          io.out(before.revokedAt === null ? `revoked key #${key.id} "${key.name}" (${key.prefix}…)` : `key #${key.id} "${key.name}" was already revoked on ${key.revokedAt}`);
        }),
      ),
    );
}
