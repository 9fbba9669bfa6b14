import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { toAppException } from '../errors/to-app-exception';
import { noteErrorCodes } from './request-observability';

/**
 * REST routes answer errors as `{ code, message }` with the matching status; GraphQL errors are
 * left to the GraphQL error formatter. Nothing internal (stack, SQL) reaches the client.
 */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const app = toAppException(exception);
    noteErrorCodes(reply.request, [app?.code ?? 'INTERNAL_SERVER_ERROR']);
    if (app) return reply.status(app.httpStatus).send({ code: app.code, message: app.message, ...(app.details ? { details: app.details } : {}) });
    this.logger.error(exception instanceof Error ? `${exception.name}: ${exception.message}` : String(exception), exception instanceof Error ? exception.stack : undefined);
    return reply.status(500).send({ code: 'INTERNAL_SERVER_ERROR', message: 'Внутренняя ошибка сервера.' });
  }
}
