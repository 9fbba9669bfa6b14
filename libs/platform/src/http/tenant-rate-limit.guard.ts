import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { replyOf, requestOf } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TenantContext } from '../tenancy/tenant-context';
import { RATE_LIMITED_KEY, type TenantRateLimit } from './rate-limited.decorator';
import { RateLimitedException } from './rate-limited.exception';
import { enforceLimit, type RequestLimiter, requestLimiter } from './rate-limits';
import { tenantStoreOf } from './tenant-http-hooks';

/**
 * Enforces `@RateLimited(name)`: registered globally after the AuthGuard, so the caller is known.
 * The count is kept per tenant in the Redis store of @fastify/rate-limit (http/rate-limits.ts).
 */
@Injectable()
export class TenantRateLimitGuard implements CanActivate {
  private readonly limiters = new Map<TenantRateLimit, RequestLimiter | undefined>();

  constructor(
    private readonly reflector: Reflector,
    private readonly adapterHost: HttpAdapterHost,
    private readonly context: TenantContext,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const name = this.reflector.getAllAndOverride<TenantRateLimit | undefined>(RATE_LIMITED_KEY, [execution.getHandler(), execution.getClass()]);
    if (!name) return true;
    try {
      await enforceLimit(this.limiter(name), requestOf(execution), { increment: true });
    } catch (error) {
      if (error instanceof RateLimitedException) replyOf(execution).header('retry-after', String(error.retryAfterSeconds));
      throw error;
    }
    return true;
  }

  /** Made on first use (the rate-limit plugin is registered by then); undefined when the limit is turned off. */
  private limiter(name: TenantRateLimit): RequestLimiter | undefined {
    if (!this.limiters.has(name)) {
      const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
      this.limiters.set(name, requestLimiter(fastify, this.config.rateLimits[name], this.config.rateLimits.windowMs, (request) => `${name}:${tenantKey(tenantStoreOf(request, this.context).principal)}`));
    }
    return this.limiters.get(name);
  }
}

/** The tenant a count belongs to; a ministry official or an admin is bound to none, so counts as themself. */
function tenantKey(principal: Principal | undefined): string {
  if (!principal) return 'anonymous'; // unreachable behind the AuthGuard; one shared bucket rather than none
  return principal.tenantCode ? `tenant:${principal.tenantCode}` : `person:${principal.subject}`;
}
