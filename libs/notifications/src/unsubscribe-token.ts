import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid } from '@nastavnik/platform/graphql/uuid.pipe';

/** Which message's recipient asks to stop that kind of message: the school and the outbox row. */
export type UnsubscribeClaim = { tenantId: string; notificationId: string };

const TOKEN = /^[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{22}$/;

/**
 * A one-click unsubscribe token (RFC 8058): the school's and the message's ids (32 bytes), and an
 * HMAC-SHA256 of them under NOTIFICATIONS_SECRET cut to 16 bytes — 66 characters, short enough
 * for a path parameter. The address and the kind are the message's, read when the token is used.
 * It never expires (an unsubscribe link in an old message must still work) and can only ever say
 * «stop sending this kind to this address».
 */
export function unsubscribeToken(secret: string, claim: UnsubscribeClaim): string {
  const payload = Buffer.concat([uuidBytes(claim.tenantId), uuidBytes(claim.notificationId)]).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** The claim of a token this server signed, or null for anything else. */
export function readUnsubscribeToken(secret: string, token: unknown): UnsubscribeClaim | null {
  if (typeof token !== 'string' || !TOKEN.test(token)) return null;
  const [payload, signature] = token.split('.');
  const expected = Buffer.from(sign(secret, payload), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.length !== 32) return null;
  const tenantId = uuidText(bytes.subarray(0, 16));
  const notificationId = uuidText(bytes.subarray(16));
  return isUuid(tenantId) && isUuid(notificationId) ? { tenantId, notificationId } : null;
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest().subarray(0, 16).toString('base64url');
}

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

function uuidText(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
