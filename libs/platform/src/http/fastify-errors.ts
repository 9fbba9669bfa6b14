import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { toAppException } from '../errors/to-app-exception';
import { noteErrorCodes } from './request-observability';

/**
 * What Fastify refuses before a route's handler runs — a body that is not JSON (or carries a
 * `__proto__`/`constructor.prototype` key, which its parser refuses), a body too large, an
 * unsupported media type — never reaches Nest's exception filter (AppExceptionFilter): Fastify
 * answered it itself, in English and with its own shape. Its error handler answers as the filter
 * does: `{ code, message }` in Russian, the matching status, nothing internal. Errors of Nest's
 * handlers never get here (Nest's filters answer them first).
 */
export function installFastifyErrorAnswers(fastify: FastifyInstance): void {
  fastify.setErrorHandler((error, request, reply) => {
    const app = toAppException(error);
    noteErrorCodes(request, [app?.code ?? 'INTERNAL_SERVER_ERROR']);
    if (app) return reply.status(app.httpStatus).send({ code: app.code, message: app.message });
    // A plugin's own refusal (a 4xx without Fastify's code): its status kept, the answer ours.
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) return reply.status(status).send({ code: 'VALIDATION_FAILED', message: 'Некорректный запрос.' });
    request.log.error({ err: error }, 'unhandled error before the route');
    return reply.status(500).send({ code: 'INTERNAL_SERVER_ERROR', message: 'Внутренняя ошибка сервера.' });
  });
}

/**
 * The API's adapter: Fastify's error handler is ours alone (installFastifyErrorAnswers). Nest sets
 * one of its own at `init()`; a second handler in one scope replaces the first, and Fastify warns
 * of it at every start (FSTWRN004) — so Nest's call is declined here, and the answers are ours
 * whatever the order of set-up.
 */
export class ApiFastifyAdapter extends FastifyAdapter {
  override setErrorHandler(): FastifyInstance {
    return this.getInstance();
  }
}
