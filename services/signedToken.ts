// Short-lived tokens we hand out in cards and links (a page of a drill-down, an export download). They are
// HMAC-signed under the id secret with a purpose, so a token cannot be forged, edited, or reused for another
// purpose. A valid token is still not permission: access is decided again on every read (services/access.ts).
import { createHmac, timingSafeEqual } from 'node:crypto';

export type TokenPurpose = 'page' | 'export' | 'audit-page' | 'my-data' | 'team-page' | 'reflection';

function mac(secret: string, purpose: TokenPurpose, body: string): string {
  return createHmac('sha256', secret).update(`peerreflect:${purpose}:${body}`).digest('base64url');
}

export function signToken(secret: string, purpose: TokenPurpose, payload: Record<string, unknown>, expiresAt: Date): string {
  const body = Buffer.from(JSON.stringify({ ...payload, exp: expiresAt.getTime() }), 'utf8').toString('base64url');
  return `${body}.${mac(secret, purpose, body)}`;
}

/** The payload, or undefined when the token is malformed, forged, for another purpose, or expired. */
export function verifyToken<T extends Record<string, unknown>>(secret: string, purpose: TokenPurpose, token: unknown, now: Date): T | undefined {
  if (typeof token !== 'string' || token.length > 4096) return undefined;
  const [body, sig, extra] = token.split('.');
  if (!body || !sig || extra !== undefined) return undefined;
  const expected = Buffer.from(mac(secret, purpose, body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T & { exp?: unknown };
    if (typeof payload.exp !== 'number' || payload.exp <= now.getTime()) return undefined;
    return payload;
  } catch {
    return undefined;
  }
}
