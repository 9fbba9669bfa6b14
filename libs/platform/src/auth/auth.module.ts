import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
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
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AuthService, TokenVerifier],
    };
  }
}
