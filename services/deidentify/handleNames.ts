/**
 * Round 26 (a name that builds a handle): a handle, email or link the detectors hid whose user part starts with or
 * spells a word, and that word said visibly in the same note in a person's slot, is that person's name ("deuce ig is
 * [HANDLE:deuce_westside]", "mo email is [EMAIL:momo.k…]", "guy sent me his new email [EMAIL:guy.l…]", "clovers
 * gofundme [URL:…/clovers-top-…]"; a link only on a person's site). The other way from everywhere()'s "a handle built from a name found". The slot: the
 * word before a platform or contact word ("ig", "on insta", "email"), right before the hidden identifier ("sunny
 * ([HANDLE] on fb)"), before "the" and a role ("hope the case mgr"), or opening a clause before a verb a person does;
 * never after a determiner or possessive ("my email", "the summer fb page"). Read by everywhere() in deidentify.ts.
 * Tests: test/services/deidentify/handleNames.test.ts.
 */
import type { Entity } from './types';
import { DETERMINERS, personVerb, RELATIONS, ROLE_WORDS, SAFE } from './messy';

/** Platforms and contact words a person's handle or address is said with: "deuce ig", "mo email is", "dawn on insta". */
export const PLATFORM_WORDS = new Set(
  `ig insta instagram fb facebook snap snapchat sc email e-mail emails mail gmail wechat discord gofundme tiktok tt
  twitter whatsapp telegram messenger venmo cashapp paypal youtube yt twitch linkedin reddit kik handle acct account
  username`.split(/\s+/),
);
/** Verbs a person does with a handle or address, besides messy.ts personVerb: "guy sent me his new email". */
const SENDS = new Set(['sent', 'sends', 'dmd', 'dmed', "dm'd", 'posted', 'posts', 'replied', 'wrote', 'added', 'follows', 'followed', 'blocked', 'changed', 'made', 'shared', 'started']);
/** Prepositions between a word and its platform: "dawn on insta", "boy on fb as …". */
const ON = new Set(['on', 'from', 'via', 'at']);
/** Words before which a word is a thing: "the", "my", "his". */
const THING_BEFORE = new Set([...DETERMINERS, 'his', 'her', 'ur']);
/** Words opening a clause, after which a subject stands. */
const OPENS = new Set(['and', 'but', 'so', 'then', 'if', 'when', 'cuz', 'bc', 'because', 'lol', 'also', 'oh', 'btw', 'ok', 'okay']);

/** The parts a hidden handle, email or link spells, lower case, two letters or more, and its first part. */
export interface HandleParts {
  parts: Set<string>;
  firsts: string[];
  /** Where the hidden identifiers start, for "word ([HANDLE]" and "word [HANDLE]". */
  starts: number[];
}

/** A hidden handle, email or link: what handleParts reads (everywhere() asks it first). */
export const isContact = (e: Entity): boolean => e.type === 'HANDLE' || e.type === 'EMAIL' || e.type === 'URL';

/** Sites whose links name a person: their pages and fundraisers. */
const PERSON_SITE = /(?:^|\.)(?:gofundme|facebook|fb|instagram|tiktok|twitter|x|linkedin|youtube|venmo|paypal|cash|linktr|snapchat)\.[a-z]+$/;
const URL_HEAD = /^(?:https?:\/\/)?(?:www\.)?/i;
const SPLIT = /[^\p{L}]+/u;

