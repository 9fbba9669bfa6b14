import { Inject, Injectable, Logger } from '@nestjs/common';
import KeycloakConnect from 'keycloak-connect';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { AccessTokenClaims } from './principal';

/**
 * The adapter's configuration as keycloak-connect reads it: its published `KeycloakConfig` lacks
 * two keys the bearer-only check depends on (`verify-token-audience`, `realm-public-key`), which
 * its config loader reads all the same (middleware/auth-utils/config.js).
 */
type BearerOnlyConfig = KeycloakConnect.KeycloakConfig & {
  'verify-token-audience': boolean;
  'realm-public-key'?: string;
};

const VERIFIED_TOKENS_KEPT = 2000;
const VERIFIED_TOKEN_REUSE_MS = 60_000;

/**
 * The one place that knows which library verifies tokens. keycloak-connect in bearer-only mode:
 * its grant manager checks expiry, type `Bearer`, issuer (= this realm), audience and the RS256
 * signature against the realm public key (or Keycloak's JWKS when no key is configured).
 * Swapping it for `jose` JWKS checks changes this file only.
 */
@Injectable()
export class TokenVerifier {
  private readonly logger = new Logger(TokenVerifier.name);
  private readonly keycloak: KeycloakConnect.Keycloak;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { keycloakUrl, realm, clientId, realmPublicKey } = config.auth;
    const adapterConfig: BearerOnlyConfig = {
      realm,
      'auth-server-url': keycloakUrl,
      resource: clientId,
      'bearer-only': true,
      'verify-token-audience': true,
      'realm-public-key': realmPublicKey,
      'confidential-port': 0,
      'ssl-required': 'external',
    };
    this.keycloak = new KeycloakConnect({}, adapterConfig);
  }

  /**
   * Tokens verified in the last minute, by the token itself: a console sends the same token with
   * every request for its lifetime, and checking an RS256 signature was ≈ 5 % of a list page's CPU
   * (issue 15). An entry is used only while the token has not expired and for at most a minute;
   * only valid tokens are kept, at most `VERIFIED_TOKENS_KEPT` (the oldest go first).
   */
  private readonly verified = new Map<string, { claims: AccessTokenClaims; until: number }>();

  /** Resolves with the token's claims, or with `undefined` when the token is not valid. */
  async verify(rawToken: string): Promise<AccessTokenClaims | undefined> {
    const now = Date.now();
    const known = this.verified.get(rawToken);
    if (known && known.until > now) return known.claims;
    if (known) this.verified.delete(rawToken);
    try {
      // A grant's raw form is the token endpoint's JSON answer; the grant manager parses it itself.
      const grant = await this.keycloak.grantManager.createGrant(JSON.stringify({ access_token: rawToken }));
      const claims = claimsOf(grant.access_token);
      if (claims) {
        if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value as string);
        this.verified.set(rawToken, { claims, until: Math.min(claims.exp * 1000, now + VERIFIED_TOKEN_REUSE_MS) });
      }
      return claims;
    } catch (error) {
      // The reason (expired, wrong ISS, signature…) helps operators; the token itself is never logged.
      this.logger.debug(`token rejected: ${(error as Error).message}`);
      return undefined;
    }
  }
}

/**
 * The claims of a verified token. keycloak-connect's `Token` type does not declare the parsed
 * payload (`content`) it carries, so it is read as unknown and checked for the shape the product
 * reads; a signed token that lacks it is refused like an invalid one.
 */
function claimsOf(token: KeycloakConnect.Token | undefined): AccessTokenClaims | undefined {
  const content: unknown = token && 'content' in token ? token.content : undefined;
  if (!isRecord(content)) return undefined;
  const { sub, iss, typ, exp, iat, aud, azp, preferred_username, name, tenant_code, realm_access } = content;
  if (typeof sub !== 'string' || typeof iss !== 'string' || typeof typ !== 'string' || typeof exp !== 'number' || typeof iat !== 'number') return undefined;
  const roles = isRecord(realm_access) ? realm_access.roles : undefined;
  return {
    sub,
    iss,
    typ,
    exp,
    iat,
    aud: typeof aud === 'string' || isStringList(aud) ? aud : undefined,
    azp: optionalString(azp),
    preferred_username: optionalString(preferred_username),
    name: optionalString(name),
    tenant_code: optionalString(tenant_code),
    realm_access: { roles: isStringList(roles) ? roles : [] },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
