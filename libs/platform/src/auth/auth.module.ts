import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TenantRateLimitGuard } from '../http/tenant-rate-limit.guard';
import { ScopeResolver } from '../tenancy/scope';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { TokenVerifier } from './token-verifier';

/**
 * Token verification, the global guard, and the resolution of a principal into a tenant scope
 * (by the module that owns the tenant tree, given here, so the platform depends on no domain lib).
 */
@Module({})
export class AuthModule {
  static forRoot(options: { imports: ModuleMetadata['imports']; scopeResolver: Type<ScopeResolver> }): DynamicModule {
    return {
      module: AuthModule,
      imports: options.imports,
      providers: [
        TokenVerifier,
        AuthService,
        { provide: ScopeResolver, useExisting: options.scopeResolver },
        // In this order: the rate limits of `@RateLimited` count per tenant, so they need the caller.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: TenantRateLimitGuard },
      ],
      exports: [AuthService, TokenVerifier],
    };
  }
}
