/**
 * Every error answer is `{error: SyncErrorCode, message}` (shared/sync/protocol.ts) with a
 * 4xx status. Anything a client can send (bad JSON, wrong content type, a huge body, a
 * prototype-poisoning key, an unknown route) maps to a 4xx here; a 5xx means a server fault
 * and is logged without the request body.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { SyncErrorCode } from '../../shared/sync/protocol.js';
import { scrubLogText } from './logging.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A 400 whose message names the offending fields, e.g. `ops.3.hlc: an HLC stamp …`. */
export function invalidInput(error: z.ZodError, where = 'body'): ApiError {
  const described = error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : where;
    return `${field}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return new ApiError(400, 'invalid', described.join('; ') + more);
}

/** Parses with a zod schema or throws a 400 naming the fields. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, where = 'body'): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidInput(result.error, where);
  return result.data;
}

/** Maps Fastify's own client errors (body parsing, limits, rate limit) to the protocol's codes. */
function clientErrorOf(error: FastifyError): ApiError | null {
  const status = error.statusCode ?? 0;
  if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new ApiError(413, 'too-large', 'The request body is too large; send fewer ops per request');
  }
  if (status === 429) return new ApiError(429, 'rate-limited', 'Too many attempts; wait a minute and try again');
  if (status === 415) return new ApiError(415, 'invalid', 'The body must be JSON (content-type: application/json)');
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return new ApiError(400, 'invalid', 'body: not valid JSON');
  }
  if (status >= 400 && status < 500) return new ApiError(status, 'invalid', `body: ${error.message}`);
  return null;
}

/**
 * Fastify's `frameworkErrors`: what it answers itself before any route is found (a URL that
 * is not valid percent-encoding) gets the protocol's shape too, instead of Fastify's own
 * `{error: 'Bad Request', code, statusCode}`. The URL is not repeated in the answer.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  void reply
    .status(status)
    .send({ error: 'invalid', message: error.code === 'FST_ERR_BAD_URL' ? 'The URL is not valid' : 'The request is not valid' });
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = error instanceof ApiError ? error : clientErrorOf(error);
    if (known) {
      return reply.status(known.status).send({ error: known.code, message: known.message });
    }
    // Log what went wrong, never the body: it may hold tokens, codes or personal data; and
    // the error's own text only scrubbed of the values it may quote (http/logging.ts). Not
    // under pino's `err` key, whose serializer would replace `type` with 'Object'.
    const text = (value: unknown) => (typeof value === 'string' ? scrubLogText(value) : undefined);
    const fault = error as Partial<FastifyError> | null | undefined;
    request.log.error(
      { fault: { type: text(fault?.name), code: text(fault?.code), message: text(fault?.message), stack: text(fault?.stack) } },
      'request failed',
    );
    return reply.status(500).send({ error: 'internal', message: 'The server could not answer; try again later' });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: 'not-found', message: `No such endpoint: ${request.method} ${request.url.split('?')[0]}` }),
  );
}
