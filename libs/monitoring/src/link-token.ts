import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url without padding: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A new personal-link token; only its hash is ever stored. */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

export function isLinkToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN.test(value);
}

/** SHA-256 of the token, hex: what `questionnaire_links.token_hash` and `app.link_hash` hold. */
export function linkTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The address of the questionnaire behind a token (the console renders it, the API answers it). */
export function linkPath(token: string): string {
  return `/q/${token}`;
}
