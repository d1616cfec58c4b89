/**
 * Words the stored text must keep readable, first kept for the risk screen when it read only de-identified text
 * ("Client reports [NAME]" for "Client reports self-harm"; round 13: it reads the words as typed too,
 * services/safety/turn.ts). After the detectors and the name classifier, a name found on one of these is given back (docs/DEIDENTIFICATION.md, "Words the risk screen needs"):
 * - a hyphenated word built from common words and affixes (./compounds): self-harm, ex-partner, 8-year-old;
 * - a pronoun's contraction: she'll, he'd, who've, u'll;
 * - a word of the screen's keep-list groups (content/deid-keep.json) typed in lower case: "ive", "si", "dilly" are
 *   names only when capitalised ("Ive", "Si"), where the rules still judge them;
 * - a lower-case English word right after an article ("the little boy", "the new guy");
 * - any keep-list word no one is named ("the mcdonalds"), unless a title stands before it.
 * A facility that is someone's kind of place ("the client's detox") is given back too: detox, jail and hospital are
 * the screen's words for where tolerance is lost. Never given back: a name the PSW asked to hide, an age over 89 in
 * words, a word right before a number; other detectors' spans (addresses, dates, phones) are left alone.
 */
import type { Entity } from './types';
import { compoundAround, wordCompound } from './compounds';
import { keepGroups, keepList } from './keepList';
import { AMBIGUOUS_NAMES, KEEP } from './lexicon';
import { NICKNAMES, RELATIONS } from './messy';
import { GENERIC_PLACES } from './messyPatterns';
import { dictionaries } from './dictionaries';
import { wordMemo } from './wordMemo';

/** Keep-list groups the risk screen reads: risk words and contractions, drugs, services, clinical notes' words. */
export const SCREEN_GROUPS = ['risk-language', 'street-drugs', 'services', 'clinical-notes'];

const CONTRACTION = /^(?:i|you|u|he|she|it|we|they|who|that|there|what|where|how|ya)['’](?:ll|d|ve|re|m)$/i;

let screen: Set<string> | undefined;

/** What screenWord() asks of a typed word alone, as bits remembered per word (wordMemo): the rest needs its place. */
const SPACED = 1;
const LETTERS = 2;
const CONTRACTED = 4;
const SCREEN = 8;
const ENGLISH_LOWER = 16;
const KEPT = 32;
const KEPT_POSSESSIVE = 64;
const NAMED = 128;
const wordBits = wordMemo((w: string): number => {
  screen ??= keepGroups(...SCREEN_GROUPS);
  const lower = w.toLowerCase();
  return (
    (/\s/.test(w) ? SPACED : 0) |
    (/^[\p{L}'’]+$/u.test(w) ? LETTERS : 0) |
    (CONTRACTION.test(w) ? CONTRACTED : 0) |
    (w === lower && screen.has(w) ? SCREEN : 0) |
    (w === lower && dictionaries().english.has(lower) ? ENGLISH_LOWER : 0) |
    (KEEP.has(lower) ? KEPT : 0) |
    (KEEP.has(`${lower}'s`) ? KEPT_POSSESSIVE : 0) |
    (mayBeNamed(lower) ? NAMED : 0)
  );
});

/** Whether the name span `e` of `text` is a word the screen needs. */
function screenWord(text: string, e: Entity): boolean {
  const w = text.slice(e.start, e.end);
  const bits = wordBits(w);
  if (bits & SPACED) return false;
  if (w.includes('-') || text[e.start - 1] === '-' || text[e.end] === '-') {
    const compound = compoundAround(text, e.start, e.end);
    // An age over 89 in words ("turn ninety-nine") is an identifier (Safe Harbor), compound or not.
    if (compound) return wordCompound(compound) && !/ninet|hundred/.test(compound);
  }
  if (!(bits & LETTERS)) return false;
  if (bits & CONTRACTED) return true;
  // A word before a number may label it ("app 5", a unit): the detectors' call.
  if (/^\s*\d/.test(text.slice(e.end, e.end + 3))) return false;
  if (bits & SCREEN) return true;
  // An English word in lower case right after an article, or after an article and an everyday adjective, is a thing
  // or a kind of person, not someone ("the little boy", "the old man's son", "the new guy"); a family's plural
  // possessive ("the smiths' place") and "said that will…" are left to the rules.
  if (bits & ENGLISH_LOWER && ARTICLE_BEFORE.test(text.slice(Math.max(0, e.start - 24), e.start)) && !/^['’](?!s)/.test(text.slice(e.end, e.end + 2))) return true;
  // The keep-list's promise, whatever rule found the name: a word on it that no one is named is no name ("the
  // mcdonalds", "a McDonald's bathroom"); after a title it is a surname ("Mr. Elder").
  const kept = (bits & KEPT) !== 0 || ((bits & KEPT_POSSESSIVE) !== 0 && /^['’]s\b/.test(text.slice(e.end, e.end + 3)));
  return kept && !(bits & NAMED) && !TITLE_BEFORE.test(text.slice(Math.max(0, e.start - 6), e.start));
}

/**
 * Keep-list words that are also given names or nicknames ("crystal", "buddy"), and the words of the groups marked
 * "slot" ("Irish", "Mubarak"): the rules judge them by their slot.
 */
function mayBeNamed(lower: string): boolean {
  return dictionaries().firstNames.has(lower) || AMBIGUOUS_NAMES.has(lower) || NICKNAMES.has(lower) || keepList().slotted.has(lower);
}
const ARTICLE_BEFORE = /(?:^|[^\p{L}'’])(?:a|an|the|these|those)\s+(?:(?:little|old|new|big|young|other|whole|same|first|last|next|poor)\s+)?$/u;
const TITLE_BEFORE = /\b(?:mr|mrs|ms|mx|dr|miss|prof)\.?\s+$/i;

let owners: Set<string> | undefined;

/**
 * Whether the facility span `e` is someone's kind of place, not a named one: "client's detox", "her mom's hospital
 * stay" — an owner that is a role or relation, and otherwise only everyday, keep-list or kind-of-place words (no name
 * among them).
 */
function ownedKindOfPlace(text: string, e: Entity): boolean {
  owners ??= new Set([...keepGroups('roles'), ...RELATIONS]);
  const d = dictionaries();
  let owner = false;
  for (const raw of text.slice(e.start, e.end).toLowerCase().split(/\s+/)) {
    const m = /^([\p{L}]+)['’]s$/u.exec(raw);
    if (m && owners.has(m[1]!)) owner = true;
    // A kind of place ("detox", "detention") is no name either: "client's detention" is where the client is held.
    else if (!(d.common.has(raw) || KEEP.has(raw) || GENERIC_PLACES.has(raw)) || mayBeNamed(raw)) return false;
  }
  return owner;
}

/**
 * `found` without the name spans that are words the risk screen needs, nor someone's kind of place. A name the PSW
 * asked to hide (`known`, the spans of knownNames) is never given back, whatever word it is.
 */
export function keepScreenWords(text: string, found: Entity[], known: readonly Entity[] = []): Entity[] {
  let out: Entity[] | undefined;
  for (let i = 0; i < found.length; i++) {
    const e = found[i]!;
    const asked = known.length > 0 && known.some((k) => k.start < e.end && e.start < k.end);
    if (!asked && ((e.type === 'NAME' && screenWord(text, e)) || (e.type === 'FACILITY' && ownedKindOfPlace(text, e)))) out ??= found.slice(0, i);
    else out?.push(e);
  }
  return out ?? found;
}
