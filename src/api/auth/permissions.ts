import type { Access, Role } from './types.js';

/** The permission table (docs/server.md shows the same): which access levels each role holds. */
export const PERMISSIONS: ReadonlyMap<Role, ReadonlySet<Access>> = new Map<Role, ReadonlySet<Access>>([
  ['admin', new Set<Access>(['public', 'read', 'run', 'decide', 'admin'])],
  ['analyst', new Set<Access>(['public', 'read', 'run', 'decide'])],
  ['viewer', new Set<Access>(['public', 'read'])],
]);

/**
 * Whether a role may use a route that needs `access`. An undeclared access is `admin`.
 *
 * @example
 * roleAllows('viewer', 'run'); // false
 */
export function roleAllows(role: Role, access: Access | undefined): boolean {
  return PERMISSIONS.get(role)?.has(access ?? 'admin') ?? false;
}
