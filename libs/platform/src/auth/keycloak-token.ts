import { createHash, createSign } from 'node:crypto';
import type { AccessTokenClaims } from './principal';

export type TokenSubject = {
  username: string;
  displayName: string;
  roles: string[];
  tenantCode?: string | null;
};

export type MintOptions = {
  issuer: string;
  audience: string;
  /** Lifetime in seconds; negative values mint an already expired token (tests). */
  ttlSeconds?: number;
  now?: number;
};

/**
 * Mints an RS256 access token of the shape Keycloak issues for the `mentoring-console` client.
 * Used only by the development identity mode (`npm run dev:token`) and by tests; the API verifies
 * these tokens on the same path as Keycloak's (keycloak-connect, realm public key).
 */
export function mintKeycloakToken(privateKeyPem: string, subject: TokenSubject, options: MintOptions): string {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const claims: AccessTokenClaims & Record<string, unknown> = {
    exp: now + (options.ttlSeconds ?? 3600),
    iat: now,
    jti: createHash('sha256').update(`${subject.username}:${now}:${Math.random()}`).digest('hex').slice(0, 32),
    iss: options.issuer,
    aud: [options.audience, 'account'],
    sub: stableSubjectId(subject.username),
    typ: 'Bearer',
    azp: 'mentoring-console',
    scope: 'openid profile',
    realm_access: { roles: [...subject.roles, 'default-roles-mentoring'] },
    preferred_username: subject.username,
    name: subject.displayName,
  };
  if (subject.tenantCode) claims.tenant_code = subject.tenantCode;
  return signJwt(privateKeyPem, claims);
}

export function signJwt(privateKeyPem: string, payload: object, header: object = { alg: 'RS256', typ: 'JWT', kid: 'dev' }): string {
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(privateKeyPem);
  return `${signingInput}.${base64url(signature)}`;
}

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}

/** A uuid-shaped subject derived from the username, stable across token mints. */
function stableSubjectId(username: string): string {
  const h = createHash('sha1').update(`mentoring:${username}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
