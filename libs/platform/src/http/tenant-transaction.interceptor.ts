import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { TenantContext } from '../tenancy/tenant-context';
import { tenantStoreOf } from './tenant-http-hooks';

/**
 * For REST routes: the request's transaction commits when the handler succeeds and rolls back
 * when it throws, before the response is written. (GraphQL operations finish theirs in the
 * Mercurius `onResolution` hook, after field resolvers too.)
 */
@Injectable()
export class TenantTransactionInterceptor implements NestInterceptor {
  constructor(private readonly context: TenantContext) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType<string>() !== 'http') return next.handle();
    const store = tenantStoreOf(execution.switchToHttp().getRequest<FastifyRequest>(), this.context);
    return from(
      (async () => {
        try {
          const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
          await this.context.finish(store, true);
          return result;
        } catch (error) {
          await this.context.finish(store, false);
          throw error;
        }
      })(),
    );
  }
}
