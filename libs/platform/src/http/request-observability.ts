import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, RawRequestDefaultExpression } from 'fastify';
import type { Logger as Pino } from 'pino';
import { loggableUrl, operationFields } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';
import type { TenantContext } from '../tenancy/tenant-context';
import { tenantStoreOf } from './tenant-http-hooks';

const CALLER_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * The request's id: the caller's `x-request-id` when it is a plain token of 8–64 characters (a
 * proxy's or the console's, so one id follows a request through every hop), a new UUID otherwise
 * — never a caller's arbitrary text in our logs.
 */
export function requestIdOf(raw: RawRequestDefaultExpression): string {
  const header = raw.headers['x-request-id'];
  return typeof header === 'string' && CALLER_REQUEST_ID.test(header) ? header : randomUUID();
}

/** GraphQL's operation name of the request, for its log line and its metric (set in the GraphQL hooks). */
const OPERATION = Symbol('nastavnik.operation');
/** The error codes the request was answered with (GraphQL's error formatter, refusals in hooks, the REST filter). */
const ERROR_CODES = Symbol('nastavnik.errorCodes');
type WithOperation = FastifyRequest & { [OPERATION]?: string; [ERROR_CODES]?: string[] };

export function noteErrorCodes(request: FastifyRequest, codes: readonly string[]): void {
  const carrier = request as WithOperation;
  carrier[ERROR_CODES] = [...(carrier[ERROR_CODES] ?? []), ...codes];
}

export function noteOperation(request: FastifyRequest, name: string): void {
  (request as WithOperation)[OPERATION] = name;
}

export function operationOf(request: FastifyRequest): string {
  return (request as WithOperation)[OPERATION] ?? 'anonymous';
}

/**
 * One JSON line per answered request — id, method, route, status, duration, GraphQL operation,
 * tenant and role; no body, no query string, no token — and its duration in `/metrics`. The
 * answer carries the id back (`x-request-id`) so a curator's report of an error can be found.
 */
export function installRequestObservability(fastify: FastifyInstance, options: { logger: Pino; context: TenantContext; metrics: Metrics }): void {
  const { logger, context, metrics } = options;
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    metrics.httpDuration.observe({ route, method: request.method, status: String(reply.statusCode) }, seconds);
    const operation = (request as WithOperation)[OPERATION];
    if (operation) metrics.graphqlDuration.observe({ operation, outcome: reply.statusCode < 400 ? 'ok' : 'refused' }, seconds);
    const codes = (request as WithOperation)[ERROR_CODES] ?? [];
    // Refused before its body was read (no token, rate limit): no operation to name, the route instead.
    for (const code of codes) metrics.errors.inc({ code, operation: operation ?? `${request.method} ${route}` });
    const fields = {
      ...operationFields(tenantStoreOf(request, context)),
      requestId: request.id,
      method: request.method,
      url: loggableUrl(request.url),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      ...(operation ? { operation } : {}),
      ...(codes.length ? { errors: [...new Set(codes)] } : {}),
    };
    if (reply.statusCode >= 500) logger.error(fields, 'request failed');
    else logger.info(fields, 'request');
  });
}
