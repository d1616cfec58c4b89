/**
 * Round 21 (second mentions): the slots and forms in which a name found once in a note is that person again, read by
 * everywhere() in deidentify.ts — a keep-list or slot-model word-name in a person's slot (secondSlot: its possessive
 * before kin, after "ask for", given a thing, before a bracket saying who, joined to a person), at a clause's start
 * before a past verb or a state (didOrFelt), and a quoted nickname or a full name's initials beside or apart from a
 * name found (otherForms). Tests: test/services/deidentify/secondMentions.test.ts.
 */
import type { Entity } from './types';
import { KEEP, MONTHS, WEEKDAYS } from './lexicon';
import { withoutPossessive } from './words';
import { DETERMINERS, NICKNAMES, OWNED, personVerb, RELATIONS, ROLE_WORDS, SAFE } from './messy';
import { dictionaries } from './dictionaries';
import { JOINER } from './listJoins';
import { givenThing } from './giving';
import { PLATFORM_WORDS } from './handleNames';

/** A name's words: a letter, then letters, marks, apostrophes and hyphens. */
export const NAME_WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;
const WORD_AFTER = /^[ \t]+(\p{L}+)/u;

const QUOTE_MARK = /["“”‘]|(?:^|[ \t(])'/;
/** Two or three capitals, or letters with periods ("DJ", "d.j.", "K.B"): a name's initials may be there. */
const INITIALS_MAY = /\b\p{Lu}{2,3}\b|\b\p{L}\.\p{L}/u;
/** A nickname in quotes (in brackets or not, "aka" or not) right after a name, or right before it. */
const QUOTED_AFTER = /^[ \t]*(?:[(,–-][ \t]*)?(?:aka[ \t]+)?(["“”'‘])([\p{L}-]+(?:[ \t]+[\p{L}-]+)?)["“”'’]/iu;
const QUOTED_BEFORE = /(?:^|[\s(])["“”'‘]([\p{L}-]+(?:[ \t]+[\p{L}-]+)?)["“”'’][ \t]*$/u;
/** Initials as a token: "D.J.", "d.j", "DJ", "KB" (not within a longer word). */
const INITIALS = /(?<![\p{L}\p{N}.])(?:(\p{L})\.[ \t]?(\p{L})\.?(?:[ \t]?(\p{L})\.?)?|(\p{Lu})(\p{Lu})(\p{Lu})?)(?![\p{L}\p{N}])/gu;

/**
 * Round 21: other forms of a name found, added to `extra`: a nickname in quotes right beside it ('[NAME] "Tiny"
 * [NAME]', '[NAME] ("Kofi")', '"Smokey" [NAME]') — one or two words, none a function word — and the initials of a
 * full name found ("Darnell Jones" … "= DJ", "d.j.").
 */
export function otherForms(text: string, found: readonly Entity[], extra: Entity[]): void {
  // Only when the note holds a quote, or capitals or letters with periods.
  if (!found.length || !(QUOTE_MARK.test(text) || INITIALS_MAY.test(text))) return;
  const initials = new Set<string>();
  // Round 24: initials found as a name are the same initials written the other way ("tj" … "T.J.", "J.M." … "jm").
  let plain: Set<string> | undefined;
  for (const e of found) {
    if (e.type !== 'NAME') continue;
    const own = initialsOf(text.slice(e.start, e.end));
    if (own) {
      plain ??= new Set();
      plain.add(own);
    }
    const after = QUOTED_AFTER.exec(text.slice(e.end, e.end + 40));
    if (after && nickname(after[2]!) && nicknameEnds(text, e.end + after[0].length, found)) {
      const s = e.end + after[0].length - 1 - after[2]!.length;
      extra.push({ start: s, end: s + after[2]!.length, type: 'NAME' });
    }
    const before = QUOTED_BEFORE.exec(text.slice(Math.max(0, e.start - 40), e.start));
    if (before && nickname(before[1]!)) {
      const s = e.start - before[0].length + before[0].indexOf(before[1]!);
      extra.push({ start: s, end: s + before[1]!.length, type: 'NAME' });
    }
    const parts = text.slice(e.start, e.end).match(NAME_WORD) ?? [];
    if (parts.length >= 2 && parts.every((w) => w.length >= 2)) {
      initials.add((parts[0]![0]! + parts[parts.length - 1]![0]!).toLowerCase());
      if (parts.length === 3) initials.add(parts.map((w) => w[0]).join('').toLowerCase());
    }
  }
  if (plain) for (const l of plain) initials.add(l);
  if (!initials.size) return;
  const free = (s: number, t: number) => !found.some((e) => e.start < t && s < e.end);
  INITIALS.lastIndex = 0;
  for (let m = INITIALS.exec(text); m; m = INITIALS.exec(text)) {
    const letters = (m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]]).filter(Boolean).join('').toLowerCase();
    // Capitals alone only when they are no word or kept abbreviation ("ER", "AA", "OK" stay).
    if (!m[1] && wordLike(letters)) continue;
    if (initials.has(letters) && free(m.index, m.index + m[0].length)) extra.push({ start: m.index, end: m.index + m[0].length, type: 'NAME' });
  }
  if (!plain) return;
  LOWER_INITIALS.lastIndex = 0;
  for (let m = LOWER_INITIALS.exec(text); m; m = LOWER_INITIALS.exec(text)) {
    if (plain.has(m[0]) && !wordLike(m[0]) && !THING_BEFORE_END.test(text.slice(Math.max(0, m.index - 8), m.index)) && free(m.index, m.index + m[0].length)) extra.push({ start: m.index, end: m.index + m[0].length, type: 'NAME' });
  }
}

/** Whether letters are a word or a kept abbreviation ("er", "aa", "ok"), which initials typed plain may also be. */
function wordLike(letters: string): boolean {
  return KEEP.has(letters) || SAFE.has(letters) || dictionaries().english.has(letters);
}

/** A determiner or possessive right before: "the dj booth", "my pt" are things. */
const THING_BEFORE_END = /(?:^|[^\p{L}])(?:the|a|an|my|his|her|their|our|your|ur|this|that)[ \t]+$/iu;
/** Initials typed plain in lower case: two or three letters alone ("tj", "jm"; not "t.j", "tj's" is its possessive). */
const LOWER_INITIALS = /(?<![\p{L}\p{N}.'’])\p{Ll}{2,3}(?![\p{L}\p{N}]|\.\p{L})/gu;
/** A name found that is initials alone: "T.J.", "t.j", "JM", "tj" (no word, no given name: "Ed", "Al" are names). */
const INITIALS_WHOLE = /^(?:(\p{L})\.[ \t]?(\p{L})\.?(?:[ \t]?(\p{L})\.?)?|\p{L}{2,3})$/u;
function initialsOf(span: string): string | undefined {
  const m = INITIALS_WHOLE.exec(span);
  if (!m) return undefined;
  const letters = (m[1] ? [m[1], m[2], m[3]].filter(Boolean).join('') : span).toLowerCase();
  if (!m[1] && (wordLike(letters) || dictionaries().firstNames.has(letters))) return undefined;
  // Lower or mixed case typed plain: only with no vowel ("tj", "jm"; "bo", "eli" are names, not initials).
  if (!m[1] && span !== span.toUpperCase() && /[aeiouy]/.test(letters)) return undefined;
  return letters;
}

/** The marks that may close a nickname opened by each mark: straight and curly quotes either way, a bracket. */
const CLOSES: Readonly<Record<string, string>> = { '"': '"”', '“': '”"', "'": "'’", '‘': '’\'', '(': ')' };
const SPACE_GAP = /^[ \t]{1,2}$/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Round 24: a nickname in quotes or brackets inside a full name is one name with its marks ('Marcus "Bear" Tallman',
 * 'Marcus (Bear) Tallman' → [NAME]; '"Bear" Tallman', 'Marcus "Bear"' too, not 'beto (alberto)': a name in brackets
 * after one is two names). `found[i]` widened over its marks when the name found before it (`last`, as joined so far)
 * or after it stands a space or two away; else `found[i]` itself. joinNames() then joins the three.
 */
export function nicknameWithMarks(text: string, found: readonly Entity[], i: number, last: Entity | undefined): Entity {
  const e = found[i]!;
  if (e.type !== 'NAME' || e.start === 0) return e;
  const closes = CLOSES[text[e.start - 1]!];
  const close = text[e.end];
  if (!closes || !close || !closes.includes(close) || LETTER_OR_DIGIT.test(text[e.end + 1] ?? '')) return e;
  const before = text[e.start - 2] ?? '';
  if (LETTER_OR_DIGIT.test(before)) return e;
  const next = found[i + 1];
  const left = !!last && last.type === 'NAME' && SPACE_GAP.test(text.slice(last.end, e.start - 1));
  const right = !!next && next.type === 'NAME' && SPACE_GAP.test(text.slice(e.end + 1, next.start));
  return (close === ')' ? left && right : left || right) ? { start: e.start - 1, end: e.end + 1, type: 'NAME' } : e;
}

const TITLE_CASE = /^\p{Lu}\p{Ll}/u;
const LOWER_FIRST = /^\p{Ll}/u;
const CAPITAL_NEXT = /^[ \t]+(\p{Lu}[\p{L}'’-]*)/u;
const TIMES = new Set([...MONTHS, ...WEEKDAYS]);

/**
 * Round 24: a name found in the note, met again capitalised after a word typed in lower case ("Joy Fairweather …
 * supportive of Joy", "Ms. Power — yes, Power —"), is that name even after a function word, where the same word in
 * lower case is the word ("the joy of it"). Not a month or weekday ("in May"), nor before another capitalised word
 * that is no name found ("Hope House"); a sentence's first word, or one after a capitalised word (a title in Title
 * Case), is left to the other rules. `prevTyped` is the word before as typed ('' at a sentence's start); `found`
 * tells a name found in the note. Also a keep-list or two-letter given name hidden again only in a person's slot
 * ("Crystal Bearwood … talked about Crystal").
 */
export function capitalAgain(text: string, s: number, t: number, base: string, prevTyped: string, found: (word: string) => boolean): boolean {
  if (!LOWER_FIRST.test(prevTyped) || !TITLE_CASE.test(text.slice(s, s + 2)) || TIMES.has(base)) return false;
  const next = CAPITAL_NEXT.exec(text.slice(t, t + 30))?.[1];
  return !next || found(withoutPossessive(next.toLowerCase()));
}

/** After a nickname's closing quote: a bracket, a mark, the end, a found name or a person's verb ('("Kofi") came', '"Tiny" [NAME]'). */
function nicknameEnds(text: string, at: number, found: readonly Entity[]): boolean {
  if (/^[ \t]*(?:[).,!?;:\n–-]|$)/.test(text.slice(at, at + 3))) return true;
  const gap = /^[ \t]+/.exec(text.slice(at, at + 8));
  return !!gap && (nameAt(found, at + gap[0].length) || personVerb(wordAfter(text, at)));
}

/** Words in quotes that may be a nickname: letters, no function, kin or role word ("the boss", "her" stay). */
function nickname(q: string): boolean {
  const ws = q.split(/[ \t]+/);
  // Two words only with capitals ('"Big Mike"'): two in lower case are as often words said ('"im fine"').
  if (ws.length > 1 && !ws.every((w) => /^\p{Lu}/u.test(w))) return false;
  return ws.every((w) => {
    const l = w.toLowerCase();
    return w.length >= 2 && !SAFE.has(l) && !DETERMINERS.has(l) && !personVerb(l) && (NICKNAMES.has(l) || (!RELATIONS.has(l) && !ROLE_WORDS.has(l)));
  });
}

/** Verbs before "for" that ask for a person: "ask for crystal at the desk". */
const ASKS = new Set(['ask', 'asks', 'asked', 'asking', 'askin', 'looking', 'lookin']);
export const askedFor = (prev: string, prev2: string): boolean => prev === 'for' && ASKS.has(prev2);
/** A bracket after a name saying who the person is: "(the nurse)", "(her sister)", "(sponsor)". */
const WHO_BRACKET = /^[ \t]*\((?:(?:the|her|his|my|our|their|a|an|ur)[ \t]+)?(\p{L}+)/u;
/** A joiner and the word after it (or before it): "crystal and [NAME]", "[NAME] + crystal". */
const JOIN_AFTER = new RegExp(String.raw`^[ \t]+${JOINER}[ \t]+(?=\S)`, 'i');
const JOIN_BEFORE = new RegExp(String.raw`[ \t]+${JOINER}[ \t]+$`, 'i');

/** A word after a possessive that makes it a person's: kin, a role, a thing a person has ("hope's bf", "crystal's place"), or "doing". */
export const ownedNext = (next: string): boolean => RELATIONS.has(next) || ROLE_WORDS.has(next) || OWNED.has(next) || next === 'doing';
/**
 * Conjunctions, after which a subject stands: "if crystal calls back", "so april came" (round 21). Conjunctions only:
 * messy.ts CLAUSE_OPENERS, which opens a clause for a name the rules find, also holds SMS fillers (lol, btw), verbs of
 * saying and "that", "where", after which a keep-list name hidden elsewhere is as often the word ("said may", "that crystal").
 */
export const CONJUNCTIONS = new Set(['if', 'when', 'until', 'til', 'till', 'because', 'cuz', 'coz', 'cause', 'bc', 'and', 'but', 'so', 'then', 'unless', 'while', 'since']);
/** How a person is, after their name: "crystal sick today", "april upset" (round 21). */
const STATES = new Set(['sick', 'fine', 'mad', 'upset', 'drunk', 'high', 'asleep', 'late', 'okay', 'ok', 'good', 'better', 'worse', 'sad', 'angry', 'crying', 'gone', 'pissed', 'sober', 'stoned', 'missing', 'hospitalized', 'tired']);
/** A past-tense verb of the dictionary ("helped", "smiled") or a state after a name: the person again, at a clause's start. */
export function didOrFelt(next: string, d: ReturnType<typeof dictionaries>): boolean {
  return STATES.has(next) || (next.length >= 5 && next.endsWith('ed') && d.english.has(next));
}
/** Words joined to a person: "me and crystal", "crystal & i", "the kids and april" (round 21). */
const PEOPLE_WORDS = new Set(['me', 'i', 'myself']);
const JOINED_WORD_AFTER = new RegExp(String.raw`^[ \t]+${JOINER}[ \t]+(\p{L}+)`, 'iu');
const JOINED_WORD_BEFORE = new RegExp(String.raw`(\p{L}+)[ \t]+${JOINER}[ \t]+$`, 'iu');
function person(word: string | undefined): boolean {
  const w = word?.toLowerCase();
  return !!w && (PEOPLE_WORDS.has(w) || RELATIONS.has(w) || ROLE_WORDS.has(w));
}

/** Whether a name of `found` starts at `at` (or ends at `end` when `ends`). */
function nameAt(found: readonly Entity[], at: number, ends = false): boolean {
  return found.some((e) => e.type === 'NAME' && (ends ? e.end === at : e.start === at));
}

/**
 * Round 21: more slots where a keep-list or everyday word-name hidden elsewhere in the note is that person again: its
 * possessive before a relation, role or thing a person has ("happy's son", "crystal's place"), after "ask for", given
 * a thing ("gave june a ride"), a bracket saying who ("may (the nurse)"), or joined to a hidden name ("happy and [NAME]").
 */
export function secondSlot(text: string, found: readonly Entity[], s: number, t: number, owns: boolean, prev: string, prev2: string, next: string): boolean {
  // Its possessive, or its owner's slot typed without the apostrophe before kin ("crystal mom", "april kids").
  if ((owns && ownedNext(next)) || (RELATIONS.has(next) && (!SAFE.has(prev) || CONJUNCTIONS.has(prev)))) return true;
  if (askedFor(prev, prev2) || givenThing(prev, text, t)) return true;
  const who = WHO_BRACKET.exec(text.slice(t, t + 24))?.[1]?.toLowerCase();
  if (who && (RELATIONS.has(who) || ROLE_WORDS.has(who))) return true;
  if (person(JOINED_WORD_AFTER.exec(text.slice(t, t + 24))?.[1]) || person(JOINED_WORD_BEFORE.exec(text.slice(Math.max(0, s - 24), s))?.[1])) return true;
  const after = JOIN_AFTER.exec(text.slice(t, t + 8));
  if (after && nameAt(found, t + after[0].length)) return true;
  const before = JOIN_BEFORE.exec(text.slice(Math.max(0, s - 10), s));
  return !!before && nameAt(found, s - before[0].length, true);
}

/**
 * Words before a word that make its s-form a verb or a thing, not a name's possessive ("it dawns", "her hopes", "the
 * tanners"; unsure.ts possessiveSForms, sFormOwner). Matched, never shown: one literal a word, so
 * test/inlineWords.test.ts still reads this module for words said.
 */
export const NOT_BEFORE_OWNER = new Set([
  ...['it', 'he', 'she', 'they', 'who', 'which', 'that', 'this', 'i', 'we', 'you', 'u'],
  ...['her', 'his', 'my', 'their', 'our', 'your', 'its', 'the', 'a', 'an'],
]);
/** The word after a possessive, with a hyphened "step-" read whole ("dawns step-daughter"). */
const OWNED_AFTER = /^[ \t]+(?:step-?)?(\p{L}+)/iu;

/**
 * Round 26: the s-form of a name found that is also a word ("dawns", "storms"), typed as that person's possessive
 * before kin, a role, a thing a person has or a platform ("[NAME] is dawns step-daughter", "storms snap is [HANDLE]");
 * not after a pronoun, determiner or number ("it dawns on me", "the storms last week"). Read by everywhere().
 */
export function sFormOwner(text: string, t: number, prev: string): boolean {
  if (NOT_BEFORE_OWNER.has(prev) || /^\d/.test(prev)) return false;
  const next = OWNED_AFTER.exec(text.slice(t, t + 32))?.[1]?.toLowerCase();
  return !!next && (ownedNext(next) || ownedNext(`step${next}`) || PLATFORM_WORDS.has(next));
}

/** The word after `end` when only spaces stand before it, lower case ('' when none). */
export function wordAfter(text: string, end: number): string {
  return WORD_AFTER.exec(text.slice(end, end + 24))?.[1]?.toLowerCase() ?? '';
}
