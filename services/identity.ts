// Pseudonymous ids (rule 3): a person's stored id is an HMAC of their channel id under the configured secret.
import { createHmac } from 'node:crypto';

export function pseudonymousId(secret: string, channelId: string): string {
  return createHmac('sha256', secret).update(channelId, 'utf8').digest('base64url').slice(0, 32);
}
