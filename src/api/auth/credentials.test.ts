import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { presentedKey } from './credentials.js';

const withHeaders = (headers: Record<string, string | string[]>) => ({ headers }) as unknown as FastifyRequest;

describe('presentedKey', () => {
  it('reads a bearer token, else x-api-key, and tells absent from malformed', () => {
    expect(presentedKey(withHeaders({ authorization: 'Bearer cf_abc' }))).toBe('cf_abc');
    expect(presentedKey(withHeaders({ authorization: 'bearer  cf_abc ' }))).toBe('cf_abc');
    expect(presentedKey(withHeaders({ 'x-api-key': ' cf_def ' }))).toBe('cf_def');
    expect(presentedKey(withHeaders({ authorization: 'Basic dXNlcg==', 'x-api-key': 'cf_def' }))).toBe('cf_def');
    expect(presentedKey(withHeaders({ authorization: 'Basic dXNlcg==' }))).toBe('');
    expect(presentedKey(withHeaders({ authorization: 'Bearer' }))).toBe('');
    expect(presentedKey(withHeaders({}))).toBeUndefined();
  });
});
