import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { CounterflowError } from '../errors.js';

/** The body of every error response. */
export interface ApiErrorBody {
  /** Machine-readable kind: `bad_request`, `not_found`, `payload_too_large`, `unsupported_media_type`, `internal_error`. */
  error: string;
  message: string;
  details?: unknown;
}

/** An error a route throws on purpose; the error handler sends it as its status and body. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/**
 * A 404 with the standard body.
 *
 * @example
 * throw notFound(`no entity "${id}" in the active list versions`);
 */
export function notFound(message: string): HttpError {
  return new HttpError(404, 'not_found', message);
}

const ERROR_NAMES: Record<number, string> = {
  400: 'bad_request',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

/**
 * Maps every error to a JSON body: request validation and body parsing to 400 (with the zod issues as
 * details), Fastify's own client errors to their 4xx status, CounterflowErrors (bad input found by the
 * engine) to 400. Anything else is a bug: 500 with a generic message, the error logged.
 *
 * @example
 * app.setErrorHandler(apiErrorHandler);
 */
export function apiErrorHandler(err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err instanceof HttpError) return send(reply, err.statusCode, err.error, err.message, err.details);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const context = (err as { validationContext?: string }).validationContext ?? 'request';
    const details = err.validation.map((v) => ({ path: [context, ...v.instancePath.split('/').filter(Boolean)].join('.'), message: v.message }));
    const first = details[0];
    const message = first ? `${first.path}: ${first.message}${details.length > 1 ? ` (and ${details.length - 1} more)` : ''}` : 'invalid request';
    return send(reply, 400, 'bad_request', message, details);
  }
  if (err instanceof CounterflowError) return send(reply, 400, 'bad_request', err.message);
  const status = (err as FastifyError).statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return send(reply, status, ERROR_NAMES[status] ?? 'bad_request', clientMessage(err as FastifyError));
  }
  request.log.error(err);
  return send(reply, 500, 'internal_error', 'internal error (this is a bug; the server log has the details)');
}

/**
 * 404 for a route that does not exist.
 *
 * @example
 * app.setNotFoundHandler(notFoundHandler);
 */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return send(reply, 404, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}`);
}

function clientMessage(err: FastifyError): string {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'the request body is not valid JSON (or uses a forbidden key such as __proto__)';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'the request body is empty; send a JSON object';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported content type; send application/json';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'the request body is too large';
    default:
      return err.message;
  }
}

function send(reply: FastifyReply, status: number, error: string, message: string, details?: unknown): FastifyReply {
  const body: ApiErrorBody = details === undefined ? { error, message } : { error, message, details };
  return reply.status(status).type('application/json').send(body);
}
