// "Names to always hide for this debrief". Dialog state is stored in Cosmos, so the names themselves are never
// kept: each word of a name is kept as an HMAC under the server's ID_SECRET and a salt fresh for each debrief.
// A stolen database gives neither the names nor a way to test guesses (the secret is not in it), and the same
// name in two debriefs hashes differently. To hide a name in later text, each word of that text is hashed the
// same way and the matches are handed to deidentify() as known names — in the memory of that turn only.
import { createHmac, randomBytes } from 'node:crypto';

export interface HiddenNames {
  salt: string;
  hashes: string[];
}

const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu;

function key(word: string): string {
  return word.toLowerCase().replace(/[’']s$/, '').replace(/[’'-]+$/, '');
}

function hash(secret: string, salt: string, word: string): string {
  return createHmac('sha256', secret).update(`${salt}|${key(word)}`, 'utf8').digest('base64url').slice(0, 22);
}

/** Hashes each word (2+ letters) of the names given; returns undefined when there is nothing to hide. */
export function hideNames(secret: string, names: string[], previous?: HiddenNames): HiddenNames | undefined {
  const salt = previous?.salt ?? randomBytes(12).toString('base64url');
  const hashes = new Set(previous?.hashes ?? []);
  for (const name of names) for (const w of name.match(WORD) ?? []) if (key(w).length >= 2) hashes.add(hash(secret, salt, w));
  return hashes.size ? { salt, hashes: [...hashes] } : undefined;
}

/** The words of `text` that are hidden names (as typed), for deidentify's knownNames. */
export function hiddenNamesIn(secret: string, hidden: HiddenNames | undefined, text: string): string[] {
  if (!hidden || hidden.hashes.length === 0) return [];
  const set = new Set(hidden.hashes);
  const found = new Set<string>();
  for (const w of text.match(WORD) ?? []) if (key(w).length >= 2 && set.has(hash(secret, hidden.salt, w))) found.add(w.replace(/[’']s$/, ''));
  return [...found];
}
