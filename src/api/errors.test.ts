import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { apiErrorHandler, notFound, notFoundHandler } from './errors.js';

function tinyApp() {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(apiErrorHandler);
  app.setNotFoundHandler(notFoundHandler);
  app.post('/echo', { schema: { body: z.object({ n: z.number().int() }) } }, async (req) => ({ n: req.body.n }));
  app.get('/gone', async () => {
    throw notFound('no such thing');
  });
  app.get('/input', async () => {
    throw new InputError('query', 'bad value', undefined, 'name');
  });
  app.get('/bug', async () => {
    throw new TypeError('Cannot read properties of undefined');
  });
  return app;
}

describe('apiErrorHandler', () => {
  const app = tinyApp();
  afterAll(() => app.close());

  it('answers a wrong type with 400 and the path of the bad field', async () => {
    const res = await app.inject({ method: 'POST', url: '/echo', payload: { n: 'five' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ error: 'bad_request', details: [{ path: 'body.n' }] });
    expect(body.message).toMatch(/^body\.n: /);
  });

  it('answers malformed JSON, an empty body and a non-JSON content type with 4xx JSON', async () => {
    const bad = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload: '{"n": 1,' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'bad_request' });
    expect(bad.json().message).toMatch(/not valid JSON/);
    const empty = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toBe('the request body is empty; send a JSON object');
    const text = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'text/csv' }, payload: 'n\n1' });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toEqual({ error: 'unsupported_media_type', message: 'unsupported content type; send application/json' });
  });

  it('answers an oversized body with 413', async () => {
    const small = Fastify({ bodyLimit: 64 }).withTypeProvider<ZodTypeProvider>();
    small.setErrorHandler(apiErrorHandler);
    small.post('/x', async () => ({}));
    const res = await small.inject({ method: 'POST', url: '/x', payload: { text: 'x'.repeat(200) } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe('payload_too_large');
    await small.close();
  });

  it('passes on HttpErrors and reads CounterflowErrors as bad requests', async () => {
    expect((await app.inject({ method: 'GET', url: '/gone' })).json()).toEqual({ error: 'not_found', message: 'no such thing' });
    const input = await app.inject({ method: 'GET', url: '/input' });
    expect(input.statusCode).toBe(400);
    expect(input.json()).toEqual({ error: 'bad_request', message: 'query (name): bad value' });
  });

  it('hides the details of a bug behind a generic 500', async () => {
    const res = await app.inject({ method: 'GET', url: '/bug' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'internal_error', message: 'internal error (this is a bug; the server log has the details)' });
  });

  it('answers an unknown route with 404 JSON', async () => {
    const res = await app.inject({ method: 'GET', url: '/nowhere?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'not_found', message: 'no route GET /nowhere' });
  });
});
