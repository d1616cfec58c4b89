/**
 * Client codes and pseudonymous ids.
 *
 * looksLikeIdentifier vets what a PSW types as a client code before it is stored as typed. Accepted:
 * short codes of 1–12 characters with at least one digit ("C-14", "A7", "JD7", "K-2024-03", "client 3"),
 * or up to 4 letters alone when all capitals ("JD"). Refused: anything the de-identifier finds (names,
 * phones, emails, health cards, SINs, dates of birth...), capitalised words that are names, and long
 * digit runs (7+ digits identify something outside our system).
 */
import { createHmac } from 'node:crypto';
import { deidentify } from './deidentify';
import { dictionaries } from './dictionaries';

export function looksLikeIdentifier(text: string): { ok: boolean; reason?: string } {
  const code = text.trim();
  if (!code) return { ok: false, reason: 'The client code is empty.' };
  if (code.length > 16) return { ok: false, reason: 'Keep client codes short (16 characters at most), like C-14.' };
  const found = deidentify(code).entities;
  if (found.length > 0) return { ok: false, reason: `That looks like a ${found[0]!.type.toLowerCase().replace('_', ' ')}, not a client code. Use a short code such as C-14.` };
  if ((code.match(/\d/g)?.length ?? 0) >= 7) return { ok: false, reason: 'Long numbers can identify a person; use a short code such as C-14.' };
  if (/^\d{1,2}[/.-]\d{1,2}([/.-]\d{2,4})?$/.test(code)) return { ok: false, reason: 'That looks like a date; use a short code such as C-14.' };
  const dict = dictionaries();
  const words = code.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.some((w) => w.length >= 3 && (dict.anyNames.has(w) || dict.firstNames.has(w))) && !/\d/.test(code)) {
    return { ok: false, reason: 'That looks like a name; use a short code such as C-14.' };
  }
  if (/^(?:client|c|code|#)?\s*[A-Za-z]{0,4}[- ]?\d{1,4}(?:[- ]\d{1,4}){0,2}$/i.test(code)) return { ok: true };
  if (/^[A-Za-z]{1,3}\d{1,4}[A-Za-z]?$/.test(code)) return { ok: true };
  if (/^[A-Z]{1,4}$/.test(code)) return { ok: true };
  return { ok: false, reason: 'Client codes are a few letters and digits, such as C-14 or JD7.' };
}

/** A stored id for a person: HMAC-SHA256 of their channel id under a configured secret, base64url. */
export function pseudonymousId(secret: string, channelId: string): string {
  if (!secret) throw new Error('pseudonymousId needs a non-empty secret');
  return createHmac('sha256', secret).update(channelId, 'utf8').digest('base64url');
}
