import { Inject, Injectable, Logger } from '@nestjs/common';
import KeycloakConnect from 'keycloak-connect';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { AccessTokenClaims } from './principal';

type GrantLike = { access_token?: { content: AccessTokenClaims } };

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
    this.keycloak = new KeycloakConnect({}, {
      realm,
      'auth-server-url': keycloakUrl,
      resource: clientId,
      'bearer-only': true,
      'verify-token-audience': true,
      'realm-public-key': realmPublicKey,
      'confidential-port': 0,
      'ssl-required': 'external',
    } as unknown as KeycloakConnect.KeycloakConfig);
  }

  /** Resolves with the token's claims, or with `undefined` when the token is not valid. */
  async verify(rawToken: string): Promise<AccessTokenClaims | undefined> {
    try {
      const grant = (await this.keycloak.grantManager.createGrant({ access_token: rawToken } as never)) as unknown as GrantLike;
      return grant.access_token?.content;
    } catch (error) {
      // The reason (expired, wrong ISS, signature…) helps operators; the token itself is never logged.
      this.logger.debug(`token rejected: ${(error as Error).message}`);
      return undefined;
    }
  }
}
