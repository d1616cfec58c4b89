// Names to hide in a debrief, and what the PSW told us to keep. Dialog state is stored in Cosmos, so the words
// themselves are never kept: each is kept as an HMAC under the server's ID_SECRET and a salt. The salt belongs to
// the relationship (PSW + client code): names the PSW asked to hide for a client stay hidden in that client's
// later debriefs, and the same name hashes differently for any other relationship. A stolen database gives neither
// the names nor a way to test guesses (the secret is not in it). To hide a name in later text, each word of that
// text is hashed the same way and the matches are handed to deidentify() — in the memory of that turn only.
import { createHmac, randomBytes } from 'node:crypto';
import { folded, possessiveSForms, typedPossessiveOf, withoutInvisible } from '../deidentify';

export interface HiddenNames {
  salt: string;
  /** Words the PSW asked to hide (typed at the start, or "Hide" at the review): hidden wherever they appear. */
  hashes: string[];
  /** Words the de-identifier found as names in this debrief: hidden in all its answers, except where plainly a word ("i hope"). */
  found?: string[];
  /** Words the PSW said to keep ("Is 'Dawn' a person?" — Keep): not asked again for this client. */
  keep?: string[];
}

const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu;

/** Read as the de-identifier reads it: "Ｊｏｈｎ" and "Jоhn" (Cyrillic о) are "john". */
function key(word: string): string {
  return folded(word).toLowerCase().replace(/[’']s$/, '').replace(/[’'-]+$/, '');
}

/** The salted HMAC of one word, normalised (lower case, no possessive). */
export function hashWord(secret: string, salt: string, word: string): string {
  return createHmac('sha256', secret).update(`${salt}|${key(word)}`, 'utf8').digest('base64url').slice(0, 22);
}

/** A fresh salt, for a relationship that has none yet. */
export function newSalt(): string {
  return randomBytes(12).toString('base64url');
}

/** Hashes each word (2+ letters) of the names given; returns undefined when there is nothing to hide. */
export function hideNames(secret: string, names: string[], previous?: HiddenNames): HiddenNames | undefined {
  const salt = previous?.salt ?? newSalt();
  const hashes = new Set(previous?.hashes ?? []);
  for (const name of names) for (const w of withoutInvisible(name).match(WORD) ?? []) if (key(w).length >= 2) hashes.add(hashWord(secret, salt, w));
  return hashes.size || previous ? { ...previous, salt, hashes: [...hashes] } : undefined;
}

/**
 * The word a typed possessive without its apostrophe belongs to ("rubys" → "ruby"; unsure.ts typedPossessiveOf: not
 * "hopes"), or undefined: a hashed word covers it (round 23), the hash itself unchanged.
 */
function ownerOf(word: string): string | undefined {
  const k = key(word);
  const stem = k.slice(0, -1);
  return k.length >= 3 && k.endsWith('s') && typedPossessiveOf(stem) === k ? stem : undefined;
}

/** Whether `word`, or the word its possessive typed without the apostrophe belongs to, hashes into `set`. */
function hashedIn(secret: string, salt: string, set: ReadonlySet<string>, word: string): boolean {
  if (set.has(hashWord(secret, salt, word))) return true;
  const owner = ownerOf(word);
  return !!owner && set.has(hashWord(secret, salt, owner));
}

/** The words of `text` whose hashes are in `hashes` (as typed, possessive dropped; "rubys" whole for "ruby"). */
function wordsIn(secret: string, salt: string, hashes: string[] | undefined, text: string): string[] {
  if (!hashes || hashes.length === 0) return [];
  const set = new Set(hashes);
  const found = new Set<string>();
  for (const w of withoutInvisible(text).match(WORD) ?? []) if (key(w).length >= 2 && hashedIn(secret, salt, set, w)) found.add(w.replace(/[’']s$/, ''));
  return [...found];
}

/**
 * The words of `text` that are hidden names (as typed), for deidentify's knownNames; with them (round 24) the name's
 * s-form that is also a word where it stands as the name's possessive ("grabbed dawns keys" for a hidden "Dawn"; "it
 * dawns on me" stays: unsure.ts possessiveSForms). knownNames are words, so an answer holding both hides both.
 */
export function hiddenNamesIn(secret: string, hidden: HiddenNames | undefined, text: string): string[] {
  if (!hidden?.hashes.length) return [];
  const words = wordsIn(secret, hidden.salt, hidden.hashes, text);
  const forms = namePossessives(secret, hidden.salt, new Set(hidden.hashes), withoutInvisible(text));
  return forms.length ? [...new Set([...words, ...forms.map((f) => f.word)])] : words;
}

/**
 * Where `text` types the s-form of a name whose hash is in `hashes` as that name's possessive ("hopes mom called"; unsure.ts
 * possessiveSForms): for the names hidden (hiddenNamesIn) and for those found earlier in the debrief (nameMemory.ts).
 */
export function namePossessives(secret: string, salt: string, hashes: ReadonlySet<string>, text: string): Array<{ start: number; word: string }> {
  return possessiveSForms(text, (stem) => hashes.has(hashWord(secret, salt, stem)));
}

/** The words of `text` found as names earlier in this debrief. */
export function foundNamesIn(secret: string, hidden: HiddenNames | undefined, text: string): string[] {
  return hidden ? wordsIn(secret, hidden.salt, hidden.found, text) : [];
}

/** Whether the PSW said to keep this word (or the word its typed possessive "rubys" belongs to) for this client. */
export function isKept(secret: string, hidden: HiddenNames | undefined, word: string): boolean {
  return !!hidden?.keep?.length && hashedIn(secret, hidden.salt, new Set(hidden.keep), word);
}
