import { Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { toAppException } from '../errors/to-app-exception';
import { RateLimitedException } from './rate-limited.exception';
import { noteErrorCodes } from './request-observability';

const logger = new Logger('HTTP');

/**
 * Answers a request refused in a Fastify hook, before Nest or Mercurius see it, in the shape the
 * route's clients read: GraphQL's `{ data: null, errors: [{ message, extensions: { code } }] }`
 * or the REST routes' `{ code, message }`; RATE_LIMITED also says when to come back.
 */
export function sendRefusal(reply: FastifyReply, error: unknown, shape: 'graphql' | 'rest'): FastifyReply {
  const app = toAppException(error);
  if (!app) {
    logger.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error), error instanceof Error ? error.stack : undefined);
  }
  if (error instanceof RateLimitedException) reply.header('retry-after', String(error.retryAfterSeconds));
  const code = app?.code ?? 'INTERNAL_SERVER_ERROR';
  noteErrorCodes(reply.request, [code]);
  const message = app?.message ?? 'Внутренняя ошибка сервера. Попробуйте ещё раз; если ошибка повторится, сообщите в поддержку.';
  return reply.code(app?.httpStatus ?? 500).send(shape === 'graphql' ? { data: null, errors: [{ message, extensions: { code } }] } : { code, message });
}
