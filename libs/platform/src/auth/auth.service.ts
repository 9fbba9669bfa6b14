import { Injectable } from '@nestjs/common';
import { UnauthenticatedException } from '../errors/app.exceptions';
import { ScopeResolver } from '../tenancy/scope';
import { type ContextStore } from '../tenancy/tenant-context';
import { principalFromClaims, type Principal } from './principal';
import { TokenVerifier } from './token-verifier';

type HeaderBag = Record<string, string | string[] | undefined>;

/**
 * Authenticates a request from its `Authorization: Bearer …` header: verifies the token, turns
 * its claims into a principal and the principal into the tenant scope. Memoised per request.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly scopes: ScopeResolver,
  ) {}

  authenticate(store: ContextStore, headers: HeaderBag): Promise<Principal> {
    store.authentication ??= this.doAuthenticate(store, headers);
    return store.authentication;
  }

  private async doAuthenticate(store: ContextStore, headers: HeaderBag): Promise<Principal> {
    const token = bearerToken(headers.authorization);
    if (!token) throw new UnauthenticatedException('Требуется вход в систему: не передан токен доступа.');
    const claims = await this.verifier.verify(token);
    if (!claims) throw new UnauthenticatedException();
    const principal = principalFromClaims(claims);
    if (!principal) throw new UnauthenticatedException('В токене нет ни одной роли платформы наставничества.');
    const scope = await this.scopes.resolve(principal);
    store.principal = principal;
    store.scope = scope;
    return principal;
  }
}

function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)$/i.exec(value?.trim() ?? '');
  return match?.[1];
}
