/**
 * Client codes and pseudonymous ids.
 *
 * looksLikeIdentifier vets what a PSW types as a client code before it is stored as typed. Accepted:
 * short codes of 1–12 characters with at least one digit ("C-14", "A7", "JD7", "client 3"),
 * or up to 4 letters alone when all capitals ("JD"). Refused: anything the de-identifier finds (names,
 * phones, emails, health cards, SINs, dates of birth...), capitalised words that are names, long
 * digit runs (7+ digits identify something outside our system), and the quasi-identifiers a short code can
 * still carry: a date ("ZQ 03-14"), a year ("TB 1987") or a piece of a phone number ("C 416 555").
 *
 * labelProblem vets the roster's own labels (aliases, team names) the same way, without the name list that
 * is too broad for them ("North", "Admin" are names too): the de-identifier, given names that are not
 * everyday words, and the same quasi-identifiers.
 */
import { createHmac } from 'node:crypto';
import { deidentify } from './deidentify';
import { dictionaries } from './dictionaries';
import type { EntityType } from './types';

/** Why a client code is refused; the words are the bot layer's (cards/words/clientCode.ts). */
export type ClientCodeProblem = 'empty' | 'tooLong' | 'identifier' | 'longNumber' | QuasiIdentifier | 'name' | 'shape';
/** The longest client code kept. */
export const MAX_CLIENT_CODE = 16;

export function looksLikeIdentifier(text: string): { ok: true } | { ok: false; reason: ClientCodeProblem; entity?: EntityType } {
  const code = text.trim();
  if (!code) return { ok: false, reason: 'empty' };
  if (code.length > MAX_CLIENT_CODE) return { ok: false, reason: 'tooLong' };
  const found = deidentify(code).entities;
  if (found.length > 0) return { ok: false, reason: 'identifier', entity: found[0]!.type };
  if ((code.match(/\d/g)?.length ?? 0) >= 7) return { ok: false, reason: 'longNumber' };
  const quasi = quasiIdentifier(code);
  if (quasi) return { ok: false, reason: quasi };
  const dict = dictionaries();
  const words = code.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.some((w) => w.length >= 3 && (dict.anyNames.has(w) || dict.firstNames.has(w))) && !/\d/.test(code)) {
    return { ok: false, reason: 'name' };
  }
  if (/^(?:client|c|code|#)?\s*[A-Za-z]{0,4}[- ]?\d{1,4}(?:[- ]\d{1,4}){0,2}$/i.test(code)) return { ok: true };
  if (/^[A-Za-z]{1,3}\d{1,4}[A-Za-z]?$/.test(code)) return { ok: true };
  if (/^[A-Z]{1,4}$/.test(code)) return { ok: true };
  return { ok: false, reason: 'shape' };
}

export type QuasiIdentifier = 'date' | 'year' | 'phone';

/**
 * What a short text carries that is not an identifier alone but narrows down a person: a day and month
 * ("03-14", "14/3"), a year 1900–2099 or '87, or a piece of a phone number (two groups of 3+ digits, a group
 * of 5+, or 6 digits in all).
 */
export function quasiIdentifier(text: string): QuasiIdentifier | undefined {
  const groups = text.match(/\d+/g) ?? [];
  if (groups.some((g) => g.length === 4 && Number(g) >= 1900 && Number(g) <= 2099) || /'\d{2}(?!\d)/.test(text)) return 'year';
  for (const m of text.matchAll(/(?<!\d)(\d{1,2})\s*[-/.\s]\s*(\d{1,2})(?!\d)/g)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if ((a >= 1 && a <= 12 && b >= 1 && b <= 31) || (a >= 1 && a <= 31 && b >= 1 && b <= 12)) return 'date';
  }
  const digits = groups.join('').length;
  if (groups.filter((g) => g.length >= 3).length >= 2 || groups.some((g) => g.length >= 5) || digits >= 6) return 'phone';
  return undefined;
}

export type LabelProblem = 'name' | QuasiIdentifier | 'identifier';

/** Why a roster label (an alias, a team) would identify someone, or undefined when it is fine. */
export function labelProblem(text: string): LabelProblem | undefined {
  const found = deidentify(text).entities;
  if (found.some((e) => e.type === 'NAME')) return 'name';
  if (found.length) return found[0]!.type === 'PHONE' ? 'phone' : found[0]!.type === 'DATE' ? 'date' : 'identifier';
  const dict = dictionaries();
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  // "Jo", "Sam", "Maria": given names that are not everyday words; "North", "Grace", "Hope" are fine.
  if (words.some((w) => w.length >= 2 && dict.firstNames.has(w) && !dict.common.has(w))) return 'name';
  return quasiIdentifier(text);
}

/** A stored id for a person: HMAC-SHA256 of their channel id under a configured secret, base64url. */
export function pseudonymousId(secret: string, channelId: string): string {
  if (!secret) throw new Error('pseudonymousId needs a non-empty secret');
  return createHmac('sha256', secret).update(channelId, 'utf8').digest('base64url');
}