/** The user part of a hidden identifier: a handle without "@", an email before "@", a link's path after its domain. */
function userPart(span: string, type: string): string {
  const s = span.toLowerCase();
  if (type === 'EMAIL') return s.split(/@| at /)[0]!;
  if (type === 'URL') {
    const rest = s.replace(URL_HEAD, '');
    const slash = rest.indexOf('/');
    // Only a person's page on a platform ("gofundme.com/f/clovers-top"): an organisation's site names its pages with words.
    return slash < 0 || !PERSON_SITE.test(rest.slice(0, slash)) ? '' : rest.slice(slash + 1);
  }
  return s.replace(/^@/, '').replace(/#\d+$/, '');
}

/** The parts of every handle, email and link hidden in `found` (undefined when none is hidden). */
export function handleParts(text: string, found: readonly Entity[]): HandleParts | undefined {
  let out: HandleParts | undefined;
  for (const e of found) {
    if (!isContact(e)) continue;
    const user = userPart(text.slice(e.start, e.end), e.type);
    // A link's path: each of its segments opens a part ("/f/clovers-top-surgery").
    const pieces = user.split('/').filter(Boolean);
    for (const piece of pieces) {
      const ps = piece.split(SPLIT).filter((p) => p.length >= 2);
      if (!ps.length) continue;
      out ??= { parts: new Set(), firsts: [], starts: [] };
      // A link's path describes as often as it names ("save-cletus-boat", "dwayne-mama-homegoing"): its first words only.
      for (const p of e.type === 'URL' ? ps.slice(0, 1) : ps) out.parts.add(p);
      out.firsts.push(ps[0]!);
    }
    if (out) out.starts.push(e.start);
  }
  return out;
}

/**
 * How a lower-case word (no possessive) is spelled by a hidden handle: `part` a part of it, `start` its first part's
 * start only ("mo" of "momo.k…"); its s-form too ("clovers"). Undefined when it is neither.
 */
export function spelledBy(h: HandleParts, base: string): 'part' | 'start' | undefined {
  let start = false;
  for (const w of base.length >= 4 && base.endsWith('s') ? [base, base.slice(0, -1)] : [base]) {
    if (w.length < 2 || SAFE.has(w) || THING_BEFORE.has(w) || PLATFORM_WORDS.has(w) || RELATIONS.has(w) || ROLE_WORDS.has(w)) continue;
    if (h.parts.has(w)) return 'part';
    if (h.firsts.some((f) => f.length > w.length && f.startsWith(w))) start = true;
  }
  return start ? 'start' : undefined;
}

const NEXT_WORDS = /^(?:['’]s)?[ \t]+([\p{L}@][\p{L}'’-]*)(?:[ \t]+([\p{L}@][\p{L}'’-]*))?(?:[ \t]+([\p{L}@][\p{L}'’-]*))?/u;
const BEFORE_HANDLE = /^[ \t]*(?:\(|:|-|=|is[ \t])?[ \t]*$/;

/**
 * Whether the word `base` ending at `t` is spelled by a hidden handle (spelledBy) and stands in a person's slot: before a platform or contact
 * word (or "on"/"from" and one), right before a hidden identifier; a word the handle spells whole (a 'part') also
 * before "the" and a role, or opening a clause before a verb a person does ("Referral sent to … [EMAIL:referrals.x@…]"
 * stays). `prev` is the word before in lower case ('' at a sentence's start).
 */
export function handleOwner(text: string, h: HandleParts, base: string, t: number, prev: string): boolean {
  if (THING_BEFORE.has(prev) || /^\d/.test(prev)) return false;
  const how = spelledBy(h, base);
  if (!how) return false;
  const m = NEXT_WORDS.exec(text.slice(t, t + 48));
  const [n1, n2, n3] = [m?.[1], m?.[2], m?.[3]].map((w) => w?.toLowerCase().replace(/['’]s$/, '')) as Array<string | undefined>;
  if (n1 && PLATFORM_WORDS.has(n1)) return true;
  if (n1 && ON.has(n1) && n2 && PLATFORM_WORDS.has(n2)) return true;
  if (h.starts.some((at) => at > t && at - t <= 6 && BEFORE_HANDLE.test(text.slice(t, at)))) return true;
  if (how === 'start') return false;
  if (n1 === 'the' && ((n2 && ROLE_WORDS.has(n2)) || (n3 && (ROLE_WORDS.has(n3) || n3 === 'mgr' || n3 === 'manager' || n3 === 'worker')))) return true;
  const opens = prev === '' || OPENS.has(prev);
  return opens && !!n1 && (personVerb(n1) || SENDS.has(n1));
}
