import type { FastifyRequest } from 'fastify';

/**
 * The API key a request presents: `Authorization: Bearer cf_…`, else the `x-api-key` header (so a proxy's
 * own Authorization scheme does not hide it); undefined when neither is there. An Authorization header of
 * another scheme and no `x-api-key` yields '' (present but unusable).
 *
 * @example
 * presentedKey(request); // 'cf_Ab3dE9xQ…'
 */
export function presentedKey(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization;
  const bearer = authorization === undefined ? undefined : /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  if (bearer !== undefined) return bearer;
  const header = request.headers['x-api-key'];
  if (header !== undefined) return (Array.isArray(header) ? header[0] : header)?.trim() ?? '';
  return authorization === undefined ? undefined : '';
}
